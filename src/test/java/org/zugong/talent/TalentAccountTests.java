package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The TALENT account kind: a talent signs in with the staff login and lands on the portal, sees only its own
 * record, gets 403 on every staff page and API, and can never hold a staff role — refused by the code and by
 * the database. The talent office opens such an account from the talent page, with a one-time initial password.
 */
class TalentAccountTests extends IntegrationTest {

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM access_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void aTalentLandsOnThePortalAndSeesItsOwnRecord() throws Exception {
        mvc.perform(formLogin("/login").user("talent1").password(DEMO_PASSWORD)).andExpect(redirectedUrl("/portal"));
        String name = jdbc.sql("SELECT display_name FROM access_user WHERE username = 'talent1'").query(String.class).single();
        MockHttpSession talent = session("talent1");
        mvc.perform(get("/portal").session(talent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"portal-self\"")))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("B类 领军人才")))
                .andExpect(content().string(containsString("医疗绿色通道")));
        mvc.perform(get("/").session(talent)).andExpect(redirectedUrl("/portal"));
        mvc.perform(formLogin("/login").user("county1").password(DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aTalentGets403OnStaffPagesAndApis() throws Exception {
        MockHttpSession talent = session("talent1");
        for (String page : new String[]{"/persons", "/talents", "/cadres", "/organizations", "/admin/users", "/audit"}) {
            mvc.perform(get(page).session(talent)).andExpect(status().isForbidden());
        }
        long own = jdbc.sql("SELECT t.id FROM talent t JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1'")
                .query(Long.class).single();
        mvc.perform(get("/talents/{id}", own).session(talent)).andExpect(status().isForbidden());
        for (String api : new String[]{"/api/v1/talents", "/api/v1/persons", "/api/v1/talents/" + own}) {
            mvc.perform(get(api).header("Authorization", bearer("talent1"))).andExpect(status().isForbidden());
        }
        // and staff do not reach the portal
        mvc.perform(get("/portal").session(session("county1"))).andExpect(status().isForbidden());
    }

    @Test
    void aTalentAccountCannotBeGivenAStaffRoleByTheCode() throws Exception {
        long talent = userId("talent1");
        long countyRole = jdbc.sql("SELECT id FROM access_role WHERE code = 'COUNTY_DEPT_1'").query(Long.class).single();
        mvc.perform(post("/admin/users/{id}/roles", talent).session(session("secadmin")).with(csrf())
                        .param("roleIds", Long.toString(countyRole)))
                .andExpect(content().string(containsString("人才账号只能拥有“人才”角色")));
        assertThat(jdbc.sql("SELECT r.code FROM access_user_role ur JOIN access_role r ON r.id = ur.role_id WHERE ur.user_id = :u")
                .param("u", talent).query(String.class).list()).containsExactly("TALENT");
        // nor is the talent role given to a staff account
        long talentRole = jdbc.sql("SELECT id FROM access_role WHERE code = 'TALENT'").query(Long.class).single();
        mvc.perform(post("/admin/users/{id}/roles", userId("unit1")).session(session("secadmin")).with(csrf())
                        .param("roleIds", Long.toString(talentRole)))
                .andExpect(content().string(containsString("“人才”角色只属于人才账号")));
        // the talent account is not in the staff user list
        mvc.perform(get("/admin/users").session(session("sysadmin")).param("q", "talent1"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString(">talent1<"))));
    }

    @Test
    void theDatabaseRefusesAStaffRoleForATalentAccountAndTheTalentPermissionElsewhere() {
        long talent = userId("talent1");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO access_user_role (user_id, role_id) SELECT :u, id FROM access_role WHERE code = 'CITY_DEPT'")
                .param("u", talent).update()).hasMessageContaining("人才账号只能拥有");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO access_user_role (user_id, role_id) SELECT :u, id FROM access_role WHERE code = 'TALENT'")
                .param("u", userId("county1")).update()).hasMessageContaining("人才账号只能拥有");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO access_role_permission (role_id, permission) SELECT id, 'talent:self' FROM access_role WHERE code = 'CITY_DEPT'")
                .update()).hasMessageContaining("talent:self");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO access_role_permission (role_id, permission) SELECT id, 'person:read' FROM access_role WHERE code = 'TALENT'")
                .update()).hasMessageContaining("talent:self");
        assertThatThrownBy(() -> jdbc.sql("UPDATE access_user SET kind = 'STAFF' WHERE id = :u").param("u", talent).update())
                .hasMessageContaining("账号类型不能更改");
    }

    @Test
    void theTalentOfficeOpensAnAccountWithAOneTimePasswordThatMustBeChanged() throws Exception {
        long talentId = jdbc.sql("""
                SELECT min(t.id) FROM talent t JOIN org_organization o ON o.id = t.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                  AND NOT EXISTS (SELECT 1 FROM access_user u WHERE u.person_id = t.person_id)""").param("c", county(1)).query(Long.class).single();
        long personId = jdbc.sql("SELECT person_id FROM talent WHERE id = :id").param("id", talentId).query(Long.class).single();
        long before = auditCount("TALENT_ACCOUNT_CREATE");
        MockHttpSession office = session("talentoffice");
        String page = mvc.perform(post("/talents/{id}/account", talentId).session(office).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"talent-initial-password\"")))
                .andReturn().getResponse().getContentAsString();
        String password = page.replaceAll("(?s).*初始密码：\\s*<strong class=\"font-monospace\">([^<]+)</strong>.*", "$1");
        assertThat(auditCount("TALENT_ACCOUNT_CREATE")).isEqualTo(before + 1);
        String username = "rc" + personId;
        try {
            assertThat(jdbc.sql("SELECT kind FROM access_user WHERE username = :u").param("u", username).query(String.class).single()).isEqualTo("TALENT");
            // a second one is refused
            mvc.perform(post("/talents/{id}/account", talentId).session(office).with(csrf()))
                    .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("该人才已开通账号")));
            // the first login lands on the portal, which sends the talent to change the initial password
            var login = mvc.perform(formLogin("/login").user(username).password(password)).andExpect(redirectedUrl("/portal")).andReturn();
            MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
            mvc.perform(get("/portal").session(session)).andExpect(redirectedUrl("/account/password"));
            // the talent office disables it
            mvc.perform(post("/talents/{id}/account/enabled", talentId).session(office).with(csrf()).param("enabled", "false"))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("SELECT enabled FROM access_user WHERE username = :u").param("u", username).query(Boolean.class).single()).isFalse();
        } finally {
            jdbc.sql("DELETE FROM access_api_token WHERE user_id IN (SELECT id FROM access_user WHERE username = :u)").param("u", username).update();
            jdbc.sql("DELETE FROM access_user_role WHERE user_id IN (SELECT id FROM access_user WHERE username = :u)").param("u", username).update();
            jdbc.sql("DELETE FROM access_user WHERE username = :u").param("u", username).update();
        }
    }
}
