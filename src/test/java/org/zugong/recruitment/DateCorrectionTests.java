package org.zugong.recruitment;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 更正: a wrongly entered date of a recorded step is corrected with a reason, checked like the step, audited. */
class DateCorrectionTests extends IntegrationTest {

    private long id;

    @BeforeEach
    void record() throws Exception {
        long branch = jdbc.sql("""
                SELECT id FROM org_organization WHERE kind = 'PARTY_BRANCH'
                  AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY id DESC LIMIT 1
                """).param("c", county(1)).query(Long.class).single();
        long person = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.political_status = '13'
                  AND p.birth_date < DATE '2000-01-01' AND p.id NOT IN (SELECT person_id FROM recruitment_candidate)
                ORDER BY p.id DESC LIMIT 1""").param("c", county(1)).query(Long.class).single();
        String location = mvc.perform(post("/api/v1/recruitment/candidates").header("Authorization", bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + person + ",\"branchOrgId\":" + branch + ",\"applicationDate\":\"2024-03-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/talk").header("Authorization", bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-03-20\"}")).andExpect(status().isOk());
    }

    @AfterEach
    void remove() {
        for (String table : List.of("recruitment_contact", "recruitment_assessment", "recruitment_pre_review")) {
            jdbc.sql("DELETE FROM " + table + " WHERE candidate_id = :id").param("id", id).update();
        }
        jdbc.sql("DELETE FROM recruitment_candidate WHERE id = :id").param("id", id).update();
    }

    private ResultActions correct(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/corrections").header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String talk() {
        return jdbc.sql("SELECT talk_date::text FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aCorrectedDateIsStoredAndAuditedWithTheOldAndTheNewDateAndTheReason() throws Exception {
        correct("county1", "{\"step\":\"talk\",\"date\":\"2024-03-18\",\"reason\":\"录入错误，以谈话记录为准\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.talkDate").value("2024-03-18"));
        assertThat(talk()).isEqualTo("2024-03-18");
        List<String> audited = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'RECRUITMENT_CORRECTION' AND target_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list();
        assertThat(audited).singleElement().asString().contains("2024-03-20 → 2024-03-18").contains("录入错误");
        correct("county1", "{\"step\":\"application\",\"date\":\"2024-02-28\",\"reason\":\"申请书落款日期\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.applicationDate").value("2024-02-28"));
    }

    @Test
    void aHalfYearlyAssessmentIsNamedByItsRecordedDateAndAPreReviewByItsLevel() throws Exception {
        mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/activist").header("Authorization", bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-04-01\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/assessment").header("Authorization", bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-09-20\",\"note\":\"良好\"}")).andExpect(status().isOk());
        correct("county1", "{\"step\":\"assessment\",\"original\":\"2024-09-20\",\"date\":\"2024-09-25\",\"reason\":\"以考察表为准\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.assessments[0].date").value("2024-09-25"))
                .andExpect(jsonPath("$.candidate.assessments[0].note").value("良好"));
        // More than six months after the activist date: the 第十一条 gap is refused.
        correct("county1", "{\"step\":\"assessment\",\"original\":\"2024-09-25\",\"date\":\"2024-10-15\",\"reason\":\"录入错误\"}")
                .andExpect(status().isUnprocessableContent());
        correct("county1", "{\"step\":\"assessment\",\"date\":\"2024-09-26\",\"reason\":\"录入错误\"}").andExpect(status().isBadRequest());
        correct("county1", "{\"step\":\"assessment\",\"original\":\"2024-09-01\",\"date\":\"2024-09-26\",\"reason\":\"录入错误\"}")
                .andExpect(status().isUnprocessableContent());
        correct("county1", "{\"step\":\"pre-review\",\"date\":\"2024-09-26\",\"reason\":\"录入错误\"}").andExpect(status().isBadRequest());
        correct("county1", "{\"step\":\"pre-review\",\"level\":\"PARTY_COMMITTEE\",\"date\":\"2024-09-26\",\"reason\":\"录入错误\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(containsString("尚未记录")));
        assertThat(jdbc.sql("SELECT assessment_date::text FROM recruitment_assessment WHERE candidate_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("2024-09-25");
    }

    @Test
    void aCorrectionThatBreaksARuleIsRefusedWithItsArticleAndChangesNothing() throws Exception {
        correct("county1", "{\"step\":\"talk\",\"date\":\"2024-04-15\",\"reason\":\"录入错误\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("第七条")));
        assertThat(talk()).isEqualTo("2024-03-20");
    }

    @Test
    void withoutAReasonOrForAStepNotYetRecordedTheCorrectionIsRefused() throws Exception {
        correct("county1", "{\"step\":\"talk\",\"date\":\"2024-03-18\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("更正原因")));
        correct("county1", "{\"step\":\"activist\",\"date\":\"2024-05-01\",\"reason\":\"补录\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("尚未记录")));
        correct("county1", "{\"step\":\"notice\",\"date\":\"2024-05-01\",\"reason\":\"补录\"}").andExpect(status().isBadRequest());
        assertThat(talk()).isEqualTo("2024-03-20");
    }

    @Test
    void aReasonOrNoteLongerThanTheRecordKeepsIsAFieldErrorAndChangesNothing() throws Exception {
        String longText = "长".repeat(DevelopmentRecords.MAX_TEXT + 1);
        String version = jdbc.sql("SELECT version::text FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single();
        mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/cancel").header("Authorization", bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-04-01\",\"reason\":\"" + longText + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("不能超过500字")));
        correct("county1", "{\"step\":\"talk\",\"date\":\"2024-03-18\",\"reason\":\"" + longText + "\"}")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT version::text FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(version);
        assertThat(jdbc.sql("SELECT stage FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("APPLICANT");
        assertThat(talk()).isEqualTo("2024-03-20");
    }

    @Test
    void anotherCountyGets404AndABranchCannotCorrectTheCommitteesApproval() throws Exception {
        correct("county2", "{\"step\":\"talk\",\"date\":\"2024-03-18\",\"reason\":\"录入错误\"}").andExpect(status().isNotFound());
        assertThat(talk()).isEqualTo("2024-03-20");
        // A record of branch1's own unit: the branch may not correct what the Party committee approved.
        long own = jdbc.sql("""
                SELECT c.id FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id
                WHERE b.path LIKE (SELECT path FROM org_organization WHERE id = (SELECT org_id FROM access_user WHERE username = 'branch1')) || '%'
                ORDER BY c.id LIMIT 1""").query(Long.class).single();
        mvc.perform(post("/api/v1/recruitment/candidates/" + own + "/corrections").header("Authorization", bearer("branch1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"approval\",\"date\":\"2024-03-18\",\"reason\":\"录入错误\"}"))
                .andExpect(status().isForbidden());
    }
}
