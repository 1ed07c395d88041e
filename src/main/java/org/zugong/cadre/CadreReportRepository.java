package org.zugong.cadre;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;

/**
 * The queries of the cadre reports (退休提醒, 班子结构). Each is one statement over the scoped cadre
 * tables: no per-cadre or per-unit queries, no loading of all cadres.
 */
@Repository
class CadreReportRepository {

    private final JdbcClient jdbc;

    CadreReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- 退休提醒 ----------------------------------------------------------------------------------

    /** A retirement list's filter: the birth ranges of the window, the jurisdiction, a subtree. */
    record RetirementFilter(RetirementBirthRanges ranges, Optional<SqlCondition> scope, String subtreePath) {
    }

    /** A cadre of a retirement list, with the retirement month the SQL ordered by. */
    record RetirementHit(long personId, String name, String sex, LocalDate birthDate, long orgId, String orgName,
                         String currentPost, RetirementGroup group, YearMonth retirementMonth) {
    }

    private static final String RETIREMENT_FROM = """
            FROM cadre_profile c
            JOIN person_view p ON p.id = c.person_id
            JOIN org_organization o ON o.id = c.org_id
            JOIN unnest(CAST(:mGroups AS text[]), CAST(:mBirths AS date[]), CAST(:mMonths AS date[])) AS m(grp, birth, retire)
              ON m.grp = c.retirement_group AND m.birth = CAST(date_trunc('month', p.birth_date) AS date)
            """;

    List<RetirementHit> retirementPage(RetirementFilter filter, long offset, int limit) {
        SqlCondition where = retirementWhere(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(RETIREMENT_SELECT + RETIREMENT_FROM + " WHERE " + where.sql()
                        + " ORDER BY m.retire, p.name, c.person_id LIMIT :limit OFFSET :offset")
                .params(params).query(CadreReportRepository::retirementHit).list();
    }

    long retirementCount(RetirementFilter filter) {
        SqlCondition where = retirementWhere(filter);
        return jdbc.sql("SELECT count(*) " + RETIREMENT_FROM + " WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** Every cadre of the list in list order, at most {@code limit} (for exports). */
    void retirementStream(RetirementFilter filter, int limit, Consumer<RetirementHit> consumer) {
        SqlCondition where = retirementWhere(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        jdbc.sql(RETIREMENT_SELECT + RETIREMENT_FROM + " WHERE " + where.sql() + " ORDER BY m.retire, p.name, c.person_id LIMIT :limit")
                .params(params).withFetchSize(1000)
                .query((RowCallbackHandler) rs -> consumer.accept(retirementHit(rs, 0)));
    }

    private static final String RETIREMENT_SELECT = """
            SELECT c.person_id, p.name, p.sex, p.birth_date, c.org_id, o.name AS org_name, c.current_post_text,
                   c.retirement_group, m.retire
            """;

    /**
     * {@code p.active AND ((c.retirement_group = :g0 AND p.birth_date >= :f0 AND p.birth_date < :t0) OR …)}
     * plus jurisdiction and subtree, all bound; the join on the birth-month table orders by the Java result.
     */
    static SqlCondition retirementWhere(RetirementFilter filter) {
        Map<String, Object> params = new HashMap<>();
        List<String> terms = new ArrayList<>();
        terms.add("p.active");
        List<String> ors = new ArrayList<>();
        List<RetirementBirthRanges.Range> ranges = filter.ranges().ranges();
        for (int i = 0; i < ranges.size(); i++) {
            RetirementBirthRanges.Range r = ranges.get(i);
            ors.add("(c.retirement_group = :g" + i + " AND p.birth_date >= :f" + i + " AND p.birth_date < :t" + i + ")");
            params.put("g" + i, r.group().name());
            params.put("f" + i, r.fromBirth().atDay(1));
            params.put("t" + i, r.toBirth().atDay(1));
        }
        terms.add(ors.isEmpty() ? "FALSE" : "(" + String.join(" OR ", ors) + ")");
        filter.scope().ifPresent(s -> {
            terms.add(s.sql());
            params.putAll(s.params());
        });
        if (filter.subtreePath() != null) {
            terms.add("o.path LIKE :subtree");
            params.put("subtree", LikePattern.startingWith(filter.subtreePath()));
        }
        List<RetirementBirthRanges.Entry> entries = filter.ranges().entries();
        params.put("mGroups", array(entries.stream().map(e -> e.group().name()).toList()));
        params.put("mBirths", array(entries.stream().map(e -> e.birth().atDay(1).toString()).toList()));
        params.put("mMonths", array(entries.stream().map(e -> e.retirement().atDay(1).toString()).toList()));
        return new SqlCondition(String.join(" AND ", terms), params);
    }

    private static RetirementHit retirementHit(ResultSet rs, int n) throws SQLException {
        return new RetirementHit(rs.getLong("person_id"), rs.getString("name"), rs.getString("sex"),
                rs.getDate("birth_date").toLocalDate(), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("current_post_text"), RetirementGroup.valueOf(rs.getString("retirement_group")),
                YearMonth.from(rs.getDate("retire").toLocalDate()));
    }

    // ---- 班子结构 ----------------------------------------------------------------------------------

    /** A member row of a team as read: the highest current leading post of the person in the unit. */
    record MemberRow(long personId, String name, String title, RankLeadingPost level, LocalDate postStart, String sex,
                     LocalDate birthDate, String ethnicity, String education, String politicalStatus, String specialty) {
    }

    /** Members of the unit's team: persons with a current leading post there, the highest post each. */
    List<MemberRow> teamMembers(long orgId) {
        return jdbc.sql("""
                SELECT * FROM (
                  SELECT DISTINCT ON (cp.person_id) cp.person_id, cp.title, cp.post_level, cp.start_date,
                         array_position(CAST(:levels AS text[]), cp.post_level) AS lvl,
                         p.name, p.sex, p.birth_date, p.ethnicity, p.education, p.political_status, c.specialty
                  FROM cadre_post cp
                  JOIN cadre_profile c ON c.person_id = cp.person_id
                  JOIN person_view p ON p.id = cp.person_id
                  WHERE cp.org_id = :org AND cp.end_date IS NULL AND cp.post_level IS NOT NULL AND p.active
                  ORDER BY cp.person_id, lvl, cp.start_date
                ) x ORDER BY lvl, start_date, name, person_id""")
                .param("levels", CadreRepository.levelOrder()).param("org", orgId)
                .query((rs, n) -> new MemberRow(rs.getLong("person_id"), rs.getString("name"), rs.getString("title"),
                        RankLeadingPost.valueOf(rs.getString("post_level")), rs.getDate("start_date").toLocalDate(),
                        rs.getString("sex"), rs.getDate("birth_date").toLocalDate(), rs.getString("ethnicity"),
                        rs.getString("education"), rs.getString("political_status"), rs.getString("specialty")))
                .list();
    }

    /** The filter of the list of teams with gaps, with the rule parameters. */
    record GapFilter(Optional<SqlCondition> scope, String subtreePath, int womanMin, int youngMin, int nonPartyMin,
                     List<LocalDate> youngCutoffs) {
    }

    /** A team's figures as grouped in SQL: enough to name its gaps. */
    record TeamSummary(long orgId, String orgName, int members, RankLeadingPost topLevel, int women, int nonParty,
                       LocalDate youngestBirth) {
    }

    /**
     * The units whose teams have a gap, in tree order: one grouping over the current leading posts of
     * the subtree (the partial index {@code cadre_post_current_org_idx} per unit), the gap tests on
     * the grouped counts. A team has a young member when its youngest member was born after the
     * cutoff of its level ({@code youngCutoffs}, by position of the level in {@link RankLeadingPost}).
     */
    List<TeamSummary> teamsWithGaps(GapFilter filter, long offset, int limit) {
        Map<String, Object> params = gapParams(filter);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(gapQuery(filter) + """
                SELECT g.*, o.name AS org_name FROM g JOIN org_organization o ON o.id = g.org_id
                WHERE g.no_woman OR g.no_young OR g.no_non_party
                ORDER BY o.path LIMIT :limit OFFSET :offset""")
                .params(params)
                .query((rs, n) -> new TeamSummary(rs.getLong("org_id"), rs.getString("org_name"), rs.getInt("members"),
                        RankLeadingPost.values()[rs.getInt("top_lvl") - 1], rs.getInt("women"), rs.getInt("non_party"),
                        rs.getDate("youngest_birth").toLocalDate()))
                .list();
    }

    long countTeamsWithGaps(GapFilter filter) {
        return jdbc.sql(gapQuery(filter) + " SELECT count(*) FROM g WHERE g.no_woman OR g.no_young OR g.no_non_party")
                .params(gapParams(filter)).query(Long.class).single();
    }

    private static String gapQuery(GapFilter filter) {
        List<String> terms = new ArrayList<>(List.of("cp.end_date IS NULL", "cp.post_level IS NOT NULL", "p.active"));
        filter.scope().ifPresent(s -> terms.add(s.sql()));
        if (filter.subtreePath() != null) {
            terms.add("o.path LIKE :subtree");
        }
        return """
                WITH m AS (
                  SELECT DISTINCT ON (cp.org_id, cp.person_id) cp.org_id, cp.person_id,
                         array_position(CAST(:levels AS text[]), cp.post_level) AS lvl, p.sex, p.birth_date, p.political_status
                  FROM cadre_post cp
                  JOIN org_organization o ON o.id = cp.org_id
                  JOIN person_view p ON p.id = cp.person_id
                  WHERE %s
                  ORDER BY cp.org_id, cp.person_id, lvl
                ), t AS (
                  SELECT org_id, count(*) AS members, min(lvl) AS top_lvl,
                         count(*) FILTER (WHERE sex = '2') AS women,
                         count(*) FILTER (WHERE political_status IS NOT NULL AND political_status NOT IN ('01', '02')) AS non_party,
                         max(birth_date) AS youngest_birth
                  FROM m GROUP BY org_id
                ), g AS (
                  SELECT t.*,
                         (members >= :womanMin AND women = 0) AS no_woman,
                         (members >= :youngMin AND youngest_birth <= (CAST(:youngCutoffs AS date[]))[top_lvl]) AS no_young,
                         (members >= :nonPartyMin AND non_party = 0) AS no_non_party
                  FROM t
                )
                """.formatted(String.join(" AND ", terms));
    }

    private static Map<String, Object> gapParams(GapFilter filter) {
        Map<String, Object> params = new HashMap<>();
        filter.scope().ifPresent(s -> params.putAll(s.params()));
        if (filter.subtreePath() != null) {
            params.put("subtree", LikePattern.startingWith(filter.subtreePath()));
        }
        params.put("levels", CadreRepository.levelOrder());
        params.put("womanMin", filter.womanMin());
        params.put("youngMin", filter.youngMin());
        params.put("nonPartyMin", filter.nonPartyMin());
        params.put("youngCutoffs", array(filter.youngCutoffs().stream().map(LocalDate::toString).toList()));
        return params;
    }

    /** A PostgreSQL array literal of plain tokens (enum names, ISO dates: nothing to quote). */
    static String array(List<String> values) {
        return values.stream().collect(Collectors.joining(",", "{", "}"));
    }
}
