package org.zugong.talent;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The routing rule: a new request goes to the least-loaded (fewest open requests) 人才服务专员 of the talent's county,
 * ties to the lowest user id; the 人才办 (also holding talent:write) is not chosen while the county has another officer.
 */
class ServiceRequestRoutingTests extends IntegrationTest {

    private long file(String title) throws Exception {
        String body = mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"HOUSING\",\"title\":\"" + title + "\",\"content\":\"请协助。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.request.officerId")).longValue();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM access_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void aNewRequestGoesToTheLeastLoadedOfficerOfTheCountyAndNeverToTheTalentOfficeWhileThereIsOne() throws Exception {
        long service1 = userId("service1");
        assertThat(file("分派测试：只有一名专员")).isEqualTo(service1).isNotEqualTo(userId("talentoffice"));
        // a second officer in the same organization as service1, with no open requests
        long second = jdbc.sql("""
                INSERT INTO access_user (username, display_name, password_hash, org_id, created_by, updated_by)
                SELECT 'service1b', '青溪县人才服务专员乙', password_hash, org_id, 'routing-test', 'routing-test' FROM access_user WHERE username = 'service1'
                RETURNING id""").query(Long.class).single();
        jdbc.sql("INSERT INTO access_user_role (user_id, role_id) SELECT :u, role_id FROM access_user_role WHERE user_id = :s")
                .param("u", second).param("s", service1).update();
        try {
            long openOfService1 = jdbc.sql("SELECT count(*) FROM talent_service_request WHERE officer_id = :s AND status IN "
                    + "('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')").param("s", service1).query(Long.class).single();
            assertThat(openOfService1).isGreaterThan(2);
            assertThat(file("分派测试：新专员负荷最低")).isEqualTo(second);
            assertThat(file("分派测试：新专员负荷仍低")).isEqualTo(second);
        } finally {
            jdbc.sql("UPDATE talent_service_request SET officer_id = :s WHERE officer_id = :u").param("s", service1).param("u", second).update();
            jdbc.sql("DELETE FROM access_user_role WHERE user_id = :u").param("u", second).update();
            jdbc.sql("DELETE FROM access_user WHERE id = :u").param("u", second).update();
        }
    }
}
