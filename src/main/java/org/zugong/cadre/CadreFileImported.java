package org.zugong.cadre;

/** A cadre file was written from an LRMX form; {@code created} when the person was new. Published after commit to warnings and other listeners. */
public record CadreFileImported(long personId, boolean created) {
}
