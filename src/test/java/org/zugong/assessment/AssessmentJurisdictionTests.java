package org.zugong.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

/**
 * A unit's HR clerk (demo login unit1, 仅本单位) sees and changes only the unit's assessments, even in
 * the county's period; the county sees its whole subtree; routine results feed the annual suggestion.
 */
class AssessmentJurisdictionTests extends IntegrationTest {

    private static final int YEAR = LocalDate.now().getYear();

    private ResultActions api(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long unitOfUnit1() {
        return jdbc.sql("SELECT org_id FROM access_user WHERE username = 'unit1'").query(Long.class).single();
    }

    @Test
    void theUnitClerkWorksOnlyOnTheUnitInTheCountysRoutinePeriod() throws Exception {
        long unit = unitOfUnit1();
        String body = api("county1", post("/api/v1/assessment/periods"),
                "{\"kind\":\"ROUTINE\",\"year\":" + YEAR + ",\"quarter\":1,\"orgId\":" + county(1) + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long period = Long.parseLong(body.replaceAll("\\D", ""));

        // The clerk sees the county's period, but only the unit's results.
        mvc.perform(get("/api/v1/assessment/periods").header(HttpHeaders.AUTHORIZATION, bearer("unit1")))
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItem((int) period)));
        String results = mvc.perform(get("/api/v1/assessment/periods/" + period + "/results").param("size", "200")
                .header(HttpHeaders.AUTHORIZATION, bearer("unit1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> orgs = JsonPath.read(results, "$.content[*].orgId");
        assertThat(orgs).isNotEmpty().allMatch(o -> o == unit);
        String county = mvc.perform(get("/api/v1/assessment/periods/" + period + "/results").param("size", "200")
                .header(HttpHeaders.AUTHORIZATION, bearer("county1"))).andReturn().getResponse().getContentAsString();
        List<Integer> countyOrgs = JsonPath.read(county, "$.content[*].orgId");
        assertThat(countyOrgs.stream().distinct().count()).isGreaterThan(1);

        // The clerk changes the unit's people, and nobody else's.
        long own = jdbc.sql("SELECT person_id FROM assessment_result WHERE period_id = :p AND org_id = :o ORDER BY person_id LIMIT 1")
                .param("p", period).param("o", unit).query(Long.class).single();
        long other = jdbc.sql("SELECT person_id FROM assessment_result WHERE period_id = :p AND org_id <> :o ORDER BY person_id LIMIT 1")
                .param("p", period).param("o", unit).query(Long.class).single();
        api("unit1", post("/api/v1/assessment/periods/" + period + "/results/" + own + "/self-summary"), "{\"text\":\"一季度纪实\"}")
                .andExpect(status().isNoContent());
        long denied = auditCount("ACCESS_DENIED");
        api("unit1", post("/api/v1/assessment/periods/" + period + "/results/" + other + "/self-summary"), "{\"text\":\"越权\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessment/periods/" + period + "/quota").param("orgId", Long.toString(county(1)))
                .header(HttpHeaders.AUTHORIZATION, bearer("unit1"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThanOrEqualTo(denied + 2);
        assertThat(jdbc.sql("SELECT self_summary FROM assessment_result WHERE period_id = :p AND person_id = :x")
                .param("p", period).param("x", other).query(String.class).optional().orElse(null)).isNull();
        // The county opened the period: the clerk cannot close it.
        api("unit1", post("/api/v1/assessment/periods/" + period + "/close"), "{}").andExpect(status().isUnprocessableContent());
        // The clerk's pages show the unit only.
        mvc.perform(get("/assessment/periods/" + period).session(session("unit1"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("/units/" + unit + "\"")));
    }

    @Test
    void confirmedRoutineGradesSuggestTheAnnualGradeAndADeviationNeedsAReason() throws Exception {
        long unit = unitOfUnit1();
        // Two quarters of 好 for one person of the unit, confirmed in the unit's own routine periods.
        long person = jdbc.sql("SELECT person_id FROM cadre_profile WHERE org_id = :o ORDER BY person_id LIMIT 1").param("o", unit)
                .query(Long.class).single();
        for (int quarter = 2; quarter <= 3; quarter++) {
            String body = api("unit1", post("/api/v1/assessment/periods"),
                    "{\"kind\":\"ROUTINE\",\"year\":" + YEAR + ",\"quarter\":" + quarter + ",\"orgId\":" + unit + "}")
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long period = Long.parseLong(body.replaceAll("\\D", ""));
            List<Long> people = jdbc.sql("SELECT person_id FROM assessment_result WHERE period_id = :p ORDER BY person_id").param("p", period)
                    .query(Long.class).list();
            for (Long p : people) {
                api("unit1", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/assessment/periods/" + period + "/results/" + p), "{\"grade\":\"" + (p == person ? "好" : "较好") + "\"}")
                        .andExpect(status().isOk());
            }
            // Routine periods have no 公示: the unit confirms at once.
            api("unit1", post("/api/v1/assessment/periods/" + period + "/units/" + unit + "/confirm"), "{}").andExpect(status().isOk());
        }
        String body = api("unit1", post("/api/v1/assessment/periods"), "{\"kind\":\"ANNUAL\",\"year\":" + YEAR + ",\"orgId\":" + unit + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long annual = Long.parseLong(body.replaceAll("\\D", ""));
        String base = "/api/v1/assessment/periods/" + annual + "/results/" + person;
        api("unit1", post(base + "/self-summary"), "{\"text\":\"年度小结\"}").andExpect(status().isNoContent());
        api("unit1", post(base + "/evaluation"), "{\"score\":92}").andExpect(status().isNoContent());
        mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, bearer("unit1"))).andExpect(jsonPath("$.suggestedGrade").value("1"));
        api("unit1", post(base + "/proposal"), "{\"grade\":\"2\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不一致")));
        api("unit1", post(base + "/proposal"), "{\"grade\":\"2\",\"reason\":\"全年有一项重点任务未按期完成\"}").andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT grade_reason FROM assessment_result WHERE period_id = :p AND person_id = :x").param("p", annual)
                .param("x", person).query(String.class).single()).isEqualTo("全年有一项重点任务未按期完成");
    }

    @Test
    void thePersonPageTabListsTheDemoAssessmentsOfTheLastTwoYears() throws Exception {
        long person = jdbc.sql("""
                SELECT r.person_id FROM assessment_result r JOIN assessment_period a ON a.id = r.period_id
                JOIN org_organization o ON o.id = r.org_id JOIN person_person p ON p.id = r.person_id JOIN org_organization po ON po.id = p.org_id
                WHERE a.opened_by = 'demo' AND a.kind = 'ANNUAL' AND o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                  AND po.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY r.person_id LIMIT 1""")
                .param("c", county(1)).query(Long.class).single();
        mvc.perform(get("/assessment/person-tab/" + person).session(session("county1"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString((YEAR - 1) + "年度考核"), Matchers.containsString("第四季度平时考核"))));
        mvc.perform(get("/assessment/person-tab/" + person).session(session("county2"))).andExpect(status().isNotFound());
    }
}
