package org.zugong.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.SqlCondition;

/** SQL of {@code assessment_scheme} and {@code assessment_indicator}. */
@Repository
class SchemeRepository {

    /** A stored scheme with its bookkeeping columns. */
    record Stored(Scheme scheme, String orgPath, int version, Long copiedFrom, String copiedFromName, String updatedBy,
                  OffsetDateTime updatedAt) {
    }

    /** One list row before the editable flag is known. */
    record ListRow(long id, String name, long orgId, String orgName, String orgPath, SchemeUnitCategory unitCategory,
                   SchemePostType postType, LocalDate validFrom, LocalDate validTo, int indicatorCount) {
    }

    /** A validated indicator ready to store. */
    record NewIndicator(String name, String description, BigDecimal weight, IndicatorMethod method, BigDecimal minScore,
                        BigDecimal maxScore, String levels) {
    }

    /** A validated scheme ready to store. */
    record NewScheme(long orgId, String name, SchemeUnitCategory unitCategory, SchemePostType postType, LocalDate validFrom,
                     LocalDate validTo, List<NewIndicator> indicators) {
    }

    private final JdbcClient jdbc;

    SchemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.org_id, o.name AS org_name, o.path AS org_path, s.unit_category, s.post_type,
                               s.valid_from, s.valid_to, s.version, s.copied_from, c.name AS copied_from_name, s.updated_by, s.updated_at
                        FROM assessment_scheme s JOIN org_organization o ON o.id = s.org_id
                        LEFT JOIN assessment_scheme c ON c.id = s.copied_from
                        WHERE s.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Stored(scheme(rs, List.of()), rs.getString("org_path"), rs.getInt("version"),
                        rs.getObject("copied_from", Long.class), rs.getString("copied_from_name"), rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional()
                .map(st -> {
                    Scheme s = st.scheme();
                    List<Indicator> indicators = indicators(List.of(s.id())).getOrDefault(s.id(), List.of());
                    return new Stored(new Scheme(s.id(), s.name(), s.orgId(), s.orgName(), s.unitCategory(), s.postType(),
                            s.validFrom(), s.validTo(), indicators), st.orgPath(), st.version(), st.copiedFrom(),
                            st.copiedFromName(), st.updatedBy(), st.updatedAt());
                });
    }

    /** Changes the scheme's own fields only, keeping its indicators (and their ids). */
    boolean updateHeader(long id, int version, NewScheme s, String user) {
        return jdbc.sql("""
                        UPDATE assessment_scheme SET org_id = :org, name = :name, unit_category = :cat, post_type = :post,
                            valid_from = :from, valid_to = :to, version = version + 1, updated_at = now(), updated_by = :user
                        WHERE id = :id AND version = :version""")
                .param("org", s.orgId()).param("name", s.name()).param("cat", s.unitCategory().name())
                .param("post", s.postType().name()).param("from", s.validFrom()).param("to", s.validTo())
                .param("user", user).param("id", id).param("version", version)
                .update() > 0;
    }

    /** The schemes valid on a day for one category and post type, owned by any of these organizations. */
    List<Scheme> validOn(Collection<Long> orgIds, SchemeUnitCategory category, SchemePostType postType, LocalDate day) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        List<Scheme> bare = jdbc.sql("""
                        SELECT s.id, s.name, s.org_id, o.name AS org_name, s.unit_category, s.post_type, s.valid_from, s.valid_to
                        FROM assessment_scheme s JOIN org_organization o ON o.id = s.org_id
                        WHERE s.org_id IN (:orgs) AND s.unit_category = :cat AND s.post_type = :post
                          AND s.valid_from <= :day AND (s.valid_to IS NULL OR s.valid_to >= :day)
                        ORDER BY o.depth DESC, s.valid_from DESC, s.id DESC""")
                .param("orgs", List.copyOf(orgIds)).param("cat", category.name()).param("post", postType.name()).param("day", day)
                .query((rs, n) -> scheme(rs, List.of())).list();
        Map<Long, List<Indicator>> indicators = indicators(bare.stream().map(Scheme::id).toList());
        return bare.stream().map(s -> new Scheme(s.id(), s.name(), s.orgId(), s.orgName(), s.unitCategory(), s.postType(),
                s.validFrom(), s.validTo(), indicators.getOrDefault(s.id(), List.of()))).toList();
    }

    List<ListRow> page(SqlCondition where, long offset, int limit) {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.org_id, o.name AS org_name, o.path AS org_path, s.unit_category, s.post_type,
                               s.valid_from, s.valid_to,
                               (SELECT count(*) FROM assessment_indicator i WHERE i.scheme_id = s.id) AS indicator_count
                        FROM assessment_scheme s JOIN org_organization o ON o.id = s.org_id
                        WHERE %s
                        ORDER BY o.depth, o.path, s.unit_category, s.post_type, s.valid_from DESC, s.id
                        LIMIT :limit OFFSET :offset""".formatted(where.sql()))
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ListRow(rs.getLong("id"), rs.getString("name"), rs.getLong("org_id"), rs.getString("org_name"),
                        rs.getString("org_path"), SchemeUnitCategory.valueOf(rs.getString("unit_category")),
                        SchemePostType.valueOf(rs.getString("post_type")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getInt("indicator_count")))
                .list();
    }

    long count(SqlCondition where) {
        return jdbc.sql("SELECT count(*) FROM assessment_scheme s JOIN org_organization o ON o.id = s.org_id WHERE " + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    /** Serializes writers of one org + category + post type, so two overlapping schemes cannot slip in together. */
    void lockSlot(long orgId, SchemeUnitCategory category, SchemePostType postType) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "assessment_scheme:" + orgId + ":" + category.name() + ":" + postType.name())
                .query().listOfRows();
    }

    /** Names of the schemes of the same org, category and post type whose validity overlaps the given one. */
    List<String> overlapping(long orgId, SchemeUnitCategory category, SchemePostType postType, LocalDate from, LocalDate to,
                             Long exceptId) {
        return jdbc.sql("""
                        SELECT name || '（' || to_char(valid_from, 'YYYY-MM-DD') || ' 至 ' || coalesce(to_char(valid_to, 'YYYY-MM-DD'), '长期') || '）'
                        FROM assessment_scheme
                        WHERE org_id = :org AND unit_category = :cat AND post_type = :post AND id <> :except
                          AND valid_from <= coalesce(CAST(:to AS DATE), DATE '9999-12-31')
                          AND coalesce(valid_to, DATE '9999-12-31') >= :from
                        ORDER BY valid_from""")
                .param("org", orgId).param("cat", category.name()).param("post", postType.name())
                .param("except", exceptId == null ? -1L : exceptId).param("from", from).param("to", to)
                .query(String.class).list();
    }

    long insert(NewScheme s, Long copiedFrom, String user) {
        long id = jdbc.sql("""
                        INSERT INTO assessment_scheme (org_id, name, unit_category, post_type, valid_from, valid_to, copied_from,
                            created_by, updated_by)
                        VALUES (:org, :name, :cat, :post, :from, :to, :copied, :user, :user) RETURNING id""")
                .param("org", s.orgId()).param("name", s.name()).param("cat", s.unitCategory().name())
                .param("post", s.postType().name()).param("from", s.validFrom()).param("to", s.validTo())
                .param("copied", copiedFrom).param("user", user)
                .query(Long.class).single();
        insertIndicators(id, s.indicators());
        return id;
    }

    /** Replaces the scheme's fields and indicators if the version still matches; false on a conflict. */
    boolean update(long id, int version, NewScheme s, String user) {
        if (!updateHeader(id, version, s, user)) {
            return false;
        }
        jdbc.sql("DELETE FROM assessment_indicator WHERE scheme_id = :id").param("id", id).update();
        insertIndicators(id, s.indicators());
        return true;
    }

    boolean end(long id, Integer version, LocalDate validTo, String user) {
        return jdbc.sql("""
                        UPDATE assessment_scheme SET valid_to = :to, version = version + 1, updated_at = now(), updated_by = :user
                        WHERE id = :id AND (CAST(:version AS INT) IS NULL OR version = :version)""")
                .param("to", validTo).param("user", user).param("id", id).param("version", version)
                .update() > 0;
    }

    /** Whether assessment results refer to the scheme (its indicators then must keep their ids). */
    boolean inUse(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assessment_result WHERE scheme_id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    private void insertIndicators(long schemeId, List<NewIndicator> indicators) {
        int seq = 1;
        for (NewIndicator i : indicators) {
            jdbc.sql("""
                            INSERT INTO assessment_indicator (scheme_id, seq, name, description, weight, method, min_score, max_score, levels)
                            VALUES (:scheme, :seq, :name, :description, :weight, :method, :min, :max, :levels)""")
                    .param("scheme", schemeId).param("seq", seq++).param("name", i.name()).param("description", i.description())
                    .param("weight", i.weight()).param("method", i.method().name()).param("min", i.minScore())
                    .param("max", i.maxScore()).param("levels", i.levels())
                    .update();
        }
    }

    private Map<Long, List<Indicator>> indicators(List<Long> schemeIds) {
        if (schemeIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Indicator>> result = new HashMap<>();
        jdbc.sql("""
                        SELECT id, scheme_id, seq, name, description, weight, method, min_score, max_score, levels
                        FROM assessment_indicator WHERE scheme_id IN (:ids) ORDER BY scheme_id, seq, id""")
                .param("ids", schemeIds)
                .query(rs -> {
                    String levels = rs.getString("levels");
                    result.computeIfAbsent(rs.getLong("scheme_id"), k -> new ArrayList<>()).add(new Indicator(rs.getLong("id"),
                            rs.getInt("seq"), rs.getString("name"), rs.getString("description"), rs.getBigDecimal("weight"),
                            IndicatorMethod.valueOf(rs.getString("method")), rs.getBigDecimal("min_score"),
                            rs.getBigDecimal("max_score"), levels == null ? List.of() : SchemeLevels.parse(levels)));
                });
        return result;
    }

    private static Scheme scheme(ResultSet rs, List<Indicator> indicators) throws SQLException {
        return new Scheme(rs.getLong("id"), rs.getString("name"), rs.getLong("org_id"), rs.getString("org_name"),
                SchemeUnitCategory.valueOf(rs.getString("unit_category")), SchemePostType.valueOf(rs.getString("post_type")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), indicators);
    }

}
