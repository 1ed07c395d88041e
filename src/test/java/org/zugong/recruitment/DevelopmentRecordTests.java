package org.zugong.recruitment;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The development record (F40) through the API: every step checked by the one checker, both pre-reviews (F41). */
class DevelopmentRecordTests extends IntegrationTest {

    private static final List<Long> TAKEN = new ArrayList<>();

    /** A 群众 of the n-th county born before 2000 that no other test of this class used. */
    private synchronized long applicant(int county) {
        long id = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.political_status = '13'
                  AND p.birth_date < DATE '2000-01-01' AND p.id NOT IN (SELECT person_id FROM recruitment_candidate)
                  AND p.id NOT IN (:taken)
                ORDER BY p.id LIMIT 1
                """).param("c", county(county)).param("taken", TAKEN.isEmpty() ? List.of(-1L) : List.copyOf(TAKEN))
                .query(Long.class).single();
        TAKEN.add(id);
        return id;
    }

    private long branch(int county) {
        return jdbc.sql("""
                SELECT id FROM org_organization WHERE kind = 'PARTY_BRANCH'
                  AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY id LIMIT 1
                """).param("c", county(county)).query(Long.class).single();
    }

    private long member(int county, int offset) {
        return jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.political_status = '01'
                ORDER BY p.id OFFSET :o LIMIT 1
                """).param("c", county(county)).param("o", offset).query(Long.class).single();
    }

    private long register(String user, long person, long branch, String date) throws Exception {
        String location = mvc.perform(post("/api/v1/recruitment/candidates").header("Authorization", bearer(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + person + ",\"branchOrgId\":" + branch + ",\"applicationDate\":\"" + date + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.candidate.stage").value("APPLICANT"))
                .andExpect(jsonPath("$.nextStep.key").value("talk"))
                .andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions step(long id, String step, String json) throws Exception {
        return mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/" + step).header("Authorization", bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String political(long person) {
        return jdbc.sql("SELECT political_status FROM person_person WHERE id = :id").param("id", person).query(String.class).single();
    }

    /** Takes a fresh record of county1 up to a development target with two full-member introducers. */
    private long toDevelopmentTarget(long person) throws Exception {
        long id = register("county1", person, branch(1), "2022-01-10");
        step(id, "talk", "{\"date\":\"2022-01-20\"}").andExpect(status().isOk());
        step(id, "activist", "{\"date\":\"2022-03-01\",\"contacts\":[{\"personId\":" + member(1, 0) + ",\"status\":\"FULL\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.stage").value("ACTIVIST"))
                .andExpect(jsonPath("$.nextStep.key").value("development-target"))
                .andExpect(jsonPath("$.nextStep.earliest").value("2023-03-01"));
        step(id, "assessment", "{\"date\":\"2022-09-01\",\"note\":\"表现良好\"}").andExpect(status().isOk());
        step(id, "assessment", "{\"date\":\"2023-03-01\"}").andExpect(status().isOk());
        step(id, "development-target", "{\"date\":\"2023-03-06\",\"introducers\":[{\"personId\":" + member(1, 1)
                + ",\"status\":\"FULL\"},{\"personId\":" + member(1, 2) + ",\"status\":\"FULL\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.stage").value("DEVELOPMENT_TARGET"));
        step(id, "political-review", "{\"date\":\"2023-05-10\",\"passed\":true}").andExpect(status().isOk());
        step(id, "training", "{\"days\":3,\"hours\":24}").andExpect(status().isOk());
        step(id, "notice", "{\"start\":\"2023-03-06\",\"end\":\"2023-03-10\"}").andExpect(status().isOk());
        step(id, "pre-review", "{\"level\":\"PARTY_COMMITTEE\",\"date\":\"2023-05-20\",\"passed\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.nextStep.key").value("pre-review"));
        return id;
    }

    @Test
    void aCandidateIsTakenThroughEveryStepToFullMember() throws Exception {
        long person = applicant(1);
        long id = toDevelopmentTarget(person);
        step(id, "pre-review", "{\"level\":\"COUNTY_DEPARTMENT\",\"date\":\"2023-05-25\",\"passed\":true,\"reviewerOrgId\":" + county(1) + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextStep.key").value("admission"))
                .andExpect(jsonPath("$.nextStep.earliest").value("2023-05-25"));
        step(id, "admission", "{\"date\":\"2023-06-01\",\"dueVoters\":20,\"present\":18,\"votesFor\":17,\"writtenFor\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextStep.key").value("approval"))
                .andExpect(jsonPath("$.nextStep.due").value("2023-09-01"));
        assertThat(political(person)).isEqualTo("13");
        long admitted = jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%CandidateAdmitted'").query(Long.class).single();
        step(id, "approval", "{\"date\":\"2023-07-15\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.stage").value("PROBATIONARY"))
                .andExpect(jsonPath("$.check.probationEnd").value("2024-05-31"))
                .andExpect(jsonPath("$.nextStep.key").value("conversion"))
                .andExpect(jsonPath("$.nextStep.earliest").value("2024-06-01"));
        assertThat(political(person)).isEqualTo("02");
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%CandidateAdmitted'").query(Long.class).single())
                .isGreaterThanOrEqualTo(admitted);
        // A conversion meeting on the last day of probation is one day early.
        step(id, "conversion", "{\"date\":\"2024-05-31\",\"dueVoters\":20,\"present\":19,\"votesFor\":19}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("CONVERSION_EARLY")));
        step(id, "conversion", "{\"date\":\"2024-06-05\",\"dueVoters\":20,\"present\":19,\"votesFor\":19,\"writtenFor\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextStep.key").value("conversion-approval"));
        step(id, "conversion-approval", "{\"date\":\"2024-06-20\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.stage").value("FULL_MEMBER"))
                .andExpect(jsonPath("$.check.violations", hasSize(0)))
                .andExpect(jsonPath("$.check.fullMemberFrom").value("2024-06-01"))
                .andExpect(jsonPath("$.nextStep").doesNotExist());
        assertThat(political(person)).isEqualTo("01");
        assertThat(jdbc.sql("SELECT party_join_date::text FROM person_person WHERE id = :id").param("id", person).query(String.class).single())
                .isEqualTo("2024-06-01");
        step(id, "cancel", "{\"date\":\"2024-07-01\",\"reason\":\"测试\"}").andExpect(status().isUnprocessableContent());

        mvc.perform(get("/recruitment/" + id).session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("正式党员")));
        mvc.perform(get("/recruitment").session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("发展党员档案")));

        mvc.perform(get("/api/v1/recruitment/candidates").param("stage", "FULL_MEMBER").param("size", "200").header("Authorization", bearer("county1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":" + id + ",")));
    }

    @Test
    void aDevelopmentTargetElevenMonthsAfterTheActivistIsRefusedAndNothingStored() throws Exception {
        long id = register("county1", applicant(1), branch(1), "2022-01-10");
        step(id, "talk", "{\"date\":\"2022-01-20\"}").andExpect(status().isOk());
        step(id, "activist", "{\"date\":\"2022-03-01\"}").andExpect(status().isOk());
        step(id, "assessment", "{\"date\":\"2022-09-01\"}").andExpect(status().isOk());
        step(id, "development-target", "{\"date\":\"2023-02-01\",\"introducers\":[{\"personId\":" + member(1, 1)
                + ",\"status\":\"FULL\"},{\"personId\":" + member(1, 2) + ",\"status\":\"FULL\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("ACTIVIST_LESS_THAN_ONE_YEAR")))
                .andExpect(jsonPath("$.detail", containsString("2022-03-01")))
                .andExpect(jsonPath("$.detail", containsString("2023-02-01")));
        assertThat(jdbc.sql("SELECT stage FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACTIVIST");
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_candidate WHERE id = :id AND development_target_date IS NULL")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_contact WHERE candidate_id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    @Test
    void admissionWithoutTheCountyPreReviewIsRefused() throws Exception {
        long person = applicant(1);
        long id = toDevelopmentTarget(person);
        step(id, "admission", "{\"date\":\"2023-06-01\",\"dueVoters\":20,\"present\":18,\"votesFor\":17,\"writtenFor\":1}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("PRE_REVIEW_MISSING")))
                .andExpect(jsonPath("$.detail", containsString("县级党委组织部门预审")));
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_candidate WHERE id = :id AND admission_date IS NULL")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(political(person)).isEqualTo("13");
    }

    @Test
    void anotherCountySeesNothing() throws Exception {
        long id = register("county1", applicant(1), branch(1), "2022-01-10");
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/api/v1/recruitment/candidates/" + id).header("Authorization", bearer("county2")))
                .andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 1);
        mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/talk").header("Authorization", bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2022-01-20\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recruitment/candidates").param("size", "200").header("Authorization", bearer("county2")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"id\":" + id + ","))));
    }

    @Test
    void thePageShowsTheNextStepAndRefusesAPrematureOne() throws Exception {
        long id = register("county1", applicant(1), branch(1), "2022-01-10");
        step(id, "talk", "{\"date\":\"2022-01-20\"}").andExpect(status().isOk());
        step(id, "activist", "{\"date\":\"2022-03-01\"}").andExpect(status().isOk());
        var session = session("county1");
        mvc.perform(get("/recruitment/" + id).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("确定为发展对象")))
                .andExpect(content().string(containsString("2023-03-01")));
        mvc.perform(post("/recruitment/" + id + "/steps/development-target").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("date", "2023-02-01").param("introducer1", String.valueOf(member(1, 1))).param("introducer1Status", "FULL")
                        .param("introducer2", String.valueOf(member(1, 2))).param("introducer2Status", "FULL"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("ACTIVIST_LESS_THAN_ONE_YEAR")));
        mvc.perform(post("/recruitment/" + id + "/steps/assessment").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("date", "2022-09-01").param("note", "表现良好"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_assessment WHERE candidate_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }
}
