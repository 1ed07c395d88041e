package org.zugong.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.security.DataScope;

/** SQL over the access_* tables. */
@Repository
class AccessRepository {

    private static final String USER_COLUMNS = """
            u.id, u.username, u.display_name, u.password_hash, u.org_id, o.name AS org_name, u.person_id, u.enabled,
            u.failed_attempts, u.locked_until, u.password_changed_at, u.last_login_at, u.version, u.kind
            """;

    private final JdbcClient jdbc;

    AccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findUser(String username) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM access_user u JOIN org_organization o ON o.id = u.org_id WHERE lower(u.username) = lower(:u)")
                .param("u", username).query(AccessRepository::mapUser).optional();
    }

    Optional<UserAccount> findUser(long id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM access_user u JOIN org_organization o ON o.id = u.org_id WHERE u.id = :id")
                .param("id", id).query(AccessRepository::mapUser).optional();
    }

    List<UserAccount> users(String q, int limit, int offset) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM access_user u JOIN org_organization o ON o.id = u.org_id "
                        + "WHERE u.kind = 'STAFF' AND (:q = '' OR u.username LIKE :like OR u.display_name LIKE :like) ORDER BY u.id LIMIT :limit OFFSET :offset")
                .param("q", q).param("like", "%" + q + "%").param("limit", limit).param("offset", offset)
                .query(AccessRepository::mapUser).list();
    }

    long countUsers(String q) {
        return jdbc.sql("SELECT count(*) FROM access_user u WHERE u.kind = 'STAFF' AND (:q = '' OR u.username LIKE :like OR u.display_name LIKE :like)")
                .param("q", q).param("like", "%" + q + "%").query(Long.class).single();
    }

    boolean anyUserWithAdminKind(AdminKind kind) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM access_user_role ur JOIN access_role r ON r.id = ur.role_id
                               JOIN access_user u ON u.id = ur.user_id WHERE r.admin_kind = :k AND u.enabled)
                """).param("k", kind.name()).query(Boolean.class).single();
    }

    /**
     * A role with its permissions and scope organizations as arrays, so that loading a caller is one statement
     * (it runs on every API request: four round trips before, issue 8's overhead ratio).
     */
    private static final String ROLE_COLUMNS = """
            r.id, r.code, r.name, r.data_scope, r.admin_kind, r.builtin, r.requires_second_factor, r.version,
            ARRAY(SELECT p.permission FROM access_role_permission p WHERE p.role_id = r.id ORDER BY p.permission) AS permissions,
            ARRAY(SELECT s.org_id FROM access_role_scope_org s WHERE s.role_id = r.id ORDER BY s.org_id) AS scope_orgs""";

    List<RoleRecord> rolesOfUser(long userId) {
        return jdbc.sql("SELECT " + ROLE_COLUMNS + " FROM access_user_role ur JOIN access_role r ON r.id = ur.role_id WHERE ur.user_id = :u ORDER BY r.id")
                .param("u", userId).query(AccessRepository::role).list();
    }

    Map<Long, List<String>> roleNamesOfUsers(Collection<Long> userIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT ur.user_id, r.name FROM access_user_role ur JOIN access_role r ON r.id = ur.role_id WHERE ur.user_id IN (:ids) ORDER BY r.id")
                .param("ids", userIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    List<Long> usersWithRole(long roleId) {
        return jdbc.sql("SELECT user_id FROM access_user_role WHERE role_id = :r").param("r", roleId).query(Long.class).list();
    }

    /** Usernames never change, so they name a user's sessions in the shared session store. */
    List<String> usernames(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT username FROM access_user WHERE id IN (:ids)").param("ids", userIds).query(String.class).list();
    }

    List<RoleRecord> allRoles() {
        return roles(jdbc.sql("SELECT id FROM access_role ORDER BY id").query(Long.class).list());
    }

    Optional<RoleRecord> findRole(long id) {
        return roles(List.of(id)).stream().findFirst();
    }

    Optional<RoleRecord> findRoleByCode(String code) {
        return jdbc.sql("SELECT id FROM access_role WHERE code = :c").param("c", code).query(Long.class).optional()
                .flatMap(this::findRole);
    }

    /** Loads roles with their permissions and scope organizations in three queries, not one per role. */
    List<RoleRecord> roles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ROLE_COLUMNS + " FROM access_role r WHERE r.id IN (:ids) ORDER BY r.id").param("ids", ids)
                .query(AccessRepository::role).list();
    }

    private static RoleRecord role(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String admin = rs.getString("admin_kind");
        Set<String> permissions = new LinkedHashSet<>(java.util.Arrays.asList((String[]) rs.getArray("permissions").getArray()));
        Set<Long> orgs = new LinkedHashSet<>(java.util.Arrays.asList((Long[]) rs.getArray("scope_orgs").getArray()));
        return new RoleRecord(rs.getLong("id"), rs.getString("code"), rs.getString("name"), DataScope.valueOf(rs.getString("data_scope")),
                admin == null ? null : AdminKind.valueOf(admin), rs.getBoolean("builtin"), permissions, orgs,
                rs.getBoolean("requires_second_factor"), rs.getInt("version"));
    }

    long insertUser(String username, String displayName, String hash, long orgId, Long personId, String by) {
        return jdbc.sql("""
                INSERT INTO access_user (username, display_name, password_hash, org_id, person_id, created_by, updated_by)
                VALUES (:u, :d, :h, :o, :p, :by, :by) RETURNING id
                """).param("u", username).param("d", displayName).param("h", hash).param("o", orgId).param("p", personId)
                .param("by", by).query(Long.class).single();
    }

    /** A talent account: its temporary password dated in the past, so that it must be changed at the first login. */
    long insertTalentUser(String username, String displayName, String hash, long orgId, long personId, String by) {
        long id = jdbc.sql("""
                INSERT INTO access_user (username, display_name, password_hash, org_id, person_id, kind, password_changed_at, created_by, updated_by)
                VALUES (:u, :d, :h, :o, :p, 'TALENT', 'epoch', :by, :by) RETURNING id
                """).param("u", username).param("d", displayName).param("h", hash).param("o", orgId).param("p", personId)
                .param("by", by).query(Long.class).single();
        jdbc.sql("INSERT INTO access_user_role (user_id, role_id) SELECT :u, id FROM access_role WHERE code = :c")
                .param("u", id).param("c", AccountKind.TALENT_ROLE).update();
        return id;
    }

    Optional<UserAccount> findTalentUserOfPerson(long personId) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM access_user u JOIN org_organization o ON o.id = u.org_id WHERE u.person_id = :p AND u.kind = 'TALENT'")
                .param("p", personId).query(AccessRepository::mapUser).optional();
    }

    void setEnabled(long id, boolean enabled, String by) {
        jdbc.sql("UPDATE access_user SET enabled = :e, version = version + 1, updated_at = now(), updated_by = :by WHERE id = :id")
                .param("e", enabled).param("by", by).param("id", id).update();
    }

    boolean updateUser(long id, int version, String displayName, long orgId, Long personId, boolean enabled, String by) {
        return jdbc.sql("""
                UPDATE access_user SET display_name = :d, org_id = :o, person_id = :p, enabled = :e, version = version + 1,
                    updated_at = now(), updated_by = :by WHERE id = :id AND version = :v
                """).param("d", displayName).param("o", orgId).param("p", personId).param("e", enabled).param("by", by)
                .param("id", id).param("v", version).update() == 1;
    }

    void replaceUserRoles(long userId, Collection<Long> roleIds) {
        jdbc.sql("DELETE FROM access_user_role WHERE user_id = :u").param("u", userId).update();
        for (Long r : roleIds) {
            jdbc.sql("INSERT INTO access_user_role (user_id, role_id) VALUES (:u, :r)").param("u", userId).param("r", r).update();
        }
    }

    void setPassword(long userId, String hash) {
        jdbc.sql("UPDATE access_user SET password_hash = :h, password_changed_at = now(), version = version + 1 WHERE id = :id")
                .param("h", hash).param("id", userId).update();
    }

    /** A password set by an administrator: dated in the past so that the user must change it at once. */
    void setTemporaryPassword(long userId, String hash) {
        jdbc.sql("UPDATE access_user SET password_hash = :h, password_changed_at = 'epoch', version = version + 1 WHERE id = :id")
                .param("h", hash).param("id", userId).update();
    }

    /** Counts a failure and locks the account when the limit is reached; returns the new count. */
    int recordFailure(long userId, int maxFailures, Instant lockUntil) {
        return jdbc.sql("""
                UPDATE access_user SET failed_attempts = failed_attempts + 1,
                    locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                WHERE id = :id RETURNING failed_attempts
                """).param("max", maxFailures).param("until", Timestamp.from(lockUntil)).param("id", userId)
                .query(Integer.class).single();
    }

    void recordSuccess(long userId) {
        jdbc.sql("UPDATE access_user SET failed_attempts = 0, locked_until = NULL, last_login_at = now() WHERE id = :id")
                .param("id", userId).update();
    }

    void unlock(long userId) {
        jdbc.sql("UPDATE access_user SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
                .param("id", userId).update();
    }

    long insertRole(String code, String name, DataScope scope, boolean requiresSecondFactor) {
        return jdbc.sql("INSERT INTO access_role (code, name, data_scope, requires_second_factor) VALUES (:c, :n, :s, :f) RETURNING id")
                .param("c", code).param("n", name).param("s", scope.name()).param("f", requiresSecondFactor).query(Long.class).single();
    }

    boolean updateRole(long id, int version, String name, DataScope scope, boolean requiresSecondFactor) {
        return jdbc.sql("""
                UPDATE access_role SET name = :n, data_scope = :s, requires_second_factor = :f, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :v
                """).param("n", name).param("s", scope.name()).param("f", requiresSecondFactor).param("id", id).param("v", version)
                .update() == 1;
    }

    void replaceRolePermissions(long roleId, Collection<String> permissions) {
        jdbc.sql("DELETE FROM access_role_permission WHERE role_id = :r").param("r", roleId).update();
        for (String p : permissions) {
            jdbc.sql("INSERT INTO access_role_permission (role_id, permission) VALUES (:r, :p)").param("r", roleId).param("p", p).update();
        }
    }

    void replaceRoleOrgs(long roleId, Collection<Long> orgIds) {
        jdbc.sql("DELETE FROM access_role_scope_org WHERE role_id = :r").param("r", roleId).update();
        for (Long o : orgIds) {
            jdbc.sql("INSERT INTO access_role_scope_org (role_id, org_id) VALUES (:r, :o)").param("r", roleId).param("o", o).update();
        }
    }

    long insertAdminRole(AdminKind kind, String code, Collection<String> permissions) {
        long id = jdbc.sql("INSERT INTO access_role (code, name, data_scope, admin_kind, builtin) VALUES (:c, :n, 'ALL', :k, TRUE) RETURNING id")
                .param("c", code).param("n", kind.label()).param("k", kind.name()).query(Long.class).single();
        replaceRolePermissions(id, permissions);
        return id;
    }

    // --- second factor (TOTP) ---

    /** A user's TOTP enrolment: the SM4-encrypted secret and the last time step accepted. */
    record StoredSecondFactor(byte[] encryptedSecret, Instant enrolledAt, Long lastStep) {
    }

    Optional<StoredSecondFactor> secondFactorOf(long userId) {
        return jdbc.sql("SELECT totp_secret, totp_enrolled_at, totp_last_step FROM access_user WHERE id = :id AND totp_secret IS NOT NULL")
                .param("id", userId)
                .query((rs, n) -> {
                    long step = rs.getLong("totp_last_step");
                    Long last = rs.wasNull() ? null : step;
                    return new StoredSecondFactor(rs.getBytes("totp_secret"), rs.getTimestamp("totp_enrolled_at").toInstant(), last);
                }).optional();
    }

    boolean anyRoleRequiresSecondFactor(long userId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM access_user_role ur JOIN access_role r ON r.id = ur.role_id
                               WHERE ur.user_id = :u AND r.requires_second_factor)
                """).param("u", userId).query(Boolean.class).single();
    }

    void setSecondFactor(long userId, byte[] encryptedSecret, long acceptedStep) {
        jdbc.sql("UPDATE access_user SET totp_secret = :s, totp_enrolled_at = now(), totp_last_step = :st WHERE id = :id")
                .param("s", encryptedSecret).param("st", acceptedStep).param("id", userId).update();
    }

    void clearSecondFactor(long userId) {
        jdbc.sql("UPDATE access_user SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL WHERE id = :id")
                .param("id", userId).update();
    }

    /** Marks a time step as used; false when it (or a later one) already was — the same code twice is a replay. */
    boolean acceptStep(long userId, long step) {
        return jdbc.sql("UPDATE access_user SET totp_last_step = :s WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :s)")
                .param("s", step).param("id", userId).update() == 1;
    }

    // --- API tokens ---

    void insertToken(byte[] hash, long userId, Instant expiresAt) {
        jdbc.sql("INSERT INTO access_api_token (token_hash, user_id, expires_at) VALUES (:h, :u, :e)")
                .param("h", hash).param("u", userId).param("e", Timestamp.from(expiresAt)).update();
    }

    /**
     * For the rest of this transaction, statements may run on cached generic plans. The pool plans every statement
     * afresh (plan_cache_mode = force_custom_plan, which the subtree filters need); the caller lookups of every API
     * request are point lookups, whose planning cost several times their execution.
     */
    void planGenerically() {
        jdbc.sql("SET LOCAL plan_cache_mode = auto").update();
    }

    Optional<Long> userOfToken(byte[] hash) {
        return jdbc.sql("SELECT user_id FROM access_api_token WHERE token_hash = :h AND expires_at > now()")
                .param("h", hash).query(Long.class).optional();
    }

    void deleteTokensOf(long userId) {
        jdbc.sql("DELETE FROM access_api_token WHERE user_id = :u").param("u", userId).update();
    }

    int deleteExpiredTokens() {
        return jdbc.sql("DELETE FROM access_api_token WHERE expires_at < now()").update();
    }

    static UserAccount mapUser(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        Timestamp last = rs.getTimestamp("last_login_at");
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getLong("org_id"), rs.getString("org_name"), personId, rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
                rs.getTimestamp("password_changed_at").toInstant(), last == null ? null : last.toInstant(), rs.getInt("version"),
                AccountKind.valueOf(rs.getString("kind")));
    }

    record ServiceOfficerRow(long userId, String username, String displayName, boolean office) {
    }

    java.util.List<ServiceOfficerRow> serviceOfficers(String orgPathPrefix) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name,
                       EXISTS (SELECT 1 FROM access_user_role ur2 JOIN access_role_permission rp2 ON rp2.role_id = ur2.role_id
                               WHERE ur2.user_id = u.id AND rp2.permission = 'talent:write') AS office
                FROM access_user u JOIN org_organization o ON o.id = u.org_id
                WHERE u.enabled AND u.kind = 'STAFF' AND o.path LIKE :prefix
                  AND EXISTS (SELECT 1 FROM access_user_role ur JOIN access_role_permission rp ON rp.role_id = ur.role_id
                              WHERE ur.user_id = u.id AND rp.permission = 'talent:service')
                ORDER BY u.id""")
                .param("prefix", orgPathPrefix + "%")
                .query((rs, n) -> new ServiceOfficerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
    }
}
