package org.zugong.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * F23 动态考核: one person's confirmed results over quarters and years (within the caller's
 * jurisdiction), the chart of them, the percentile among peers of the same cadre category in the latest
 * annual and routine period, and every fall of two grades or more from one period to the next.
 */
public record AssessmentProfile(long personId, String name, String orgName, String category, List<Entry> entries,
                                List<Percentile> percentiles, List<Fall> falls, ProfileChart chart) {

    /** A confirmed result; {@code level} 4 (好/优秀) to 1 (较差/不称职), null without a graded level. */
    public record Entry(long periodId, PeriodKind kind, int year, Integer quarter, String periodName, long orgId, String orgName,
                        BigDecimal score, String grade, String gradeName, Integer level) {

        int timeKey() {
            return GradeLevel.timeKey(kind, year, quarter);
        }
    }

    /**
     * Where the score stands among the confirmed, scored results of the same period and cadre category:
     * in the same unit and in the same county (the city when the unit lies in no county). A rank is
     * {@code percent_rank()}: the share of peers with a lower score, 0 to 1.
     */
    public record Percentile(PeriodKind kind, long periodId, String periodName, BigDecimal score, String unitName, int unitPeers,
                             BigDecimal unitRank, String countyName, int countyPeers, BigDecimal countyRank) {

        public Integer unitPercent() {
            return percent(unitRank);
        }

        public Integer countyPercent() {
            return percent(countyRank);
        }

        private static Integer percent(BigDecimal rank) {
            return rank == null ? null : rank.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    /** A fall of {@code levels} (≥ 2) from one period to the next of the same kind. */
    public record Fall(PeriodKind kind, String fromPeriod, String fromGrade, String toPeriod, String toGrade, int levels) {
    }

    public boolean fallingTwoGrades() {
        return !falls.isEmpty();
    }
}
