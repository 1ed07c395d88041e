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
            Permissions.RECRUITMENT_READ, Permissions.RECRUITMENT_WRITE, Permissions.RECRUITMENT_APPROVE, Permissions.RECRUITMENT_PREREVIEW,
            Permissions.TALENT_READ);

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
                Permissions.ASSESSMENT_SELF, Permissions.TALENT_EMPLOYER), null));
        users.add(new UserSpec("unit1", unit.name() + "人事科", orgIds[unit.key()], "UNIT_HR"));
        recruitmentLogins(roles, users);
        talentLogins(city, orgIds, roles, users);
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
        List<String> usernames = new ArrayList<>(users.stream().map(UserSpec::username).toList());
        if (insertTalentAccount(passwordHash)) {
            usernames.add(TALENT_LOGIN);
        }
        return usernames;
    }

    /**
     * Issue 6 item 9: a 党支部 enters its steps, the 基层党委 reviews and approves (the county departments pre-review
     * and audit). Both logins sit where the demo's development records are densest: the township or street with the
     * most records and, in it, the branch with the most. A branch's clerk belongs to the unit the branch is built in
     * (本组织及以下 of the village or organ: its persons and its branch), the committee's to the township.
     */
    private void recruitmentLogins(List<RoleSpec> roles, List<UserSpec> users) {
        var busiest = jdbc.sql("""
                SELECT t.id AS township, t.kind = 'STREET' AS street, b.id AS branch,
                       (SELECT u.id FROM org_organization u WHERE b.path LIKE u.path || '%' AND u.id <> b.id
                          AND u.kind NOT IN ('PARTY_COMMITTEE', 'PARTY_WORKING_COMMITTEE', 'PARTY_GENERAL_BRANCH', 'PARTY_BRANCH', 'PARTY_JOINT_BRANCH')
                        ORDER BY u.depth DESC LIMIT 1) AS unit
                FROM recruitment_candidate c
                JOIN org_organization b ON b.id = c.branch_org_id
                JOIN org_organization t ON b.path LIKE t.path || '%' AND t.kind IN ('TOWNSHIP', 'STREET')
                GROUP BY t.id, t.kind, b.id, b.path
                ORDER BY sum(count(*)) OVER (PARTITION BY t.id) DESC, t.id, count(*) DESC, b.id
                LIMIT 1""").query((rs, n) -> new long[]{rs.getLong("township"), rs.getLong("branch"), rs.getLong("unit"), rs.getBoolean("street") ? 1 : 0})
                .optional();
        if (busiest.isEmpty()) {
            return; // no people, no development records
        }
        long[] ids = busiest.get();
        String township = jdbc.sql("SELECT name FROM org_organization WHERE id = :id").param("id", ids[0]).query(String.class).single();
        String branch = jdbc.sql("SELECT name FROM org_organization WHERE id = :id").param("id", ids[1]).query(String.class).single();
        roles.add(new RoleSpec("BRANCH_RECRUITMENT", "党支部组织委员（发展党员）", DataScope.ORG_AND_BELOW, null, List.of(Permissions.ORG_READ,
                Permissions.PERSON_READ, Permissions.RECRUITMENT_READ, Permissions.RECRUITMENT_WRITE), null));
        roles.add(new RoleSpec("COMMITTEE_RECRUITMENT", "基层党委组织员（发展党员审批）", DataScope.ORG_AND_BELOW, null,
                List.of(Permissions.ORG_READ, Permissions.PERSON_READ, Permissions.RECRUITMENT_READ, Permissions.RECRUITMENT_APPROVE), null));
        users.add(new UserSpec("branch1", branch, ids[2], "BRANCH_RECRUITMENT"));
        users.add(new UserSpec("committee1", township + (ids[3] == 1 ? "党工委" : "党委") + "组织员", ids[0], "COMMITTEE_RECRUITMENT"));
    }

    /** The demo talent account: a login of kind TALENT. */
    static final String TALENT_LOGIN = "talent1";

    /**
     * Issue 9: county 1's 人才办 (talent office: registry, review, committee, service) and a 人才服务专员, both in
     * county 1's 县委组织部 (where the 人才办 sits) and scoped to county 1.
     */
    private void talentLogins(DemoCity city, long[] orgIds, List<RoleSpec> roles, List<UserSpec> users) {
        DemoCity.County first = city.counties().getFirst();
        long county = orgIds[first.key()];
        roles.add(new RoleSpec("TALENT_OFFICE", first.name() + "委人才办", DataScope.CUSTOM, null, List.of(Permissions.ORG_READ,
                Permissions.PERSON_READ, Permissions.TALENT_READ, Permissions.TALENT_WRITE, Permissions.TALENT_REVIEW,
                Permissions.TALENT_COMMITTEE, Permissions.TALENT_SERVICE), county));
        roles.add(new RoleSpec("TALENT_SERVICE", "人才服务专员", DataScope.CUSTOM, null,
                List.of(Permissions.TALENT_READ, Permissions.TALENT_SERVICE), county));
        users.add(new UserSpec("talentoffice", first.name() + "委人才办", orgIds[first.departmentKey()], "TALENT_OFFICE"));
        users.add(new UserSpec("service1", first.name() + "人才服务专员", orgIds[first.departmentKey()], "TALENT_SERVICE"));
    }

    /**
     * talent1: the account of kind TALENT of the first demo talent (county 1, the lowest talent id), holding the fixed
     * role 人才 of V27. False when the demo has no talents (no people).
     */
    private boolean insertTalentAccount(String passwordHash) {
        var talent = jdbc.sql("""
                SELECT t.person_id, t.org_id, p.name FROM talent t JOIN person_person p ON p.id = t.person_id
                WHERE t.created_by = :author ORDER BY t.id LIMIT 1""").param("author", DemoWriter.AUTHOR)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3)}).optional();
        if (talent.isEmpty()) {
            return false;
        }
        long id = jdbc.sql("""
                        INSERT INTO access_user (username, display_name, password_hash, org_id, person_id, kind, password_changed_at,
                                                 created_by, updated_by)
                        VALUES (:username, :displayName, :hash, :org, :person, 'TALENT', now(), :author, :author) RETURNING id
                        """)
                .param("username", TALENT_LOGIN).param("displayName", talent.get()[2]).param("hash", passwordHash)
                .param("org", talent.get()[1]).param("person", talent.get()[0]).param("author", DemoWriter.AUTHOR)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO access_user_role (user_id, role_id) SELECT :user, id FROM access_role WHERE code = 'TALENT'")
                .param("user", id).update();
        return true;
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
