package org.zugong.cadre;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * F13: finds visible cadres by any combination of facts, in one statement with bound parameters.
 * The current post level and rank are kept on the profile (see {@link CadreRepository#refreshCurrentValues}),
 * so "years in the current post/rank" is a date comparison on an indexed column, not a history scan.
 */
@Service
@Transactional(readOnly = true)
class CadreSearch {

    private static final String COLUMNS = """
            c.person_id, p.name, p.sex, p.birth_date, p.ethnicity, p.native_place, p.education, p.political_status,
            p.party_join_date, p.work_start_date, c.org_id, o.name AS org_name, c.current_post_text, c.post_level, c.post_since,
            c.rank, c.rank_since, c.category, c.management_level, c.professional_title, c.retirement_group,
            EXISTS (SELECT 1 FROM cadre_record r WHERE r.person_id = c.person_id AND r.kind <> '奖励'
                    AND coalesce(r.effect_start, r.decided_on) <= :today AND (r.effect_end IS NULL OR r.effect_end >= :today)) AS sanctioned,
            EXISTS (SELECT 1 FROM cadre_frontline fl WHERE fl.person_id = c.person_id AND fl.outcome = '已认定') AS frontline
            """;
    private static final String FROM = """
            FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CadreScope scope;
    private final Organizations organizations;

    CadreSearch(NamedParameterJdbcTemplate jdbc, CadreScope scope, Organizations organizations) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
    }

    PageResult<CadreRow> search(CadreCriteria criteria, PageRequest page, String sort) {
        return search(criteria, page, sort, null);
    }

    /**
     * The search, optionally narrowed to one person (exact ID-number lookups). In person-id order with an
     * organization restriction (a jurisdiction below everything, or a chosen unit) the page and the count
     * start from the organizations, as {@code PersonRepository.page} does for persons: for each
     * organization of the subtree its first {@code offset + size} matching cadres through
     * {@code cadre_profile_org_idx (org_id, person_id)}, then the page of those. "Walk the primary key
     * until 20 rows match" reads thousands of profiles per page when a filter is selective (a rank, a
     * post level) and the subtree holds ~1 % of the cadres; the organization-first plan is bounded by the
     * subtree whatever the filter and the planner's estimates.
     */
    PageResult<CadreRow> search(CadreCriteria criteria, PageRequest page, String sort, Long personId) {
        return search(criteria, page, sort, personId, true);
    }

    /** {@code organizationFirst = false} forces the plain plan (for tests that compare both). */
    PageResult<CadreRow> search(CadreCriteria criteria, PageRequest page, String sort, Long personId, boolean organizationFirst) {
        LocalDate today = LocalDate.now();
        Filter filter = filter(criteria, today);
        if (organizationFirst && personId == null && "c.person_id".equals(orderBy(sort)) && filter.restrictsOrganizations()) {
            Map<String, Object> params = new HashMap<>(filter.params());
            params.put("limit", page.size());
            params.put("offset", page.offset());
            params.put("perOrganization", page.offset() + page.size());
            // One pass over the subtree's organizations gives the total and each one's first ids (the page and
            // the count each walked them before: a county's ~1,000 organizations twice a request).
            Map.Entry<Long, List<Long>> pass = jdbc.queryForObject("""
                    WITH per_org AS (
                        SELECT x.n, x.first FROM org_organization o
                        CROSS JOIN LATERAL (SELECT count(*) AS n,
                                                   (array_agg(c.person_id ORDER BY c.person_id))[1:(CAST(:perOrganization AS int))] AS first
                                            FROM cadre_profile c JOIN person_view p ON p.id = c.person_id
                                            WHERE c.org_id = o.id AND %s) x
                        WHERE %s AND x.n > 0)
                    SELECT coalesce((SELECT sum(n) FROM per_org), 0),
                           ARRAY(SELECT id FROM per_org CROSS JOIN LATERAL unnest(per_org.first) AS id ORDER BY id LIMIT :limit OFFSET :offset)
                    """.formatted(filter.cadreSql(), filter.orgSql()), params,
                    (rs, n) -> Map.entry(rs.getLong(1), List.of((Long[]) rs.getArray(2).getArray())));
            List<CadreRow> rows = pass.getValue().isEmpty() ? List.of() : jdbc.query("SELECT " + COLUMNS + FROM
                    + "WHERE c.person_id IN (:ids) ORDER BY c.person_id", Map.of("ids", pass.getValue(), "today", today), this::row);
            return PageResult.of(rows, page, pass.getKey());
        }
        SqlCondition where = filter.flat();
        if (personId != null) {
            Map<String, Object> p = new HashMap<>(where.params());
            p.put("onlyPerson", personId);
            where = new SqlCondition(where.sql() + " AND c.person_id = :onlyPerson", p);
        }
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<CadreRow> rows = jdbc.query("SELECT " + COLUMNS + FROM + "WHERE " + where.sql() + " ORDER BY " + orderBy(sort)
                + " LIMIT :limit OFFSET :offset", params, this::row);
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : count(where);
        return PageResult.of(rows, page, total);
    }

    long count(CadreCriteria criteria) {
        Filter filter = filter(criteria, LocalDate.now());
        return filter.restrictsOrganizations() ? countByOrganization(filter) : count(filter.flat());
    }

    /** The count as a sum over the subtree's organizations, each counted through {@code cadre_profile_org_idx}. */
    private long countByOrganization(Filter filter) {
        Long n = jdbc.queryForObject("""
                SELECT coalesce(sum(x.n), 0) FROM org_organization o
                CROSS JOIN LATERAL (SELECT count(*) AS n FROM cadre_profile c JOIN person_view p ON p.id = c.person_id
                                    WHERE c.org_id = o.id AND %s) x
                WHERE %s""".formatted(filter.cadreSql(), filter.orgSql()), filter.params(), Long.class);
        return n == null ? 0 : n;
    }

    private long count(SqlCondition where) {
        Long n = jdbc.queryForObject("SELECT count(*) " + FROM + "WHERE " + where.sql(), where.params(), Long.class);
        return n == null ? 0 : n;
    }

    /** Streams every match in order (for the roster and the zip export) without holding them all. */
    void forEach(CadreCriteria criteria, String sort, Consumer<CadreRow> consumer) {
        forEachWhere(where(criteria, LocalDate.now()), sort, consumer);
    }

    /** Streams the rows matching a condition built by {@link #where} (possibly narrowed further). */
    void forEachWhere(SqlCondition where, String sort, Consumer<CadreRow> consumer) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.putIfAbsent("today", LocalDate.now());
        jdbc.query("SELECT " + COLUMNS + FROM + "WHERE " + where.sql() + " ORDER BY " + orderBy(sort), params,
                (RowCallbackHandler) rs -> consumer.accept(row(rs, 0)));
    }

    /** Ids of every match, in order. */
    List<Long> ids(CadreCriteria criteria) {
        SqlCondition where = where(criteria, LocalDate.now());
        return jdbc.queryForList("SELECT c.person_id " + FROM + "WHERE " + where.sql() + " ORDER BY c.person_id", where.params(), Long.class);
    }

    /**
     * The search's conditions: those on the unit's organization {@code o} (jurisdiction, chosen subtree)
     * apart from those on the cadre {@code c} and the person {@code p}, so that the organization-first
     * statements can put them on either side of the LATERAL.
     */
    record Filter(List<String> orgTerms, List<String> cadreTerms, Map<String, Object> params) {

        boolean restrictsOrganizations() {
            return !orgTerms.isEmpty();
        }

        String orgSql() {
            return String.join(" AND ", orgTerms);
        }

        String cadreSql() {
            return String.join(" AND ", cadreTerms);
        }

        /** Every condition in one, over {@code c}, {@code o} and {@code p} joined. */
        SqlCondition flat() {
            List<String> all = new ArrayList<>(cadreTerms.subList(0, 1));
            all.addAll(orgTerms);
            all.addAll(cadreTerms.subList(1, cadreTerms.size()));
            return new SqlCondition(String.join(" AND ", all), params);
        }
    }

    SqlCondition where(CadreCriteria f, LocalDate today) {
        return filter(f, today).flat();
    }

    Filter filter(CadreCriteria f, LocalDate today) {
        List<String> orgTerms = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        terms.add("p.active");
        scope.organizations().ifPresent(c -> {
            orgTerms.add(c.sql());
            params.putAll(c.params());
        });
        if (f.orgId() != null) {
            OrganizationSummary org = organizations.requireVisible(f.orgId());
            orgTerms.add("o.path LIKE :subtree");
            params.put("subtree", LikePattern.startingWith(org.path()));
        }
        if (f.name() != null) {
            terms.add("p.name LIKE :name");
            params.put("name", LikePattern.startingWith(f.name()));
        }
        if (f.ageMin() != null) {
            terms.add("p.birth_date <= :bornBy");
            params.put("bornBy", today.minusYears(f.ageMin()));
        }
        if (f.ageMax() != null) {
            terms.add("p.birth_date > :bornAfter");
            params.put("bornAfter", today.minusYears(f.ageMax() + 1L));
        }
        if (f.sex() != null) {
            terms.add("p.sex = :sex");
            params.put("sex", f.sex());
        }
        if ("minority".equals(f.ethnicity())) {
            terms.add("p.ethnicity <> '01'");
        } else if (f.ethnicity() != null) {
            terms.add("p.ethnicity = :ethnicity");
            params.put("ethnicity", f.ethnicity());
        }
        if (f.education() != null) {
            terms.add(f.education().length() == 1 ? "p.education LIKE :education" : "p.education = :education");
            params.put("education", f.education().length() == 1 ? f.education() + "%" : f.education());
        }
        if ("nonCpc".equals(f.politicalStatus())) {
            terms.add("p.political_status NOT IN ('01', '02')");
        } else if (f.politicalStatus() != null) {
            terms.add("p.political_status = :political");
            params.put("political", f.politicalStatus());
        }
        if (f.rank() != null) {
            terms.add("c.rank = :rank");
            params.put("rank", f.rank());
        }
        if (f.postLevel() != null) {
            terms.add("c.post_level = :postLevel");
            params.put("postLevel", f.postLevel());
        }
        if (f.category() != null) {
            terms.add("c.category = :category");
            params.put("category", f.category());
        }
        if (f.managementLevel() != null) {
            terms.add("c.management_level = :managementLevel");
            params.put("managementLevel", f.managementLevel());
        }
        if (f.yearsInPostMin() != null) {
            terms.add("c.post_since <= :postSince");
            params.put("postSince", today.minusYears(f.yearsInPostMin()));
        }
        if (f.yearsInRankMin() != null) {
            terms.add("c.rank_since <= :rankSince");
            params.put("rankSince", today.minusYears(f.yearsInRankMin()));
        }
        if (f.sanctioned() != null) {
            terms.add((f.sanctioned() ? "" : "NOT ") + """
                    EXISTS (SELECT 1 FROM cadre_record r WHERE r.person_id = c.person_id AND r.kind <> '奖励'
                            AND coalesce(r.effect_start, r.decided_on) <= :today AND (r.effect_end IS NULL OR r.effect_end >= :today))""");
        }
        if (Boolean.TRUE.equals(f.frontline())) {
            terms.add("EXISTS (SELECT 1 FROM cadre_frontline fl WHERE fl.person_id = c.person_id AND fl.outcome = '已认定')");
        }
        return new Filter(List.copyOf(orgTerms), List.copyOf(terms), params);
    }

    private static String orderBy(String sort) {
        return switch (sort == null ? "" : sort) {
            case "name" -> "p.name, c.person_id";
            case "age" -> "p.birth_date, c.person_id";
            case "-age" -> "p.birth_date DESC, c.person_id";
            case "postSince" -> "c.post_since NULLS LAST, c.person_id";
            case "rankSince" -> "c.rank_since NULLS LAST, c.person_id";
            case "org" -> "o.path, c.person_id";
            default -> "c.person_id";
        };
    }

    private CadreRow row(ResultSet rs, int n) throws SQLException {
        return new CadreRow(rs.getLong("person_id"), rs.getString("name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("ethnicity"), rs.getString("native_place"),
                rs.getString("education"), rs.getString("political_status"), rs.getObject("party_join_date", LocalDate.class),
                rs.getObject("work_start_date", LocalDate.class), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("current_post_text"), named(RankLeadingPost.class, rs.getString("post_level")),
                rs.getObject("post_since", LocalDate.class), named(Rank.class, rs.getString("rank")),
                rs.getObject("rank_since", LocalDate.class), named(CadreCategory.class, rs.getString("category")),
                named(ManagementLevel.class, rs.getString("management_level")), rs.getString("professional_title"),
                RetirementGroup.valueOf(rs.getString("retirement_group")), rs.getBoolean("sanctioned"),
                rs.getBoolean("frontline"));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
