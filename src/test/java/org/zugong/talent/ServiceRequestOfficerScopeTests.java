package org.zugong.talent;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.access.TalentAccounts.ServiceOfficer;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A request is routed (and may be reassigned) only to a 人才服务专员 whose jurisdiction covers the request's unit:
 * a request of a unit under no county (市直) never goes to a county's officer, who could not open it; without a
 * city-wide officer it stays 待分配.
 */
class ServiceRequestOfficerScopeTests extends IntegrationTest {

    @Autowired
    ServiceRequests requests;

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM access_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** A unit outside every county (市直), not the root. */
    private long cityUnit() {
        return jdbc.sql("""
                SELECT o.id FROM org_organization o WHERE o.parent_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM org_organization c WHERE c.kind = 'COUNTY' AND o.path LIKE c.path || '%') ORDER BY o.id LIMIT 1""")
                .query(Long.class).single();
    }

    private String file(String title) throws Exception {
        return mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"HOUSING\",\"title\":\"" + title + "\",\"content\":\"请协助。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRequestOfAUnitUnderNoCountyGoesOnlyToAnOfficerWhoseJurisdictionCoversItElseStaysUnassigned() throws Exception {
        long talentId = jdbc.sql("SELECT t.id FROM talent t JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1'")
                .query(Long.class).single();
        long ownOrg = jdbc.sql("SELECT org_id FROM talent WHERE id = :t").param("t", talentId).query(Long.class).single();
        long unit = cityUnit();
        String cityOfficer = "cityservice" + System.nanoTime();
        Long officerId = null;
        jdbc.sql("UPDATE talent SET org_id = :o WHERE id = :t").param("o", unit).param("t", talentId).update();
        try {
            // only county 1's officers exist: none of them can see a 市直 unit's request
            String body = file("市直单位分派测试：无全市专员");
            assertThat(JsonPath.<java.util.Map<String, Object>>read(body, "$.request").get("officerId")).isNull();
            long unassigned = ((Number) JsonPath.read(body, "$.request.id")).longValue();

            // a city-wide officer (scope ALL, talent:service) in the city department
            long role = jdbc.sql("INSERT INTO access_role (code, name, data_scope) VALUES (:c, '市人才服务专员（测试）', 'ALL') RETURNING id")
                    .param("c", cityOfficer.toUpperCase()).query(Long.class).single();
            jdbc.sql("INSERT INTO access_role_permission (role_id, permission) VALUES (:r, 'talent:read'), (:r, 'talent:service')")
                    .param("r", role).update();
            officerId = jdbc.sql("""
                    INSERT INTO access_user (username, display_name, password_hash, org_id, password_changed_at, created_by, updated_by)
                    SELECT :u, '市人才服务专员', password_hash, org_id, now(), 'officer-scope-test', 'officer-scope-test' FROM access_user
                    WHERE username = 'city' RETURNING id""").param("u", cityOfficer).query(Long.class).single();
            jdbc.sql("INSERT INTO access_user_role (user_id, role_id) VALUES (:u, :r)").param("u", officerId).param("r", role).update();

            assertThat(((Number) JsonPath.read(file("市直单位分派测试：有全市专员"), "$.request.officerId")).longValue()).isEqualTo(officerId);
            // the reassign picker of the unassigned request lists the city-wide officer only, not county 1's
            SecurityContextHolder.getContext().setAuthentication(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(new Actor(userId("city"), "city",
                            "测试", 1, "测试组织", null, Set.of("talent:read", "talent:write"), List.of(new ScopeGrant(DataScope.ALL, Set.of()))),
                            null, List.of()));
            try {
                assertThat(requests.officersFor(requests.require(unassigned)).stream().map(ServiceOfficer::userId).toList())
                        .containsExactly(officerId).doesNotContain(userId("service1"), userId("talentoffice"));
            } finally {
                SecurityContextHolder.clearContext();
            }
        } finally {
            jdbc.sql("UPDATE talent SET org_id = :o WHERE id = :t").param("o", ownOrg).param("t", talentId).update();
            jdbc.sql("DELETE FROM talent_service_event WHERE request_id IN (SELECT id FROM talent_service_request WHERE title LIKE '市直单位分派测试%')")
                    .update();
            jdbc.sql("DELETE FROM talent_service_request WHERE title LIKE '市直单位分派测试%'").update();
            if (officerId != null) {
                jdbc.sql("DELETE FROM access_user_role WHERE user_id = :u").param("u", officerId).update();
                jdbc.sql("UPDATE access_user SET enabled = FALSE WHERE id = :u").param("u", officerId).update();
                jdbc.sql("DELETE FROM access_role_permission WHERE role_id = (SELECT id FROM access_role WHERE code = :c)")
                        .param("c", cityOfficer.toUpperCase()).update();
                jdbc.sql("DELETE FROM access_role WHERE code = :c").param("c", cityOfficer.toUpperCase()).update();
            }
        }
    }
}
