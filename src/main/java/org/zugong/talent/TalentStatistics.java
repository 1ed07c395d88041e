package org.zugong.talent;

import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.excel.ExcelDownload;

/**
 * 人才统计 (issue 9, item 5): registry talents introduced (by {@code introduced_on}) in a year, by year, tier,
 * category, field, employer unit and county, each with the year before and the change — within the jurisdiction,
 * one GROUP BY per dimension, never a query per row.
 */
@Service
@Transactional(readOnly = true)
public class TalentStatistics {

    /** A figure of a dimension: this year, the year before, the change. */
    public record Row(String label, long count, long previous) {
        public long change() {
            return count - previous;
        }

        /** Year-on-year change in percent, or null when there was nothing the year before. */
        public Double changePercent() {
            return previous == 0 ? null : Math.round((count - previous) * 1000.0 / previous) / 10.0;
        }
    }

    public record Report(int year, String tier, String category, long total, long previousTotal, List<Row> byYear,
                         Map<String, List<Row>> dimensions) {
    }

    static final int YEARS = 6;
    static final int TOP = 30;
    /** Dimension → its key expression (over t, tt, o and, for the county dimension only, the county c). */
    private static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();
    private static final String COUNTY = "县（市、区）";

    static {
        DIMENSIONS.put("人才层次", "t.tier_code || '类 ' || tt.name");
        DIMENSIONS.put("人才类别", "t.category");
        DIMENSIONS.put("专业领域", "coalesce(t.field, '（未填）')");
        DIMENSIONS.put("用人单位", "o.name");
        DIMENSIONS.put(COUNTY, "coalesce(c.name, '市直')");
    }

    private static final String FROM = """
             FROM talent t JOIN talent_tier tt ON tt.code = t.tier_code JOIN org_organization o ON o.id = t.org_id
            """;
    /**
     * The unit's county, joined by the county dimension alone: the county is the COUNTY node among the unit's
     * ancestors (and itself), whose ids are the segments of its path — an integer match on the id (the primary
     * key), not a LIKE of the unit's path against every county's.
     */
    private static final String COUNTY_JOIN = """
             LEFT JOIN org_organization c ON c.kind = 'COUNTY'
                 AND c.id = ANY (string_to_array(trim(both '/' from o.path), '/')::bigint[])
            """;

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final AuditLog audit;

    TalentStatistics(JdbcClient jdbc, Organizations organizations, AuditLog audit) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.audit = audit;
    }

    public Report report(Integer year, String tier, String category) {
        int y = year == null ? LocalDate.now().getYear() : year;
        if (y < 1950 || y > 2100) {
            throw org.zugong.platform.web.FieldErrors.of("year", "统计年份不正确");
        }
        String t = tier == null || tier.isBlank() ? null : tier.trim();
        String cat = category == null || category.isBlank() ? null : category.trim();
        SqlCondition scope = organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(scope.sql());
        if (t != null) {
            where.append(" AND t.tier_code = :tier");
            params.put("tier", t);
        }
        if (cat != null) {
            where.append(" AND t.category = :category");
            params.put("category", cat);
        }
        params.put("p0", Date.valueOf(LocalDate.of(y - 1, 1, 1)));
        params.put("y0", Date.valueOf(LocalDate.of(y, 1, 1)));
        params.put("y1", Date.valueOf(LocalDate.of(y + 1, 1, 1)));
        Map<String, List<Row>> dimensions = new LinkedHashMap<>();
        for (var d : DIMENSIONS.entrySet()) {
            dimensions.put(d.getKey(), jdbc.sql("SELECT " + d.getValue() + " AS k, "
                            + "count(*) FILTER (WHERE t.introduced_on >= :y0) AS cur, count(*) FILTER (WHERE t.introduced_on < :y0) AS prev"
                            + FROM + (COUNTY.equals(d.getKey()) ? COUNTY_JOIN : "") + " WHERE " + where + " AND t.introduced_on >= :p0 AND t.introduced_on < :y1"
                            + " GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT " + TOP)
                    .params(params).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3))).list());
        }
        Map<String, Object> yearParams = new HashMap<>(params);
        yearParams.put("from", Date.valueOf(LocalDate.of(y - YEARS, 1, 1)));
        Map<Integer, Long> perYear = new HashMap<>();
        jdbc.sql("SELECT extract(year FROM t.introduced_on)::int, count(*)" + FROM + " WHERE " + where
                        + " AND t.introduced_on >= :from AND t.introduced_on < :y1 GROUP BY 1")
                .params(yearParams).query(rs -> {
                    perYear.put(rs.getInt(1), rs.getLong(2));
                });
        List<Row> byYear = new java.util.ArrayList<>();
        for (int i = y - YEARS + 1; i <= y; i++) {
            byYear.add(new Row(Integer.toString(i), perYear.getOrDefault(i, 0L), perYear.getOrDefault(i - 1, 0L)));
        }
        return new Report(y, t, cat, perYear.getOrDefault(y, 0L), perYear.getOrDefault(y - 1, 0L), byYear, dimensions);
    }

    /** The report as an Excel workbook (one table, dimension by dimension), audited. */
    int export(Integer year, String tier, String category, HttpServletResponse response) throws IOException {
        Report r = report(year, tier, category);
        try (ExcelDownload excel = ExcelDownload.start(response, "人才引进统计" + r.year(),
                "维度", "项目", r.year() + "年引进", (r.year() - 1) + "年引进", "增减", "同比(%)")) {
            for (Row row : r.byYear()) {
                excel.row("年度", row.label(), row.count(), row.previous(), row.change(), row.changePercent());
            }
            for (var d : r.dimensions().entrySet()) {
                for (Row row : d.getValue()) {
                    excel.row(d.getKey(), row.label(), row.count(), row.previous(), row.change(), row.changePercent());
                }
            }
            audit.recordAlone("TALENT_STATISTICS_EXPORT", "talent", null, "导出人才引进统计 " + r.year() + " 年"
                    + (r.tier() == null ? "" : " 层次=" + r.tier()) + (r.category() == null ? "" : " 类别=" + r.category()), AuditOutcome.SUCCESS);
            excel.finish();
            return excel.rows();
        }
    }
}
