package org.zugong.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

/** F30/F34: rules edited as data, versioned, enabled and retired; a backtest writes nothing. */
class WarningRuleEditorTests extends IntegrationTest {

    private ResultActions api(String path, String json) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, bearer("city")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long ruleId(String code, String status) {
        return jdbc.sql("SELECT id FROM warning_rule WHERE code = :c AND status = :s ORDER BY version DESC LIMIT 1").param("c", code)
                .param("s", status).query(Long.class).single();
    }

    @Test
    void aBacktestCountsWhoWouldHaveBeenWarnedAndCreatesNothing() throws Exception {
        long rule = ruleId("RETIREMENT_SOON", "ENABLED");
        long warnings = jdbc.sql("SELECT count(*) FROM warning").query(Long.class).single();
        long events = jdbc.sql("SELECT count(*) FROM warning_event").query(Long.class).single();
        String body = api("/api/v1/warnings/rules/" + rule + "/backtest", "{\"from\":\"" + LocalDate.now().minusMonths(6) + "\",\"to\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.persons")).intValue()).isPositive();
        assertThat(JsonPath.<java.util.Map<String, Object>>read(body, "$.byUnit")).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM warning").query(Long.class).single()).isEqualTo(warnings);
        assertThat(jdbc.sql("SELECT count(*) FROM warning_event").query(Long.class).single()).isEqualTo(events);
        api("/api/v1/warnings/rules/" + rule + "/backtest", "{\"from\":\"2026-01-01\",\"to\":\"2025-01-01\"}").andExpect(status().isBadRequest());
    }

    @Test
    void aDraftWithAnUnknownParameterOrBadGradeIsRefusedAndNothingIsStored() throws Exception {
        long rules = jdbc.sql("SELECT count(*) FROM warning_rule").query(Long.class).single();
        api("/api/v1/warnings/rules", """
                {"code":"TEST_BAD","name":"错误规则","colour":"RED","message":"{name}","conditions":[{"fact":"ANNUAL_GRADE","params":"grades=9"}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("无效")));
        api("/api/v1/warnings/rules", """
                {"code":"TEST_BAD","name":"错误规则","colour":"RED","message":"{name}","conditions":[{"fact":"YEARS_IN_POST","params":"drop=table"}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("没有参数")));
        api("/api/v1/warnings/rules", """
                {"code":"TEST_BAD","name":"错误规则","colour":"PURPLE","message":"{name}","conditions":[]}""")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM warning_rule").query(Long.class).single()).isEqualTo(rules);
    }

    @Test
    void enablingANewVersionKeepsOldWarningsTracedToTheirVersionAndRetiringClosesThem() throws Exception {
        long v1 = ruleId("LONG_IN_POST", "ENABLED");
        long open = jdbc.sql("SELECT count(*) FROM warning WHERE rule_code = 'LONG_IN_POST' AND status <> 'CLOSED'").query(Long.class).single();
        String body = api("/api/v1/warnings/rules", """
                {"code":"LONG_IN_POST","name":"同一职务任职满8年","colour":"BLUE","message":"{name}在现职务任职已满8年","basis":"测试",
                 "conditions":[{"fact":"YEARS_IN_POST","params":"years=8"}]}""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long v2 = ((Number) JsonPath.read(body, "$.id")).longValue();
        // A draft changes nothing.
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE rule_code = 'LONG_IN_POST' AND status <> 'CLOSED'").query(Long.class).single()).isEqualTo(open);
        api("/api/v1/warnings/rules/" + v2 + "/enable", "{}").andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT status FROM warning_rule WHERE id = :id").param("id", v1).query(String.class).single()).isEqualTo("RETIRED");
        // The warnings raised by version 1 stay traced to it; new ones name version 2; 8 years catch more than 10.
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE rule_id = :id AND status <> 'CLOSED'").param("id", v1).query(Long.class).single()).isEqualTo(open);
        long afterV2 = jdbc.sql("SELECT count(*) FROM warning WHERE rule_code = 'LONG_IN_POST' AND status <> 'CLOSED'").query(Long.class).single();
        assertThat(afterV2).isGreaterThanOrEqualTo(open);
        mvc.perform(get("/api/v1/warnings/rules/" + v2).header(HttpHeaders.AUTHORIZATION, bearer("city"))).andExpect(jsonPath("$.version").value(2));
        // Retiring closes them with the reason; re-enabling version 1 brings the 10-year rule back.
        api("/api/v1/warnings/rules/" + v2 + "/retire", "{}").andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE rule_code = 'LONG_IN_POST' AND status <> 'CLOSED'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE rule_code = 'LONG_IN_POST' AND close_reason = '预警规则已停用'").query(Long.class).single())
                .isEqualTo(afterV2);
        api("/api/v1/warnings/rules/" + v1 + "/enable", "{}").andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE rule_code = 'LONG_IN_POST' AND status <> 'CLOSED'").query(Long.class).single()).isEqualTo(open);
    }

    @Test
    void anEvaluationCanBeRunNowForEveryoneOrOneCadreInTheJurisdiction() throws Exception {
        api("/api/v1/warnings/rules/evaluate", "{}").andExpect(status().isOk());
        String body = api("/api/v1/warnings/rules/evaluate", "{}").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.raised")).intValue()).as("a second run right after the first raises nothing").isZero();
        assertThat(((Number) JsonPath.read(body, "$.closed")).intValue()).isZero();
        assertThat(((Number) JsonPath.read(body, "$.kept")).intValue()).isPositive();
        long inCounty2 = jdbc.sql("SELECT c.person_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY 1 LIMIT 1")
                .param("c", county(2)).query(Long.class).single();
        mvc.perform(post("/api/v1/warnings/rules/evaluate").param("personId", Long.toString(inCounty2))
                .header(HttpHeaders.AUTHORIZATION, bearer("county1"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/warnings/rules/evaluate").param("personId", Long.toString(inCounty2))
                .header(HttpHeaders.AUTHORIZATION, bearer("county2"))).andExpect(status().isOk());
    }

    @Test
    void aCountyUserCannotChangeRulesWithoutThePermissionAndPagesRender() throws Exception {
        mvc.perform(get("/warnings/rules").session(session("city"))).andExpect(status().isOk());
        mvc.perform(get("/warnings/rules/" + ruleId("SANCTION_IN_FORCE", "ENABLED")).session(session("city"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/warnings/rules/1/enable").header(HttpHeaders.AUTHORIZATION, bearer("unit1"))).andExpect(status().isForbidden());
    }
}
