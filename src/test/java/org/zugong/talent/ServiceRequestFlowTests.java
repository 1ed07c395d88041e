package org.zugong.talent;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.zugong.IntegrationTest;

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
 * F72 one-stop service, the whole path: talent1 files a request (API and portal), it is routed to the type's
 * department and to service1 (the county's only 人才服务专员 without talent:write), service1 accepts and finishes it,
 * talent1 rates it, which closes it; the talent sees the visible timeline only, staff see the internal entries too.
 */
class ServiceRequestFlowTests extends IntegrationTest {

    static final String API = "/api/v1/talent-services";

    static String json(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString();
    }

    static int version(String body) {
        return JsonPath.read(body, "$.request.version");
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM access_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** Files a request as talent1 through the API and returns its id. */
    long fileAsTalent1(String type, String title) throws Exception {
        String body = json(mvc.perform(post(API).header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"" + type + "\",\"title\":\"" + title + "\",\"content\":\"请协助办理。\"}"))
                .andExpect(status().isCreated()).andReturn());
        return ((Number) JsonPath.read(body, "$.request.id")).longValue();
    }

    @Test
    void aRequestFiledThroughTheApiIsRoutedAcceptedFinishedAndClosedByTheRating() throws Exception {
        long id = fileAsTalent1("MEDICAL", "接口全流程：母亲就医绿色通道");
        String body = json(mvc.perform(get(API + "/" + id).header("Authorization", bearer("service1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.request.department").value("县卫生健康局"))
                .andExpect(jsonPath("$.request.officerId").value(userId("service1")))
                .andExpect(jsonPath("$.request.number").value(org.hamcrest.Matchers.startsWith("FW" + java.time.Year.now().getValue())))
                .andReturn());
        assertThat(auditCount("TALENT_SERVICE_VIEW")).isPositive();

        body = json(mvc.perform(post(API + "/" + id + "/accept").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(body) + "}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("ACCEPTED")).andExpect(jsonPath("$.request.finishDue").isNotEmpty()).andReturn());
        body = json(mvc.perform(post(API + "/" + id + "/comments").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"内部：已联系县人民医院\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("IN_PROGRESS")).andReturn());
        body = json(mvc.perform(post(API + "/" + id + "/finish").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(body) + ",\"text\":\"已开通县人民医院绿色通道\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("FINISHED")).andReturn());

        // the talent sees the visible timeline only
        String mine = json(mvc.perform(get(API + "/" + id).header("Authorization", bearer("talent1"))).andExpect(status().isOk()).andReturn());
        assertThat(mine).contains("已开通县人民医院绿色通道").doesNotContain("内部：已联系县人民医院");
        assertThat(body).contains("内部：已联系县人民医院");

        mvc.perform(post(API + "/" + id + "/rating").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version(mine) + ",\"rating\":5,\"text\":\"很满意\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.request.status").value("CLOSED")).andExpect(jsonPath("$.request.rating").value(5));
        // and talent1's list holds it
        mvc.perform(get(API).header("Authorization", bearer("talent1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("接口全流程：母亲就医绿色通道")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('TALENT_SERVICE_CREATE', 'TALENT_SERVICE_ACCEPT', "
                + "'TALENT_SERVICE_FINISH', 'TALENT_SERVICE_RATE') AND target_id = :id").param("id", Long.toString(id)).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void aRequestFiledOnThePortalWithAnAttachmentIsHandledOnTheStaffPagesAndRated() throws Exception {
        MockHttpSession talent = session("talent1");
        mvc.perform(get("/portal").session(talent)).andExpect(status().isOk()).andExpect(content().string(containsString("我的服务申请")));
        byte[] pdf = "%PDF-1.4 demo".getBytes();
        MvcResult filed = mvc.perform(multipart("/portal/services").file(new MockMultipartFile("files", "户口本.pdf", "application/pdf", pdf))
                        .param("typeCode", "HUKOU").param("title", "页面全流程：配偶户口迁入").param("content", "配偶户口迁入本县。")
                        .session(talent).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = filed.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).session(talent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面全流程：配偶户口迁入"))).andExpect(content().string(containsString("户口本.pdf")))
                .andExpect(content().string(containsString("县公安局")));
        // a second attachment while it awaits acceptance
        mvc.perform(multipart(location + "/attachments").file(new MockMultipartFile("files", "结婚证.png", "image/png",
                        new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).session(talent).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long attachment = jdbc.sql("SELECT min(id) FROM talent_service_attachment WHERE request_id = :r").param("r", id).query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_attachment WHERE request_id = :r").param("r", id).query(Long.class).single())
                .isEqualTo(2);
        mvc.perform(get(location + "/attachments/" + attachment).session(talent)).andExpect(status().isOk())
                .andExpect(content().bytes(pdf));

        MockHttpSession officer = session("service1");
        mvc.perform(get("/talent-services").param("queue", "MINE").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面全流程：配偶户口迁入")));
        mvc.perform(get("/talent-services/" + id).session(officer)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"accept\"")));
        mvc.perform(get("/talent-services/" + id).session(officer)).andExpect(content().string(containsString("结婚证.png")));
        mvc.perform(post("/talent-services/" + id + "/accept").param("version", "0").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/talent-services/" + id + "/comments").param("text", "请补充结婚证").param("visible", "true").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        int v = jdbc.sql("SELECT version FROM talent_service_request WHERE id = :id").param("id", id).query(Integer.class).single();
        mvc.perform(post("/talent-services/" + id + "/finish").param("version", Integer.toString(v)).param("text", "户口已迁入")
                .session(officer).with(csrf())).andExpect(status().is3xxRedirection());

        mvc.perform(get(location).session(talent)).andExpect(status().isOk()).andExpect(content().string(containsString("请补充结婚证")))
                .andExpect(content().string(containsString("id=\"rate\"")));
        v = jdbc.sql("SELECT version FROM talent_service_request WHERE id = :id").param("id", id).query(Integer.class).single();
        mvc.perform(post(location + "/rating").param("version", Integer.toString(v)).param("rating", "4").param("text", "较快")
                .session(talent).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status || ':' || rating FROM talent_service_request WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CLOSED:4");
        // the talent detail page's section lists it for the talent office
        long talentId = jdbc.sql("SELECT talent_id FROM talent_service_request WHERE id = :id").param("id", id).query(Long.class).single();
        mvc.perform(get("/talents/" + talentId).session(session("talentoffice"))).andExpect(content().string(containsString("/talent-services/section/")));
        mvc.perform(get("/talent-services/section/" + talentId).session(session("talentoffice"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面全流程：配偶户口迁入")));
    }

    @Test
    void aTalentCanWithdrawBeforeAcceptanceButNotAfter() throws Exception {
        long id = fileAsTalent1("OTHER", "撤回测试：高铁站便捷通行");
        mvc.perform(post(API + "/" + id + "/withdraw").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk()).andExpect(jsonPath("$.request.status").value("WITHDRAWN"));
        long other = fileAsTalent1("OTHER", "撤回测试：已受理的不能撤回");
        mvc.perform(post(API + "/" + other + "/accept").header("Authorization", bearer("service1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());
        mvc.perform(post(API + "/" + other + "/withdraw").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("只有待受理的申请才能撤回")));
    }

    @Test
    void theTalentOfficeReassignsAndAStaffMemberWithoutTheServicePermissionCannotAct() throws Exception {
        long id = fileAsTalent1("PROJECT", "改派测试：科技项目申报");
        mvc.perform(post(API + "/" + id + "/reassign").header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"officerId\":" + userId("talentoffice") + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.request.officerId").value(userId("talentoffice")));
        mvc.perform(post(API + "/" + id + "/reassign").header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"officerId\":" + userId("county2") + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("请选择管辖该申请所属单位的人才服务专员"));
        mvc.perform(post(API + "/" + id + "/accept").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1}")).andExpect(status().isForbidden());
        mvc.perform(get("/talent-services").param("queue", "PENDING").session(session("talentoffice"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("改派测试：科技项目申报")));
        mvc.perform(get("/talent-services").param("queue", "MINE").session(session("service1"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("改派测试：科技项目申报"))));
    }

    @Test
    void theSlaStatisticsShowDepartmentsAndOfficersAsPageApiAndExcel() throws Exception {
        mvc.perform(get(API + "/stats").param("from", java.time.LocalDate.now().minusDays(120).toString())
                        .header("Authorization", bearer("talentoffice")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("县教育局")))
                .andExpect(content().string(containsString("青溪县人才服务专员")));
        mvc.perform(get("/talent-services/stats").param("from", java.time.LocalDate.now().minusDays(120).toString()).session(session("talentoffice")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("按时受理率")));
        long before = auditCount("TALENT_SERVICE_EXPORT");
        mvc.perform(get("/talent-services/stats/export").session(session("talentoffice"))).andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(auditCount("TALENT_SERVICE_EXPORT")).isEqualTo(before + 1);
        // a talent has no statistics
        mvc.perform(get(API + "/stats").header("Authorization", bearer("talent1"))).andExpect(status().isForbidden());
    }
}
