package org.zugong.assessment;

import java.util.List;

/**
 * Grades on one scale for the dynamic profile (F23): 好/优秀 = 4, 较好/称职 = 3, 一般/基本称职 = 2,
 * 较差/不称职 = 1 (合格/基本合格/不合格 of institution staff count as 称职/基本称职/不称职); 不定等次 and
 * 不进行考核 have no level. A fall of two levels or more from one period to the next is flagged.
 */
final class GradeLevel {

    static final int FALL = 2;

    /** A grade bucket of the distribution: its label and the stored grades it counts. */
    record Bucket(String label, List<String> grades, boolean prefix) {
    }

    static final List<Bucket> ROUTINE = List.of(new Bucket("好", List.of("好"), false), new Bucket("较好", List.of("较好"), false),
            new Bucket("一般", List.of("一般"), false), new Bucket("较差", List.of("较差"), false));

    static final List<Bucket> ANNUAL = List.of(new Bucket("优秀", List.of("1"), false),
            new Bucket("称职（合格）", List.of("2", "2B"), false), new Bucket("基本称职（基本合格）", List.of("3", "3B"), false),
            new Bucket("不称职（不合格）", List.of("4", "4B"), false), new Bucket("不定等次", List.of("5"), true),
            new Bucket("不进行考核", List.of("6"), true));

    private GradeLevel() {
    }

    static List<Bucket> buckets(PeriodKind kind) {
        return kind == PeriodKind.ANNUAL ? ANNUAL : ROUTINE;
    }

    /** The level of a stored grade, or null (no grade, 不定等次, 不进行考核). */
    static Integer level(PeriodKind kind, String grade) {
        if (grade == null) {
            return null;
        }
        if (kind == PeriodKind.ROUTINE) {
            return RoutineGrade.of(grade).map(g -> 5 - g.rank()).orElse(null);
        }
        return switch (grade) {
            case "1" -> 4;
            case "2", "2B" -> 3;
            case "3", "3B" -> 2;
            case "4", "4B" -> 1;
            default -> null;
        };
    }

    /** The same mapping in SQL over a grade column, for a period kind column. */
    static String sql(String kindColumn, String gradeColumn) {
        return "CASE WHEN " + kindColumn + " = 'ROUTINE' THEN CASE " + gradeColumn
                + " WHEN '好' THEN 4 WHEN '较好' THEN 3 WHEN '一般' THEN 2 WHEN '较差' THEN 1 END"
                + " ELSE CASE " + gradeColumn + " WHEN '1' THEN 4 WHEN '2' THEN 3 WHEN '2B' THEN 3 WHEN '3' THEN 2 WHEN '3B' THEN 2"
                + " WHEN '4' THEN 1 WHEN '4B' THEN 1 END END";
    }

    /** The top grade of a kind: 好 (routine) or the code of 优秀 (annual). */
    static String top(PeriodKind kind) {
        return kind == PeriodKind.ANNUAL ? org.zugong.cadre.AnnualGrade.EXCELLENT.code() : RoutineGrade.好.name();
    }

    /** The key of a period in time, consecutive for consecutive quarters (routine) or years (annual). */
    static int timeKey(PeriodKind kind, int year, Integer quarter) {
        return kind == PeriodKind.ANNUAL ? year : year * 4 + (quarter - 1);
    }
}
