package org.zugong.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;
import org.zugong.platform.web.FieldErrors;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 三员分立: separate admin roles, never combined; the system admin sees no personal data or audit log. */
class AdminSeparationTests extends IntegrationTest {

    @Autowired
    UserAdministration users;

    @Autowired
    RoleAdministration roles;

    @Autowired
    AccessRepository repository;

    @org.junit.jupiter.api.AfterEach
    void clearActor() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void oneAccountCannotHoldTwoAdminRolesNorAnAdminAndABusinessRole() {
        long sys = repository.findRoleByCode("SYSADMIN").orElseThrow().id();
        long audit = repository.findRoleByCode("AUDITADMIN").orElseThrow().id();
        long city = repository.findRoleByCode("CITY_DEPT").orElseThrow().id();
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long user = users.create(new UserForm("twohats", "两员", org, "Good#Pass2026", true, null));
        assertThatThrownBy(() -> users.assignRoles(user, List.of(sys, audit)))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
        assertThatThrownBy(() -> users.assignRoles(user, List.of(sys, city)))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
        assertThat(repository.rolesOfUser(user)).isEmpty();
    }

    @Test
    void onlyTheSecurityAdministratorAssignsRolesAndNeverToThemselves() throws Exception {
        long city = repository.findRoleByCode("CITY_DEPT").orElseThrow().id();
        long county1 = repository.findUser("county1").orElseThrow().id();
        mvc.perform(post("/admin/users/" + county1 + "/roles").session(session("sysadmin")).with(csrf()).param("roleIds", String.valueOf(city)))
                .andExpect(status().isForbidden());
        long secadmin = repository.findUser("secadmin").orElseThrow().id();
        long before = auditCount("ROLE_ASSIGN");
        mvc.perform(post("/admin/users/" + secadmin + "/roles").session(session("secadmin")).with(csrf()).param("roleIds", String.valueOf(city)))
                .andExpect(status().isOk());
        assertThat(repository.rolesOfUser(secadmin)).extracting(RoleRecord::code).containsExactly("SECADMIN");
        assertThat(auditCount("ROLE_ASSIGN")).isEqualTo(before + 1);
    }

    @Test
    void refusalsForWantOfAPermissionAreAudited() throws Exception {
        long before = auditCount("PERMISSION_DENIED");
        mvc.perform(get("/persons").session(session("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons").header("Authorization", bearer("auditadmin"))).andExpect(status().isForbidden());
        assertThat(auditCount("PERMISSION_DENIED")).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT target_id FROM audit_event WHERE action = 'PERMISSION_DENIED' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("GET /api/v1/persons");
    }

    @Test
    void systemAdminCannotResetAnotherAdministratorsPassword() {
        long auditor = repository.findUser("auditadmin").orElseThrow().id();
        String hash = repository.findUser("auditadmin").orElseThrow().passwordHash();
        assertThatThrownBy(() -> users.resetPassword(auditor, "Taken#Over2026"))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
        assertThat(repository.findUser("auditadmin").orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        long rootOrg = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long id = users.create(new UserForm("leaver", "离职者", rootOrg, "Good#Pass2026", true, null));
        actAsSecurityAdmin();
        users.assignRoles(id, List.of(repository.findRoleByCode("CITY_DEPT").orElseThrow().id()));
        clearActor();
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user("leaver").password("Good#Pass2026")).andReturn().getRequest().getSession();
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        var account = repository.findUser(id).orElseThrow();
        users.update(id, new UserForm("leaver", "离职者", rootOrg, "", false, account.version()));
        mvc.perform(get("/persons").session(session)).andExpect(status().is3xxRedirection());
    }

    private static void actAsSecurityAdmin() {
        actAs(new org.zugong.platform.security.Actor(-1, "sec-test", "安全管理员", 1, "", null, java.util.Set.of("role:manage"), List.of()));
    }

    @Test
    void businessRolesCannotBeGivenAdminPermissions() {
        var city = repository.findRoleByCode("CITY_DEPT").orElseThrow();
        assertThatThrownBy(() -> roles.update(city.id(), new RoleForm(city.code(), city.name(), city.dataScope(),
                List.of("person:read", "audit:read"), List.of(), false, city.version())))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
        var sys = repository.findRoleByCode("SYSADMIN").orElseThrow();
        assertThatThrownBy(() -> roles.update(sys.id(), new RoleForm(sys.code(), sys.name(), sys.dataScope(),
                List.of("user:manage", "person:read"), List.of(), false, sys.version())))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
    }

    @Test
    void systemAdminCannotReadPersonsOrAuditAndAuditAdminOnlyAudit() throws Exception {
        var sys = session("sysadmin");
        mvc.perform(get("/persons").session(sys)).andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(sys)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").session(sys)).andExpect(status().isOk());
        var auditor = session("auditadmin");
        mvc.perform(get("/persons").session(auditor)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").session(auditor)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/roles").session(auditor)).andExpect(status().isForbidden());
        var sec = session("secadmin");
        mvc.perform(get("/admin/roles").session(sec)).andExpect(status().isOk());
        mvc.perform(get("/persons").session(sec)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons").header("Authorization", bearer("sysadmin"))).andExpect(status().isForbidden());
    }
}
