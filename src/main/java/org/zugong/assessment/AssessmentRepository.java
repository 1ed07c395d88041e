package org.zugong.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.SqlCondition;

/** The assessment tables; lists are one statement each, scoped by a condition over {@code org_organization o}. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    AssessmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // ---- periods --------------------------------------------------------------------------------

    private static final String PERIOD = """
            SELECT a.*, o.name AS org_name, o.path AS org_path FROM assessment_period a JOIN org_organization o ON o.id = a.org_id
            """;

    Optional<AssessmentPeriod> period(long id) {
        return jdbc.sql(PERIOD + " WHERE a.id = :id").param("id", id).query(this::mapPeriod).optional();
    }

    /**
     * Periods whose subtree meets the jurisdiction: opened inside one of {@code insidePaths}, or above one
     * of {@code abovePaths} (a city's period covers the county's units; a county's period covers a unit
     * clerk's unit). Both null means everything.
     */
    List<AssessmentPeriod> periods(List<String> insidePaths, List<String> abovePaths, Integer year, PeriodKind kind, int limit, int offset) {
        Map<String, Object> p = new HashMap<>();
        List<String> terms = new ArrayList<>();
        if (insidePaths != null) {
            terms.add("""
                    (EXISTS (SELECT 1 FROM unnest(CAST(:inside AS text[])) j(prefix) WHERE o.path LIKE j.prefix || '%')
                     OR EXISTS (SELECT 1 FROM unnest(CAST(:above AS text[])) j(path) WHERE j.path LIKE o.path || '%'))""");
            p.put("inside", insidePaths.toArray(String[]::new));
            p.put("above", abovePaths.toArray(String[]::new));
        }
        if (year != null) {
            terms.add("a.year = :year");
            p.put("year", year);
        }
        if (kind != null) {
            terms.add("a.kind = :kind");
            p.put("kind", kind.name());
        }
        p.put("limit", limit);
        p.put("offset", offset);
        String where = terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
        return named.query(PERIOD + where + " ORDER BY a.year DESC, a.kind, a.quarter DESC NULLS FIRST, a.id DESC LIMIT :limit OFFSET :offset",
                p, this::mapPeriod);
    }

    boolean periodExists(long orgId, PeriodKind kind, int year, Integer quarter) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assessment_period WHERE org_id = :o AND kind = :k AND year = :y AND coalesce(quarter, 0) = :q)")
                .param("o", orgId).param("k", kind.name()).param("y", year).param("q", quarter == null ? 0 : quarter)
                .query(Boolean.class).single();
    }

    long insertPeriod(long orgId, PeriodKind kind, int year, Integer quarter, String name, int publicityDays, int excellentPercent,
                      Integer goodCapPercent, String user) {
        return jdbc.sql("""
                INSERT INTO assessment_period (org_id, kind, year, quarter, name, status, publicity_days, excellent_percent,
                  good_cap_percent, opened_by)
                VALUES (:o, :k, :y, :q, :n, 'OPEN', :pd, :ep, :gc, :u) RETURNING id""")
                .param("o", orgId).param("k", kind.name()).param("y", year).param("q", quarter).param("n", name)
                .param("pd", publicityDays).param("ep", excellentPercent).param("gc", goodCapPercent).param("u", user)
                .query(Long.class).single();
    }

    boolean close(long id, int version, String user) {
        return jdbc.sql("""
                UPDATE assessment_period SET status = 'CLOSED', closed_at = now(), closed_by = :u, version = version + 1
                WHERE id = :id AND version = :v AND status = 'OPEN'""").param("u", user).param("id", id).param("v", version).update() == 1;
    }

    /**
     * The population of a new period: every active person with a cadre file in the subtree, assessed
     * by the unit of the file. One statement, whatever the size.
     */
    int insertPopulation(long periodId, String subtreePath, String user) {
        return jdbc.sql("""
                INSERT INTO assessment_result (period_id, person_id, org_id, stage, updated_by)
                SELECT :period, c.person_id, c.org_id, 'SELF_SUMMARY', :u
                FROM cadre_view c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
                WHERE o.path LIKE :path AND p.active""")
                .param("period", periodId).param("u", user).param("path", subtreePath + "%").update();
    }

    // ---- results --------------------------------------------------------------------------------

    private static final String RESULT = """
            SELECT r.*, p.name, p.sex, p.birth_date, o.name AS org_name
            FROM assessment_result r JOIN person_view p ON p.id = r.person_id JOIN org_organization o ON o.id = r.org_id
            """;

    Optional<AssessmentResult> result(long periodId, long personId) {
        return jdbc.sql(RESULT + " WHERE r.period_id = :pe AND r.person_id = :p").param("pe", periodId).param("p", personId)
                .query(this::mapResult).optional();
    }

    /** Where a result lives, for the jurisdiction check. */
    Optional<String> resultOrgPath(long periodId, long personId) {
        return jdbc.sql("SELECT o.path FROM assessment_result r JOIN org_organization o ON o.id = r.org_id WHERE r.period_id = :pe AND r.person_id = :p")
                .param("pe", periodId).param("p", personId).query(String.class).optional();
    }

    List<AssessmentResult> results(long periodId, SqlCondition where, String orderBy, int limit, int offset) {
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("period", periodId);
        p.put("limit", limit);
        p.put("offset", offset);
        return named.query(RESULT + " WHERE r.period_id = :period AND " + where.sql() + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", p, this::mapResult);
    }

    long countResults(long periodId, SqlCondition where) {
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("period", periodId);
        Long n = named.queryForObject("SELECT count(*) FROM assessment_result r JOIN org_organization o ON o.id = r.org_id "
                + "WHERE r.period_id = :period AND " + where.sql(), p, Long.class);
        return n == null ? 0 : n;
    }

    /** Per-unit progress of a period inside a condition over {@code o}, one grouped statement. */
    List<Map<String, Object>> progress(long periodId, SqlCondition where, String excellentGrade, int limit, int offset) {
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("period", periodId);
        p.put("excellent", excellentGrade);
        p.put("limit", limit);
        p.put("offset", offset);
        return named.queryForList("""
                SELECT r.org_id, o.name AS org_name, count(*) AS total,
                  count(*) FILTER (WHERE r.included) AS included,
                  count(*) FILTER (WHERE r.included AND r.stage = 'SELF_SUMMARY') AS self_summary,
                  count(*) FILTER (WHERE r.included AND r.stage = 'EVALUATION') AS evaluation,
                  count(*) FILTER (WHERE r.included AND r.stage = 'PROPOSAL') AS proposal,
                  count(*) FILTER (WHERE r.included AND r.stage = 'PUBLICITY') AS publicity,
                  count(*) FILTER (WHERE r.included AND r.stage = 'CONFIRMED') AS confirmed,
                  count(*) FILTER (WHERE r.included AND (r.grade IS NULL OR r.grade NOT LIKE '5%' AND r.grade NOT LIKE '6%')) AS assessed,
                  count(*) FILTER (WHERE r.included AND r.grade = :excellent) AS excellent,
                  min(r.publicity_from) AS publicity_from, max(r.publicity_to) AS publicity_to,
                  q.percent AS approved_percent
                FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
                LEFT JOIN assessment_quota_approval q ON q.period_id = r.period_id AND q.org_id = r.org_id
                WHERE r.period_id = :period AND """ + " " + where.sql()
                + " GROUP BY r.org_id, o.name, o.path, q.percent ORDER BY o.path LIMIT :limit OFFSET :offset", p);
    }

    long countUnits(long periodId, SqlCondition where) {
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("period", periodId);
        Long n = named.queryForObject("SELECT count(DISTINCT r.org_id) FROM assessment_result r JOIN org_organization o ON o.id = r.org_id "
                + "WHERE r.period_id = :period AND " + where.sql(), p, Long.class);
        return n == null ? 0 : n;
    }

    List<AssessmentStep> steps(long periodId, long personId) {
        return jdbc.sql("SELECT * FROM assessment_step WHERE period_id = :pe AND person_id = :p ORDER BY id")
                .param("pe", periodId).param("p", personId)
                .query((rs, n) -> new AssessmentStep(rs.getLong("id"), AssessmentStage.valueOf(rs.getString("stage")), rs.getString("action"),
                        rs.getString("note"), rs.getTimestamp("done_at").toInstant(), rs.getString("done_by"))).list();
    }

    void step(long periodId, long personId, AssessmentStage stage, String action, String note, String user) {
        jdbc.sql("INSERT INTO assessment_step (period_id, person_id, stage, action, note, done_by) VALUES (:pe, :p, :s, :a, :n, :u)")
                .param("pe", periodId).param("p", personId).param("s", stage.name()).param("a", action).param("n", note)
                .param("u", user).update();
    }

    /** Applies a change to one result if it is still at {@code version}; false on a conflict. */
    boolean update(long periodId, long personId, int version, String assignments, Map<String, Object> values, String user) {
        Map<String, Object> p = new HashMap<>(values);
        p.put("pe", periodId);
        p.put("p", personId);
        p.put("v", version);
        p.put("u", user);
        return named.update("UPDATE assessment_result SET " + assignments + ", version = version + 1, updated_at = now(), updated_by = :u "
                + "WHERE period_id = :pe AND person_id = :p AND version = :v", p) == 1;
    }

    // ---- quota approvals ------------------------------------------------------------------------

    Optional<Integer> approvedPercent(long periodId, long orgId) {
        return jdbc.sql("SELECT percent FROM assessment_quota_approval WHERE period_id = :pe AND org_id = :o")
                .param("pe", periodId).param("o", orgId).query(Integer.class).optional();
    }

    void approve(long periodId, long orgId, int percent, String document, String reason, String user) {
        jdbc.sql("""
                INSERT INTO assessment_quota_approval (period_id, org_id, percent, document, reason, approved_by)
                VALUES (:pe, :o, :pc, :d, :r, :u)
                ON CONFLICT (period_id, org_id) DO UPDATE SET percent = EXCLUDED.percent, document = EXCLUDED.document,
                  reason = EXCLUDED.reason, approved_by = EXCLUDED.approved_by, approved_at = now()""")
                .param("pe", periodId).param("o", orgId).param("pc", percent).param("d", document).param("r", reason).param("u", user)
                .update();
    }

    // ---- mapping --------------------------------------------------------------------------------

    private AssessmentPeriod mapPeriod(ResultSet rs, int n) throws SQLException {
        return new AssessmentPeriod(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                PeriodKind.valueOf(rs.getString("kind")), rs.getInt("year"), (Integer) rs.getObject("quarter"), rs.getString("name"),
                PeriodStatus.valueOf(rs.getString("status")), rs.getInt("publicity_days"), rs.getInt("excellent_percent"),
                (Integer) rs.getObject("good_cap_percent"), instant(rs.getTimestamp("opened_at")), rs.getString("opened_by"),
                instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"), rs.getInt("version"));
    }

    private AssessmentResult mapResult(ResultSet rs, int n) throws SQLException {
        return new AssessmentResult(rs.getLong("period_id"), rs.getLong("person_id"), rs.getString("name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getLong("org_id"), rs.getString("org_name"),
                (Long) rs.getObject("scheme_id"), rs.getBoolean("included"), rs.getString("inclusion_note"),
                AssessmentStage.valueOf(rs.getString("stage")), rs.getString("self_summary"), rs.getString("indicator_scores"),
                rs.getObject("score", BigDecimal.class), rs.getString("evaluation_note"), rs.getString("suggested_grade"),
                rs.getString("grade"), rs.getString("grade_reason"), rs.getObject("publicity_from", LocalDate.class),
                rs.getObject("publicity_to", LocalDate.class), instant(rs.getTimestamp("confirmed_at")), rs.getString("confirmed_by"),
                rs.getBoolean("dismissal_review"), rs.getInt("version"), instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
