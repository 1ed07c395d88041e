package org.zugong.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;
import org.zugong.cadre.LrmxDocument;
import org.zugong.cadre.LrmxEducation;
import org.zugong.cadre.LrmxWriter;
import org.zugong.person.IdNumber;

/**
 * Each default rule of 预警默认: creating the facts through the application raises the warning within
 * seconds (event path), and ending the condition closes it with a reason; the full evaluation is
 * idempotent; a county sees only its subtree's warnings.
 */
class WarningRuleTests extends IntegrationTest {

    private static final int YEAR = LocalDate.now().getYear();
    private static int serial = 100;

    @Autowired
    WarningEngine engine;

    private ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer("county1")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String unit() {
        return jdbc.sql("SELECT name FROM org_organization WHERE kind = 'ORGAN' AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(1)).query(String.class).single();
    }

    /** A new 公务员 cadre of county 1, born on the given day, imported through the API. */
    private long cadre(LocalDate birth) throws Exception {
        String id = IdNumber.withCheckDigit("430197" + birth.toString().replace("-", "") + String.format("%03d", (serial++ % 450) * 2 + 1)).value();
        LrmxDocument d = new LrmxDocument("预警" + (char) ('甲' + serial % 20) + "同志", "男", YearMonth.from(birth), "汉族", "湖南", "湖南", null,
                YearMonth.from(birth.plusYears(23)), "健康", null, null, new LrmxEducation("大学", null, null, null), null,
                unit() + "科员", null, null, List.of(), null, null, null, List.of(), null, null, null, null, id, null, "3.2.1.16", Map.of());
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/cadres/lrmx")
                        .file(new MockMultipartFile("file", "x.lrmx", "application/octet-stream", LrmxWriter.write(d)))
                        .header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long personId = ((Number) JsonPath.read(body, "$.imported[0].id")).longValue();
        jdbc.sql("UPDATE cadre_profile SET category = '公务员' WHERE person_id = :p").param("p", personId).update();
        return personId;
    }

    private String statusOf(long person, String rule) {
        return jdbc.sql("SELECT status FROM warning WHERE person_id = :p AND rule_code = :r ORDER BY id DESC LIMIT 1")
                .param("p", person).param("r", rule).query(String.class).optional().orElse(null);
    }

    /** Waits (event path, after commit) until the rule's latest warning for the person has this status. */
    private void await(long person, String rule, String expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            if (java.util.Objects.equals(statusOf(person, rule), expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(statusOf(person, rule)).as(rule + " for " + person).isEqualTo(expected);
    }

    private void measure(long person, String kind, LocalDate decided, LocalDate end) throws Exception {
        api(post("/api/v1/cadres/" + person + "/records"), "{\"kind\":\"" + kind + "\",\"title\":\"" + kind + "\",\"decidedOn\":\"" + decided + "\""
                + (end == null ? "" : ",\"effectEnd\":\"" + end + "\"") + "}").andExpect(status().isCreated());
    }

    private void annual(long person, int year, String code) throws Exception {
        api(put("/api/v1/cadres/" + person + "/annual-results"), "{\"year\":" + year + ",\"code\":\"" + code + "\"}").andExpect(status().isNoContent());
    }

    /** Ends every measure of the person yesterday, as a measure whose period runs out would. */
    private void measuresEndedYesterday(long person) {
        jdbc.sql("UPDATE cadre_record SET effect_start = LEAST(coalesce(effect_start, decided_on), CURRENT_DATE - 2), effect_end = CURRENT_DATE - 1 WHERE person_id = :p")
                .param("p", person).update();
    }

    @Test
    void aSanctionInForceRaisesRedAndItsEndClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1980, 5, 5));
        measure(p, "党纪处分", LocalDate.now().minusDays(3), LocalDate.now().plusMonths(6));
        await(p, "SANCTION_IN_FORCE", "OPEN");
        assertThat(jdbc.sql("SELECT colour FROM warning WHERE person_id = :p AND rule_code = 'SANCTION_IN_FORCE'").param("p", p)
                .query(String.class).single()).isEqualTo("RED");
        assertThat(jdbc.sql("SELECT evidence::text FROM warning WHERE person_id = :p AND rule_code = 'SANCTION_IN_FORCE'").param("p", p)
                .query(String.class).single()).contains("党纪处分");
        measuresEndedYesterday(p);
        engine.evaluatePersons(List.of(p), LocalDate.now(), "测试");
        assertThat(statusOf(p, "SANCTION_IN_FORCE")).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT close_reason FROM warning WHERE person_id = :p AND rule_code = 'SANCTION_IN_FORCE'").param("p", p)
                .query(String.class).single()).contains("条件不再成立");
    }

    @Test
    void anAdmonishmentRaisesOrangeAndAnInvestigationToo() throws Exception {
        long p = cadre(LocalDate.of(1981, 6, 6));
        measure(p, "诫勉", LocalDate.now().minusDays(1), LocalDate.now().plusMonths(6));
        await(p, "ADMONISHMENT_IN_FORCE", "OPEN");
        measure(p, "立案审查", LocalDate.now().minusDays(1), null);
        await(p, "UNDER_INVESTIGATION", "OPEN");
        measuresEndedYesterday(p);
        engine.evaluatePersons(List.of(p), LocalDate.now(), "测试");
        assertThat(statusOf(p, "ADMONISHMENT_IN_FORCE")).isEqualTo("CLOSED");
        assertThat(statusOf(p, "UNDER_INVESTIGATION")).isEqualTo("CLOSED");
    }

    @Test
    void twoIncompetentYearsRaiseRedAndAChangedResultClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1979, 7, 7));
        annual(p, YEAR - 2, "4");
        annual(p, YEAR - 1, "4");
        await(p, "INCOMPETENT_TWICE", "OPEN");
        annual(p, YEAR - 2, "2");
        await(p, "INCOMPETENT_TWICE", "CLOSED");
    }

    @Test
    void aBasicallyCompetentYearRaisesOrangeAndACorrectionClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1982, 8, 8));
        annual(p, YEAR - 1, "3");
        await(p, "BASICALLY_COMPETENT", "OPEN");
        annual(p, YEAR - 1, "2");
        await(p, "BASICALLY_COMPETENT", "CLOSED");
    }

    @Test
    void aProbationEndingWithinThirtyDaysRaisesYellowAndTheDismissalClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1983, 9, 9));
        long org = orgIdByName(unit());
        String body = api(post("/api/v1/cadres/" + p + "/posts"), "{\"orgId\":" + org + ",\"title\":\"副局长\",\"postLevel\":\"乡科级副职\",\"method\":\"委任\",\"startDate\":\""
                + LocalDate.now().minusMonths(11) + "\",\"probationEnd\":\"" + LocalDate.now().plusDays(10) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long post = ((Number) JsonPath.read(body, "$.id")).longValue();
        await(p, "PROBATION_ENDING", "OPEN");
        api(post("/api/v1/cadres/" + p + "/posts/" + post + "/end"), "{\"endDate\":\"" + LocalDate.now() + "\"}").andExpect(status().isNoContent());
        await(p, "PROBATION_ENDING", "CLOSED");
    }

    @Test
    void tenYearsInTheSamePostRaiseBlueAndTheDismissalClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1972, 1, 1));
        long org = orgIdByName(unit());
        String body = api(post("/api/v1/cadres/" + p + "/posts"), "{\"orgId\":" + org + ",\"title\":\"科长\",\"postLevel\":\"乡科级正职\",\"method\":\"委任\",\"startDate\":\""
                + LocalDate.now().minusYears(11) + "\"}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long post = ((Number) JsonPath.read(body, "$.id")).longValue();
        await(p, "LONG_IN_POST", "OPEN");
        api(post("/api/v1/cadres/" + p + "/posts/" + post + "/end"), "{\"endDate\":\"" + LocalDate.now() + "\"}").andExpect(status().isNoContent());
        await(p, "LONG_IN_POST", "CLOSED");
    }

    @Test
    void retirementWithinTwelveMonthsRaisesBlueAndClosesOnceRetired() throws Exception {
        // A man born 1966-07 retires in 2026-12 under the 2025 reform (60 years and 5 months).
        LocalDate today = LocalDate.now();
        YearMonth retirement = YearMonth.from(today).plusMonths(2);
        LocalDate birth = retirementBirthFor(retirement);
        long p = cadre(birth);
        await(p, "RETIREMENT_SOON", "OPEN");
        engine.evaluatePersons(List.of(p), retirement.plusMonths(1).atDay(1), "测试");
        assertThat(statusOf(p, "RETIREMENT_SOON")).isEqualTo("CLOSED");
    }

    /** A man's birth month that retires in this month under the schedule (searched, not hard-coded). */
    private static LocalDate retirementBirthFor(YearMonth retirement) {
        var schedule = org.zugong.cadre.RetirementSchedule.load();
        for (YearMonth b = retirement.minusYears(64); b.isBefore(retirement.minusYears(59)); b = b.plusMonths(1)) {
            if (schedule.compute(b, org.zugong.cadre.RetirementGroup.MALE_60).retirementMonth().equals(retirement)) {
                return b.atDay(15);
            }
        }
        throw new IllegalStateException("no birth month retires in " + retirement);
    }

    private long supervision(long person, String json) throws Exception {
        String body = api(post("/api/v1/supervision/records"), json.replace("$P", Long.toString(person)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.recordId")).longValue();
    }

    @Test
    void anInquiryLetterPastItsDeadlineRaisesOrangeAndItsResolutionClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1978, 2, 2));
        long record = supervision(p, "{\"personId\":$P,\"kind\":\"INQUIRY_LETTER\",\"date\":\"" + LocalDate.now().minusDays(40)
                + "\",\"deadline\":\"" + LocalDate.now().minusDays(10) + "\",\"summary\":\"关于反映问题的函询\"}");
        await(p, "INQUIRY_OVERDUE", "OPEN");
        api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/supervision/records/SUP-" + record),
                "{\"status\":\"RESOLVED\",\"result\":\"已如实说明，予以了结\"}").andExpect(status().is2xxSuccessful());
        await(p, "INQUIRY_OVERDUE", "CLOSED");
    }

    @Test
    void aReminderTalkRaisesYellowForAYearAndAPetitionWhileItIsHandled() throws Exception {
        long p = cadre(LocalDate.of(1977, 3, 3));
        supervision(p, "{\"personId\":$P,\"kind\":\"REMINDER_TALK\",\"date\":\"" + LocalDate.now().minusDays(5) + "\",\"summary\":\"工作作风提醒\"}");
        await(p, "REMINDER_TALK", "OPEN");
        long petition = supervision(p, "{\"personId\":$P,\"kind\":\"PETITION\",\"date\":\"" + LocalDate.now().minusDays(3)
                + "\",\"status\":\"INVESTIGATING\",\"summary\":\"群众来信反映\"}");
        await(p, "PETITION_OPEN", "OPEN");
        api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/supervision/records/SUP-" + petition),
                "{\"status\":\"RESOLVED\",\"result\":\"查无实据\"}").andExpect(status().is2xxSuccessful());
        await(p, "PETITION_OPEN", "CLOSED");
        // A year after the talk the condition has ended.
        engine.evaluatePersons(List.of(p), LocalDate.now().plusMonths(13), "测试");
        assertThat(statusOf(p, "REMINDER_TALK")).isEqualTo("CLOSED");
    }

    @Test
    void aConcealedPersonalReportRaisesRedAndAnAgeingCheckClosesIt() throws Exception {
        long p = cadre(LocalDate.of(1976, 4, 4));
        api(post("/api/v1/supervision/checks"), "{\"personIds\":[" + p + "],\"year\":" + YEAR + ",\"result\":\"瞒报\",\"checkedOn\":\""
                + LocalDate.now().minusDays(2) + "\",\"note\":\"未报告房产\"}").andExpect(status().isCreated());
        await(p, "REPORT_CONCEALED", "OPEN");
        engine.evaluatePersons(List.of(p), LocalDate.now().plusMonths(25), "测试");
        assertThat(statusOf(p, "REPORT_CONCEALED")).isEqualTo("CLOSED");
    }

    @Test
    void runningTheFullEvaluationTwiceGivesExactlyTheSameOpenWarnings() {
        engine.evaluateAll(LocalDate.now(), "测试");
        List<Map<String, Object>> first = jdbc.sql("SELECT id, rule_code, person_id, colour, evidence::text FROM warning WHERE status <> 'CLOSED' ORDER BY id")
                .query().listOfRows();
        long events = jdbc.sql("SELECT count(*) FROM warning_event").query(Long.class).single();
        var again = engine.evaluateAll(LocalDate.now(), "测试");
        List<Map<String, Object>> second = jdbc.sql("SELECT id, rule_code, person_id, colour, evidence::text FROM warning WHERE status <> 'CLOSED' ORDER BY id")
                .query().listOfRows();
        assertThat(second).isEqualTo(first);
        assertThat(first).isNotEmpty();
        assertThat(again.raised()).isZero();
        assertThat(again.closed()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM warning_event").query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT rule_code, person_id FROM warning WHERE status <> 'CLOSED' GROUP BY 1, 2 HAVING count(*) > 1) d")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCountySeesOnlyTheWarningsOfItsSubtree() throws Exception {
        engine.evaluateAll(LocalDate.now(), "测试");
        String body = mvc.perform(get("/api/v1/warnings").param("size", "200").header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> orgs = JsonPath.read(body, "$[*].orgId");
        assertThat(orgs).isNotEmpty();
        String path = jdbc.sql("SELECT path FROM org_organization WHERE id = :c").param("c", county(2)).query(String.class).single();
        for (Number org : orgs) {
            assertThat(jdbc.sql("SELECT path FROM org_organization WHERE id = :o").param("o", org.longValue()).query(String.class).single())
                    .startsWith(path);
        }
        mvc.perform(get("/api/v1/warnings").param("orgId", Long.toString(county(1))).header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isNotFound());
    }
}
