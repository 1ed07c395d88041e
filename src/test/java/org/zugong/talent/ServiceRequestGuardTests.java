package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the one-stop service refuses: another talent's request (404 and audited, portal and API), another county's
 * staff (404), filing without a valid recognition, and bad input — each with a Chinese message, nothing changed.
 */
class ServiceRequestGuardTests extends IntegrationTest {

    static final String API = "/api/v1/talent-services";

    /** A demo request of another talent (county 2's, 待分配). */
    private long foreignRequest() {
        return jdbc.sql("""
                SELECT min(r.id) FROM talent_service_request r WHERE r.talent_id <> (SELECT t.id FROM talent t JOIN access_user u
                ON u.person_id = t.person_id WHERE u.username = 'talent1') AND r.status = 'SUBMITTED'""").query(Long.class).single();
    }

    private long talent1Request() {
        return jdbc.sql("""
                SELECT min(r.id) FROM talent_service_request r WHERE r.created_by = 'demo' AND r.talent_id = (SELECT t.id FROM talent t
                JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1')""").query(Long.class).single();
    }

    private String snapshot(long id) {
        return jdbc.sql("SELECT status || ':' || version || ':' || coalesce(rating, 0) || ':' || (SELECT count(*) FROM talent_service_event e "
                + "WHERE e.request_id = r.id) FROM talent_service_request r WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aTalentCannotReadCommentOrRateAnotherTalentsRequestOnThePortalOrTheApi() throws Exception {
        long foreign = foreignRequest();
        String before = snapshot(foreign);
        long denied = auditCount("ACCESS_DENIED");
        MockHttpSession talent = session("talent1");
        mvc.perform(get("/portal/services/" + foreign).session(talent)).andExpect(status().isNotFound());
        mvc.perform(post("/portal/services/" + foreign + "/comments").param("text", "越权").session(talent).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/portal/services/" + foreign + "/rating").param("version", "0").param("rating", "1").session(talent).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "/" + foreign).header("Authorization", bearer("talent1"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("服务申请不存在")));
        mvc.perform(post(API + "/" + foreign + "/comments").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"越权\"}")).andExpect(status().isNotFound());
        mvc.perform(post(API + "/" + foreign + "/rating").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"rating\":1}")).andExpect(status().isNotFound());
        mvc.perform(post(API + "/" + foreign + "/withdraw").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 7);
        assertThat(snapshot(foreign)).isEqualTo(before);
        // nor is it in the talent's list
        mvc.perform(get(API).header("Authorization", bearer("talent1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + foreign + ")]").isEmpty());
    }

    @Test
    void staffOfAnotherCountyGet404() throws Exception {
        long own = talent1Request();
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get(API + "/" + own).header("Authorization", bearer("county2"))).andExpect(status().isNotFound());
        mvc.perform(get("/talent-services/" + own).session(session("county2"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 2);
        // and their queue does not list county 1's requests
        mvc.perform(get(API).header("Authorization", bearer("county2"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + own + ")]").isEmpty());
    }

    @Test
    void aTalentWithoutAValidRecognitionCannotFile() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single();
        String valid = jdbc.sql("SELECT valid_until::text FROM talent t JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1'")
                .query(String.class).single();
        jdbc.sql("UPDATE talent SET valid_until = current_date - 1 WHERE person_id = (SELECT person_id FROM access_user WHERE username = 'talent1')")
                .update();
        try {
            mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"typeCode\":\"OTHER\",\"title\":\"过期后提交\",\"content\":\"内容\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value(containsString("只有认定有效期内的人才才能提交服务申请")));
            mvc.perform(get("/portal/services").session(session("talent1"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("只有认定有效期内的人才才能提交服务申请")));
            mvc.perform(multipart("/portal/services").param("typeCode", "OTHER").param("title", "过期后提交").param("content", "内容")
                    .session(session("talent1")).with(csrf())).andExpect(status().isUnprocessableContent());
        } finally {
            jdbc.sql("UPDATE talent SET valid_until = CAST(:v AS date) WHERE person_id = (SELECT person_id FROM access_user WHERE username = 'talent1')")
                    .param("v", valid).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badInputGetsAChineseMessageAndChangesNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single();
        mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"OTHER\",\"title\":\" \",\"content\":\"内容\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写申请标题"));
        mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"LOTTERY\",\"title\":\"标题\",\"content\":\"内容\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("服务类型不存在，请重新选择"));
        MockHttpSession talent = session("talent1");
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F'; big[4] = '-';
        mvc.perform(multipart("/portal/services").file(new MockMultipartFile("files", "big.pdf", "application/pdf", big))
                        .param("typeCode", "OTHER").param("title", "超大附件").param("content", "内容").session(talent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("附件超过 5MB，已拒绝")));
        mvc.perform(multipart("/portal/services").file(new MockMultipartFile("files", "tool.exe", "application/octet-stream", new byte[]{'M', 'Z'}))
                        .param("typeCode", "OTHER").param("title", "错误附件").param("content", "内容").session(talent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("只能上传")));
        mvc.perform(multipart("/portal/services").file(new MockMultipartFile("files", "fake.pdf", "application/pdf", "not a pdf".getBytes()))
                        .param("typeCode", "OTHER").param("title", "伪装附件").param("content", "内容").session(talent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("内容与扩展名不符")));
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single()).isEqualTo(before);

        // a double submission is refused
        String body = mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"OTHER\",\"title\":\"重复提交测试\",\"content\":\"内容\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.request.id")).longValue();
        mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"OTHER\",\"title\":\"重复提交测试\",\"content\":\"内容\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(containsString("请勿重复提交")));
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single()).isEqualTo(before + 1);

        // a stale version: accepted once, the second accept with the old version is a conflict
        mvc.perform(post(API + "/" + id + "/accept").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());
        String accepted = snapshot(id);
        mvc.perform(post(API + "/" + id + "/finish").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"text\":\"结果\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        mvc.perform(post(API + "/" + id + "/finish").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"text\":\"  \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请填写办理结果"));
        mvc.perform(post(API + "/" + id + "/reject").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"text\":\"理由\"}")).andExpect(status().isUnprocessableContent());
        assertThat(snapshot(id)).isEqualTo(accepted);
        mvc.perform(post(API + "/" + id + "/finish").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"text\":\"已办结\"}")).andExpect(status().isOk());

        // ratings outside 1–5
        String finished = snapshot(id);
        for (int rating : new int[]{0, 6}) {
            mvc.perform(post(API + "/" + id + "/rating").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":2,\"rating\":" + rating + "}")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value("请选择 1 至 5 星的满意度评价"));
        }
        mvc.perform(post("/portal/services/" + id + "/rating").param("version", "2").param("rating", "6").session(talent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请选择 1 至 5 星的满意度评价")));
        assertThat(snapshot(id)).isEqualTo(finished);
        mvc.perform(post(API + "/" + id + "/rating").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":2,\"rating\":3}")).andExpect(status().isOk());
        mvc.perform(post(API + "/" + id + "/rating").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":3,\"rating\":4}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该申请已评价，不能重复评价"));
    }
}
