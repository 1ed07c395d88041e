package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

/** The file's edits through the API: what a page can do, an integration can do, with the same rules and jurisdiction. */
class CadreApiEditTests extends IntegrationTest {

    @Autowired
    LrmxImport lrmxImport;

    private long importCadre(String name) {
        String unit = jdbc.sql("SELECT name FROM org_organization WHERE kind NOT IN ('CITY','COUNTY','TOWNSHIP','STREET','VILLAGE','COMMUNITY') AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(1)).query(String.class).single();
        actAsCityUser();
        try {
            var report = lrmxImport.run("a.lrmx", LrmxWriter.write(LrmxImportApiTests.form(name,
                    LrmxImportApiTests.freshIdNumber(LocalDate.of(1982, 8, 8), true), unit + "科长")), null, false);
            assertThat(report.errors()).isEmpty();
            return report.imported().getFirst().id();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void ranksResultsAndMeasuresSetThroughTheApiDecideEligibility() throws Exception {
        long id = importCadre("蒋卫东");
        jdbc.sql("UPDATE cadre_profile SET category = '公务员' WHERE person_id = :id").param("id", id).update();
        String auth = bearer("county1");
        mvc.perform(post("/api/v1/cadres/" + id + "/ranks").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rank\":\"三级主任科员\",\"startDate\":\"2022-01-01\"}")).andExpect(status().isNoContent());
        for (int year = 2022; year <= 2025; year++) {
            mvc.perform(put("/api/v1/cadres/" + id + "/annual-results").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"year\":" + year + ",\"code\":\"2\"}")).andExpect(status().isNoContent());
        }
        mvc.perform(get("/api/v1/cadres/rank-eligibility").header(HttpHeaders.AUTHORIZATION, auth).param("name", "蒋卫东").param("date", "2026-11-27"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].eligible").value(true))
                .andExpect(jsonPath("$[0].targetRank").value("二级主任科员"));
        // A measure in force blocks promotion, and the reason says so.
        mvc.perform(post("/api/v1/cadres/" + id + "/records").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"党纪处分\",\"title\":\"党内警告处分\",\"decidedOn\":\"2026-10-01\",\"effectEnd\":\"2027-03-31\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/cadres/rank-eligibility").header(HttpHeaders.AUTHORIZATION, auth).param("name", "蒋卫东").param("date", "2026-11-27"))
                .andExpect(jsonPath("$[0].eligible").value(false))
                .andExpect(jsonPath("$[0].reasons[*]").value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("处分"))));
    }

    @Test
    void invalidEditsAnswer400WithChineseFieldErrorsAndOtherCountiesGet404() throws Exception {
        long id = importCadre("彭海涛");
        mvc.perform(post("/api/v1/cadres/" + id + "/posts").header(HttpHeaders.AUTHORIZATION, bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"method\":\"任命\",\"startDate\":\"2024-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists());
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_post WHERE person_id = :id").param("id", id).query(Long.class).single()).isZero();
        mvc.perform(put("/api/v1/cadres/" + id + "/annual-results").header(HttpHeaders.AUTHORIZATION, bearer("county2")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025,\"code\":\"1\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cadres/" + id).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("彭海涛"))
                .andExpect(jsonPath("$.idNumber").value(org.hamcrest.Matchers.containsString("*")));
    }
}
