package org.zugong.organization;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A county user sees the county's subtree only; another county's organizations answer 404, audited. */
class OrganizationJurisdictionTests extends IntegrationTest {

    @Test
    void rootsOfACountyUserAreTheirCounty() throws Exception {
        mvc.perform(get("/api/v1/organizations").header("Authorization", bearer("county1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(county(1)))
                .andExpect(jsonPath("$[0].kind").value("COUNTY"))
                .andExpect(jsonPath("$[0].path").isString());
        mvc.perform(get("/api/v1/organizations").param("parentId", String.valueOf(county(1))).header("Authorization", bearer("county1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].parentId").value(county(1)));
    }

    @Test
    void anotherCountysOrganizationIs404ForEveryApiCallAndAudited() throws Exception {
        long other = county(2);
        long before = auditCount("ACCESS_DENIED");
        String path = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", other).query(String.class).single();
        mvc.perform(get("/api/v1/organizations/" + other).header("Authorization", bearer("county1"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organizations").param("parentId", String.valueOf(other)).header("Authorization", bearer("county1")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organizations/" + other).header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"篡改\",\"kind\":\"COUNTY\",\"version\":0}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organizations/" + other + "/move").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentId\":" + county(1) + ",\"version\":0}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organizations/" + other + "/deactivate").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\",\"version\":0}")).andExpect(status().isNotFound());
        // Moving one's own organization under another county is refused too: the target is outside.
        long own = jdbc.sql("SELECT id FROM org_organization WHERE parent_id = :c ORDER BY id LIMIT 1").param("c", county(1)).query(Long.class).single();
        mvc.perform(post("/api/v1/organizations/" + own + "/move").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentId\":" + other + ",\"version\":0}")).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThanOrEqualTo(before + 6);
        assertThat(jdbc.sql("SELECT name FROM org_organization WHERE id = :id").param("id", other).query(String.class).single()).isNotEqualTo("篡改");
        assertThat(jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", other).query(String.class).single()).isEqualTo(path);
    }

    @Test
    void searchFindsOnlyOrganizationsInsideTheJurisdiction() throws Exception {
        String otherName = jdbc.sql("SELECT name FROM org_organization WHERE id = :id").param("id", county(2)).query(String.class).single();
        mvc.perform(get("/api/v1/organizations/search").param("q", otherName).header("Authorization", bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/organizations/search").param("q", otherName).header("Authorization", bearer("city")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(county(2)));
    }

    @Test
    void pagesOfAnotherCountysOrganizationAre404() throws Exception {
        var county1 = session("county1");
        long other = county(2);
        mvc.perform(get("/organizations/" + other).session(county1)).andExpect(status().isNotFound());
        mvc.perform(get("/organizations/" + other + "/edit").session(county1)).andExpect(status().isNotFound());
        mvc.perform(get("/organizations/" + other + "/children").session(county1)).andExpect(status().isNotFound());
        mvc.perform(post("/organizations/" + other + "/move").session(county1).with(csrf())
                .param("parentId", String.valueOf(county(1))).param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(get("/organizations/" + county(1)).session(county1)).andExpect(status().isOk());
    }

    @Test
    void createUpdateAndMoveThroughTheApi() throws Exception {
        String created = mvc.perform(post("/api/v1/organizations").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + county(1) + ",\"name\":\"接口新建党支部\",\"kind\":\"PARTY_BRANCH\",\"termStart\":\"2025-03-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.termEnd").value("2028-03-01"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(put("/api/v1/organizations/" + id).header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口改名党支部\",\"kind\":\"PARTY_BRANCH\",\"termStart\":\"2025-03-01\",\"termEnd\":\"2028-03-01\",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("接口改名党支部")).andExpect(jsonPath("$.version").value(1));
        long target = jdbc.sql("SELECT id FROM org_organization WHERE parent_id = :c AND kind = 'TOWNSHIP' ORDER BY id LIMIT 1")
                .param("c", county(1)).query(Long.class).single();
        mvc.perform(post("/api/v1/organizations/" + id + "/move").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + target + ",\"version\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.moved").value(1));
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + county(1) + ",\"name\":\"\",\"kind\":\"PARTY_BRANCH\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    }
}
