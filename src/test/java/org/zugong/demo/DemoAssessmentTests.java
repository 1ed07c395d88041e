package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;
import org.zugong.cadre.AnnualGrade;

/**
 * The assessments the demo load wrote, read back from the database. Other tests share the database and
 * may open periods or edit results; only rows written by the demo load (opened_by, updated_by, done_by
 * = demo) are looked at.
 */
class DemoAssessmentTests extends IntegrationTest {

    private final int year = LocalDate.now().getYear();

    @Test
    void twoClosedYearsOfPeriodsOwnedByTheCityAndNoneForTheCurrentYear() {
        List<Map<String, Object>> periods = jdbc.sql("""
                SELECT p.kind, p.year, p.quarter, p.name, p.status, p.publicity_days, p.excellent_percent, p.good_cap_percent,
                       o.kind AS org_kind, p.closed_by, p.closed_at > p.opened_at AS ordered
                FROM assessment_period p JOIN org_organization o ON o.id = p.org_id
                WHERE p.opened_by = 'demo' ORDER BY p.year, p.kind DESC, p.quarter""").query().listOfRows();
        assertThat(periods).hasSize(10);
        assertThat(periods).extracting(p -> p.get("year")).containsOnly(year - 2, year - 1);
        assertThat(periods).allSatisfy(p -> {
            assertThat(p.get("status")).isEqualTo("CLOSED");
            assertThat(p.get("org_kind")).isEqualTo("CITY");
            assertThat(p.get("excellent_percent")).isEqualTo(20);
            assertThat(p.get("good_cap_percent")).isNull();
            assertThat(p.get("closed_by")).isEqualTo("demo");
            assertThat(p.get("ordered")).isEqualTo(true);
            assertThat(p.get("publicity_days")).isEqualTo("ANNUAL".equals(p.get("kind")) ? 5 : 0);
        });
        assertThat(periods).extracting(p -> p.get("name"))
                .contains((year - 1) + "年第一季度平时考核", (year - 2) + "年第四季度平时考核", (year - 1) + "年度考核");
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_period WHERE opened_by = 'demo' AND year = :y").param("y", year)
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyDemoCadreHasAConfirmedResultWithStepsInEveryDemoPeriod() {
        long files = jdbc.sql("SELECT count(*) FROM cadre_profile WHERE created_by = 'demo'").query(Long.class).single();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cadre_profile c CROSS JOIN assessment_period p
                WHERE c.created_by = 'demo' AND p.opened_by = 'demo'
                  AND NOT EXISTS (SELECT 1 FROM assessment_result r WHERE r.period_id = p.id AND r.person_id = c.person_id)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id
                WHERE p.opened_by = 'demo' AND r.updated_by = 'demo'""").query(Long.class).single())
                .isEqualTo(files * 10);
        // the demo results: confirmed, graded, scored, in the unit of the file, with the trail of their kind of period
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id
                JOIN cadre_profile c ON c.person_id = r.person_id AND c.updated_by = 'demo'
                WHERE r.updated_by = 'demo' AND (r.stage <> 'CONFIRMED' OR r.confirmed_by <> 'demo' OR r.org_id <> c.org_id
                   OR r.included AND (r.grade IS NULL OR r.score NOT BETWEEN 60 AND 100 OR r.self_summary IS NULL)
                   OR (p.kind = 'ROUTINE') <> (r.grade IN ('好', '较好', '一般', '较差'))
                   OR (p.kind = 'ANNUAL') <> (r.publicity_from IS NOT NULL AND r.suggested_grade IS NOT NULL)
                   OR r.publicity_to < r.publicity_from OR r.confirmed_at < p.opened_at
                   OR r.included AND (SELECT count(*) FROM assessment_step s WHERE s.period_id = r.period_id AND s.person_id = r.person_id
                        AND s.done_by = 'demo') <> CASE p.kind WHEN 'ANNUAL' THEN 4 ELSE 3 END)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_step s JOIN assessment_result r USING (period_id, person_id)
                WHERE s.done_by = 'demo' AND r.updated_by = 'demo' AND s.done_at > r.confirmed_at""").query(Long.class).single())
                .isZero();
    }

    @Test
    void annualGradesAreThoseOfTheCadreFilesAndTheirPrintedText() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id AND p.kind = 'ANNUAL'
                LEFT JOIN cadre_annual_result a ON a.person_id = r.person_id AND a.year = p.year
                JOIN cadre_profile c ON c.person_id = r.person_id AND c.updated_by = 'demo'
                WHERE r.updated_by = 'demo' AND p.opened_by = 'demo' AND r.grade IS DISTINCT FROM a.code""")
                .query(Long.class).single()).isZero();
        // a deviation from the suggestion is explained, as are 不定等次 and 不进行考核
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id AND p.kind = 'ANNUAL'
                WHERE r.updated_by = 'demo' AND p.opened_by = 'demo' AND r.included
                  AND (r.grade_reason IS NULL) <> (r.grade = r.suggested_grade AND r.grade NOT LIKE '5%' AND r.grade NOT LIKE '6%')""")
                .query(Long.class).single()).isZero();
        // dismissal review exactly for two consecutive 不称职
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id AND p.kind = 'ANNUAL'
                LEFT JOIN cadre_annual_result prev ON prev.person_id = r.person_id AND prev.year = p.year - 1
                WHERE r.updated_by = 'demo' AND p.opened_by = 'demo'
                  AND r.dismissal_review <> (r.grade IN ('4', '4B') AND coalesce(prev.code IN ('4', '4B'), FALSE))""")
                .query(Long.class).single()).isZero();
        Map<Long, List<String>> printed = jdbc.sql("""
                SELECT a.person_id, a.year, a.code FROM cadre_annual_result a
                JOIN cadre_profile c ON c.person_id = a.person_id AND c.updated_by = 'demo' ORDER BY a.person_id, a.year""")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2) + "年度考核"
                        + AnnualGrade.ofCode(rs.getString(3)).orElseThrow().printedName()))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        jdbc.sql("SELECT person_id, annual_text FROM cadre_profile WHERE updated_by = 'demo'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().forEach(e -> {
                    List<String> years = printed.get(e.getKey());
                    assertThat(e.getValue()).isEqualTo(String.join("，", years.subList(Math.max(0, years.size() - 3), years.size())));
                });
    }

    @Test
    void theExcellentQuotaHoldsInEveryUnit() {
        List<Map<String, Object>> over = jdbc.sql("""
                SELECT r.period_id, r.org_id, count(*) FILTER (WHERE r.grade = '1') AS excellent,
                       count(*) FILTER (WHERE r.grade IN ('1', '2', '3', '4')) AS assessed, coalesce(q.percent, p.excellent_percent) AS percent
                FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id AND p.kind = 'ANNUAL'
                LEFT JOIN assessment_quota_approval q ON q.period_id = r.period_id AND q.org_id = r.org_id
                WHERE r.updated_by = 'demo' AND p.opened_by = 'demo' AND r.included
                GROUP BY r.period_id, r.org_id, q.percent, p.excellent_percent
                HAVING count(*) FILTER (WHERE r.grade = '1')
                       > floor(count(*) FILTER (WHERE r.grade IN ('1', '2', '3', '4')) * coalesce(q.percent, p.excellent_percent) / 100.0)""")
                .query().listOfRows();
        assertThat(over).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_quota_approval WHERE approved_by = 'demo' AND percent = 25")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id AND p.kind = 'ANNUAL'
                WHERE r.updated_by = 'demo' AND p.opened_by = 'demo' AND r.grade = '1'""").query(Long.class).single())
                .isPositive();
    }

    @Test
    void routineGradesAreDistributedRealistically() {
        Map<String, Long> counts = jdbc.sql("""
                SELECT r.grade, count(*) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id AND p.kind = 'ROUTINE'
                WHERE r.updated_by = 'demo' AND p.opened_by = 'demo' AND r.included GROUP BY r.grade""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        double n = counts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(counts.keySet()).containsExactlyInAnyOrder("好", "较好", "一般", "较差");
        assertThat(counts.get("好") / n).isBetween(0.30, 0.40);
        assertThat(counts.get("较好") / n).isBetween(0.40, 0.52);
        assertThat(counts.get("一般") / n).isBetween(0.10, 0.20);
        assertThat(counts.get("较差") / n).isBetween(0.002, 0.02);
        // 优秀 people were mostly 好, 基本称职 people had 一般
        Map<String, Double> goodShare = jdbc.sql("""
                SELECT a.grade, avg(CASE WHEN q.grade = '好' THEN 1.0 ELSE 0.0 END), avg(CASE WHEN q.grade IN ('一般', '较差') THEN 1.0 ELSE 0.0 END)
                FROM assessment_result a JOIN assessment_period pa ON pa.id = a.period_id AND pa.kind = 'ANNUAL' AND pa.opened_by = 'demo'
                JOIN assessment_period pq ON pq.kind = 'ROUTINE' AND pq.year = pa.year AND pq.opened_by = 'demo'
                JOIN assessment_result q ON q.period_id = pq.id AND q.person_id = a.person_id AND q.updated_by = 'demo'
                WHERE a.updated_by = 'demo' AND a.grade IN ('1', '3') GROUP BY a.grade""")
                .query((rs, n2) -> Map.entry(rs.getString(1), rs.getString(1).equals("1") ? rs.getDouble(2) : rs.getDouble(3)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(goodShare.get("1")).isGreaterThan(0.7);
        assertThat(goodShare.get("3")).isGreaterThan(0.4);
    }
}
