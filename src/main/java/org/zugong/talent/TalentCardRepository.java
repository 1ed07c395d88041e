package org.zugong.talent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;

/** SQL over talent_card (and the verification log); the jurisdiction arrives as a condition over the employer unit {@code o}. */
@Repository
class TalentCardRepository {

    private static final String COLUMNS = """
            c.id, c.talent_id, c.number, c.tier_code, tt.name AS tier_name, c.issued_on, c.valid_until, c.status, c.replaces_card_id,
            r.number AS replaces_number, c.status_reason, c.status_changed_at, c.version, c.created_at, c.created_by, c.updated_at,
            c.updated_by, p.name AS person_name, t.org_id, o.name AS org_name
            """;
    private static final String FROM = """
             FROM talent_card c JOIN talent t ON t.id = c.talent_id JOIN person_view p ON p.id = t.person_id
             JOIN org_organization o ON o.id = t.org_id JOIN talent_tier tt ON tt.code = c.tier_code
             LEFT JOIN talent_card r ON r.id = c.replaces_card_id
            """;

    private final JdbcClient jdbc;

    TalentCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A talent's cards, newest first. */
    List<TalentCard> ofTalent(long talentId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.talent_id = :t ORDER BY c.id DESC").param("t", talentId)
                .query(TalentCardRepository::map).list();
    }

    Optional<TalentCard> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.id = :id").param("id", id).query(TalentCardRepository::map).optional();
    }

    Optional<TalentCard> byNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.number = :n").param("n", number).query(TalentCardRepository::map).optional();
    }

    Optional<TalentCard> activeOf(long talentId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.talent_id = :t AND c.status = 'ACTIVE'").param("t", talentId)
                .query(TalentCardRepository::map).optional();
    }

    /** Filters of the staff list. */
    record Criteria(String q, TalentCardStatus status) {
    }

    /** One page plus one row, newest first. {@code q}: a card number (exact, normalized) or part of a name. */
    List<TalentCard> page(SqlCondition scope, Criteria c, int limit, long offset) {
        Map<String, Object> params = new HashMap<>(scope.params());
        List<String> terms = new ArrayList<>();
        terms.add(scope.sql());
        if (c.q() != null && !c.q().isBlank()) {
            String normalized = TalentCardNumber.normalize(c.q().trim());
            if (normalized.startsWith("YC")) {
                terms.add("c.number = :number");
                params.put("number", normalized);
            } else {
                terms.add("p.name LIKE :name");
                params.put("name", LikePattern.containing(c.q().trim()));
            }
        }
        if (c.status() != null) {
            terms.add("c.status = :status");
            params.put("status", c.status().name());
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + String.join(" AND ", terms) + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(TalentCardRepository::map).list();
    }

    /**
     * Inserts a card; empty when a unique key refuses it (its number is taken, or the talent has an active card), without
     * an error: a unique violation would abort the caller's transaction (PostgreSQL), so that it could not even ask why.
     */
    Optional<Long> insert(long talentId, String number, String tierCode, LocalDate issuedOn, LocalDate validUntil, Long replaces,
                          String reason, String by) {
        return jdbc.sql("""
                INSERT INTO talent_card (talent_id, number, tier_code, issued_on, valid_until, replaces_card_id, status_reason,
                                         status_changed_at, created_by, updated_by)
                VALUES (:t, :n, :tier, :issued, :valid, :replaces, :reason, now(), :by, :by) ON CONFLICT DO NOTHING RETURNING id""")
                .param("t", talentId).param("n", number).param("tier", tierCode).param("issued", Date.valueOf(issuedOn))
                .param("valid", Date.valueOf(validUntil)).param("replaces", replaces).param("reason", reason).param("by", by)
                .query(Long.class).optional();
    }

    /** Changes the status when the card is at {@code version} and in {@code from}; false otherwise (a concurrent change). */
    boolean changeStatus(long id, int version, TalentCardStatus from, TalentCardStatus to, String reason, String by) {
        return jdbc.sql("""
                UPDATE talent_card SET status = :to, status_reason = :reason, status_changed_at = now(), version = version + 1,
                    updated_at = now(), updated_by = :by
                WHERE id = :id AND version = :version AND status = :from""")
                .param("to", to.name()).param("reason", reason).param("by", by).param("id", id).param("version", version)
                .param("from", from.name()).update() == 1;
    }

    /** Marks active cards past their validity as expired; returns their ids. */
    List<Long> expire(LocalDate today) {
        return jdbc.sql("""
                UPDATE talent_card SET status = 'EXPIRED', status_reason = '有效期届满', status_changed_at = now(), version = version + 1,
                    updated_at = now(), updated_by = 'system'
                WHERE status = 'ACTIVE' AND valid_until < :today RETURNING id""")
                .param("today", Date.valueOf(today)).query(Long.class).list();
    }

    /** The facts the public verification needs, by number: nothing else of the person. */
    record Verifiable(long id, String number, String tierCode, String tierName, LocalDate validUntil, TalentCardStatus status,
                      String personName) {
    }

    static TalentCard map(ResultSet rs, int n) throws SQLException {
        long replacesId = rs.getLong("replaces_card_id");
        Long replaces = rs.wasNull() ? null : replacesId;
        return new TalentCard(rs.getLong("id"), rs.getLong("talent_id"), rs.getString("number"), rs.getString("tier_code"),
                rs.getString("tier_name"), rs.getDate("issued_on").toLocalDate(), rs.getDate("valid_until").toLocalDate(),
                TalentCardStatus.valueOf(rs.getString("status")), replaces, rs.getString("replaces_number"),
                rs.getString("status_reason"), rs.getObject("status_changed_at", OffsetDateTime.class), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"), rs.getString("person_name"), rs.getLong("org_id"), rs.getString("org_name"));
    }
}
