package org.zugong.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.person.Persons;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * F23 「"大数据+动态考核"全面了解公务员现实表现」: a person's dynamic profile and a period's grade
 * distribution with its outliers. Each view is a few statements whatever the size of the subtree.
 */
@Service
@Transactional(readOnly = true)
class AssessmentProfiles {

    static final int FALLING_LIMIT = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final AssessmentScope scope;
    private final AssessmentPeriods periods;
    private final Persons persons;
    private final AuditLog audit;

    AssessmentProfiles(NamedParameterJdbcTemplate jdbc, AssessmentScope scope, AssessmentPeriods periods, Persons persons, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.periods = periods;
        this.persons = persons;
        this.audit = audit;
    }

    // ---- the person's profile -------------------------------------------------------------------

    AssessmentProfile profile(long personId) {
        SqlCondition j = scope.condition();
        Map<String, Object> p = new HashMap<>(j.params());
        p.put("person", personId);
        List<AssessmentProfile.Entry> entries = jdbc.query("""
                SELECT r.period_id, a.kind, a.year, a.quarter, a.name AS period_name, r.org_id, o.name AS org_name, r.score, r.grade
                FROM assessment_result r JOIN assessment_period a ON a.id = r.period_id JOIN org_organization o ON o.id = r.org_id
                WHERE r.person_id = :person AND r.stage = 'CONFIRMED' AND r.included AND """ + " " + j.sql() + "\n" + """
                 ORDER BY a.year, coalesce(a.quarter, 5), a.id""", p, (rs, n) -> {
            PeriodKind kind = PeriodKind.valueOf(rs.getString("kind"));
            String grade = rs.getString("grade");
            return new AssessmentProfile.Entry(rs.getLong("period_id"), kind, rs.getInt("year"), (Integer) rs.getObject("quarter"),
                    rs.getString("period_name"), rs.getLong("org_id"), rs.getString("org_name"), rs.getBigDecimal("score"), grade,
                    gradeName(kind, grade), GradeLevel.level(kind, grade));
        });
        if (entries.isEmpty() && !anyVisibleResult(personId, j) && !persons.isVisible(personId)) {
            audit.recordAlone("ACCESS_DENIED", "assessment_profile", personId, "考核档案的人员不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("人员", personId);
        }
        Map<String, Object> person = jdbc.queryForMap("""
                SELECT p.name, o.name AS org_name, c.category FROM person_view p JOIN org_organization o ON o.id = p.org_id
                LEFT JOIN cadre_view c ON c.person_id = p.id WHERE p.id = :person""", Map.of("person", personId));
        List<AssessmentProfile.Percentile> percentiles = new ArrayList<>();
        for (PeriodKind kind : List.of(PeriodKind.ANNUAL, PeriodKind.ROUTINE)) {
            entries.stream().filter(e -> e.kind() == kind).max(Comparator.comparingInt(AssessmentProfile.Entry::timeKey))
                    .map(e -> percentile(personId, e)).ifPresent(percentiles::add);
        }
        return new AssessmentProfile(personId, (String) person.get("name"), (String) person.get("org_name"), (String) person.get("category"),
                entries, percentiles, falls(entries), ProfileChart.of(entries));
    }

    private boolean anyVisibleResult(long personId, SqlCondition j) {
        Map<String, Object> p = new HashMap<>(j.params());
        p.put("person", personId);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM assessment_result r JOIN org_organization o ON o.id = r.org_id "
                + "WHERE r.person_id = :person AND " + j.sql() + ")", p, Boolean.class));
    }

    /**
     * The person's percent_rank by score among the confirmed, scored results of the period with the
     * same cadre category, in the unit and in the county — one statement: the county is the nearest
     * ancestor of kind COUNTY of the assessing unit, else of kind CITY, else the root.
     */
    private AssessmentProfile.Percentile percentile(long personId, AssessmentProfile.Entry e) {
        if (e.score() == null) {
            return new AssessmentProfile.Percentile(e.kind(), e.periodId(), e.periodName(), null, e.orgName(), 0, null, null, 0, null);
        }
        Map<String, Object> p = Map.of("period", e.periodId(), "person", personId);
        List<AssessmentProfile.Percentile> rows = jdbc.query("""
                WITH me AS (
                  SELECT r.org_id, c.category, coalesce(a.path, '/' || split_part(o.path, '/', 2) || '/') AS area_path,
                         coalesce(a.name, root.name) AS area_name
                  FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
                  LEFT JOIN cadre_view c ON c.person_id = r.person_id
                  LEFT JOIN LATERAL (SELECT x.path, x.name FROM org_organization x
                                     WHERE x.id = ANY (CAST(string_to_array(trim(BOTH '/' FROM o.path), '/') AS bigint[]))
                                       AND x.kind IN ('COUNTY', 'CITY')
                                     ORDER BY (x.kind = 'COUNTY') DESC, x.depth DESC LIMIT 1) a ON TRUE
                  LEFT JOIN org_organization root ON root.id = CAST(split_part(o.path, '/', 2) AS bigint)
                  WHERE r.period_id = :period AND r.person_id = :person
                ), peers AS (
                  SELECT r.person_id, r.org_id,
                         percent_rank() OVER (ORDER BY r.score) AS area_rank, count(*) OVER () AS area_peers,
                         percent_rank() OVER (PARTITION BY r.org_id ORDER BY r.score) AS unit_rank,
                         count(*) OVER (PARTITION BY r.org_id) AS unit_peers
                  FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
                  LEFT JOIN cadre_view c ON c.person_id = r.person_id, me
                  WHERE r.period_id = :period AND r.stage = 'CONFIRMED' AND r.included AND r.score IS NOT NULL
                    AND o.path LIKE me.area_path || '%' AND c.category IS NOT DISTINCT FROM me.category
                )
                SELECT peers.*, me.area_name FROM peers, me WHERE peers.person_id = :person""", p, (rs, n) ->
                new AssessmentProfile.Percentile(e.kind(), e.periodId(), e.periodName(), e.score(), e.orgName(), rs.getInt("unit_peers"),
                        rank(rs.getDouble("unit_rank")), rs.getString("area_name"), rs.getInt("area_peers"), rank(rs.getDouble("area_rank"))));
        return rows.isEmpty() ? new AssessmentProfile.Percentile(e.kind(), e.periodId(), e.periodName(), e.score(), e.orgName(), 0, null, null, 0, null)
                : rows.getFirst();
    }

    private static BigDecimal rank(double r) {
        return BigDecimal.valueOf(r).setScale(4, RoundingMode.HALF_UP);
    }

    /** Falls of two levels or more between consecutive quarters (routine) or years (annual). */
    static List<AssessmentProfile.Fall> falls(List<AssessmentProfile.Entry> entries) {
        List<AssessmentProfile.Fall> falls = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            List<AssessmentProfile.Entry> series = entries.stream().filter(e -> e.kind() == kind && e.level() != null)
                    .sorted(Comparator.comparingInt(AssessmentProfile.Entry::timeKey)).toList();
            for (int i = 1; i < series.size(); i++) {
                AssessmentProfile.Entry before = series.get(i - 1);
                AssessmentProfile.Entry after = series.get(i);
                int drop = before.level() - after.level();
                if (after.timeKey() - before.timeKey() == 1 && drop >= GradeLevel.FALL) {
                    falls.add(new AssessmentProfile.Fall(kind, before.periodName(), before.gradeName(), after.periodName(), after.gradeName(), drop));
                }
            }
        }
        return falls;
    }

    static String gradeName(PeriodKind kind, String grade) {
        if (grade == null) {
            return "";
        }
        return kind == PeriodKind.ANNUAL ? org.zugong.cadre.AnnualGrade.ofCode(grade).map(org.zugong.cadre.AnnualGrade::chineseName).orElse(grade) : grade;
    }

    // ---- a period's distribution ----------------------------------------------------------------

    GradeDistribution distribution(long periodId, Long orgId, PageRequest page) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        SqlCondition where = periods.where(period, orgId);
        String orgName = orgId == null ? null : scope.requireUnit(period, orgId).name();
        List<GradeLevel.Bucket> buckets = GradeLevel.buckets(period.kind());
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("period", periodId);
        p.put("top", GradeLevel.top(period.kind()));
        p.put("annual", period.annual());
        p.put("defaultPercent", AssessmentPeriods.quotaPercent(period, null));
        p.put("offset", page.offset());
        p.put("limit", page.size());
        StringBuilder counts = new StringBuilder();
        StringBuilder totals = new StringBuilder();
        for (int i = 0; i < buckets.size(); i++) {
            GradeLevel.Bucket b = buckets.get(i);
            List<String> terms = new ArrayList<>();
            for (int k = 0; k < b.grades().size(); k++) {
                String name = "g" + i + "_" + k;
                terms.add(b.prefix() ? "r.grade LIKE :" + name : "r.grade = :" + name);
                p.put(name, b.prefix() ? b.grades().get(k) + "%" : b.grades().get(k));
            }
            counts.append(", count(*) FILTER (WHERE r.included AND (").append(String.join(" OR ", terms)).append(")) AS g").append(i);
            totals.append(", sum(u.g").append(i).append(") OVER () AS t_g").append(i);
        }
        // One pass over the period's results in the subtree (index assessment_result_org_idx: the
        // subtree's units are found by path, each unit's rows by (period_id, org_id), stage/grade/included
        // come from the index). Returned: the requested page of units, every flagged unit, and row 1 (for
        // the totals, which every row carries).
        String sql = """
                WITH u AS (
                  SELECT r.org_id, count(*) FILTER (WHERE r.included) AS included,
                    count(*) FILTER (WHERE r.included AND r.grade IS NOT NULL) AS graded,
                    count(*) FILTER (WHERE r.included AND r.stage = 'CONFIRMED') AS confirmed,
                    count(*) FILTER (WHERE r.included AND (r.grade IS NULL OR r.grade NOT LIKE '5%' AND r.grade NOT LIKE '6%')) AS assessed,
                    count(*) FILTER (WHERE r.included AND r.grade = :top) AS top""" + counts + "\n" + """
                  FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
                  WHERE r.period_id = :period AND""" + " " + where.sql() + """
                  GROUP BY r.org_id
                ), f AS (
                  SELECT u.*, o.name AS org_name, o.path, q.percent IS NOT NULL AND :annual AS approved,
                    coalesce(CASE WHEN :annual THEN q.percent END, CAST(:defaultPercent AS int)) AS percent,
                    row_number() OVER (ORDER BY o.path) AS rn, count(*) OVER () AS units,
                    sum(u.included) OVER () AS t_included, sum(u.graded) OVER () AS t_graded, sum(u.confirmed) OVER () AS t_confirmed"""
                + totals + "\n" + """
                  FROM u JOIN org_organization o ON o.id = u.org_id
                  LEFT JOIN assessment_quota_approval q ON q.period_id = :period AND q.org_id = u.org_id
                ), flagged AS (
                  SELECT f.*, (f.percent IS NOT NULL AND f.top > f.assessed * f.percent / 100) AS over_quota,
                    (f.graded >= 3 AND f.top = f.graded) AS all_top
                  FROM f
                )
                SELECT * FROM flagged WHERE (rn > :offset AND rn <= :offset + :limit) OR over_quota OR all_top OR rn = 1 ORDER BY rn""";
        List<Map<String, Object>> rows = jdbc.queryForList(sql, p);
        List<GradeDistribution.Unit> pageRows = new ArrayList<>();
        List<GradeDistribution.Unit> overQuota = new ArrayList<>();
        List<GradeDistribution.Unit> allTop = new ArrayList<>();
        long total = 0;
        GradeDistribution.Counts totalCounts = new GradeDistribution.Counts(0, 0, 0, grades(buckets, new long[buckets.size()], 0));
        for (Map<String, Object> r : rows) {
            long rn = num(r, "rn");
            total = num(r, "units");
            if (rn == 1) {
                long[] t = new long[buckets.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = num(r, "t_g" + i);
                }
                totalCounts = new GradeDistribution.Counts(num(r, "t_included"), num(r, "t_graded"), num(r, "t_confirmed"),
                        grades(buckets, t, num(r, "t_graded")));
            }
            GradeDistribution.Unit unit = unit(buckets, r);
            if (rn > page.offset() && rn <= page.offset() + page.size()) {
                pageRows.add(unit);
            }
            if (unit.overQuota()) {
                overQuota.add(unit);
            }
            if (unit.allTop()) {
                allTop.add(unit);
            }
        }
        return new GradeDistribution(periodId, period.orgName() + " " + period.name(), period.kind(), orgId, orgName, totalCounts,
                PageResult.of(pageRows, page, total), overQuota, allTop, falling(period, where));
    }

    private static GradeDistribution.Unit unit(List<GradeLevel.Bucket> buckets, Map<String, Object> r) {
        long[] g = new long[buckets.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = num(r, "g" + i);
        }
        long graded = num(r, "graded");
        int assessed = (int) num(r, "assessed");
        Integer percent = r.get("percent") == null ? null : ((Number) r.get("percent")).intValue();
        return new GradeDistribution.Unit(num(r, "org_id"), (String) r.get("org_name"),
                new GradeDistribution.Counts(num(r, "included"), graded, num(r, "confirmed"), grades(buckets, g, graded)), assessed, percent,
                Boolean.TRUE.equals(r.get("approved")), percent == null ? null : AssessmentRules.allowed(assessed, percent), num(r, "top"),
                Boolean.TRUE.equals(r.get("over_quota")), Boolean.TRUE.equals(r.get("all_top")));
    }

    private static List<GradeDistribution.GradeCount> grades(List<GradeLevel.Bucket> buckets, long[] counts, long graded) {
        List<GradeDistribution.GradeCount> list = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            double percent = graded == 0 ? 0 : BigDecimal.valueOf(counts[i] * 100.0 / graded).setScale(1, RoundingMode.HALF_UP).doubleValue();
            list.add(new GradeDistribution.GradeCount(buckets.get(i).label(), counts[i], percent));
        }
        return list;
    }

    /**
     * People of the period in the subtree whose grade (proposed or confirmed) lies two levels or more
     * below their confirmed grade of the previous period of the same kind (the quarter before, the year
     * before). The previous results are found by primary key (period_id, person_id).
     */
    private List<GradeDistribution.FallingPerson> falling(AssessmentPeriod period, SqlCondition where) {
        int prevYear = period.annual() ? period.year() - 1 : period.quarter() == 1 ? period.year() - 1 : period.year();
        int prevQuarter = period.annual() ? 0 : period.quarter() == 1 ? 4 : period.quarter() - 1;
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("period", period.id());
        p.put("kind", period.kind().name());
        p.put("prevYear", prevYear);
        p.put("prevQuarter", prevQuarter);
        p.put("fall", GradeLevel.FALL);
        p.put("limit", FALLING_LIMIT);
        // The previous periods first (a few rows), so that each result finds its previous one by primary key
        // instead of reading every result the person ever had (issue 8: the dashboard's costliest statement).
        List<Long> previous = jdbc.queryForList("""
                SELECT id FROM assessment_period WHERE kind = :kind AND year = :prevYear AND coalesce(quarter, 0) = :prevQuarter""",
                p, Long.class);
        if (previous.isEmpty()) {
            return List.of();
        }
        p.put("previous", previous);
        String before = GradeLevel.sql("pa.kind", "prev.grade");
        String now = GradeLevel.sql("pa.kind", "r.grade");
        return jdbc.query("""
                SELECT r.person_id, pv.name, r.org_id, o.name AS org_name, pa.name AS prev_period, prev.grade AS prev_grade, r.grade,
                  (""" + before + ") - (" + now + """
                ) AS levels
                FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
                JOIN assessment_result prev ON prev.person_id = r.person_id AND prev.period_id IN (:previous)
                JOIN assessment_period pa ON pa.id = prev.period_id
                JOIN person_view pv ON pv.id = r.person_id
                WHERE r.period_id = :period AND r.included AND r.grade IS NOT NULL
                  AND prev.stage = 'CONFIRMED' AND prev.included
                  AND (""" + before + ") - (" + now + ") >= :fall AND " + where.sql() + "\n" + """
                 ORDER BY o.path, pv.name, r.person_id LIMIT :limit""", p, (rs, n) -> new GradeDistribution.FallingPerson(
                rs.getLong("person_id"), rs.getString("name"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("prev_period"),
                gradeName(period.kind(), rs.getString("prev_grade")), gradeName(period.kind(), rs.getString("grade")), rs.getInt("levels")));
    }

    private static long num(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
