package org.zugong.talent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;

/** SQL over talent, talent_tier and talent_entitlement; the jurisdiction arrives as a condition over {@code o}. */
@Repository
class TalentRepository {

    private static final String COLUMNS = """
            t.id, t.person_id, p.name AS person_name, t.org_id, o.name AS org_name, t.tier_code, tt.name AS tier_name, t.category,
            t.field, t.employer_name, t.introduction_mode, t.introduced_on, t.status, t.recognized_on, t.valid_until, t.note, t.version
            """;
    private static final String FROM = """
             FROM talent t JOIN person_view p ON p.id = t.person_id JOIN org_organization o ON o.id = t.org_id
             JOIN talent_tier tt ON tt.code = t.tier_code
            """;

    private final JdbcClient jdbc;

    TalentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TalentTier> tiers() {
        return jdbc.sql("SELECT code, name, rank, criteria, card_validity_years FROM talent_tier ORDER BY rank")
                .query((rs, n) -> new TalentTier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5))).list();
    }

    List<TalentEntitlement> entitlements(String tierCode) {
        return jdbc.sql("SELECT tier_code, code, name, description, sort FROM talent_entitlement WHERE tier_code = :t ORDER BY sort")
                .param("t", tierCode)
                .query((rs, n) -> new TalentEntitlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** The record with its employer unit's path (for the jurisdiction check). */
    record Found(TalentSummary talent, String orgPath) {
    }

    Optional<Found> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", o.path AS org_path" + FROM + " WHERE t.id = :id").param("id", id)
                .query((rs, n) -> new Found(map(rs, n), rs.getString("org_path"))).optional();
    }

    Optional<Found> findByPerson(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + ", o.path AS org_path" + FROM + " WHERE t.person_id = :p").param("p", personId)
                .query((rs, n) -> new Found(map(rs, n), rs.getString("org_path"))).optional();
    }

    /** One page plus one row (to know whether a next page exists without counting the whole registry). */
    List<TalentSummary> page(SqlCondition scope, TalentCriteria c, int limit, long offset) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(scope, c, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where + " ORDER BY t.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(TalentRepository::map).list();
    }

    void stream(SqlCondition scope, TalentCriteria c, int limit, Consumer<TalentSummary> consumer) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(scope, c, params);
        params.put("limit", limit);
        jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where + " ORDER BY t.id DESC LIMIT :limit").params(params)
                .query(rs -> {
                    consumer.accept(map(rs, 0));
                });
    }

    private static String where(SqlCondition scope, TalentCriteria c, Map<String, Object> params) {
        List<String> terms = new ArrayList<>();
        terms.add(scope.sql());
        if (c.name() != null && !c.name().isBlank()) {
            terms.add("p.name LIKE :name");
            params.put("name", LikePattern.containing(c.name().trim()));
        }
        if (c.tier() != null && !c.tier().isBlank()) {
            terms.add("t.tier_code = :tier");
            params.put("tier", c.tier().trim());
        }
        if (c.category() != null && !c.category().isBlank()) {
            terms.add("t.category = :category");
            params.put("category", c.category().trim());
        }
        if (c.mode() != null && !c.mode().isBlank()) {
            terms.add("t.introduction_mode = :mode");
            params.put("mode", c.mode().trim());
        }
        if (c.year() != null) {
            terms.add("t.introduced_on >= :yearFrom AND t.introduced_on < :yearTo");
            params.put("yearFrom", Date.valueOf(LocalDate.of(c.year(), 1, 1)));
            params.put("yearTo", Date.valueOf(LocalDate.of(c.year() + 1, 1, 1)));
        }
        if (c.status() != null) {
            terms.add("t.status = :status");
            params.put("status", c.status().name());
        }
        return String.join(" AND ", terms);
    }

    long insert(long personId, TalentForm f, long orgId, String by) {
        return jdbc.sql("""
                INSERT INTO talent (person_id, org_id, tier_code, category, field, employer_name, introduction_mode, introduced_on, status,
                                    recognized_on, valid_until, note, created_by, updated_by)
                VALUES (:person, :org, :tier, :category, :field, :employer, :mode, :introduced, :status, :recognized, :valid, :note, :by, :by)
                RETURNING id""")
                .param("person", personId).param("org", orgId).params(values(f)).param("by", by).query(Long.class).single();
    }

    boolean update(long id, int version, TalentForm f, long orgId, String by) {
        return jdbc.sql("""
                UPDATE talent SET org_id = :org, tier_code = :tier, category = :category, field = :field, employer_name = :employer,
                    introduction_mode = :mode, introduced_on = :introduced, status = :status, recognized_on = :recognized,
                    valid_until = :valid, note = :note, version = version + 1, updated_at = now(), updated_by = :by
                WHERE id = :id AND version = :version""")
                .param("org", orgId).params(values(f)).param("by", by).param("id", id).param("version", version).update() == 1;
    }

    private static Map<String, Object> values(TalentForm f) {
        Map<String, Object> v = new HashMap<>();
        v.put("tier", f.tierCode().trim());
        v.put("category", f.category().trim());
        v.put("field", blankToNull(f.field()));
        v.put("employer", blankToNull(f.employerName()));
        v.put("mode", f.introductionMode().trim());
        v.put("introduced", Date.valueOf(f.introducedOn()));
        v.put("status", f.status().name());
        v.put("recognized", f.recognizedOn() == null ? null : Date.valueOf(f.recognizedOn()));
        v.put("valid", f.validUntil() == null ? null : Date.valueOf(f.validUntil()));
        v.put("note", blankToNull(f.note()));
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static TalentSummary map(ResultSet rs, int n) throws SQLException {
        Date recognized = rs.getDate("recognized_on");
        Date valid = rs.getDate("valid_until");
        return new TalentSummary(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("org_id"),
                rs.getString("org_name"), rs.getString("tier_code"), rs.getString("tier_name"), rs.getString("category"),
                rs.getString("field"), rs.getString("employer_name"), rs.getString("introduction_mode"),
                rs.getDate("introduced_on").toLocalDate(), TalentStatus.valueOf(rs.getString("status")),
                recognized == null ? null : recognized.toLocalDate(), valid == null ? null : valid.toLocalDate(), rs.getString("note"),
                rs.getInt("version"));
    }
}
