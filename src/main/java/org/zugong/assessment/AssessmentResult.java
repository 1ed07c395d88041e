package org.zugong.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's assessment in a period, with the person's and unit's names for display. {@code grade}
 * is a RoutineGrade name (routine) or an AnnualGrade code (annual).
 */
public record AssessmentResult(long periodId, long personId, String name, String sex, LocalDate birthDate, long orgId,
                               String orgName, Long schemeId, boolean included, String inclusionNote, AssessmentStage stage,
                               String selfSummary, String indicatorScores, BigDecimal score, String evaluationNote,
                               String suggestedGrade, String grade, String gradeReason, LocalDate publicityFrom,
                               LocalDate publicityTo, Instant confirmedAt, String confirmedBy, boolean dismissalReview,
                               int version, Instant updatedAt, String updatedBy) {
}
