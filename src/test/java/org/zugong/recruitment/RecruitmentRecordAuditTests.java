package org.zugong.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.zugong.IntegrationTest;

/** The checker over the stored records (F42) on the demo data: it finds the five seeded violations and nothing else. */
class RecruitmentRecordAuditTests extends IntegrationTest {

    private static final String API = "/api/v1/recruitment/audit/records";

    private String report(String user, String query) throws Exception {
        return mvc.perform(get(API + query).header("Authorization", bearer(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private Set<Long> demoRecords(String pathPrefix) {
        return new HashSet<>(jdbc.sql("""
                SELECT c.id FROM recruitment_candidate c JOIN org_organization o ON o.id = c.branch_org_id
                WHERE c.created_by = 'demo' AND o.path LIKE :p || '%'
                """).param("p", pathPrefix).query(Long.class).list());
    }

    private String path(long org) {
        return jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", org).query(String.class).single();
    }

    @Test
    void theAuditOverTheDemoDataFindsTheSeededViolationsAndNothingElse() throws Exception {
        Set<Long> demo = demoRecords("/");
        assertThat(demo).hasSizeBetween(35, 45);
        assertThat(jdbc.sql("SELECT DISTINCT stage FROM recruitment_candidate WHERE created_by = 'demo'").query(String.class).list())
                .containsExactlyInAnyOrder("APPLICANT", "ACTIVIST", "DEVELOPMENT_TARGET", "PROBATIONARY", "FULL_MEMBER");

        String json = report("city", "");
        int audited = JsonPath.read(json, "$.audited");
        assertThat(audited).isGreaterThanOrEqualTo(demo.size());
        List<Map<String, Object>> violating = JsonPath.read(json, "$.violatingRecords");
        List<Map<String, Object>> ofDemo = violating.stream().filter(v -> demo.contains(((Number) v.get("id")).longValue())).toList();
        assertThat(ofDemo).hasSize(5);
        List<String> rules = ofDemo.stream().flatMap(v -> ((List<?>) v.get("findings")).stream())
                .map(f -> (String) ((Map<?, ?>) f).get("rule")).toList();
        assertThat(rules).containsExactlyInAnyOrder("ACTIVIST_LESS_THAN_ONE_YEAR", "TALK_LATE", "TRAINING_INSUFFICIENT",
                "PRE_REVIEW_MISSING", "VOTE_NOT_PASSED");
        Map<String, Object> preReview = ofDemo.stream().filter(v -> ((List<?>) v.get("findings")).stream().anyMatch(f -> "PRE_REVIEW_MISSING".equals(((Map<?, ?>) f).get("rule"))))
                .findFirst().orElseThrow();
        assertThat((String) JsonPath.read(preReview, "$.findings[0].message")).contains("县级党委组织部门预审");
        assertThat((String) JsonPath.read(preReview, "$.findings[0].article")).isNotBlank();
        assertThat(JsonPath.<List<String>>read(json, "$.byRule[*].rule")).contains("TALK_LATE", "VOTE_NOT_PASSED");
        assertThat(JsonPath.<List<Object>>read(json, "$.byBranch")).isNotEmpty();
        assertThat(JsonPath.<List<Object>>read(json, "$.byYear")).isNotEmpty();
        assertThat(JsonPath.<List<Object>>read(json, "$.recordErrors")).isEmpty();

        // the demo persons who came through are members now, 党龄 from the end of probation
        assertThat(jdbc.sql("""
                SELECT count(*) FROM recruitment_candidate c JOIN person_person p ON p.id = c.person_id
                WHERE c.created_by = 'demo' AND c.stage = 'FULL_MEMBER'
                  AND (p.political_status <> '01' OR p.party_join_date <> (c.admission_date + INTERVAL '12 months')::date)
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM recruitment_candidate c JOIN person_person p ON p.id = c.person_id
                WHERE c.created_by = 'demo' AND c.stage = 'PROBATIONARY' AND p.political_status <> '02'
                """).query(Long.class).single()).isZero();
    }

    @Test
    void theLinkOfEachViolatingRecordIsOnThePage() throws Exception {
        MockHttpSession session = session("city");
        String page = mvc.perform(get("/recruitment/audit/records").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long talkLate = JsonPath.<List<Number>>read(report("city", ""),
                "$.violatingRecords[?(@.findings[0].rule == 'TALK_LATE')].id").stream()
                .map(Number::longValue).filter(demoRecords("/")::contains).findFirst().orElseThrow();
        assertThat(page).contains("在库发展党员档案排查", "TALK_LATE", "href=\"/recruitment/" + talkLate + "\"");
        String audit = mvc.perform(get("/recruitment/audit").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("href=\"/recruitment/audit/records\"");
    }

    @Test
    void county1SeesOnlyItsCountysRecords() throws Exception {
        String county1 = path(county(1));
        long inCounty1 = jdbc.sql("""
                SELECT count(*) FROM recruitment_candidate c JOIN org_organization o ON o.id = c.branch_org_id WHERE o.path LIKE :p || '%'
                """).param("p", county1).query(Long.class).single();
        String json = report("county1", "");
        assertThat(((Number) JsonPath.read(json, "$.audited")).longValue()).isEqualTo(inCounty1);
        assertThat(inCounty1).isLessThan(((Number) JsonPath.read(report("city", ""), "$.audited")).longValue());
        List<Number> ids = JsonPath.read(json, "$.violatingRecords[*].id");
        for (Number id : ids) {
            assertThat(jdbc.sql("SELECT o.path FROM recruitment_candidate c JOIN org_organization o ON o.id = c.branch_org_id WHERE c.id = :id")
                    .param("id", id.longValue()).query(String.class).single()).startsWith(county1);
        }
        Set<Long> demoOfCounty1 = demoRecords(county1);
        assertThat(demoOfCounty1).isNotEmpty();
        // under one organization of the county: the city user narrows to it; another county is not visible to county1
        String narrowed = report("city", "?orgId=" + county(1));
        assertThat(((Number) JsonPath.read(narrowed, "$.audited")).longValue()).isEqualTo(inCounty1);
        mvc.perform(get(API + "?orgId=" + county(2)).header("Authorization", bearer("county1"))).andExpect(status().isNotFound());
    }

    @Test
    void sysadminHasNoAccess() throws Exception {
        mvc.perform(get(API).header("Authorization", bearer("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/recruitment/audit/records").session(session("sysadmin"))).andExpect(status().isForbidden());
    }
}
