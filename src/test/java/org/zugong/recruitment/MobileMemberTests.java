package org.zugong.recruitment;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 流动党员 (F45): registration, jurisdiction of both sides, status and return. */
class MobileMemberTests extends IntegrationTest {

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (!created.isEmpty()) {
            jdbc.sql("DELETE FROM recruitment_mobile_member WHERE id IN (:ids)").param("ids", created).update();
        }
    }

    private long person(int county, String politicalStatus) {
        return jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.political_status = :s
                  AND p.id NOT IN (SELECT person_id FROM recruitment_mobile_member WHERE status <> 'RETURNED')
                ORDER BY p.id DESC LIMIT 1
                """).param("c", county(county)).param("s", politicalStatus).query(Long.class).single();
    }

    private long branch(int county) {
        return jdbc.sql("""
                SELECT id FROM org_organization WHERE kind = 'PARTY_BRANCH'
                  AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY id LIMIT 1
                """).param("c", county(county)).query(Long.class).single();
    }

    private ResultActions register(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/recruitment/mobile-members").header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long outflow(long person, long receivingOrg) throws Exception {
        String location = register("county1", "{\"personId\":" + person + ",\"direction\":\"OUTFLOW\",\"receivingOrgId\":" + receivingOrg
                + ",\"destination\":\"广东省深圳市\",\"reason\":\"WORK\",\"leftOn\":\"2025-03-01\",\"expectedReturnOn\":\"2026-01-31\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.direction").value("OUTFLOW"))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        created.add(id);
        return id;
    }

    @Test
    void aTextLongerThanItsColumnIsA400AndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM recruitment_mobile_member").query(Long.class).single();
        register("county1", "{\"personId\":" + person(1, "01") + ",\"direction\":\"OUTFLOW\",\"receivingOrgId\":" + branch(2)
                + ",\"destination\":\"" + "深".repeat(201) + "\",\"reason\":\"WORK\",\"leftOn\":\"2025-03-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("超过了允许的长度")));
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_mobile_member").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anOutflowToAnotherCountyIsSeenByBothSidesOnly() throws Exception {
        long id = outflow(person(1, "01"), branch(2));
        for (String user : List.of("county1", "county2")) {
            mvc.perform(get("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer(user)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.destination").value("广东省深圳市"));
            mvc.perform(get("/api/v1/recruitment/mobile-members").header("Authorization", bearer(user)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("\"id\":" + id + ",")));
        }
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer("county3")))
                .andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 1);
        mvc.perform(get("/api/v1/recruitment/mobile-members").header("Authorization", bearer("county3")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("\"id\":" + id + ","))));
        mvc.perform(patch("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer("county3"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CONTACTED\"}"))
                .andExpect(status().isNotFound());

        // The receiving side records the contact; the home side registers the return.
        mvc.perform(patch("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CONTACTED\",\"contactNote\":\"已电话联系\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONTACTED"));
        mvc.perform(patch("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RETURNED\",\"returnedOn\":\"2025-12-20\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnedOn").value("2025-12-20"))
                .andExpect(jsonPath("$.contactNote").value("已电话联系"));

        mvc.perform(get("/recruitment/mobile").session(session("county2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("广东省深圳市")))
                .andExpect(content().string(containsString("流动党员")));
    }

    @Test
    void anInflowIsRegisteredAndSeenByTheReceivingSide() throws Exception {
        long person = person(1, "01");
        String location = register("county2", "{\"personId\":" + person + ",\"direction\":\"INFLOW\",\"receivingOrgId\":" + branch(2)
                + ",\"reason\":\"BUSINESS\",\"leftOn\":\"2025-05-01\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.direction").value("INFLOW"))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        created.add(id);
        mvc.perform(get("/api/v1/recruitment/mobile-members").param("direction", "INFLOW").header("Authorization", bearer("county2")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"id\":" + id + ",")));
        mvc.perform(get("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer("county3")))
                .andExpect(status().isNotFound());
        // An inflow needs a receiving organization of the registering side.
        register("county3", "{\"personId\":" + person(1, "02") + ",\"direction\":\"INFLOW\",\"receivingOrgId\":" + branch(2)
                + ",\"reason\":\"WORK\",\"leftOn\":\"2025-05-01\"}").andExpect(status().isNotFound());
    }

    @Test
    void aNonMemberIsRefused() throws Exception {
        long masses = person(1, "13");
        register("county1", "{\"personId\":" + masses + ",\"direction\":\"OUTFLOW\",\"receivingOrgName\":\"外省某党支部\","
                + "\"reason\":\"STUDY\",\"leftOn\":\"2025-03-01\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("不是中共党员或预备党员")));
        register("county1", "{\"personId\":" + person(1, "01") + ",\"direction\":\"OUTFLOW\",\"reason\":\"WORK\","
                + "\"leftOn\":\"2025-03-01\",\"expectedReturnOn\":\"2025-01-01\"}")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_mobile_member WHERE person_id = :p").param("p", masses)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReturnBeforeLeavingIsRefusedAndNothingChanges() throws Exception {
        long id = outflow(person(1, "01"), branch(2));
        int version = jdbc.sql("SELECT version FROM recruitment_mobile_member WHERE id = :id").param("id", id).query(Integer.class).single();
        mvc.perform(patch("/api/v1/recruitment/mobile-members/" + id).header("Authorization", bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RETURNED\",\"returnedOn\":\"2025-02-01\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT status || '/' || version || '/' || coalesce(returned_on::text, '-') FROM recruitment_mobile_member "
                + "WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("REGISTERED/" + version + "/-");
    }

    @Test
    void theSystemAdministratorIsForbidden() throws Exception {
        mvc.perform(get("/api/v1/recruitment/mobile-members").header("Authorization", bearer("sysadmin")))
                .andExpect(status().isForbidden());
        register("sysadmin", "{\"personId\":1,\"direction\":\"OUTFLOW\",\"reason\":\"WORK\",\"leftOn\":\"2025-03-01\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/recruitment/mobile").session(session("sysadmin"))).andExpect(status().isForbidden());
    }
}
