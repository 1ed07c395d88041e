package org.zugong.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

/**
 * F23: the dynamic profile (results over time, chart, percentile among peers, falling two grades) and a
 * period's distribution with its outliers, on fixture periods of county 1 in years no demo data uses
 * (so they are the person's latest), removed after each test.
 */
class AssessmentProfileTests extends IntegrationTest {

    private static final int Y0 = 2090;
    private static final int Y1 = 2091;

    private long county1;
    private long unitU;
    private long unitV;
    private List<Long> u;  // five peers of one cadre category in unit U
    private List<Long> v;  // three of the same category in unit V
    private long routine1;
    private long routine2;
    private long annual0;
    private long annual1;
    private long cityPeriod;
    private final List<Long> periodIds = new ArrayList<>();

    @BeforeEach
    void fixture() {
        county1 = county(1);
        String path = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", county1).query(String.class).single();
        List<Map<String, Object>> groups = jdbc.sql("""
                SELECT c.org_id, c.category, count(*) AS n FROM cadre_view c JOIN person_view p ON p.id = c.person_id
                JOIN org_organization o ON o.id = c.org_id
                WHERE o.path LIKE :path AND p.active AND c.category IS NOT NULL
                GROUP BY 1, 2 HAVING count(*) >= 3 ORDER BY count(*) DESC, c.org_id""").param("path", path + "%").query().listOfRows();
        Map<String, Object> first = groups.stream().filter(g -> ((Number) g.get("n")).intValue() >= 5).findFirst().orElseThrow();
        String category = (String) first.get("category");
        unitU = ((Number) first.get("org_id")).longValue();
        unitV = groups.stream().filter(g -> category.equals(g.get("category")) && ((Number) g.get("org_id")).longValue() != unitU)
                .map(g -> ((Number) g.get("org_id")).longValue()).findFirst().orElseThrow();
        u = people(unitU, category, 5);
        v = people(unitV, category, 3);
        long city = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'CITY' ORDER BY id LIMIT 1").query(Long.class).single();

        routine1 = period(county1, "ROUTINE", Y1, 1, null);
        routine2 = period(county1, "ROUTINE", Y1, 2, null);
        annual0 = period(county1, "ANNUAL", Y0, null, null);
        annual1 = period(county1, "ANNUAL", Y1, null, null);
        cityPeriod = period(city, "ROUTINE", Y1, 3, 20);
        // Q1: u0 好, the others 较好. Q2: u0 一般 (down two), unit V all 好.
        result(routine1, u.get(0), unitU, "好", 90);
        for (int i = 1; i < 5; i++) {
            result(routine1, u.get(i), unitU, "较好", 80);
        }
        result(routine2, u.get(0), unitU, "一般", 70);
        for (int i = 1; i < 5; i++) {
            result(routine2, u.get(i), unitU, "较好", 80 + i);
        }
        for (Long p : v) {
            result(routine2, p, unitV, "好", 95);
        }
        // Annual: u1 优秀 the year before, 基本称职 now (down two); unit U has two 优秀 for one place.
        result(annual0, u.get(1), unitU, "1", 96);
        String[] grades = {"2", "3", "2", "1", "1"};
        int[] scores = {60, 70, 80, 90, 95};
        for (int i = 0; i < 5; i++) {
            result(annual1, u.get(i), unitU, grades[i], scores[i]);
        }
        int[] vScores = {50, 85, 100};
        for (int i = 0; i < 3; i++) {
            result(annual1, v.get(i), unitV, "2", vScores[i]);
        }
    }

    @AfterEach
    void cleanUp() {
        for (Long id : periodIds) {
            jdbc.sql("DELETE FROM assessment_result WHERE period_id = :p").param("p", id).update();
            jdbc.sql("DELETE FROM assessment_quota_approval WHERE period_id = :p").param("p", id).update();
            jdbc.sql("DELETE FROM assessment_period WHERE id = :p").param("p", id).update();
        }
        periodIds.clear();
    }

    private List<Long> people(long unit, String category, int n) {
        return jdbc.sql("""
                SELECT c.person_id FROM cadre_view c JOIN person_view p ON p.id = c.person_id
                WHERE c.org_id = :o AND c.category = :c AND p.active ORDER BY c.person_id LIMIT :n""")
                .param("o", unit).param("c", category).param("n", n).query(Long.class).list();
    }

    private long period(long org, String kind, int year, Integer quarter, Integer goodCap) {
        String name = "ANNUAL".equals(kind) ? year + "年度考核" : year + "年第" + "一二三四".charAt(quarter - 1) + "季度平时考核";
        jdbc.sql("DELETE FROM assessment_period a WHERE org_id = :o AND kind = :k AND year = :y AND coalesce(quarter, 0) = :q "
                        + "AND NOT EXISTS (SELECT 1 FROM assessment_result r WHERE r.period_id = a.id)")
                .param("o", org).param("k", kind).param("y", year).param("q", quarter == null ? 0 : quarter).update();
        long id = jdbc.sql("""
                INSERT INTO assessment_period (org_id, kind, year, quarter, name, status, publicity_days, excellent_percent, good_cap_percent, opened_by)
                VALUES (:o, :k, :y, :q, :n, 'CLOSED', 0, 20, :g, 'test') RETURNING id""")
                .param("o", org).param("k", kind).param("y", year).param("q", quarter).param("n", name).param("g", goodCap)
                .query(Long.class).single();
        periodIds.add(id);
        return id;
    }

    private void result(long period, long person, long org, String grade, int score) {
        jdbc.sql("""
                INSERT INTO assessment_result (period_id, person_id, org_id, stage, score, grade, confirmed_at, confirmed_by, updated_by)
                VALUES (:pe, :p, :o, 'CONFIRMED', :s, :g, now(), 'test', 'test')""")
                .param("pe", period).param("p", person).param("o", org).param("s", BigDecimal.valueOf(score)).param("g", grade).update();
    }

    private ResultActions api(String user, String url) throws Exception {
        return mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, bearer(user)));
    }

    @Test
    void theProfileListsConfirmedResultsOverTimeWithThePercentileAmongPeersOfTheCategory() throws Exception {
        String countyName = jdbc.sql("SELECT name FROM org_organization WHERE id = :id").param("id", county1).query(String.class).single();
        // u2 scored 80 of 60/70/80/90/95 in the unit (percent_rank 2/4), and of 50/60/70/80/85/90/95/100 in the county (3/7).
        api("county1", "/api/v1/assessment/profile/" + u.get(2))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(u.get(2)))
                .andExpect(jsonPath("$.name").isString())
                .andExpect(jsonPath("$.results[?(@.periodId == " + annual1 + ")].gradeName").value("称职"))
                .andExpect(jsonPath("$.results[?(@.periodId == " + annual1 + ")].level").value(3))
                .andExpect(jsonPath("$.results[?(@.periodId == " + routine2 + ")].grade").value("较好"))
                .andExpect(jsonPath("$.results[?(@.periodId == " + routine2 + ")].score").value(82.0))
                .andExpect(jsonPath("$.percentiles[0].kind").value("ANNUAL"))
                .andExpect(jsonPath("$.percentiles[0].periodId").value(annual1))
                .andExpect(jsonPath("$.percentiles[0].unitPeers").value(5))
                .andExpect(jsonPath("$.percentiles[0].unitRank").value(0.5))
                .andExpect(jsonPath("$.percentiles[0].countyName").value(countyName))
                .andExpect(jsonPath("$.percentiles[0].countyPeers").value(8))
                .andExpect(jsonPath("$.percentiles[0].countyRank").value(0.4286))
                // Q2: 70, 81, 82, 83, 84 in the unit (u2 has 82: 2/4); the county adds V's three 95s (2/7).
                .andExpect(jsonPath("$.percentiles[1].kind").value("ROUTINE"))
                .andExpect(jsonPath("$.percentiles[1].periodId").value(routine2))
                .andExpect(jsonPath("$.percentiles[1].unitRank").value(0.5))
                .andExpect(jsonPath("$.percentiles[1].countyPeers").value(8))
                .andExpect(jsonPath("$.percentiles[1].countyRank").value(0.2857))
                .andExpect(jsonPath("$.fallingTwoGrades").value(false));
    }

    @Test
    void aFallOfTwoGradesBetweenQuartersOrYearsIsFlagged() throws Exception {
        api("county1", "/api/v1/assessment/profile/" + u.get(0))
                .andExpect(jsonPath("$.fallingTwoGrades").value(true))
                .andExpect(jsonPath("$.falls[?(@.kind == 'ROUTINE')].fromGrade").value("好"))
                .andExpect(jsonPath("$.falls[?(@.kind == 'ROUTINE')].toGrade").value("一般"))
                .andExpect(jsonPath("$.falls[?(@.kind == 'ROUTINE')].levels").value(2));
        api("county1", "/api/v1/assessment/profile/" + u.get(1))
                .andExpect(jsonPath("$.fallingTwoGrades").value(true))
                .andExpect(jsonPath("$.falls[?(@.kind == 'ANNUAL')].fromPeriod").value(Y0 + "年度考核"))
                .andExpect(jsonPath("$.falls[?(@.kind == 'ANNUAL')].toGrade").value("基本称职"));
        // 好 → 较好 is one level: no flag from these periods.
        api("county1", "/api/v1/assessment/profile/" + u.get(3))
                .andExpect(jsonPath("$.falls[?(@.toPeriod =~ /" + Y1 + ".*/)]").isEmpty());
    }

    @Test
    void theProfilePageDrawsTheChartAsInlineSvg() throws Exception {
        String html = mvc.perform(get("/assessment/profile/" + u.get(0)).session(session("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<svg", "id=\"profile-chart\"", "<polyline", "等次下降两级及以上", "zg-unit-percentile");
        assertThat(html).doesNotContain("<script>");
        // The routine line has the two quarters, the annual markers the year's grade.
        assertThat(html).containsPattern("class=\"zg-chart-routine\"[^>]*points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+");
        // A result page links to the profile.
        mvc.perform(get("/assessment/periods/" + annual1 + "/results/" + u.get(0)).session(session("county1")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("/assessment/profile/" + u.get(0))));
    }

    @Test
    void theDistributionCountsGradesPerUnitAndFlagsOverQuotaAndAllTopUnitsAndFallingPeople() throws Exception {
        api("county1", "/api/v1/assessment/periods/" + annual1 + "/distribution?orgId=" + county1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ANNUAL"))
                .andExpect(jsonPath("$.total.included").value(8))
                .andExpect(jsonPath("$.total.graded").value(8))
                .andExpect(jsonPath("$.total.grades[0].grade").value("优秀"))
                .andExpect(jsonPath("$.total.grades[0].count").value(2))
                .andExpect(jsonPath("$.total.grades[0].percent").value(25.0))
                .andExpect(jsonPath("$.total.grades[1].count").value(5))
                .andExpect(jsonPath("$.total.grades[2].count").value(1))
                .andExpect(jsonPath("$.units.page.totalElements").value(2))
                .andExpect(jsonPath("$.units.content[?(@.orgId == " + unitU + ")].assessed").value(5))
                .andExpect(jsonPath("$.units.content[?(@.orgId == " + unitU + ")].allowed").value(1))
                .andExpect(jsonPath("$.units.content[?(@.orgId == " + unitU + ")].top").value(2))
                .andExpect(jsonPath("$.units.content[?(@.orgId == " + unitU + ")].overQuota").value(true))
                .andExpect(jsonPath("$.units.content[?(@.orgId == " + unitV + ")].overQuota").value(false))
                .andExpect(jsonPath("$.overQuota[*].orgId").value(Matchers.contains((int) unitU)))
                .andExpect(jsonPath("$.allTop").isEmpty())
                .andExpect(jsonPath("$.falling[*].personId").value(Matchers.contains(u.get(1).intValue())))
                .andExpect(jsonPath("$.falling[0].previousGrade").value("优秀"))
                .andExpect(jsonPath("$.falling[0].grade").value("基本称职"))
                .andExpect(jsonPath("$.falling[0].levels").value(2));
        // Q2: unit V's three are all 好; u0 fell from 好 to 一般; no cap, so nobody is over quota.
        api("county1", "/api/v1/assessment/periods/" + routine2 + "/distribution")
                .andExpect(jsonPath("$.allTop[*].orgId").value(Matchers.contains((int) unitV)))
                .andExpect(jsonPath("$.overQuota").isEmpty())
                .andExpect(jsonPath("$.falling[*].personId").value(Matchers.contains(u.get(0).intValue())))
                .andExpect(jsonPath("$.total.grades[0].grade").value("好"))
                .andExpect(jsonPath("$.total.grades[0].count").value(3));
        // A page of one unit still carries the totals and every outlier.
        api("county1", "/api/v1/assessment/periods/" + annual1 + "/distribution?size=1&page=1")
                .andExpect(jsonPath("$.units.content.length()").value(1))
                .andExpect(jsonPath("$.units.page.totalElements").value(2))
                .andExpect(jsonPath("$.total.graded").value(8))
                .andExpect(jsonPath("$.overQuota[*].orgId").value(Matchers.contains((int) unitU)));
        String html = mvc.perform(get("/assessment/periods/" + routine2 + "/distribution").session(session("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"all-top\"", "全部为好", "id=\"distribution-units\"");
        mvc.perform(get("/assessment/periods/" + routine2).session(session("county1")))
                .andExpect(content().string(Matchers.containsString("/assessment/periods/" + routine2 + "/distribution")));
    }

    @Test
    void anotherCountyGets404AndTheAttemptIsAudited() throws Exception {
        long denied = auditCount("ACCESS_DENIED");
        api("county2", "/api/v1/assessment/profile/" + u.get(0)).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 1);
        mvc.perform(get("/assessment/profile/" + u.get(0)).session(session("county2"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 2);
        api("county2", "/api/v1/assessment/periods/" + annual1 + "/distribution").andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 3);
        // The city's period is visible to county 2, a unit of county 1 in it is not.
        api("county2", "/api/v1/assessment/periods/" + cityPeriod + "/distribution").andExpect(status().isOk());
        api("county2", "/api/v1/assessment/periods/" + cityPeriod + "/distribution?orgId=" + unitU).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 4);
        // The city sees everything.
        api("city", "/api/v1/assessment/profile/" + u.get(0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.results[?(@.periodId == " + routine1 + ")].grade").value("好"));
    }

    @Test
    void gradesMapToLevelsAndOnlyConsecutivePeriodsCount() {
        assertThat(GradeLevel.level(PeriodKind.ROUTINE, "好")).isEqualTo(4);
        assertThat(GradeLevel.level(PeriodKind.ROUTINE, "较差")).isEqualTo(1);
        assertThat(GradeLevel.level(PeriodKind.ANNUAL, "1")).isEqualTo(4);
        assertThat(GradeLevel.level(PeriodKind.ANNUAL, "2B")).isEqualTo(3);
        assertThat(GradeLevel.level(PeriodKind.ANNUAL, "5A")).isNull();
        var q4 = new AssessmentProfile.Entry(1, PeriodKind.ROUTINE, 2024, 4, "q4", 1, "u", null, "好", "好", 4);
        var q1 = new AssessmentProfile.Entry(2, PeriodKind.ROUTINE, 2025, 1, "q1", 1, "u", null, "较差", "较差", 1);
        var q3 = new AssessmentProfile.Entry(3, PeriodKind.ROUTINE, 2025, 3, "q3", 1, "u", null, "好", "好", 4);
        var skipped = new AssessmentProfile.Entry(4, PeriodKind.ROUTINE, 2026, 1, "next year q1", 1, "u", null, "一般", "一般", 2);
        // Q4 → Q1 of the next year is consecutive (down 3); Q3 → the next Q1 skips two quarters.
        assertThat(AssessmentProfiles.falls(List.of(q1, q4, q3, skipped))).singleElement()
                .satisfies(f -> assertThat(f.levels()).isEqualTo(3));
    }
}
