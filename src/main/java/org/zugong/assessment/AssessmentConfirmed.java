package org.zugong.assessment;

/** A unit's results of a period were confirmed (for warnings and dashboards). Published after commit. */
public record AssessmentConfirmed(long periodId, long orgId, PeriodKind kind, int year, Integer quarter, int confirmed) {
}
