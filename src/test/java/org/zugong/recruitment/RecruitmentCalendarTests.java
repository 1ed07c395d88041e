package org.zugong.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;

/** 发展日程 (F43) over the demo data and three fixture records of a 党支部 of county 1. */
class RecruitmentCalendarTests extends IntegrationTest {

    private static final String API = "/api/v1/recruitment/calendar";
    private static final String BY = "calendar-test";

    private final RecruitmentRuleSet rules = RecruitmentRuleSet.load("2014").orElseThrow();
    private final LocalDate today = LocalDate.now();
    private long branch;
    private long applicant;
    private long activist;
    private long probationary;

    @BeforeEach
    void fixtures() {
        branch = jdbc.sql("""
                SELECT id FROM org_organization WHERE kind = 'PARTY_BRANCH'
                  AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY id LIMIT 1
                """).param("c", county(1)).query(Long.class).single();
        List<Long> persons = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                  AND NOT EXISTS (SELECT 1 FROM recruitment_candidate r WHERE r.person_id = p.id)
                ORDER BY p.id DESC LIMIT 3
                """).param("c", county(1)).query(Long.class).list();
        // talk owed 40 days after the application: overdue
        applicant = insert(persons.get(0), "APPLICANT", "application_date", today.minusDays(40));
        // activist for a year less ten days, never assessed: assessment overdue, development target in ten days
        activist = insert(persons.get(1), "ACTIVIST", "application_date", today.minusYears(3));
        jdbc.sql("UPDATE recruitment_candidate SET talk_date = :t, activist_date = :a WHERE id = :id")
                .param("t", today.minusYears(3).plusDays(10)).param("a", today.minusYears(1).plusDays(10)).param("id", activist).update();
        // admitted a year and ten days ago, probation extended by six months: the extension ends in about five months
        probationary = insert(persons.get(2), "PROBATIONARY", "application_date", today.minusYears(5));
        jdbc.sql("UPDATE recruitment_candidate SET admission_date = :a, admission_due = 10, admission_present = 10, admission_for = 10,"
                        + " admission_written = 10, approval_date = :a, extension_months = 6 WHERE id = :id")
                .param("a", today.minusYears(1).minusDays(10)).param("id", probationary).update();
    }

    @AfterEach
    void removeFixtures() {
        jdbc.sql("DELETE FROM recruitment_candidate WHERE created_by = :b").param("b", BY).update();
    }

    private long insert(long person, String stage, String column, LocalDate date) {
        return jdbc.sql("INSERT INTO recruitment_candidate (person_id, branch_org_id, stage, " + column + ", created_by, updated_by)"
                        + " VALUES (:p, :b, :s, :d, :u, :u) RETURNING id")
                .param("p", person).param("b", branch).param("s", stage).param("d", date).param("u", BY).query(Long.class).single();
    }

    private String calendar(String user, String query) throws Exception {
        return mvc.perform(get(API + query).header("Authorization", bearer(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static List<Map<String, Object>> itemsOf(String json, long id) {
        return JsonPath.read(json, "$.items[?(@.id == " + id + ")]");
    }

    @Test
    void theFixtureRecordsAreDueOnTheDatesOfTheRuleSet() throws Exception {
        String json = calendar("county1", "");
        assertThat((String) JsonPath.read(json, "$.from")).isEqualTo(today.toString());
        assertThat((String) JsonPath.read(json, "$.to")).isEqualTo(today.plusDays(60).toString());

        List<Map<String, Object>> talk = itemsOf(json, applicant);
        assertThat(talk).hasSize(1);
        assertThat(talk.getFirst()).containsEntry("kind", "TALK").containsEntry("overdue", true)
                .containsEntry("dueDate", today.minusDays(40).plusMonths(rules.talkWithinMonths()).toString());

        Map<String, Map<String, Object>> byKind = new HashMap<>();
        itemsOf(json, activist).forEach(i -> byKind.put((String) i.get("kind"), i));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("ASSESSMENT", "DEVELOPMENT_TARGET");
        LocalDate activistDate = today.minusYears(1).plusDays(10);
        assertThat(byKind.get("ASSESSMENT")).containsEntry("overdue", true)
                .containsEntry("dueDate", activistDate.plusMonths(rules.assessmentIntervalMonths()).toString());
        assertThat(byKind.get("DEVELOPMENT_TARGET")).containsEntry("overdue", false)
                .containsEntry("dueDate", activistDate.plusYears(rules.activistMinYears()).toString());

        // the extended probation ends after the 60-day window; with a whole year it is listed
        assertThat(itemsOf(json, probationary)).isEmpty();
        List<Map<String, Object>> extension = itemsOf(calendar("county1", "?days=366"), probationary);
        assertThat(extension).hasSize(1);
        assertThat(extension.getFirst()).containsEntry("kind", "EXTENSION_END").containsEntry("overdue", false)
                .containsEntry("dueDate", today.minusYears(1).minusDays(10).plusMonths(12L * rules.probationYears() + 6).minusDays(1).toString());
        assertThat((String) extension.getFirst().get("what")).contains("延长预备期满");

        // sorted by due date, overdue counted
        List<String> dates = JsonPath.read(json, "$.items[*].dueDate");
        assertThat(dates).isSorted();
        List<Boolean> overdue = JsonPath.read(json, "$.items[*].overdue");
        assertThat(((Number) JsonPath.read(json, "$.overdue")).longValue()).isEqualTo(overdue.stream().filter(b -> b).count());
        // narrowed to the branch (党委 or 党支部 by its subtree)
        String narrowed = calendar("city", "?orgId=" + branch);
        assertThat(JsonPath.<List<Number>>read(narrowed, "$.items[*].branchOrgId")).isNotEmpty()
                .allMatch(b -> b.longValue() == branch);
    }

    @Test
    void theDemoActivistsAreListedWithTheirNextAssessmentDate() throws Exception {
        Map<Long, String> expected = new HashMap<>();
        jdbc.sql("""
                SELECT c.id, (GREATEST(c.activist_date, (SELECT max(a.assessment_date) FROM recruitment_assessment a
                                                          WHERE a.candidate_id = c.id)) + make_interval(months => :m))::date AS due
                FROM recruitment_candidate c WHERE c.created_by = 'demo' AND c.stage = 'ACTIVIST'
                """).param("m", rules.assessmentIntervalMonths())
                .query(rs -> {
                    expected.put(rs.getLong("id"), rs.getObject("due", LocalDate.class).toString());
                });
        assertThat(expected).isNotEmpty();
        assertThat(expected.values()).allMatch(d -> !LocalDate.parse(d).isAfter(today.plusDays(366)));
        String json = calendar("city", "?days=366");
        Map<Long, String> listed = new HashMap<>();
        List<Map<String, Object>> assessments = JsonPath.read(json, "$.items[?(@.kind == 'ASSESSMENT')]");
        assessments.stream().filter(t -> expected.containsKey(((Number) t.get("id")).longValue()))
                .forEach(t -> listed.put(((Number) t.get("id")).longValue(), (String) t.get("dueDate")));
        assertThat(listed).isEqualTo(expected);
        // within the default window: exactly those due by today + 60 days, flagged overdue before today
        String window = calendar("city", "");
        for (Map.Entry<Long, String> e : expected.entrySet()) {
            List<Map<String, Object>> items = JsonPath.read(window, "$.items[?(@.id == " + e.getKey() + " && @.kind == 'ASSESSMENT')]");
            LocalDate due = LocalDate.parse(e.getValue());
            assertThat(items).hasSize(due.isAfter(today.plusDays(60)) ? 0 : 1);
            items.forEach(i -> assertThat(i).containsEntry("overdue", due.isBefore(today)));
        }
    }

    @Test
    void county2DoesNotSeeCounty1sItems() throws Exception {
        List<Number> ids = JsonPath.read(calendar("county2", "?days=366"), "$.items[*].id");
        assertThat(ids.stream().map(Number::longValue)).doesNotContain(applicant, activist, probationary);
        String county2 = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", county(2)).query(String.class).single();
        for (Number branchId : JsonPath.<List<Number>>read(calendar("county2", "?days=366"), "$.items[*].branchOrgId")) {
            assertThat(jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", branchId.longValue())
                    .query(String.class).single()).startsWith(county2);
        }
        mvc.perform(get(API + "?orgId=" + county(1)).header("Authorization", bearer("county2"))).andExpect(status().isNotFound());
        mvc.perform(get(API + "?days=1000").header("Authorization", bearer("county1"))).andExpect(status().isBadRequest());
    }

    @Test
    void thePageListsTheItemsWithTheirLinks() throws Exception {
        String page = mvc.perform(get("/recruitment/calendar").session(session("county1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("发展日程", "href=\"/recruitment/" + applicant + "\"", "已逾期", "入党申请人谈话");
    }

    @Test
    void sysadminHasNoAccess() throws Exception {
        mvc.perform(get(API).header("Authorization", bearer("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/recruitment/calendar").session(session("sysadmin"))).andExpect(status().isForbidden());
    }
}
