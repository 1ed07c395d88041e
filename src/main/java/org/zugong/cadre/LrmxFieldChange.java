package org.zugong.cadre;

/** One field an import would change: the LRMX element, its printed label, the stored and the incoming text. */
public record LrmxFieldChange(String field, String label, String before, String after) {
}
