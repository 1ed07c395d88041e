package org.zugong.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.SqlCondition;

/**
 * supervision_record, and the measures of the cadre file read through cadre_record_view: one merged
 * list in one query, scoped by the record's organization.
 */
@Repository
class SupervisionRepository {

    /** The merged rows: the supervision table and the three measure kinds of the cadre file. */
    private static final String MERGED = """
            SELECT 'SUP' AS src, r.id, r.person_id, r.org_id, r.kind, r.record_date AS date, r.end_date, r.deadline, r.summary,
                   NULL AS title, r.authority, r.status, r.result, r.version,
                   (r.status IN ('PENDING', 'RECEIVED', 'INVESTIGATING')) AS open
            FROM supervision_record r
            UNION ALL
            SELECT 'CAD', m.id, m.person_id, m.org_id,
                   CASE m.kind WHEN '诫勉' THEN 'ADMONISHMENT' WHEN '党纪处分' THEN 'PARTY_SANCTION' ELSE 'GOVERNMENT_SANCTION' END,
                   coalesce(m.effect_start, m.decided_on), m.effect_end, NULL, coalesce(m.note, m.title), m.title, m.authority,
                   NULL, NULL, 0, (m.effect_end IS NULL OR m.effect_end >= :today)
            FROM cadre_record_view m WHERE m.kind IN ('诫勉', '党纪处分', '政务处分')""";

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(Long personId, SupervisionKind kind, String orgPathPrefix, Boolean open) {
    }

    List<SupervisionEntry> list(SqlCondition scope, Filter f, int limit) {
        List<String> where = new ArrayList<>(List.of(scope.sql()));
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", LocalDate.now());
        if (f.personId() != null) {
            where.add("x.person_id = :person");
            params.put("person", f.personId());
        }
        if (f.kind() != null) {
            where.add("x.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.orgPathPrefix() != null) {
            where.add("o.path LIKE :sub");
            params.put("sub", f.orgPathPrefix() + "%");
        }
        if (f.open() != null) {
            where.add(f.open() ? "x.open" : "NOT x.open");
        }
        params.put("limit", limit);
        return jdbc.sql("SELECT x.*, p.name AS person_name, o.name AS org_name, o.path AS org_path FROM (" + MERGED + ") x "
                        + "JOIN org_organization o ON o.id = x.org_id JOIN person_view p ON p.id = x.person_id WHERE "
                        + String.join(" AND ", where) + " ORDER BY x.date DESC, x.src DESC, x.id DESC LIMIT :limit")
                .params(params).query(this::entry).list();
    }

    /** One record of either source with its organization's path (for the jurisdiction check). */
    Optional<Located> find(RecordRef ref) {
        return jdbc.sql("SELECT x.*, p.name AS person_name, o.name AS org_name, o.path AS org_path FROM (" + MERGED + ") x "
                        + "JOIN org_organization o ON o.id = x.org_id JOIN person_view p ON p.id = x.person_id "
                        + "WHERE x.src = :src AND x.id = :id")
                .param("today", LocalDate.now()).param("src", ref.cadre() ? "CAD" : "SUP").param("id", ref.id())
                .query((rs, n) -> new Located(entry(rs, n), rs.getString("org_path"))).optional();
    }

    record Located(SupervisionEntry entry, String orgPath) {
    }

    long insert(long personId, long orgId, SupervisionKind kind, LocalDate date, String summary, String authority,
                LocalDate deadline, SupervisionStatus status, String result, LocalDate endDate, String user) {
        return jdbc.sql("""
                INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, deadline, status, result,
                    end_date, created_by, updated_by)
                VALUES (:p, :org, :kind, :date, :summary, :authority, :deadline, :status, :result, :end, :user, :user) RETURNING id""")
                .param("p", personId).param("org", orgId).param("kind", kind.name()).param("date", date).param("summary", summary)
                .param("authority", authority).param("deadline", deadline).param("status", status == null ? null : status.name())
                .param("result", result).param("end", endDate).param("user", user).query(Long.class).single();
    }

    boolean update(long id, int version, SupervisionStatus status, String result, LocalDate endDate, String user) {
        return jdbc.sql("""
                UPDATE supervision_record SET status = :status, result = :result, end_date = :end, version = version + 1,
                    updated_at = now(), updated_by = :user
                WHERE id = :id AND version = :v""")
                .param("status", status.name()).param("result", result).param("end", endDate).param("user", user)
                .param("id", id).param("v", version).update() == 1;
    }

    private SupervisionEntry entry(ResultSet rs, int n) throws SQLException {
        boolean cadre = "CAD".equals(rs.getString("src"));
        RecordRef ref = new RecordRef(cadre, rs.getLong("id"));
        SupervisionKind kind = SupervisionKind.valueOf(rs.getString("kind"));
        SupervisionStatus status = rs.getString("status") == null ? null : SupervisionStatus.valueOf(rs.getString("status"));
        LocalDate deadline = date(rs, "deadline");
        boolean open = rs.getBoolean("open");
        boolean overdue = open && deadline != null && deadline.isBefore(LocalDate.now());
        return new SupervisionEntry(ref.toString(), ref.source(), ref.id(), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getLong("org_id"), rs.getString("org_name"), kind, kind.chineseName(), date(rs, "date"), date(rs, "end_date"),
                deadline, rs.getString("summary"), rs.getString("title"), rs.getString("authority"), status,
                status == null ? null : status.chineseName(), rs.getString("result"), open, overdue, rs.getInt("version"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
