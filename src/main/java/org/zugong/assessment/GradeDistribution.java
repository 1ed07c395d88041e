package org.zugong.assessment;

import java.util.List;
import org.zugong.platform.web.PageResult;

/**
 * F23: the grades of a period in a subtree (within the jurisdiction) — the counts and shares per grade
 * for the whole subtree and per assessing unit with its quota, and the outliers: units over quota, units
 * where everyone graded got the top grade (at least three people), people who fell two grades or more
 * from the previous period of the same kind.
 */
public record GradeDistribution(long periodId, String periodName, PeriodKind kind, Long orgId, String orgName, Counts total,
                                PageResult<Unit> units, List<Unit> overQuota, List<Unit> allTop, List<FallingPerson> falling) {

    /** One grade's count and its share of those graded, in percent with one decimal. */
    public record GradeCount(String grade, long count, double percent) {
    }

    /** Counts of included people: graded (proposed or confirmed) and per grade. */
    public record Counts(long included, long graded, long confirmed, List<GradeCount> grades) {
    }

    /**
     * One assessing unit: its counts, the quota (percent of the period or an approved one; allowed =
     * assessed × percent / 100 rounded down, null percent = no cap) and its flags.
     */
    public record Unit(long orgId, String orgName, Counts counts, int assessed, Integer percent, boolean approved, Integer allowed,
                       long top, boolean overQuota, boolean allTop) {
    }

    /** A person whose grade fell two levels or more since the previous period of the same kind. */
    public record FallingPerson(long personId, String name, long orgId, String orgName, String previousPeriod, String previousGrade,
                                String grade, int levels) {
    }

    /** Whether the list of falling people was cut at its limit. */
    public boolean fallingTruncated() {
        return falling.size() >= AssessmentProfiles.FALLING_LIMIT;
    }
}
