package org.zugong.assessment;

/** A grade with its reason: a routine grade name (好/较好/一般/较差) or an annual grade code (1, 2, 3, 4, 5A, …). */
public record GradeForm(String grade, String reason, Integer version) {
}
