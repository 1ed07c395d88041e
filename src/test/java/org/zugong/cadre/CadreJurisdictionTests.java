package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.RequestBuilder;
import org.zugong.IntegrationTest;

/**
 * Every cadre page, export and API call answers 404 for a file or organization of another county,
 * and writes an ACCESS_DENIED audit row; nothing of the other county leaks into lists or files.
 */
class CadreJurisdictionTests extends IntegrationTest {

    /** A demo cadre file in the n-th county. */
    private long cadreIn(int county) {
        return jdbc.sql("""
                SELECT c.person_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND c.created_by = 'demo'
                ORDER BY c.person_id LIMIT 1""").param("c", county(county)).query(Long.class).single();
    }

    @Test
    void everyPageAndExportRefusesAnotherCountysCadre() throws Exception {
        long foreign = cadreIn(2);
        long foreignOrg = county(2);
        MockHttpSession county1 = session("county1");
        List<RequestBuilder> requests = List.of(
                get("/cadres/" + foreign), get("/cadres/" + foreign + "/edit"), get("/cadres/" + foreign + "/family"),
                get("/cadres/" + foreign + "/print"), get("/cadres/" + foreign + "/photo"), get("/cadres/" + foreign + "/lrmx"),
                get("/cadres").param("orgId", Long.toString(foreignOrg)),
                get("/cadres/roster").param("orgId", Long.toString(foreignOrg)),
                get("/cadres/lrmx.zip").param("orgId", Long.toString(foreignOrg)),
                post("/cadres/lrmx.zip").param("ids", Long.toString(foreign)).with(csrf()),
                get("/cadres/eligibility").param("orgId", Long.toString(foreignOrg)),
                get("/cadres/eligibility/export").param("orgId", Long.toString(foreignOrg)),
                post("/cadres/" + foreign + "/posts").param("title", "局长").param("method", "委任").param("startDate", "2025-01-01").with(csrf()),
                post("/cadres/" + foreign + "/records").param("kind", "奖励").param("title", "嘉奖").param("decidedOn", "2025-01-01").with(csrf()),
                post("/cadres/" + foreign + "/family").param("members[0].relation", "妻子").param("members[0].name", "某某").with(csrf()));
        for (RequestBuilder request : requests) {
            long denied = auditCount("ACCESS_DENIED");
            var result = mvc.perform(request instanceof org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b ? b.session(county1) : request)
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI()).isEqualTo(404);
            assertThat(auditCount("ACCESS_DENIED")).as(result.getRequest().getRequestURI()).isGreaterThan(denied);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_post WHERE person_id = :id AND title = '局长' AND start_date = DATE '2025-01-01'")
                .param("id", foreign).query(Long.class).single()).isZero();
    }

    @Test
    void everyApiCallRefusesAnotherCountysCadre() throws Exception {
        long foreign = cadreIn(2);
        String auth = bearer("county1");
        List<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> requests = List.of(
                get("/api/v1/cadres/" + foreign), get("/api/v1/cadres/" + foreign + "/lrmx"),
                get("/api/v1/cadres").param("orgId", Long.toString(county(2))),
                get("/api/v1/cadres/lrmx.zip").param("orgId", Long.toString(county(2))),
                get("/api/v1/cadres/rank-eligibility").param("orgId", Long.toString(county(2))),
                post("/api/v1/cadres/lrmx/export").contentType(MediaType.APPLICATION_JSON).content("{\"ids\":[" + foreign + "]}"),
                post("/api/v1/cadres/" + foreign + "/ranks").contentType(MediaType.APPLICATION_JSON).content("{\"rank\":\"一级科员\",\"startDate\":\"2025-01-01\"}"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/cadres/" + foreign)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"orgId\":" + county(1) + ",\"retirementGroup\":\"MALE_60\",\"version\":0}"));
        for (var request : requests) {
            long denied = auditCount("ACCESS_DENIED");
            var result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, auth)).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI()).isEqualTo(404);
            assertThat(auditCount("ACCESS_DENIED")).as(result.getRequest().getRequestURI()).isGreaterThan(denied);
        }
    }

    @Test
    void listsAndExportsOfTheWholeJurisdictionHoldOnlyItsOwnCadres() throws Exception {
        String body = mvc.perform(get("/api/v1/cadres").param("size", "200").header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = com.jayway.jsonpath.JsonPath.read(body, "$.content[*].orgId");
        List<Long> orgIds = ids.stream().map(Number::longValue).toList();
        assertThat(orgIds).isNotEmpty();
        String countyPath = jdbc.sql("SELECT path FROM org_organization WHERE id = :c").param("c", county(1)).query(String.class).single();
        for (long org : orgIds) {
            assertThat(jdbc.sql("SELECT path FROM org_organization WHERE id = :o").param("o", org).query(String.class).single()).startsWith(countyPath);
        }
        long inCounty = jdbc.sql("""
                SELECT count(*) FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_person p ON p.id = c.person_id
                WHERE o.path LIKE :p || '%' AND p.active""").param("p", countyPath).query(Long.class).single();
        byte[] zip = mvc.perform(get("/api/v1/cadres/lrmx.zip").header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(LrmxZip.read(new java.io.ByteArrayInputStream(zip))).hasSize((int) inCounty);
    }
}
