package org.zugong.recruitment;

import java.time.LocalDate;

/** A candidate became a 预备党员: the Party committee approved the admission. */
public record CandidateAdmitted(long candidateId, long personId, LocalDate admissionDate, LocalDate approvalDate) {
}
