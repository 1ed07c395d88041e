package org.zugong.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.db.SqlCondition;

/** Reports, their encrypted items, draws and checks. Item contents are encrypted and decrypted here only. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ReportRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Who must report in the scope (and subtree), ascending person id, with the year's report and latest check. */
    List<ReportRow> rows(PersonalReportRules rules, int year, SqlCondition scope, String subtreePrefix, Long personId, LocalDate today) {
        List<String> where = new ArrayList<>(List.of(scope.sql(), "p.active", "(c.post_level IN (:levels) OR c.category IN (:cats))"));
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("levels", rules.postLevels().isEmpty() ? List.of("-") : rules.postLevels());
        params.put("cats", rules.categories().isEmpty() ? List.of("-") : rules.categories());
        params.put("year", year);
        if (subtreePrefix != null) {
            where.add("o.path LIKE :sub");
            params.put("sub", subtreePrefix + "%");
        }
        if (personId != null) {
            where.add("c.person_id = :person");
            params.put("person", personId);
        }
        LocalDate due = rules.dueDate(year);
        return jdbc.sql("""
                SELECT c.person_id, p.name, c.org_id, o.name AS org_name, c.post_level, c.category, r.submitted_on,
                       k.id AS check_id, k.reason, k.result, k.checked_on, k.note, k.version AS check_version
                FROM cadre_view c JOIN person_view p ON p.id = c.person_id JOIN org_organization o ON o.id = c.org_id
                LEFT JOIN supervision_report r ON r.person_id = c.person_id AND r.year = :year
                LEFT JOIN LATERAL (SELECT * FROM supervision_report_check x WHERE x.person_id = c.person_id AND x.year = :year
                                   ORDER BY x.id DESC LIMIT 1) k ON TRUE
                WHERE """ + " " + String.join(" AND ", where) + " ORDER BY c.person_id")
                .params(params)
                .query((rs, n) -> {
                    LocalDate submitted = SupervisionRepository.date(rs, "submitted_on");
                    ReportStatus status = submitted != null ? ReportStatus.已报告 : today.isAfter(due) ? ReportStatus.逾期 : ReportStatus.未报告;
                    long checkId = rs.getLong("check_id");
                    boolean hasCheck = !rs.wasNull();
                    return new ReportRow(rs.getLong("person_id"), rs.getString("name"), rs.getLong("org_id"), rs.getString("org_name"),
                            rs.getString("post_level"), rs.getString("category"), year, due, status, submitted,
                            submitted != null && submitted.isAfter(due), hasCheck ? checkId : null,
                            hasCheck ? CheckReason.valueOf(rs.getString("reason")) : null,
                            rs.getString("result") == null ? null : CheckResult.valueOf(rs.getString("result")),
                            SupervisionRepository.date(rs, "checked_on"), rs.getString("note"),
                            hasCheck ? rs.getInt("check_version") : null);
                }).list();
    }

    /** Replaces the report of a person and year (items encrypted); returns its id. */
    long putReport(long personId, long orgId, int year, LocalDate submittedOn, List<ReportItem> items, String user) {
        long id = jdbc.sql("""
                INSERT INTO supervision_report (person_id, org_id, year, submitted_on, created_by, updated_by)
                VALUES (:p, :org, :year, :on, :user, :user)
                ON CONFLICT (person_id, year) DO UPDATE SET submitted_on = EXCLUDED.submitted_on, org_id = EXCLUDED.org_id,
                    version = supervision_report.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
                RETURNING id""")
                .param("p", personId).param("org", orgId).param("year", year).param("on", submittedOn).param("user", user)
                .query(Long.class).single();
        jdbc.sql("DELETE FROM supervision_report_item WHERE report_id = :id").param("id", id).update();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("INSERT INTO supervision_report_item (report_id, seq, item_kind, content_cipher) VALUES (:id, :seq, :kind, :c)")
                    .param("id", id).param("seq", i + 1).param("kind", items.get(i).kind())
                    .param("c", cipher.encrypt(items.get(i).content())).update();
        }
        return id;
    }

    record StoredReport(long id, long personId, int year, LocalDate submittedOn, List<ReportItem> items) {
    }

    Optional<StoredReport> report(long personId, int year) {
        return jdbc.sql("SELECT id, submitted_on FROM supervision_report WHERE person_id = :p AND year = :y")
                .param("p", personId).param("y", year)
                .query((rs, n) -> new StoredReport(rs.getLong(1), personId, year, rs.getDate(2).toLocalDate(), List.of())).optional()
                .map(r -> new StoredReport(r.id(), personId, year, r.submittedOn(),
                        jdbc.sql("SELECT item_kind, content_cipher FROM supervision_report_item WHERE report_id = :id ORDER BY seq")
                                .param("id", r.id())
                                .query((rs, n) -> new ReportItem(rs.getString(1), cipher.decrypt(rs.getBytes(2)))).list()));
    }

    boolean drawExists(long orgId, int year) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_spot_check WHERE org_id = :o AND year = :y)")
                .param("o", orgId).param("y", year).query(Boolean.class).single();
    }

    long insertDraw(long orgId, int year, long seed, int rate, List<Long> candidates, List<Long> drawn, String user) {
        return jdbc.sql("""
                INSERT INTO supervision_spot_check (org_id, year, seed, rate_percent, candidate_ids, drawn_ids, created_by)
                VALUES (:o, :y, :seed, :rate, CAST(:cand AS bigint[]), CAST(:drawn AS bigint[]), :user) RETURNING id""")
                .param("o", orgId).param("y", year).param("seed", seed).param("rate", rate).param("cand", array(candidates))
                .param("drawn", array(drawn)).param("user", user).query(Long.class).single();
    }

    record Draw(long id, long orgId, String orgName, int year, long seed, int ratePercent, List<Long> candidates, List<Long> drawn,
                String createdBy) {
    }

    List<Draw> draws(int year, SqlCondition scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("y", year);
        return jdbc.sql("""
                SELECT d.*, o.name AS org_name FROM supervision_spot_check d JOIN org_organization o ON o.id = d.org_id
                WHERE d.year = :y AND """ + " " + scope.sql() + " ORDER BY d.id DESC")
                .params(params)
                .query((rs, n) -> new Draw(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getInt("year"),
                        rs.getLong("seed"), rs.getInt("rate_percent"), longs(rs.getArray("candidate_ids")),
                        longs(rs.getArray("drawn_ids")), rs.getString("created_by")))
                .list();
    }

    long insertCheck(long personId, long orgId, int year, CheckReason reason, Long drawId, CheckResult result, LocalDate checkedOn,
                     String note, String user) {
        return jdbc.sql("""
                INSERT INTO supervision_report_check (person_id, org_id, year, reason, draw_id, result, checked_on, note, created_by, updated_by)
                VALUES (:p, :o, :y, :reason, :draw, :result, :on, :note, :user, :user) RETURNING id""")
                .param("p", personId).param("o", orgId).param("y", year).param("reason", reason.name()).param("draw", drawId)
                .param("result", result == null ? null : result.name()).param("on", checkedOn).param("note", note).param("user", user)
                .query(Long.class).single();
    }

    record Check(long id, long personId, long orgId, String orgPath, int year, CheckReason reason, CheckResult result,
                 LocalDate checkedOn, String note, int version) {
    }

    Optional<Check> check(long id) {
        return jdbc.sql("SELECT k.*, o.path FROM supervision_report_check k JOIN org_organization o ON o.id = k.org_id WHERE k.id = :id")
                .param("id", id)
                .query((rs, n) -> new Check(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("org_id"), rs.getString("path"),
                        rs.getInt("year"), CheckReason.valueOf(rs.getString("reason")),
                        rs.getString("result") == null ? null : CheckResult.valueOf(rs.getString("result")),
                        SupervisionRepository.date(rs, "checked_on"), rs.getString("note"), rs.getInt("version")))
                .optional();
    }

    boolean enterResult(long id, int version, CheckResult result, LocalDate checkedOn, String note, String user) {
        return jdbc.sql("""
                UPDATE supervision_report_check SET result = :r, checked_on = :on, note = :note, version = version + 1,
                    updated_at = now(), updated_by = :user WHERE id = :id AND version = :v""")
                .param("r", result.name()).param("on", checkedOn).param("note", note).param("user", user).param("id", id)
                .param("v", version).update() == 1;
    }

    private static String array(List<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    private static List<Long> longs(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Long> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(((Number) v).longValue());
        }
        return List.copyOf(out);
    }
}
