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
}
