package org.zugong.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;
import org.zugong.platform.web.FieldErrors;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @Test
    void oneAccountCannotHoldTwoAdminRolesNorAnAdminAndABusinessRole() {
        long sys = repository.findRoleByCode("SYSADMIN").orElseThrow().id();
        long audit = repository.findRoleByCode("AUDITADMIN").orElseThrow().id();
        long city = repository.findRoleByCode("CITY_DEPT").orElseThrow().id();
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        assertThatThrownBy(() -> users.create(new UserForm("twohats", "两员", org, "Good#Pass2026", List.of(sys, audit), true, null)))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
        assertThatThrownBy(() -> users.create(new UserForm("mixed", "混合", org, "Good#Pass2026", List.of(sys, city), true, null)))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
    }

    @Test
    void businessRolesCannotBeGivenAdminPermissions() {
        var city = repository.findRoleByCode("CITY_DEPT").orElseThrow();
        assertThatThrownBy(() -> roles.update(city.id(), new RoleForm(city.code(), city.name(), city.dataScope(),
                List.of("person:read", "audit:read"), List.of(), city.version())))
                .isInstanceOf(FieldErrors.class).hasMessageContaining("三员分立");
        var sys = repository.findRoleByCode("SYSADMIN").orElseThrow();
        assertThatThrownBy(() -> roles.update(sys.id(), new RoleForm(sys.code(), sys.name(), sys.dataScope(),
                List.of("user:manage", "person:read"), List.of(), sys.version())))
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
