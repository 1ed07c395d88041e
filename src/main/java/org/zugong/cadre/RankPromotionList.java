package org.zugong.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.db.SqlCondition;

/**
 * F14: who may be promoted to the next rank on a chosen date (职级规定2019 Art.18–22), with the reason
 * for each cadre. The cadres are the visible 公务员/参公 holding a rank or a leading post; their annual
 * results and measures are read in one query each over the same scope, then {@link RankEligibility}
 * decides per person in memory.
 */
@Service
@Transactional(readOnly = true)
class RankPromotionList {

    /** One cadre's answer; {@code current} is the rank, or the leading post for a cadre without a rank. */
    public record Entry(CadreRow cadre, RankPosition current, LocalDate since, RankEligibilityResult result) {
    }

    private static final String SCOPE = """
            FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
            """;
    private static final String CANDIDATES = " AND c.category IN ('公务员', '参公') AND (c.rank IS NOT NULL OR c.post_level IS NOT NULL)";

    private final CadreSearch search;
    private final NamedParameterJdbcTemplate jdbc;
    private final RankEligibility eligibility = RankEligibility.standard();

    RankPromotionList(CadreSearch search, NamedParameterJdbcTemplate jdbc) {
        this.search = search;
        this.jdbc = jdbc;
    }

    List<Entry> evaluate(CadreCriteria criteria, LocalDate onDate, Boolean eligibleOnly) {
        SqlCondition where = search.where(criteria, LocalDate.now());
        String condition = " WHERE " + where.sql() + CANDIDATES;
        Map<Long, Map<Integer, RankAssessmentResult>> results = new HashMap<>();
        jdbc.query("SELECT a.person_id, a.year, a.code FROM cadre_annual_result a JOIN cadre_profile c ON c.person_id = a.person_id "
                        + "JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id" + condition,
                where.params(), (RowCallbackHandler) rs -> results.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getInt(2), AnnualGrade.ofCode(rs.getString(3)).map(AnnualGrade::forRank).orElse(RankAssessmentResult.未考核)));
        Map<Long, List<RankRestriction>> restrictions = new HashMap<>();
        jdbc.query("SELECT r.person_id, r.kind, coalesce(r.effect_start, r.decided_on), r.effect_end FROM cadre_record r "
                        + "JOIN cadre_profile c ON c.person_id = r.person_id JOIN org_organization o ON o.id = c.org_id "
                        + "JOIN person_view p ON p.id = c.person_id" + condition + " AND r.kind <> '奖励'",
                where.params(), (RowCallbackHandler) rs -> {
                    LocalDate start = rs.getObject(3, LocalDate.class);
                    LocalDate end = rs.getObject(4, LocalDate.class);
                    restrictions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RankRestriction(
                            CadreRecordKind.valueOf(rs.getString(2)).restriction(), start, end != null && end.isBefore(start) ? start : end));
                });
        List<Entry> entries = new ArrayList<>();
        search.forEachWhere(new SqlCondition(where.sql() + CANDIDATES, where.params()), "org", row -> {
            RankPosition current = row.rank() != null ? row.rank() : row.postLevel();
            LocalDate since = row.rank() != null ? row.rankSince() : row.postSince();
            if (current == null || since == null) {
                return;
            }
            RankCandidate candidate = new RankCandidate(current, since, results.getOrDefault(row.personId(), Map.of()),
                    restrictions.getOrDefault(row.personId(), List.of()));
            RankEligibilityResult result = eligibility.evaluate(candidate, onDate);
            if (eligibleOnly == null || eligibleOnly == result.eligible()) {
                entries.add(new Entry(row, current, since, result));
            }
        });
        entries.sort(Comparator.comparing((Entry e) -> !e.result().eligible()).thenComparing(e -> e.cadre().orgName())
                .thenComparing(e -> e.cadre().personId()));
        return entries;
    }
}
