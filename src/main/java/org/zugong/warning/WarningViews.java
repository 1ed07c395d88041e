package org.zugong.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * The warning list and statistics pages (F32/F34 views): what the caller sees is the warnings of the
 * units in the jurisdiction, and those handed to the caller.
 */
@Repository
@Transactional(readOnly = true)
class WarningViews {

    /** The list's filters; all optional. */
    record Filter(WarningColour colour, WarningStatus status, String rule, Long orgId, String name, Long personId) {

        static Filter empty() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    record Row(long id, long personId, String personName, String orgName, String ruleCode, String ruleName, WarningColour colour,
               WarningStatus status, Instant raisedAt, String handler, String message) {
    }

    record Count(String key, String label, long open, long total) {
    }

    /** One month of the trend, with its bars precomputed for the SVG. */
    record Month(YearMonth month, String label, long raised, long closed, int x, int raisedY, int raisedHeight, int closedY,
                 int closedHeight) {
    }

    record Trend(List<Month> months, int width, int height, int bottom, long max) {
    }

    record RuleOption(String code, String name) {
    }

    /** The statistics page (预警统计): open warnings by colour, the units with the most, by rule, and the trend. */
    record Statistics(Map<WarningColour, Long> openByColour, List<Count> units, List<Count> byRule, Trend trend) {

        Statistics {
            openByColour = Map.copyOf(openByColour);
            units = List.copyOf(units);
            byRule = List.copyOf(byRule);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Organizations organizations;

    WarningViews(NamedParameterJdbcTemplate jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The caller's warnings: jurisdiction over the unit ({@code o}), or handed to the caller. */
    private String visible(Map<String, Object> params) {
        WarningVisibility v = WarningVisibility.current(organizations);
        params.putAll(v.units().params());
        params.put("me", v.handler());
        return "(" + v.units().sql() + " OR lower(w.handler) = lower(:me))";
    }

    /**
     * {@link #visible} as a condition on the warning alone, for the statistics: the units of the jurisdiction as
     * a subquery (none for a whole-installation user), so that counting a province's warnings does not join
     * 200,000 organizations first (36–76 ms a query on the province data set, 3–9 ms this way; issue 8).
     */
    private String visibleWarnings(Map<String, Object> params) {
        WarningVisibility v = WarningVisibility.current(organizations);
        if (v.everything()) {
            return "TRUE";
        }
        params.putAll(v.units().params());
        params.put("me", v.handler());
        return "(w.org_id IN (SELECT o.id FROM org_organization o WHERE " + v.units().sql() + ") OR lower(w.handler) = lower(:me))";
    }

    private String where(Filter f, Map<String, Object> params) {
        return where(f, params, visible(params));
    }

    /** The filter's terms after the visibility condition (which names {@code o} unless it is {@link #visibleWarnings}). */
    private String where(Filter f, Map<String, Object> params, String visibility) {
        List<String> terms = new ArrayList<>();
        terms.add(visibility);
        if (f.orgId() != null) {
            OrganizationSummary org = organizations.requireVisible(f.orgId());
            terms.add("o.path LIKE :subtree");
            params.put("subtree", org.path() + "%");
        }
        if (f.personId() != null) {
            terms.add("w.person_id = :person");
            params.put("person", f.personId());
        }
        if (f.colour() != null) {
            terms.add("w.colour = :colour");
            params.put("colour", f.colour().name());
        }
        if (f.status() != null) {
            terms.add("w.status = :status");
            params.put("status", f.status().name());
        }
        if (f.rule() != null && !f.rule().isBlank()) {
            terms.add("w.rule_code = :rule");
            params.put("rule", f.rule().strip());
        }
        if (f.name() != null && !f.name().isBlank()) {
            terms.add("p.name LIKE :name");
            params.put("name", LikePattern.startingWith(f.name().strip()));
        }
        return String.join(" AND ", terms);
    }

    PageResult<Row> list(Filter f, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        // The person only where the name is filtered on; otherwise the count needs none and the page joins it (and
        // the rule's name) for its own rows: a person row is a random read in a table of millions (issue 8).
        boolean byName = f.name() != null && !f.name().isBlank();
        String from = " FROM warning w JOIN org_organization o ON o.id = w.org_id"
                + (byName ? " JOIN person_view p ON p.id = w.person_id" : "") + " WHERE " + where;
        Long total = jdbc.queryForObject("SELECT count(*)" + from, params, Long.class);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        String order = """
                w.status = 'CLOSED', CASE w.colour WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END,
                 w.raised_at DESC, w.id DESC""";
        List<Row> rows = jdbc.query("""
                SELECT w.id, w.person_id, p.name, w.org_name, w.rule_code, r.name, w.colour, w.status, w.raised_at, w.handler, w.message
                FROM (SELECT w.*, o.name AS org_name""" + from + " ORDER BY " + order + """
                 LIMIT :limit OFFSET :offset) w
                JOIN person_view p ON p.id = w.person_id JOIN warning_rule r ON r.id = w.rule_id
                ORDER BY""" + " " + order, params,
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        WarningColour.valueOf(rs.getString(7)), WarningStatus.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(),
                        rs.getString(10), rs.getString(11)));
        return PageResult.of(rows, page, total == null ? 0 : total);
    }

    /** Open warnings by colour within the list's filters except colour and status (the four badges). */
    Map<WarningColour, Long> openByColour(Filter f) {
        Map<String, Object> params = new HashMap<>();
        Filter open = new Filter(null, null, f.rule(), f.orgId(), f.name(), f.personId());
        Map<WarningColour, Long> counts = new EnumMap<>(WarningColour.class);
        for (WarningColour c : WarningColour.values()) {
            counts.put(c, 0L);
        }
        // The person is joined only for the name filter: joining 5 million persons to count a few thousand
        // warnings by colour cost 160 ms a view on the province data set (issue 8).
        // The organization only for the subtree filter: without one, the jurisdiction is a condition on the warning
        // alone (joining 200,000 organizations to count 17,000 warnings cost 14 of the statistics page's 40 ms).
        String person = open.name() != null && !open.name().isBlank() ? " JOIN person_view p ON p.id = w.person_id" : "";
        boolean subtree = open.orgId() != null;
        String org = subtree ? " JOIN org_organization o ON o.id = w.org_id" : "";
        String condition = subtree ? where(open, params) : where(open, params, visibleWarnings(params));
        jdbc.query("""
                SELECT w.colour, count(*) FROM warning w""" + org + person + """

                WHERE w.status <> 'CLOSED' AND """ + " " + condition + " GROUP BY w.colour", params,
                rs -> {
                    counts.put(WarningColour.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** The statistics page's counts in one read-only transaction (kept by {@link WarningStatistics}). */
    Statistics statistics(LocalDate today, int units) {
        return new Statistics(openByColour(Filter.empty()), byUnit(units), byRule(), trend(today));
    }

    /** The rules that raised any warning, for the filter. */
    List<RuleOption> rules() {
        return jdbc.query("""
                SELECT DISTINCT ON (code) code, name FROM warning_rule ORDER BY code, version DESC""", Map.of(),
                (rs, n) -> new RuleOption(rs.getString(1), rs.getString(2)));
    }

    /** Units with the most open warnings (the top {@code limit}), with their totals. */
    List<Count> byUnit(int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        // Counted per unit first; only the units that can make the top (ties included) are joined for their names.
        return jdbc.query("""
                SELECT o.id, o.name, x.open, x.total
                FROM (SELECT w.org_id, count(*) FILTER (WHERE w.status <> 'CLOSED') AS open, count(*) AS total
                      FROM warning w WHERE """ + " " + visibleWarnings(params) + " " + """
                      GROUP BY w.org_id ORDER BY open DESC, total DESC FETCH FIRST :limit ROWS WITH TIES) x
                JOIN org_organization o ON o.id = x.org_id
                ORDER BY x.open DESC, x.total DESC, o.name LIMIT :limit""", params,
                (rs, n) -> new Count(Long.toString(rs.getLong(1)), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    List<Count> byRule() {
        Map<String, Object> params = new HashMap<>();
        return jdbc.query("""
                SELECT w.rule_code, (SELECT r.name FROM warning_rule r WHERE r.code = w.rule_code ORDER BY r.version DESC LIMIT 1),
                       count(*) FILTER (WHERE w.status <> 'CLOSED') AS open, count(*) AS total
                FROM warning w WHERE """ + " " + visibleWarnings(params) + " " + """
                GROUP BY w.rule_code ORDER BY open DESC, total DESC, w.rule_code""", params,
                (rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /** Raised and closed per month over the last 12 months (this one included), as bars. */
    Trend trend(LocalDate today) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(11);
        ZoneId zone = ZoneId.systemDefault();
        Map<String, Object> params = new HashMap<>();
        params.put("from", java.sql.Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()));
        String visible = visibleWarnings(params);
        Map<YearMonth, long[]> counts = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, new long[2]);
        }
        jdbc.query("""
                SELECT to_char(m, 'YYYY-MM'), n FROM (SELECT date_trunc('month', w.raised_at) AS m, count(*) AS n FROM warning w
                WHERE w.raised_at >= :from AND """ + " " + visible + " GROUP BY 1) x", params, rs -> {
                    long[] c = counts.get(YearMonth.parse(rs.getString(1)));
                    if (c != null) {
                        c[0] = rs.getLong(2);
                    }
                });
        jdbc.query("""
                SELECT to_char(m, 'YYYY-MM'), n FROM (SELECT date_trunc('month', w.closed_at) AS m, count(*) AS n FROM warning w
                WHERE w.closed_at >= :from AND """ + " " + visible + " GROUP BY 1) x", params, rs -> {
                    long[] c = counts.get(YearMonth.parse(rs.getString(1)));
                    if (c != null) {
                        c[1] = rs.getLong(2);
                    }
                });
        long max = Math.max(1, counts.values().stream().mapToLong(c -> Math.max(c[0], c[1])).max().orElse(1));
        int width = 720;
        int height = 220;
        int bottom = 190;
        int top = 20;
        int slot = (width - 40) / 12;
        List<Month> months = new ArrayList<>();
        int i = 0;
        for (Map.Entry<YearMonth, long[]> e : counts.entrySet()) {
            int x = 40 + i * slot;
            int rh = (int) Math.round((bottom - top) * (double) e.getValue()[0] / max);
            int ch = (int) Math.round((bottom - top) * (double) e.getValue()[1] / max);
            months.add(new Month(e.getKey(), e.getKey().getYear() % 100 + "年" + e.getKey().getMonthValue() + "月", e.getValue()[0], e.getValue()[1],
                    x, bottom - rh, rh, bottom - ch, ch));
            i++;
        }
        return new Trend(List.copyOf(months), width, height, bottom, max);
    }
}
