package org.zugong.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.Permissions;

/**
 * The demo roles and accounts: the city department (all data), one department per county (its own
 * subtree), and the three separated administrators (三员分立). All accounts share one password hash.
 */
final class DemoAccounts {

    /** A built-in role; {@code scopeOrgId} is the subtree of a CUSTOM role, null otherwise. */
    record RoleSpec(String code, String name, DataScope dataScope, String adminKind, List<String> permissions, Long scopeOrgId) {
    }

    /** A demo login holding one role. */
    record UserSpec(String username, String displayName, long orgId, String roleCode) {
    }

    static final List<String> BUSINESS_PERMISSIONS = List.of(Permissions.ORG_READ, Permissions.ORG_WRITE,
            Permissions.PERSON_READ, Permissions.PERSON_WRITE, Permissions.PERSON_EXPORT, Permissions.PERSON_ID_FULL,
            Permissions.CADRE_READ, Permissions.CADRE_WRITE, Permissions.CADRE_EXPORT,
            Permissions.ASSESSMENT_READ, Permissions.ASSESSMENT_MANAGE, Permissions.ASSESSMENT_EVALUATE, Permissions.ASSESSMENT_SELF,
            Permissions.WARNING_READ, Permissions.WARNING_HANDLE, Permissions.WARNING_RULES,
            Permissions.SUPERVISION_READ, Permissions.SUPERVISION_WRITE,
            Permissions.RECRUITMENT_READ, Permissions.RECRUITMENT_WRITE, Permissions.RECRUITMENT_APPROVE, Permissions.RECRUITMENT_PREREVIEW);

    private final JdbcClient jdbc;

    DemoAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Roles and users for a city whose tree has been written with these ids; returns the usernames. */
    List<String> insert(DemoCity city, long[] orgIds, String passwordHash) {
        long department = orgIds[city.cityDepartmentKey()];
        List<RoleSpec> roles = new ArrayList<>();
        List<UserSpec> users = new ArrayList<>();
        roles.add(new RoleSpec("CITY_DEPT", "市委组织部业务岗", DataScope.ALL, null, BUSINESS_PERMISSIONS, null));
        users.add(new UserSpec("city", "市委组织部干部科", department, "CITY_DEPT"));
        for (int i = 0; i < city.counties().size(); i++) {
            DemoCity.County county = city.counties().get(i);
            String code = "COUNTY_DEPT_" + (i + 1);
            roles.add(new RoleSpec(code, county.name() + "委组织部业务岗", DataScope.CUSTOM, null, BUSINESS_PERMISSIONS,
                    orgIds[county.key()]));
            users.add(new UserSpec("county" + (i + 1), county.name() + "委组织部", orgIds[county.departmentKey()], code));
        }
        // A unit's own HR clerk: the 仅本单位 scope, the assessment work of that unit only.
        DemoCity.County first = city.counties().getFirst();
        OrgSpec unit = city.organizations().stream()
                .filter(o -> o.parentKey() == first.key() && o.kind() == org.zugong.organization.OrganizationKind.ORGAN && o.name().endsWith("财政局"))
                .findFirst().orElseThrow();
        roles.add(new RoleSpec("UNIT_HR", "单位人事干部", DataScope.ORG, null, List.of(Permissions.ORG_READ, Permissions.PERSON_READ,
                Permissions.CADRE_READ, Permissions.ASSESSMENT_READ, Permissions.ASSESSMENT_MANAGE, Permissions.ASSESSMENT_EVALUATE,
                Permissions.ASSESSMENT_SELF), null));
        users.add(new UserSpec("unit1", unit.name() + "人事科", orgIds[unit.key()], "UNIT_HR"));
        roles.add(new RoleSpec("SYSADMIN", "系统管理员", DataScope.ALL, "SYSTEM",
                List.of(Permissions.USER_MANAGE, Permissions.ORG_READ), null));
        roles.add(new RoleSpec("SECADMIN", "安全管理员", DataScope.ALL, "SECURITY",
                List.of(Permissions.ROLE_MANAGE, Permissions.USER_UNLOCK), null));
        roles.add(new RoleSpec("AUDITADMIN", "审计管理员", DataScope.ALL, "AUDIT",
                List.of(Permissions.AUDIT_READ, Permissions.AUDIT_EXPORT), null));
        users.add(new UserSpec("sysadmin", "系统管理员", department, "SYSADMIN"));
        users.add(new UserSpec("secadmin", "安全管理员", department, "SECADMIN"));
        users.add(new UserSpec("auditadmin", "审计管理员", department, "AUDITADMIN"));

        Map<String, Long> roleIds = new HashMap<>();
        for (RoleSpec role : roles) {
            roleIds.put(role.code(), insertRole(role));
        }
        for (UserSpec user : users) {
            insertUser(user, roleIds.get(user.roleCode()), passwordHash);
        }
        return users.stream().map(UserSpec::username).toList();
    }

    private long insertRole(RoleSpec role) {
        long id = jdbc.sql("""
                        INSERT INTO access_role (code, name, data_scope, admin_kind, builtin)
                        VALUES (:code, :name, :scope, :adminKind, TRUE) RETURNING id
                        """)
                .param("code", role.code()).param("name", role.name()).param("scope", role.dataScope().name())
                .param("adminKind", role.adminKind())
                .query(Long.class).single();
        for (String permission : role.permissions()) {
            jdbc.sql("INSERT INTO access_role_permission (role_id, permission) VALUES (:role, :permission)")
                    .param("role", id).param("permission", permission).update();
        }
        if (role.scopeOrgId() != null) {
            jdbc.sql("INSERT INTO access_role_scope_org (role_id, org_id) VALUES (:role, :org)")
                    .param("role", id).param("org", role.scopeOrgId()).update();
        }
        return id;
    }

    private void insertUser(UserSpec user, long roleId, String passwordHash) {
        long id = jdbc.sql("""
                        INSERT INTO access_user (username, display_name, password_hash, org_id, password_changed_at, created_by, updated_by)
                        VALUES (:username, :displayName, :hash, :org, now(), :author, :author) RETURNING id
                        """)
                .param("username", user.username()).param("displayName", user.displayName()).param("hash", passwordHash)
                .param("org", user.orgId()).param("author", DemoWriter.AUTHOR)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO access_user_role (user_id, role_id) VALUES (:user, :role)")
                .param("user", id).param("role", roleId).update();
    }
}
