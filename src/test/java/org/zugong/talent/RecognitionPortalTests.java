package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The applicant's side: a talent applies on the portal with evidence files (checked by the upload check), sees
 * its own applications only (another talent's is 404 on the portal and the API), sees refusal reasons and withdraws;
 * the talent office opens an applicant account for a person without a registry record, who then applies.
 */
class RecognitionPortalTests extends RecognitionFixture {

    private long talent1Person() {
        return jdbc.sql("SELECT person_id FROM access_user WHERE username = 'talent1'").query(Long.class).single();
    }

    @Test
    void talent1AppliesOnThePortalWithAnEvidenceFileAndWithdraws() throws Exception {
        MockHttpSession talent = session("talent1");
        mvc.perform(get("/portal").session(talent)).andExpect(content().string(containsString("我的认定申请")));
        // the demo's recognized application of a year ago is listed
        mvc.perform(get("/portal/applications").session(talent)).andExpect(status().isOk()).andExpect(content().string(containsString("已认定")));
        // a file that is not what its name says is refused
        mvc.perform(multipart("/portal/applications").file(new MockMultipartFile("evidenceFile", "证书.pdf", "application/pdf", "not a pdf".getBytes()))
                        .session(talent).with(csrf()).param("tierCode", "A").param("category", "科技").param("introductionMode", "全职")
                        .param("introducedOn", "2024-01-01").param("evidenceKind", "奖项").param("evidenceDescription", "国家科技进步奖"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("不是有效的 .pdf 文件")));
        // nothing half-written: the application went with the refused file
        assertThat(jdbc.sql("SELECT count(*) FROM talent_application WHERE person_id = :p AND stage = 'SUBMITTED'").param("p", talent1Person())
                .query(Long.class).single()).isZero();
        var created = mvc.perform(multipart("/portal/applications")
                        .file(new MockMultipartFile("evidenceFile", "证书.pdf", "application/pdf", "%PDF-1.4 test".getBytes()))
                        .session(talent).with(csrf()).param("tierCode", "A").param("category", "科技").param("introductionMode", "全职")
                        .param("introducedOn", "2024-01-01").param("evidenceKind", "奖项").param("evidenceDescription", "国家科技进步奖一等奖")
                        // a staff-only field is ignored: the talent applies for itself
                        .param("personId", "1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/(\\d+)$", "$1"));
        assertThat(jdbc.sql("SELECT person_id FROM talent_application WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(talent1Person());
        long evidence = jdbc.sql("SELECT id FROM talent_application_evidence WHERE application_id = :id AND content IS NOT NULL").param("id", id)
                .query(Long.class).single();
        mvc.perform(get("/portal/applications/{id}/evidence/{e}", id, evidence).session(talent)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/portal/applications/{id}", id).session(talent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("待用人单位确认")));
        mvc.perform(post("/portal/applications/{id}/withdraw", id).session(talent).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(stage(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void aTalentSeesOnlyItsOwnApplicationsOnThePortalAndTheApi() throws Exception {
        long other = jdbc.sql("SELECT min(id) FROM talent_application WHERE person_id <> :p").param("p", talent1Person()).query(Long.class).single();
        long before = auditCount("ACCESS_DENIED");
        mvc.perform(get("/portal/applications/{id}", other).session(session("talent1"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/portal/applications/{id}", other).header("Authorization", bearer("talent1"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/portal/applications/{id}/withdraw", other).header("Authorization", bearer("talent1"))
                        .contentType("application/json").content("{\"version\": " + version(other) + "}"))
                .andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 3);
        String list = mvc.perform(get("/api/v1/portal/applications").header("Authorization", bearer("talent1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"personId\":" + talent1Person()).doesNotContain("\"id\":" + other + ",");
        assertThat(list.replaceAll("\"personId\":" + talent1Person(), "")).doesNotContain("\"personId\"");
        // the staff API is not the talent's: 403, even for its own application
        long own = jdbc.sql("SELECT min(id) FROM talent_application WHERE person_id = :p").param("p", talent1Person()).query(Long.class).single();
        step("talent1", own, "review", decision(0, true, null, version(own))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/talent-applications/{id}", own).header("Authorization", bearer("talent1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/portal/applications/{id}", own).header("Authorization", bearer("talent1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.application.stage").value("RECOGNIZED"));
        // and staff do not reach the portal
        mvc.perform(get("/portal/applications").session(session("talentoffice"))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeOpensAnApplicantAccountForAPersonOutsideTheRegistryWhoThenAppliesAndSeesTheRefusalReason() throws Exception {
        long person = freshPerson(1);
        MockHttpSession office = session("talentoffice");
        mvc.perform(get("/talent-applications/person-tab/{p}", person).session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString("开通申请人账号")));
        String page = mvc.perform(post("/talent-applications/person-tab/{p}/account", person).session(office).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"person-initial-password\"")))
                .andReturn().getResponse().getContentAsString();
        String password = page.replaceAll("(?s).*初始密码：<strong class=\"font-monospace\">([^<]+)</strong>.*", "$1");
        String username = "rc" + person;
        // change the initial password, then apply on the portal
        var login = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                .user(username).password(password)).andReturn();
        MockHttpSession applicant = (MockHttpSession) login.getRequest().getSession();
        mvc.perform(post("/account/password").session(applicant).with(csrf()).param("current", password)
                .param("password", "Rencai@2026xyz").param("confirm", "Rencai@2026xyz")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal").session(applicant)).andExpect(status().isOk()).andExpect(content().string(containsString("我的认定申请")));
        mvc.perform(multipart("/portal/applications").session(applicant).with(csrf()).param("tierCode", "E").param("category", "技能")
                .param("introductionMode", "全职").param("introducedOn", "2025-03-01")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM talent_application WHERE person_id = :p").param("p", person).query(Long.class).single();
        // the employer is the person's unit; the office refuses at review after the employer's confirmation
        jdbc.sql("UPDATE talent_application SET stage = 'EMPLOYER_CONFIRMED', version = version + 1 WHERE id = :id").param("id", id).update();
        step("talentoffice", id, "review", decision(0, false, "工作年限不满足要求", version(id))).andExpect(status().isOk());
        mvc.perform(get("/portal/applications").session(applicant)).andExpect(content().string(containsString("工作年限不满足要求")));
        mvc.perform(get("/portal/applications/{id}", id).session(applicant)).andExpect(content().string(containsString("不予认定")))
                .andExpect(content().string(not(containsString("portal-withdraw-form"))));
    }
}
