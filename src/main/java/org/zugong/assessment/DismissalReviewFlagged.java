package org.zugong.assessment;

/** 连续两年不称职: the person's second consecutive 不称职 was confirmed; a dismissal (辞退) review is due. */
public record DismissalReviewFlagged(long personId, int year, long periodId) {
}
