package org.zugong.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;
import org.zugong.cadre.AnnualResultsRecorded;

/** F21/F22/F24 through the API: a unit's annual period from opening to confirmation, quotas, consequences. */
@RecordApplicationEvents
class AssessmentWorkflowTests extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    private static final int YEAR = LocalDate.now().getYear();

    /**
     * A unit of the n-th county with at least {@code min} demo cadre files (the largest first) and no
     * period of this year yet.
     */
    private long unitWithCadres(int county, int min, int skip) {
        return jdbc.sql("""
                SELECT c.org_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :county) || '%'
                  AND NOT EXISTS (SELECT 1 FROM assessment_period a WHERE a.org_id = o.id AND a.year = :y)
                GROUP BY c.org_id HAVING count(*) >= :min ORDER BY count(*) DESC, c.org_id OFFSET :skip LIMIT 1""")
                .param("county", county(county)).param("y", YEAR).param("min", min).param("skip", skip).query(Long.class).single();
    }

    private ResultActions api(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long open(String user, long orgId) throws Exception {
        String body = api(user, post("/api/v1/assessment/periods"),
                "{\"kind\":\"ANNUAL\",\"year\":" + YEAR + ",\"orgId\":" + orgId + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("\\D", ""));
    }

    private List<Long> people(long period, long orgId) {
        return jdbc.sql("SELECT person_id FROM assessment_result WHERE period_id = :p AND org_id = :o ORDER BY person_id")
                .param("p", period).param("o", orgId).query(Long.class).list();
    }

    /** Runs self-summary, evaluation and a proposal for one person. */
    private void throughProposal(String user, long period, long person, String grade) throws Exception {
        String base = "/api/v1/assessment/periods/" + period + "/results/" + person;
        api(user, post(base + "/self-summary"), "{\"text\":\"认真履行岗位职责，完成年度任务。\"}").andExpect(status().isNoContent());
        api(user, post(base + "/evaluation"), "{\"score\":88.5,\"note\":\"表现良好\"}").andExpect(status().isNoContent());
        api(user, post(base + "/proposal"), "{\"grade\":\"" + grade + "\",\"reason\":\"综合审定\"}").andExpect(status().isNoContent());
    }

    private void endPublicity(long period, long orgId) {
        jdbc.sql("UPDATE assessment_result SET publicity_to = CURRENT_DATE - 1 WHERE period_id = :p AND org_id = :o AND publicity_to IS NOT NULL")
                .param("p", period).param("o", orgId).update();
    }

    @ParameterizedTest(name = "{0} assessed at {1}% allow {2}")
    @CsvSource({"4,20,0", "5,20,1", "9,20,1", "10,20,2", "11,20,2", "4,25,1", "5,25,1", "9,25,2", "10,25,2", "11,25,2", "0,20,0", "20,20,4"})
    void theExcellentQuotaIsThePercentOfThoseAssessedRoundedDown(int assessed, int percent, int allowed) {
        assertThat(AssessmentRules.allowed(assessed, percent)).isEqualTo(allowed);
    }

    @Test
    void aUnitGoesThroughTheWholeAnnualPeriodAndTheResultsReachTheCadreFiles() throws Exception {
        long unit = unitWithCadres(1, 5, 0);
        long period = open("county1", unit);
        List<Long> people = people(period, unit);
        assertThat(people).hasSizeGreaterThanOrEqualTo(5);
        int allowed = AssessmentRules.allowed(people.size(), 20);
        for (int i = 0; i < people.size(); i++) {
            throughProposal("county1", period, people.get(i), i < allowed ? "1" : "2");
        }
        // The steps are recorded with who and when.
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_step WHERE period_id = :p AND person_id = :x AND done_by = 'county1'")
                .param("p", period).param("x", people.getFirst()).query(Long.class).single()).isEqualTo(3);
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/quota").param("orgId", Long.toString(unit))
                        .header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(jsonPath("$.assessed").value(people.size()))
                .andExpect(jsonPath("$.excellentAllowed").value(allowed))
                .andExpect(jsonPath("$.excellentUsed").value(allowed));
        // Confirmation waits for 公示, which runs five working days.
        api("county1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(Matchers.containsString("尚未公示")));
        api("county1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/publicity"), "{}").andExpect(status().isOk());
        api("county1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/publicity"), "{}")
                .andExpect(status().isUnprocessableContent());
        api("county1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(Matchers.containsString("期满后方可确认")));
        endPublicity(period, unit);
        api("county1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.confirmed").value(people.size()));
        // A double submit is refused.
        api("county1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}")
                .andExpect(status().isUnprocessableContent());
        for (int i = 0; i < people.size(); i++) {
            assertThat(jdbc.sql("SELECT code FROM cadre_annual_result WHERE person_id = :p AND year = :y").param("p", people.get(i))
                    .param("y", YEAR).query(String.class).single()).isEqualTo(i < allowed ? "1" : "2");
        }
        assertThat(events.stream(AnnualResultsRecorded.class).filter(e -> e.year() == YEAR && e.personIds().containsAll(people))).hasSize(1);
        assertThat(events.stream(AssessmentConfirmed.class).filter(e -> e.periodId() == period)).hasSize(1);
    }

    @Test
    void confirmationOverQuotaIsRefusedWithTheExcessAndAnApprovalTo25PercentAllowsMore() throws Exception {
        long unit = unitWithCadres(2, 5, 0);
        long period = open("county2", unit);
        List<Long> people = people(period, unit);
        int n = people.size();
        int at20 = AssessmentRules.allowed(n, 20);
        int at25 = AssessmentRules.allowed(n, 25);
        for (int i = 0; i < n; i++) {
            throughProposal("county2", period, people.get(i), i <= at20 ? "1" : "2"); // one 优秀 too many
        }
        api("county2", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/publicity"), "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("超出名额 1 人")));
        // The approval cannot exceed 25 %.
        api("county2", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/quota-approval"),
                "{\"percent\":30,\"document\":\"青组干〔2026〕3号\"}").andExpect(status().isBadRequest());
        api("county2", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/quota-approval"),
                "{\"percent\":25,\"document\":\"青组干〔2026〕3号\",\"reason\":\"年度工作成绩突出\"}").andExpect(status().isNoContent());
        if (at20 + 1 <= at25) {
            api("county2", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/publicity"), "{}").andExpect(status().isOk());
        } else {
            api("county2", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/publicity"), "{}")
                    .andExpect(status().isUnprocessableContent());
        }
    }

    @Test
    void theQuotaCountsPerUnitNotPerCounty() throws Exception {
        long unitA = unitWithCadres(3, 5, 0);
        long unitB = unitWithCadres(3, 5, 1);
        long county = county(3);
        // Open the period for the whole county: both units are in it.
        long period = open("county3", county);
        List<Long> a = people(period, unitA);
        List<Long> b = people(period, unitB);
        int allowedA = AssessmentRules.allowed(a.size(), 20);
        // Unit A proposes one more 优秀 than its own quota, unit B none: the county as a whole would have room.
        for (int i = 0; i < a.size(); i++) {
            throughProposal("county3", period, a.get(i), i <= allowedA ? "1" : "2");
        }
        for (Long person : b) {
            throughProposal("county3", period, person, "2");
        }
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/quota").param("orgId", Long.toString(unitA))
                        .header(HttpHeaders.AUTHORIZATION, bearer("county3")))
                .andExpect(jsonPath("$.excellentUsed").value(allowedA + 1)).andExpect(jsonPath("$.excellentAllowed").value(allowedA));
        api("county3", post("/api/v1/assessment/periods/" + period + "/units/" + unitA + "/publicity"), "{}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(Matchers.containsString("超出名额 1 人")));
        api("county3", post("/api/v1/assessment/periods/" + period + "/units/" + unitB + "/publicity"), "{}").andExpect(status().isOk());
        endPublicity(period, unitB);
        // Confirming every ready unit of the county confirms B and names A (over quota) and the units not yet proposed.
        api("county3", post("/api/v1/assessment/periods/" + period + "/confirm"), "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(1)).andExpect(jsonPath("$.people").value(b.size()))
                .andExpect(jsonPath("$.skipped").value(Matchers.hasItem(Matchers.containsString("超出名额 1 人"))));
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_result WHERE period_id = :p AND stage = 'CONFIRMED'").param("p", period)
                .query(Long.class).single()).isEqualTo(b.size());
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_step WHERE period_id = :p AND note = '确认'").param("p", period)
                .query(Long.class).single()).isEqualTo(b.size());
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_annual_result WHERE year = :y AND person_id IN (:ids)").param("y", YEAR).param("ids", b)
                .query(Long.class).single()).isEqualTo(b.size());
    }

    @Test
    void aConfiguredCapOnRoutine好IsEnforcedAtConfirmation() throws Exception {
        long unit = unitWithCadres(4, 5, 1);
        String body = api("county4", post("/api/v1/assessment/periods"),
                "{\"kind\":\"ROUTINE\",\"year\":" + YEAR + ",\"quarter\":4,\"orgId\":" + unit + ",\"goodCapPercent\":40}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long period = Long.parseLong(body.replaceAll("\\D", ""));
        List<Long> people = people(period, unit);
        for (Long p : people) {
            api("county4", put("/api/v1/assessment/periods/" + period + "/results/" + p), "{\"grade\":\"好\"}").andExpect(status().isOk());
        }
        int over = people.size() - AssessmentRules.allowed(people.size(), 40);
        api("county4", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("超出名额 " + over + " 人")));
        api("county4", put("/api/v1/assessment/periods/" + period + "/results/" + people.getFirst()), "{\"grade\":\"较好\"}")
                .andExpect(status().isOk());
        for (int i = 1; i < over; i++) {
            api("county4", put("/api/v1/assessment/periods/" + period + "/results/" + people.get(i)), "{\"grade\":\"一般\"}")
                    .andExpect(status().isOk());
        }
        api("county4", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}").andExpect(status().isOk());
    }

    @Test
    void gradesNeedReasonsWhereTheRulesSaySoAndStepsCanBeSentBack() throws Exception {
        long unit = unitWithCadres(4, 3, 0);
        long period = open("county4", unit);
        long person = people(period, unit).getFirst();
        String base = "/api/v1/assessment/periods/" + period + "/results/" + person;
        api("county4", post(base + "/evaluation"), "{\"score\":90}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(Matchers.containsString("个人小结")));
        api("county4", post(base + "/self-summary"), "{\"text\":\"小结\"}").andExpect(status().isNoContent());
        api("county4", post(base + "/evaluation"), "{\"score\":120}").andExpect(status().isBadRequest());
        api("county4", post(base + "/evaluation"), "{\"score\":80}").andExpect(status().isNoContent());
        api("county4", post(base + "/proposal"), "{\"grade\":\"5B\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api("county4", post(base + "/proposal"), "{\"grade\":\"9\"}").andExpect(status().isBadRequest());
        api("county4", post(base + "/return"), "{\"text\":\"评价依据不足，请补充\"}").andExpect(status().isNoContent());
        mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, bearer("county4"))).andExpect(jsonPath("$.stage").value("EVALUATION"));
        assertThat(jdbc.sql("SELECT note FROM assessment_step WHERE period_id = :p AND person_id = :x AND action = 'RETURN'")
                .param("p", period).param("x", person).query(String.class).single()).isEqualTo("评价依据不足，请补充");
        // The API sets a grade directly (with the earlier steps marked as entered through the API).
        api("county4", put(base), "{\"grade\":\"2\"}").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("PUBLICITY"));
    }

    @Test
    void theLeaderScoresEachIndicatorOfTheUnitsSchemeAndTheTotalIsWeighted() throws Exception {
        long unit = unitWithCadres(1, 3, 1);
        long period = open("county1", unit);
        Long withScheme = jdbc.sql("SELECT person_id FROM assessment_result WHERE period_id = :p AND org_id = :o AND scheme_id IS NOT NULL ORDER BY person_id LIMIT 1")
                .param("p", period).param("o", unit).query(Long.class).optional().orElse(null);
        assertThat(withScheme).as("the demo city's schemes apply to its organs").isNotNull();
        long scheme = jdbc.sql("SELECT scheme_id FROM assessment_result WHERE period_id = :p AND person_id = :x").param("p", period)
                .param("x", withScheme).query(Long.class).single();
        List<java.util.Map<String, Object>> indicators = jdbc.sql("SELECT id, weight, method, max_score, levels FROM assessment_indicator WHERE scheme_id = :s ORDER BY seq")
                .param("s", scheme).query().listOfRows();
        StringBuilder scores = new StringBuilder("{");
        java.math.BigDecimal expected = java.math.BigDecimal.ZERO;
        for (var i : indicators) {
            java.math.BigDecimal value = "SCORE".equals(i.get("method")) ? java.math.BigDecimal.valueOf(90)
                    : new java.math.BigDecimal(((String) i.get("levels")).split(";")[0].split("=")[1]);
            scores.append(scores.length() > 1 ? "," : "").append('"').append(i.get("id")).append("\":").append(value);
            expected = expected.add(value.multiply((java.math.BigDecimal) i.get("weight")));
        }
        scores.append('}');
        String base = "/api/v1/assessment/periods/" + period + "/results/" + withScheme;
        api("county1", post(base + "/self-summary"), "{\"text\":\"小结\"}").andExpect(status().isNoContent());
        // A missing indicator is refused, naming it.
        api("county1", post(base + "/evaluation"), "{\"scores\":{\"" + indicators.getFirst().get("id") + "\":90}}")
                .andExpect(status().isBadRequest());
        api("county1", post(base + "/evaluation"), "{\"scores\":" + scores + "}").andExpect(status().isNoContent());
        mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(jsonPath("$.score").value(expected.divide(java.math.BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP).toPlainString()));
    }

    @Test
    void twoConsecutiveIncompetentYearsRaiseTheDismissalReviewFlag() throws Exception {
        long unit = unitWithCadres(5, 3, 0);
        long period = open("county5", unit);
        List<Long> people = people(period, unit);
        long person = people.getFirst();
        jdbc.sql("INSERT INTO cadre_annual_result (person_id, year, code) VALUES (:p, :y, '4') ON CONFLICT (person_id, year) DO UPDATE SET code = '4'")
                .param("p", person).param("y", YEAR - 1).update();
        jdbc.sql("UPDATE cadre_profile SET updated_by = 'test' WHERE person_id = :p").param("p", person).update();
        for (Long p : people) {
            throughProposal("county5", period, p, p == person ? "4" : "2");
        }
        api("county5", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/publicity"), "{}").andExpect(status().isOk());
        endPublicity(period, unit);
        api("county5", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}").andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT dismissal_review FROM assessment_result WHERE period_id = :p AND person_id = :x")
                .param("p", period).param("x", person).query(Boolean.class).single()).isTrue();
        assertThat(events.stream(DismissalReviewFlagged.class).filter(e -> e.personId() == person && e.year() == YEAR)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_result WHERE period_id = :p AND dismissal_review").param("p", period)
                .query(Long.class).single()).isOne();
    }

    @Test
    void anotherCountySeesNeitherThePeriodsResultsNorItsQuota() throws Exception {
        long unit = unitWithCadres(6, 3, 0);
        long period = open("county6", unit);
        long person = people(period, unit).getFirst();
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/results").header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isNotFound());
        api("county1", post("/api/v1/assessment/periods/" + period + "/results/" + person + "/self-summary"), "{\"text\":\"x\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/quota").param("orgId", Long.toString(unit))
                .header(HttpHeaders.AUTHORIZATION, bearer("county1"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThan(denied);
        mvc.perform(get("/api/v1/assessment/periods").header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(jsonPath("$[*].id").value(Matchers.not(Matchers.hasItem((int) period))));
    }
}
