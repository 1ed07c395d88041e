package org.zugong.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moving a subtree the way OrganizationEditor.move does, in one transaction: read the node and the
 * target, lock the node, rewrite path and depth of the whole subtree in one UPDATE
 * (OrganizationRepository.moveSubtree), set the parent, write the history row, commit.
 */
record SubtreeMove(long nodeId, String name, String kind, int size, long homeParentId, long otherParentId) {

    /** The columns OrganizationRepository reads (its COLUMNS constant). */
    private static final String COLUMNS = """
            o.id, o.parent_id, o.path, o.depth, o.name, o.short_name, o.kind, o.region_code, o.unit_id, o.term_start,
            o.term_end, o.sort_order, o.active, o.deactivated_at, o.deactivation_reason, o.version, o.updated_at, o.updated_by,
            EXISTS (SELECT 1 FROM org_organization c WHERE c.parent_id = o.id) AS has_children
            """;
    static final String MOVE_SQL = """
            UPDATE org_organization
            SET path = ? || substr(path, ? + 1), depth = depth + ?, updated_at = now(), updated_by = ?
            WHERE path LIKE ?""";

    /** Timings of one move, in nanoseconds: the whole transaction and the subtree UPDATE in it. */
    record Timing(long totalNanos, long updateNanos, int rows) {
    }

    /**
     * The node at depth 1 or 2 whose subtree size is nearest to the target, and another city to move it
     * under. Subtree sizes of depth-1 and depth-2 nodes come from the 3rd and 4th path elements.
     */
    static SubtreeMove pick(Connection c, int targetSize) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                WITH sizes AS (
                    SELECT k::bigint AS id, count(*) AS n
                    FROM (SELECT split_part(path, '/', 3) AS k FROM org_organization
                          UNION ALL SELECT split_part(path, '/', 4) FROM org_organization) x
                    WHERE k <> '' GROUP BY k)
                SELECT o.id, o.name, o.kind, s.n, o.parent_id,
                       (SELECT min(t.id) FROM org_organization t
                        WHERE t.depth = 1 AND t.kind = 'CITY' AND t.id <> o.id AND t.id <> o.parent_id) AS other
                FROM sizes s JOIN org_organization o ON o.id = s.id
                ORDER BY abs(s.n - %d), o.id LIMIT 1""".formatted(targetSize))) {
            rs.next();
            return new SubtreeMove(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getLong(6));
        }
    }

    Timing moveUnder(Connection c, long newParentId) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        try {
            Row node = find(c, nodeId, false);
            Row target = find(c, newParentId, false);
            Row locked = find(c, nodeId, true);
            String newPath = target.path() + nodeId + "/";
            long u0 = System.nanoTime();
            int rows;
            try (PreparedStatement s = c.prepareStatement(MOVE_SQL)) {
                s.setString(1, newPath);
                s.setInt(2, node.path().length());
                s.setInt(3, target.depth() + 1 - node.depth());
                s.setString(4, "bench");
                s.setString(5, node.path() + "%");
                rows = s.executeUpdate();
            }
            long updateNanos = System.nanoTime() - u0;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE org_organization SET parent_id = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                s.setLong(1, newParentId);
                s.setLong(2, nodeId);
                s.setInt(3, locked.version());
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("version changed");
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO org_history (organization_id, change, old_value, new_value, changed_by) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, nodeId);
                s.setString(2, "MOVE");
                s.setString(3, String.valueOf(node.parentId()));
                s.setString(4, String.valueOf(newParentId));
                s.setString(5, "bench");
                s.executeUpdate();
            }
            c.commit();
            return new Timing(System.nanoTime() - t0, updateNanos, rows);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private record Row(String path, int depth, long parentId, int version) {
    }

    private static Row find(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM org_organization o WHERE o.id = ?"
                + (forUpdate ? " FOR UPDATE OF o" : ""))) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no organization " + id);
                }
                return new Row(rs.getString("path"), rs.getInt("depth"), rs.getLong("parent_id"), rs.getInt("version"));
            }
        }
    }
}
