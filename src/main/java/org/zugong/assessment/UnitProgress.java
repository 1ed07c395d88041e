package org.zugong.assessment;

import java.time.LocalDate;

/**
 * A unit's state in a period: how many of its people are at each stage, its grades, and its quota.
 *
 * @param assessed          included people who count for the quota (graded, not 不定等次/不进行考核)
 * @param excellentAllowed  优秀 (annual) or 好 (routine, when capped) places: assessed × percent / 100, rounded down
 * @param excellentUsed     优秀/好 proposed or confirmed
 * @param percent           the percent that applies: the period's, or an approved higher one
 */
public record UnitProgress(long orgId, String orgName, int total, int included, int selfSummary, int evaluation, int proposal,
                           int publicity, int confirmed, int assessed, Integer excellentAllowed, int excellentUsed,
                           Integer percent, boolean approved, LocalDate publicityFrom, LocalDate publicityTo) {

    public int overQuota() {
        return excellentAllowed == null ? 0 : Math.max(0, excellentUsed - excellentAllowed);
    }

    public boolean allConfirmed() {
        return included > 0 && confirmed == included;
    }
}
