package org.zugong.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.SqlCondition;

/** SQL over org_organization. Every list takes the caller's jurisdiction as a bound condition. */
@Repository
class OrganizationRepository {

    static final String COLUMNS = """
            o.id, o.parent_id, o.path, o.depth, o.name, o.short_name, o.kind, o.region_code, o.unit_id, o.term_start,
            o.term_end, o.sort_order, o.active, o.deactivated_at, o.deactivation_reason, o.version, o.updated_at, o.updated_by,
            EXISTS (SELECT 1 FROM org_organization c WHERE c.parent_id = o.id) AS has_children
            """;

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final long TREE_LOCK = 0x7A67_7472_6565L; // "zgtree"

    /**
     * Serializes changes to the tree's shape (create, move, deactivate) until the transaction ends:
     * each then reads paths that no concurrent move can make stale. Such changes are rare, so one
     * lock costs nothing worth a finer scheme.
     */
    void lockTreeShape() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", TREE_LOCK).query().singleRow();
    }

    Optional<OrganizationRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_organization o WHERE o.id = :id")
                .param("id", id).query(OrganizationRepository::map).optional();
    }

    List<OrganizationRecord> children(long parentId, boolean includeInactive, SqlCondition scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_organization o WHERE o.parent_id = :parent"
                        + (includeInactive ? "" : " AND o.active") + " AND " + scope.sql() + " ORDER BY o.sort_order, o.id")
                .param("parent", parentId).params(scope.params()).query(OrganizationRepository::map).list();
    }

    List<OrganizationRecord> roots(boolean includeInactive) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_organization o WHERE o.parent_id IS NULL"
                        + (includeInactive ? "" : " AND o.active") + " ORDER BY o.sort_order, o.id")
                .query(OrganizationRepository::map).list();
    }

    List<OrganizationRecord> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_organization o WHERE o.id IN (:ids) ORDER BY o.depth, o.sort_order, o.id")
                .param("ids", ids).query(OrganizationRepository::map).list();
    }

    /** Name search (contains) inside the jurisdiction, at most {@code limit} hits, shallow ones first. */
    List<OrganizationRecord> search(String text, boolean includeInactive, SqlCondition scope, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_organization o WHERE (o.name LIKE :q OR o.short_name LIKE :q)"
                        + (includeInactive ? "" : " AND o.active") + " AND " + scope.sql()
                        + " ORDER BY o.depth, o.sort_order, o.id LIMIT :limit")
                .param("q", org.zugong.platform.db.LikePattern.containing(text)).param("limit", limit).params(scope.params())
                .query(OrganizationRepository::map).list();
    }

    Map<Long, String> paths(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id, path FROM org_organization WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id, name FROM org_organization WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    long insert(OrganizationForm f, String parentPath, int depth, String user) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('org_organization', 'id'))").query(Long.class).single();
        String path = (parentPath == null ? "/" : parentPath) + id + "/";
        jdbc.sql("""
                INSERT INTO org_organization (id, parent_id, path, depth, name, short_name, kind, region_code, unit_id,
                    term_start, term_end, sort_order, created_by, updated_by)
                OVERRIDING SYSTEM VALUE
                VALUES (:id, :parent, :path, :depth, :name, :short, :kind, :region, :unit, :ts, :te, :sort, :user, :user)
                """)
                .param("id", id).param("parent", f.parentId()).param("path", path).param("depth", depth)
                .param("name", f.name().trim()).param("short", blankToNull(f.shortName())).param("kind", f.kind().name())
                .param("region", blankToNull(f.regionCode())).param("unit", f.unitId()).param("ts", f.termStart())
                .param("te", f.termEnd()).param("sort", f.sortOrder() == null ? 0 : f.sortOrder()).param("user", user)
                .update();
        return id;
    }

    /** Returns false when the version no longer matches (someone saved in between). */
    boolean update(long id, int expectedVersion, OrganizationForm f, String user) {
        return jdbc.sql("""
                UPDATE org_organization SET name = :name, short_name = :short, kind = :kind, region_code = :region,
                    unit_id = :unit, term_start = :ts, term_end = :te, sort_order = :sort, version = version + 1,
                    updated_at = now(), updated_by = :user
                WHERE id = :id AND version = :version
                """)
                .param("name", f.name().trim()).param("short", blankToNull(f.shortName())).param("kind", f.kind().name())
                .param("region", blankToNull(f.regionCode())).param("unit", f.unitId()).param("ts", f.termStart())
                .param("te", f.termEnd()).param("sort", f.sortOrder() == null ? 0 : f.sortOrder()).param("user", user)
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    /**
     * Moves a subtree: one statement rewrites the path and depth of the node and every descendant.
     * Returns the number of rows moved.
     */
    int moveSubtree(String oldPath, String newPath, int depthDelta, String user) {
        return jdbc.sql("""
                UPDATE org_organization
                SET path = :newPath || substr(path, :oldLen + 1), depth = depth + :delta, updated_at = now(), updated_by = :user
                WHERE path LIKE :oldPrefix
                """)
                .param("newPath", newPath).param("oldLen", oldPath.length()).param("delta", depthDelta)
                .param("user", user).param("oldPrefix", oldPath + "%").update();
    }

    boolean setParent(long id, long parentId, int expectedVersion) {
        return jdbc.sql("UPDATE org_organization SET parent_id = :parent, version = version + 1 WHERE id = :id AND version = :version")
                .param("parent", parentId).param("id", id).param("version", expectedVersion).update() == 1;
    }

    boolean deactivate(long id, int expectedVersion, String reason, String user) {
        return jdbc.sql("""
                UPDATE org_organization SET active = FALSE, deactivated_at = now(), deactivation_reason = :reason,
                    version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND version = :version AND active
                """)
                .param("reason", reason).param("user", user).param("id", id).param("version", expectedVersion).update() == 1;
    }

    boolean reactivate(long id, int expectedVersion, String user) {
        return jdbc.sql("""
                UPDATE org_organization SET active = TRUE, deactivated_at = NULL, deactivation_reason = NULL,
                    version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND version = :version AND NOT active
                """)
                .param("user", user).param("id", id).param("version", expectedVersion).update() == 1;
    }

    long countActiveChildren(long id) {
        return jdbc.sql("SELECT count(*) FROM org_organization WHERE parent_id = :id AND active").param("id", id)
                .query(Long.class).single();
    }

    void history(long orgId, String change, String oldValue, String newValue, String user) {
        jdbc.sql("INSERT INTO org_history (organization_id, change, old_value, new_value, changed_by) VALUES (:id, :c, :o, :n, :u)")
                .param("id", orgId).param("c", change).param("o", oldValue).param("n", newValue).param("u", user).update();
    }

    List<HistoryEntry> historyOf(long orgId) {
        return jdbc.sql("SELECT change, old_value, new_value, changed_at, changed_by FROM org_history WHERE organization_id = :id ORDER BY changed_at DESC, id DESC LIMIT 100")
                .param("id", orgId)
                .query((rs, n) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    public record HistoryEntry(String change, String oldValue, String newValue, java.time.Instant changedAt, String changedBy) {
    }

    static OrganizationRecord map(ResultSet rs, int rowNum) throws SQLException {
        Timestamp deact = rs.getTimestamp("deactivated_at");
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new OrganizationRecord(rs.getLong("id"), parentId, rs.getString("path"), rs.getInt("depth"),
                rs.getString("name"), rs.getString("short_name"), OrganizationKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"), unitId,
                rs.getObject("term_start", java.time.LocalDate.class), rs.getObject("term_end", java.time.LocalDate.class),
                rs.getInt("sort_order"), rs.getBoolean("active"), deact == null ? null : deact.toInstant(),
                rs.getString("deactivation_reason"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"), rs.getBoolean("has_children"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
