package org.zugong.recruitment;

import java.time.LocalDate;

/** A 预备党员 became a full member: the conversion was approved; 党龄 counts from {@code fullMemberFrom}. */
public record CandidateConverted(long candidateId, long personId, LocalDate fullMemberFrom, LocalDate approvalDate) {
}
