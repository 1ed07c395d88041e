package org.zugong.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zugong.IntegrationTest;
import org.zugong.cadre.LrmxDocument;
import org.zugong.cadre.LrmxEducation;
import org.zugong.cadre.LrmxWriter;
import org.zugong.person.IdNumber;

/**
 * F32 handling and F33 explanation: 交办, actions, two-step 销号 with its events; nobody approves their
 * own request; overdue actions escalate the colour once each; a stale version answers 409; another
 * county gets 404 with an audit on every route; the cadre list shows the badge.
 */
class WarningHandlingTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    WarningEngine engine;

    private static int serial = 7;

    @Autowired
    WarningEscalationRun escalation;

    private ResultActions api(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String unit() {
        return jdbc.sql("SELECT name FROM org_organization WHERE kind = 'ORGAN' AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(1)).query(String.class).single();
    }

    /** A county-1 cadre with an 诫勉 in force: an open orange warning, raised through the event path. Returns {person, warning}. */
    private long[] orangeWarning() throws Exception {
        LocalDate birth = LocalDate.of(1986, 1 + serial % 12, 1 + serial % 27);
        String id = IdNumber.withCheckDigit("430197" + birth.toString().replace("-", "") + String.format("%03d", 600 + (serial++) * 2 + 1)).value();
        LrmxDocument d = new LrmxDocument("处置" + (char) ('甲' + serial % 20) + "同志", "男", YearMonth.from(birth), "汉族", "湖南", "湖南", null,
                YearMonth.from(birth.plusYears(23)), "健康", null, null, new LrmxEducation("大学", null, null, null), null,
                unit() + "科员", null, null, List.of(), null, null, null, List.of(), null, null, null, null, id, null, "3.2.1.16", Map.of());
        String body = mvc.perform(multipart("/api/v1/cadres/lrmx")
                        .file(new MockMultipartFile("file", "x.lrmx", "application/octet-stream", LrmxWriter.write(d)))
                        .header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long person = ((Number) JsonPath.read(body, "$.imported[0].id")).longValue();
        api("county1", post("/api/v1/cadres/" + person + "/records"), "{\"kind\":\"诫勉\",\"title\":\"诫勉谈话\",\"decidedOn\":\""
                + LocalDate.now().minusDays(2) + "\",\"effectEnd\":\"" + LocalDate.now().plusMonths(6) + "\"}").andExpect(status().isCreated());
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            var w = jdbc.sql("SELECT id FROM warning WHERE person_id = :p AND rule_code = 'ADMONISHMENT_IN_FORCE' AND status = 'OPEN'")
                    .param("p", person).query(Long.class).optional();
            if (w.isPresent()) {
                return new long[] {person, w.get()};
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no warning raised for " + person);
    }

    private List<String> eventKinds(long warning) {
        return jdbc.sql("SELECT kind FROM warning_event WHERE warning_id = :w ORDER BY id").param("w", warning).query(String.class).list();
    }

    private Map<String, Object> warning(long id) {
        return jdbc.sql("SELECT * FROM warning WHERE id = :id").param("id", id).query().singleRow();
    }

    @Test
    void assignActionsAndTwoStepClosingAreRecordedAsEvents() throws Exception {
        long w = orangeWarning()[1];
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"city\"}").andExpect(status().isOk());
        assertThat(warning(w)).containsEntry("status", "HANDLING").containsEntry("handler", "city");
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"nobody-here\"}").andExpect(status().isBadRequest());
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"auditadmin\"}").andExpect(status().isBadRequest());

        String created = api("county1", post("/api/v1/warnings/" + w + "/actions"),
                "{\"kind\":\"提醒谈话\",\"dueDate\":\"" + LocalDate.now().plusDays(7) + "\",\"note\":\"由分管领导谈话\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long action = ((Number) JsonPath.read(created, "$.id")).longValue();
        api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"批评\",\"dueDate\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isBadRequest());
        api("city", patch("/api/v1/warnings/" + w + "/actions/" + action), "{\"result\":\"已谈话，本人表示整改\",\"doneOn\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT result FROM warning_action WHERE id = :a").param("a", action).query(String.class).single()).contains("已谈话");

        // Only the handler asks; the handler cannot approve their own request; another user can.
        api("county1", post("/api/v1/warnings/" + w + "/close-request"), "{\"reason\":\"已整改\"}").andExpect(status().isUnprocessableContent());
        api("city", post("/api/v1/warnings/" + w + "/close-request"), "{\"reason\":\"已整改到位\"}").andExpect(status().isOk());
        api("city", post("/api/v1/warnings/" + w + "/close-approval"), "{\"approve\":true}").andExpect(status().isUnprocessableContent());
        assertThat(warning(w)).containsEntry("status", "HANDLING");
        String body = api("county1", post("/api/v1/warnings/" + w + "/close-approval"), "{\"approve\":true,\"note\":\"同意销号\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("CLOSED");
        assertThat(warning(w)).containsEntry("status", "CLOSED").containsEntry("close_reason", "已整改到位").containsEntry("closed_by", "county1");
        assertThat(eventKinds(w)).containsExactly("RAISED", "ASSIGNED", "ACTION", "ACTION", "CLOSE_REQ", "CLOSED");
        api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"其他\",\"dueDate\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isUnprocessableContent());

        // F33: the explanation through the API and on the page.
        String detail = mvc.perform(get("/api/v1/warnings/" + w).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(detail, "$.rule.name")).isEqualTo("诫勉影响期内");
        assertThat((List<String>) JsonPath.read(detail, "$.rule.conditions")).containsExactly("措施影响期内（种类：诫勉）");
        assertThat((List<String>) JsonPath.read(detail, "$.evidence[*].href")).allMatch(h -> h.startsWith("/cadres/"));
        assertThat((List<String>) JsonPath.read(detail, "$.timeline[*].kind")).hasSize(6);
        String page = mvc.perform(get("/warnings/" + w).session(session("county1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("诫勉影响期内", "措施影响期内（种类：诫勉）", "预警默认 橙", "申请销号", "已整改到位", "id=\"warning-timeline\"");

        // 销号 holds while the facts stay the same: evaluating again raises nothing new.
        long person = ((Number) warning(w).get("person_id")).longValue();
        engine.evaluatePersons(List.of(person), LocalDate.now(), "测试");
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE person_id = :p AND rule_code = 'ADMONISHMENT_IN_FORCE' AND status <> 'CLOSED'")
                .param("p", person).query(Long.class).single()).isZero();
        // A new measure is new evidence: a new warning.
        api("county1", post("/api/v1/cadres/" + person + "/records"), "{\"kind\":\"诫勉\",\"title\":\"再次诫勉\",\"decidedOn\":\""
                + LocalDate.now().minusDays(1) + "\",\"effectEnd\":\"" + LocalDate.now().plusMonths(6) + "\"}").andExpect(status().isCreated());
        engine.evaluatePersons(List.of(person), LocalDate.now(), "测试");
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE person_id = :p AND rule_code = 'ADMONISHMENT_IN_FORCE' AND status = 'OPEN'")
                .param("p", person).query(Long.class).single()).isOne();
    }

    @Test
    void aRejectedCloseRequestKeepsTheWarningAndCanBeAskedAgain() throws Exception {
        long w = orangeWarning()[1];
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"county1\"}").andExpect(status().isOk());
        api("county1", post("/api/v1/warnings/" + w + "/close-request"), "{\"reason\":\"已整改\"}").andExpect(status().isOk());
        api("county1", post("/api/v1/warnings/" + w + "/close-request"), "{\"reason\":\"再次\"}").andExpect(status().isUnprocessableContent());
        api("county1", post("/api/v1/warnings/" + w + "/close-approval"), "{\"approve\":true}").andExpect(status().isUnprocessableContent());
        api("city", post("/api/v1/warnings/" + w + "/close-approval"), "{\"approve\":false}").andExpect(status().isBadRequest());
        api("city", post("/api/v1/warnings/" + w + "/close-approval"), "{\"approve\":false,\"note\":\"整改材料不全\"}").andExpect(status().isOk());
        assertThat(warning(w)).containsEntry("status", "HANDLING");
        api("county1", post("/api/v1/warnings/" + w + "/close-request"), "{\"reason\":\"已补齐材料\"}").andExpect(status().isOk());
        String approver = mvc.perform(get("/warnings/" + w).session(session("city"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(approver).contains("id=\"close-approval-form\"", "已补齐材料", "id=\"add-action\"", "id=\"assign-form\"");
        String requester = mvc.perform(get("/warnings/" + w).session(session("county1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(requester).doesNotContain("id=\"close-approval-form\"").contains("须由处置人以外");
        mvc.perform(post("/warnings/" + w + "/close-approval").session(session("city")).with(csrf()).param("approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(warning(w)).containsEntry("status", "CLOSED").containsEntry("closed_by", "city").containsEntry("close_reason", "已补齐材料");
        assertThat(eventKinds(w)).containsExactly("RAISED", "ASSIGNED", "CLOSE_REQ", "REJECTED", "CLOSE_REQ", "CLOSED");
    }

    @Test
    void overdueActionsRaiseTheColourOnceEach() throws Exception {
        long w = orangeWarning()[1];
        jdbc.sql("UPDATE warning SET colour = 'BLUE' WHERE id = :id").param("id", w).update();
        LocalDate due = LocalDate.now();
        api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"函询\",\"dueDate\":\"" + due + "\"}").andExpect(status().isCreated());
        escalation.run(due);
        assertThat(warning(w)).as("not overdue on its due day").containsEntry("colour", "BLUE");
        escalation.run(due.plusDays(1));
        assertThat(warning(w)).containsEntry("colour", "YELLOW");
        escalation.run(due.plusDays(2));
        escalation.run(due.plusDays(3));
        assertThat(warning(w)).containsEntry("colour", "YELLOW");
        List<String> notes = jdbc.sql("SELECT note FROM warning_event WHERE warning_id = :w AND kind = 'COLOUR'").param("w", w).query(String.class).list();
        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst()).startsWith("处置逾期，由蓝升为黄");
        assertThat(jdbc.sql("SELECT done_by FROM warning_event WHERE warning_id = :w AND kind = 'COLOUR'").param("w", w).query(String.class).single())
                .isEqualTo(WarningHandling.ESCALATION_BY);

        // A second overdue action escalates once more; a done one never does.
        String created = api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"核查\",\"dueDate\":\"" + due + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long done = ((Number) JsonPath.read(created, "$.id")).longValue();
        api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"其他\",\"dueDate\":\"" + due + "\"}").andExpect(status().isCreated());
        api("county1", patch("/api/v1/warnings/" + w + "/actions/" + done), "{\"result\":\"已核查\"}").andExpect(status().isOk());
        escalation.run(due.plusDays(5));
        assertThat(warning(w)).containsEntry("colour", "ORANGE");
        escalation.run(due.plusDays(6));
        assertThat(jdbc.sql("SELECT count(*) FROM warning_event WHERE warning_id = :w AND kind = 'COLOUR'").param("w", w).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aStaleVersionAnswersConflict() throws Exception {
        long w = orangeWarning()[1];
        int version = ((Number) warning(w).get("version")).intValue();
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"county1\",\"version\":" + version + "}").andExpect(status().isOk());
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"city\",\"version\":" + version + "}").andExpect(status().isConflict());
        api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"函询\",\"dueDate\":\"" + LocalDate.now() + "\",\"version\":" + version + "}")
                .andExpect(status().isConflict());
        api("county1", post("/api/v1/warnings/" + w + "/close-request"), "{\"reason\":\"已整改\",\"version\":" + version + "}")
                .andExpect(status().isConflict());
        assertThat(warning(w)).containsEntry("handler", "county1").containsEntry("version", version + 1);
    }

    @Test
    void anotherCountyGetsNotFoundWithAnAuditOnEveryRoute() throws Exception {
        long w = orangeWarning()[1];
        String created = api("county1", post("/api/v1/warnings/" + w + "/actions"), "{\"kind\":\"函询\",\"dueDate\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long action = ((Number) JsonPath.read(created, "$.id")).longValue();
        var session = session("county2");
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/v1/warnings/" + w).header(HttpHeaders.AUTHORIZATION, bearer("county2")),
                post("/api/v1/warnings/" + w + "/assign").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"handler\":\"county2\"}"),
                post("/api/v1/warnings/" + w + "/actions").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"函询\",\"dueDate\":\"" + LocalDate.now() + "\"}"),
                patch("/api/v1/warnings/" + w + "/actions/" + action).header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"x\"}"),
                post("/api/v1/warnings/" + w + "/close-request").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"),
                post("/api/v1/warnings/" + w + "/close-approval").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"),
                get("/warnings/" + w).session(session),
                post("/warnings/" + w + "/assign").session(session).with(csrf()).param("handler", "county2"),
                post("/warnings/" + w + "/actions").session(session).with(csrf()).param("kind", "函询").param("dueDate", LocalDate.now().toString()),
                post("/warnings/" + w + "/actions/" + action).session(session).with(csrf()).param("result", "x"),
                post("/warnings/" + w + "/close-request").session(session).with(csrf()).param("reason", "x"),
                post("/warnings/" + w + "/close-approval").session(session).with(csrf()).param("approve", "true"));
        for (MockHttpServletRequestBuilder request : requests) {
            long denied = auditCount("ACCESS_DENIED");
            mvc.perform(request).andExpect(status().isNotFound());
            assertThat(auditCount("ACCESS_DENIED")).as(request.toString()).isEqualTo(denied + 1);
        }
        assertThat(warning(w)).containsEntry("handler", null).containsEntry("status", "OPEN");

        // Handed to a user of county 2, the warning becomes visible to them.
        api("county1", post("/api/v1/warnings/" + w + "/assign"), "{\"handler\":\"county2\"}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/warnings/" + w).header(HttpHeaders.AUTHORIZATION, bearer("county2"))).andExpect(status().isOk());
    }

    @Test
    void theBadgeAppearsInTheCadreListAndOnTheFile() throws Exception {
        long[] pw = orangeWarning();
        String name = jdbc.sql("SELECT name FROM person_view WHERE id = :p").param("p", pw[0]).query(String.class).single();
        var session = session("county1");
        String list = mvc.perform(get("/cadres").param("name", name).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("href=\"/warnings?personId=" + pw[0] + "\"", "data-warning=\"ORANGE\"");
        String file = mvc.perform(get("/cadres/" + pw[0]).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains("href=\"/warnings?personId=" + pw[0] + "\"", "zg-warning-orange");
        String warnings = mvc.perform(get("/warnings").param("personId", Long.toString(pw[0])).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(warnings).contains("/warnings/" + pw[1], "诫勉影响期内", "id=\"colour-counts\"");
        mvc.perform(get("/warnings").param("colour", "RED").param("status", "OPEN").param("orgId", Long.toString(county(1))).param("name", "处")
                .session(session)).andExpect(status().isOk());
        String stats = mvc.perform(get("/warnings/stats").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stats).contains("id=\"trend-chart\"", "id=\"by-unit\"", "诫勉影响期内");
        mvc.perform(get("/warnings").param("orgId", Long.toString(county(1))).session(session("county2"))).andExpect(status().isNotFound());
    }
}
