package org.zugong.person;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A county user cannot list, open, export or change another county's persons: 404, and audited. */
class PersonJurisdictionTests extends IntegrationTest {

    private long denied() {
        return auditCount("ACCESS_DENIED");
    }

    @Test
    void apiDetailOfAnotherCountysPersonIs404AndAudited() throws Exception {
        long other = personInCounty(2);
        long before = denied();
        mvc.perform(get("/api/v1/persons/" + other).header("Authorization", bearer("county1")))
                .andExpect(status().isNotFound());
        assertThat(denied()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT username FROM audit_event WHERE action = 'ACCESS_DENIED' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("county1");
        mvc.perform(get("/api/v1/persons/" + other).header("Authorization", bearer("county2")))
                .andExpect(status().isOk());
    }

    @Test
    void apiUpdateOfAnotherCountysPersonIs404AndChangesNothing() throws Exception {
        long other = personInCounty(2);
        String name = jdbc.sql("SELECT name FROM person_person WHERE id = :id").param("id", other).query(String.class).single();
        long before = denied();
        mvc.perform(put("/api/v1/persons/" + other).header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orgId\": %d, \"name\": \"篡改\", \"sex\": \"1\", \"birthDate\": \"1980-01-01\", \"version\": 0}".formatted(county(1))))
                .andExpect(status().isNotFound());
        assertThat(denied()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT name FROM person_person WHERE id = :id").param("id", other).query(String.class).single()).isEqualTo(name);
    }

    @Test
    void listFilteredByAnotherCountyIs404AndUnfilteredListShowsOnlyOwnCounty() throws Exception {
        mvc.perform(get("/api/v1/persons").param("orgId", String.valueOf(county(2))).header("Authorization", bearer("county1")))
                .andExpect(status().isNotFound());
        String countyPath = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", county(1)).query(String.class).single();
        String body = mvc.perform(get("/api/v1/persons").param("size", "200").header("Authorization", bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var orgIds = java.util.regex.Pattern.compile("\"orgId\":(\\d+)").matcher(body).results().map(m -> Long.parseLong(m.group(1))).distinct().toList();
        assertThat(orgIds).isNotEmpty();
        for (Long orgId : orgIds) {
            String path = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", orgId).query(String.class).single();
            assertThat(path).startsWith(countyPath);
        }
    }

    @Test
    void idNumberLookupHittingAnotherCountyIsA404AndAudited() throws Exception {
        long other = personInCounty(2);
        String full = mvc.perform(post("/persons/" + other + "/id-number").session(session("city")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long before = denied();
        mvc.perform(get("/api/v1/persons/by-id-number").param("idNumber", full).header("Authorization", bearer("county1")))
                .andExpect(status().isNotFound());
        assertThat(denied()).isEqualTo(before + 1);
    }

    @Test
    void creatingAPersonInAnotherCountyIsRefusedAndAudited() throws Exception {
        long before = denied();
        String id = IdNumber.withCheckDigit("43010419880808661").value();
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orgId\": %d, \"name\": \"越权\", \"sex\": \"1\", \"birthDate\": \"1988-08-08\", \"idNumber\": \"%s\"}".formatted(county(2), id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgId"));
        assertThat(denied()).isEqualTo(before + 1);
    }

    @Test
    void pagesAndExportOfAnotherCountyAre404() throws Exception {
        long other = personInCounty(2);
        var county1 = session("county1");
        long before = denied();
        mvc.perform(get("/persons/" + other).session(county1)).andExpect(status().isNotFound());
        mvc.perform(get("/persons/" + other + "/edit").session(county1)).andExpect(status().isNotFound());
        mvc.perform(get("/persons/export").param("orgId", String.valueOf(county(2))).session(county1)).andExpect(status().isNotFound());
        mvc.perform(post("/persons/" + other).session(county1).with(csrf()).param("orgId", String.valueOf(county(1)))
                .param("name", "篡改").param("sex", "1").param("birthDate", "1980-01-01").param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/persons/" + other + "/id-number").session(county1).with(csrf())).andExpect(status().isNotFound());
        assertThat(denied()).isGreaterThanOrEqualTo(before + 4);
    }

    @Test
    void listPageHtmlContainsNoFullIdNumber() throws Exception {
        var county1 = session("county1");
        String html = mvc.perform(get("/persons").session(county1)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("\\d{6}\\*{8}[0-9X]{4}");
        assertThat(html).doesNotContainPattern("[1-9]\\d{5}(19|20)\\d{2}(0[1-9]|1[0-2])\\d{2}\\d{3}[0-9X]");
    }

    @Test
    void userWithoutPermissionGets403() throws Exception {
        mvc.perform(get("/persons").with(user("x").authorities())).andExpect(status().isForbidden());
    }
}
