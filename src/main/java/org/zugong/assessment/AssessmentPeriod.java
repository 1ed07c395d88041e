package org.zugong.assessment;

import java.time.Instant;

/** A routine quarter or an annual assessment opened for a subtree. */
public record AssessmentPeriod(long id, long orgId, String orgName, String orgPath, PeriodKind kind, int year, Integer quarter,
                               String name, PeriodStatus status, int publicityDays, int excellentPercent,
                               Integer goodCapPercent, Instant openedAt, String openedBy, Instant closedAt, String closedBy,
                               int version) {

    public boolean open() {
        return status == PeriodStatus.OPEN;
    }

    public boolean annual() {
        return kind == PeriodKind.ANNUAL;
    }

    /** A stored grade as shown: the annual grade's name for its code, the routine grade as is. */
    public String gradeName(String grade) {
        if (grade == null) {
            return "";
        }
        return annual() ? org.zugong.cadre.AnnualGrade.ofCode(grade).map(org.zugong.cadre.AnnualGrade::chineseName).orElse(grade) : grade;
    }
}
