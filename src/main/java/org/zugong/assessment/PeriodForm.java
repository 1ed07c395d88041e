package org.zugong.assessment;

/** Opening a period: kind, year, quarter (routine), the subtree, and the period's numbers (defaults from the rule set). */
public record PeriodForm(String kind, Integer year, Integer quarter, Long orgId, Integer publicityDays, Integer excellentPercent,
                         Integer goodCapPercent) {
}
