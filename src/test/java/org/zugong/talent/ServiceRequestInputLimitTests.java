package org.zugong.talent;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Over-long input is a Chinese 400 with nothing changed, never a 500 from the database: the 受理 note and the 撤回
 * text (at most 1000 characters; they go into the event text), an attachment's file name (at most 200 characters:
 * refused, not truncated).
 */
class ServiceRequestInputLimitTests extends IntegrationTest {

    static final String API = "/api/v1/talent-services";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

    private long fileAsTalent1(String title) throws Exception {
        String body = mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"OTHER\",\"title\":\"" + title + "\",\"content\":\"请协助办理。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.request.id")).longValue();
    }

    private String snapshot(long id) {
        return jdbc.sql("SELECT status || ':' || version || ':' || (SELECT count(*) FROM talent_service_event e WHERE e.request_id = r.id) "
                + "FROM talent_service_request r WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void anOverLongAcceptanceNoteIsA400AndTheRequestStaysUnaccepted() throws Exception {
        long id = fileAsTalent1("超长受理说明测试");
        String before = snapshot(id);
        mvc.perform(post(API + "/" + id + "/accept").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"text\":\"" + "受".repeat(1999) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("受理说明不能超过 1000 个字"));
        assertThat(snapshot(id)).isEqualTo(before).startsWith("SUBMITTED:0:");
        mvc.perform(post(API + "/" + id + "/accept").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"text\":\"" + "受".repeat(1000) + "\"}")).andExpect(status().isOk());
    }

    @Test
    void anOverLongWithdrawalTextIsA400AndTheRequestStaysSubmitted() throws Exception {
        long id = fileAsTalent1("超长撤回说明测试");
        String before = snapshot(id);
        mvc.perform(post(API + "/" + id + "/withdraw").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"text\":\"" + "撤".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("撤回说明不能超过 1000 个字"));
        assertThat(snapshot(id)).isEqualTo(before);
        mvc.perform(post(API + "/" + id + "/withdraw").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"text\":\"不需要了\"}")).andExpect(status().isOk());
    }

    @Test
    void anAttachmentWhoseFileNameIsLongerThan200CharactersIsRefusedWithA400AndNothingIsFiled() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single();
        String longName = "材".repeat(197) + ".pdf";
        mvc.perform(multipart("/portal/services").file(new MockMultipartFile("files", longName, "application/pdf", PDF))
                        .param("typeCode", "OTHER").param("title", "超长文件名").param("content", "内容").session(session("talent1")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("文件名不能超过 200 个字符")));
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_request").query(Long.class).single()).isEqualTo(before);
        // the API's second step (adding attachments to a request awaiting acceptance) refuses it too
        long id = fileAsTalent1("超长文件名补充附件");
        mvc.perform(multipart(API + "/" + id + "/attachments").file(new MockMultipartFile("files", longName, "application/pdf", PDF))
                        .header("Authorization", bearer("talent1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("文件名不能超过 200 个字符")));
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_attachment WHERE request_id = :r").param("r", id).query(Long.class).single()).isZero();
        // exactly 200 characters is fine
        mvc.perform(multipart(API + "/" + id + "/attachments").file(new MockMultipartFile("files", "材".repeat(196) + ".pdf", "application/pdf", PDF))
                        .header("Authorization", bearer("talent1")))
                .andExpect(status().is2xxSuccessful());
    }
}
