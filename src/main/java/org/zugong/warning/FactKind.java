package org.zugong.warning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.CadreFiles;
import org.zugong.cadre.CadreRecordKind;

/**
 * The kinds of fact a rule can test, each compiled to a predicate over {@code cadre_view c} and
 * {@code person_view p} with bound parameters (facts from the cadre, assessment and supervision tables), plus the evidence it found as a JSON array of
 * {@code {"type","id","text"}} for the explanation (F33). Parameters are checked here, so a rule the
 * department writes can only ever produce bound SQL of these shapes.
 */
public enum FactKind {

    /** 处分、诫勉、组织处理或立案审查 in force: {@code kinds} of cadre_record (CadreRecordKind names). */
    MEASURE_IN_FORCE("措施影响期内", "kinds") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            List<String> kinds = c.strings("kinds");
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("请选择措施种类");
            }
            for (String kind : kinds) {
                CadreRecordKind.valueOf(kind);
            }
            String from = """
                    FROM cadre_record r WHERE r.person_id = c.person_id AND r.kind IN (:%1$s_kinds)
                      AND coalesce(r.effect_start, r.decided_on) <= :today AND (r.effect_end IS NULL OR r.effect_end >= :today)""".formatted(k);
            return new Compiled("EXISTS (SELECT 1 " + from + ")", Map.of(k + "_kinds", kinds),
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'cadre_record', 'id', r.id, 'text', r.kind || '：' || r.title || '（'"
                            + " || coalesce(r.effect_start, r.decided_on) || ' 至 ' || coalesce(CAST(r.effect_end AS text), '未解除') || '）')) " + from + ")");
        }
    },

    /** The annual result of one of the last {@code years} years is one of {@code grades} (AnnualGrade codes). */
    ANNUAL_GRADE("年度考核结果", "grades", "years") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            List<String> grades = grades(c);
            int years = Math.clamp(c.integer("years", 1), 1, 10);
            String from = """
                    FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN (:%1$s_grades)
                      AND a.year BETWEEN :%1$s_first AND :%1$s_last""".formatted(k);
            Map<String, Object> params = Map.of(k + "_grades", grades, k + "_first", today.getYear() - years, k + "_last", today.getYear() - 1);
            return new Compiled("EXISTS (SELECT 1 " + from + ")", params,
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'annual_result', 'id', a.year, 'text', a.year || '年度考核：' || a.code) ORDER BY a.year) " + from + ")");
        }
    },

    /** The last {@code count} years' annual results were all among {@code grades}. */
    ANNUAL_CONSECUTIVE("连续年度考核结果", "grades", "count") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            List<String> grades = grades(c);
            int count = Math.clamp(c.integer("count", 2), 1, 10);
            String from = """
                    FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN (:%1$s_grades)
                      AND a.year BETWEEN :%1$s_first AND :%1$s_last""".formatted(k);
            Map<String, Object> params = Map.of(k + "_grades", grades, k + "_first", today.getYear() - count, k + "_last", today.getYear() - 1,
                    k + "_count", count);
            return new Compiled("(SELECT count(*) " + from + ") = :" + k + "_count", params,
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'annual_result', 'id', a.year, 'text', a.year || '年度考核：' || a.code) ORDER BY a.year) " + from + ")");
        }
    },

    /** A current post's 试用期 ends within {@code days} days. */
    PROBATION_ENDING("试用期届满", "days") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            int days = Math.clamp(c.integer("days", 30), 1, 366);
            String from = """
                    FROM cadre_post t WHERE t.person_id = c.person_id AND t.end_date IS NULL
                      AND t.probation_end BETWEEN :today AND :%1$s_until""".formatted(k);
            return new Compiled("EXISTS (SELECT 1 " + from + ")", Map.of(k + "_until", today.plusDays(days)),
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'cadre_post', 'id', t.id, 'text', t.title || ' 试用期至 ' || t.probation_end)) " + from + ")");
        }
    },

    /** Retirement (2025 reform) falls within the next {@code months} months, this month included. */
    RETIREMENT_WITHIN("到龄退休", "months") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            int months = Math.clamp(c.integer("months", 12), 1, 60);
            YearMonth from = YearMonth.from(today);
            List<String> terms = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            int i = 0;
            for (CadreFiles.RetiringBirths r : cadres.retiringBetween(from, from.plusMonths(months - 1L))) {
                String g = k + "_g" + i;
                terms.add("(c.retirement_group = :" + g + " AND p.birth_date >= :" + g + "_from AND p.birth_date < :" + g + "_to)");
                params.put(g, r.group().name());
                params.put(g + "_from", r.bornFrom());
                params.put(g + "_to", r.bornBefore());
                i++;
            }
            String predicate = terms.isEmpty() ? "FALSE" : "(" + String.join(" OR ", terms) + ")";
            return new Compiled(predicate, params, "jsonb_build_array(jsonb_build_object('type', 'retirement', 'id', c.person_id, 'text', "
                    + "'出生于 ' || to_char(p.birth_date, 'YYYY-MM') || '，" + months + "个月内到龄'))");
        }
    },

    /** In the current leading post for at least {@code years} years. */
    YEARS_IN_POST("任现职年限", "years") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            int years = Math.clamp(c.integer("years", 10), 1, 40);
            return new Compiled("c.post_since <= :" + k + "_since", Map.of(k + "_since", today.minusYears(years)),
                    "jsonb_build_array(jsonb_build_object('type', 'cadre_profile', 'id', c.person_id, 'text', "
                            + "coalesce(c.post_level, '') || ' 任职自 ' || c.post_since))");
        }
    },

    /** In the current rank for at least {@code years} years (e.g. long without promotion). */
    YEARS_IN_RANK("任现职级年限", "years") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            int years = Math.clamp(c.integer("years", 8), 1, 40);
            return new Compiled("c.rank_since <= :" + k + "_since", Map.of(k + "_since", today.minusYears(years)),
                    "jsonb_build_array(jsonb_build_object('type', 'cadre_profile', 'id', c.person_id, 'text', "
                            + "coalesce(c.rank, '') || ' 自 ' || c.rank_since))");
        }
    },

    /** A 函询 not yet resolved whose reply deadline has passed (supervision_record via supervision_fact_view). */
    INQUIRY_OVERDUE("函询逾期未办结") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            String from = """
                    FROM supervision_record s WHERE s.person_id = c.person_id AND s.kind = 'INQUIRY_LETTER'
                      AND s.status IN ('PENDING', 'RECEIVED', 'INVESTIGATING') AND s.deadline < :today""";
            return new Compiled("EXISTS (SELECT 1 " + from + ")", Map.of(),
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'supervision', 'id', s.id, 'text', '函询 ' || s.record_date || '，回复期限 ' || s.deadline)) " + from + ")");
        }
    },

    /** A 提醒谈话 within the last {@code months} months. */
    REMINDER_TALK("提醒谈话", "months") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            int months = Math.clamp(c.integer("months", 12), 1, 60);
            String from = """
                    FROM supervision_record s WHERE s.person_id = c.person_id AND s.kind = 'REMINDER_TALK'
                      AND s.record_date > :%1$s_since AND s.record_date <= :today""".formatted(k);
            return new Compiled("EXISTS (SELECT 1 " + from + ")", Map.of(k + "_since", today.minusMonths(months)),
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'supervision', 'id', s.id, 'text', '提醒谈话 ' || s.record_date)) " + from + ")");
        }
    },

    /** A 信访 (petition) still being handled. */
    PETITION_OPEN("信访在办") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            String from = """
                    FROM supervision_record s WHERE s.person_id = c.person_id AND s.kind = 'PETITION'
                      AND s.status IN ('PENDING', 'RECEIVED', 'INVESTIGATING')""";
            return new Compiled("EXISTS (SELECT 1 " + from + ")", Map.of(),
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'supervision', 'id', s.id, 'text', '信访 ' || s.record_date || ' 办理中')) " + from + ")");
        }
    },

    /** A personal-matters report check with one of {@code results} (如实/漏报/瞒报/其他) within {@code months} months. */
    REPORT_CHECK("个人有关事项核查结果", "results", "months") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            List<String> results = c.strings("results");
            if (results.isEmpty()) {
                throw new IllegalArgumentException("请选择核查结果（如实、漏报、瞒报、其他）");
            }
            for (String r : results) {
                if (!List.of("如实", "漏报", "瞒报", "其他").contains(r)) {
                    throw new IllegalArgumentException("核查结果“" + r + "”无效");
                }
            }
            int months = Math.clamp(c.integer("months", 24), 1, 120);
            String from = """
                    FROM supervision_report_check x WHERE x.person_id = c.person_id AND x.result IN (:%1$s_results)
                      AND x.checked_on > :%1$s_since AND x.checked_on <= :today""".formatted(k);
            return new Compiled("EXISTS (SELECT 1 " + from + ")", Map.of(k + "_results", results, k + "_since", today.minusMonths(months)),
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'report_check', 'id', x.id, 'text', x.year || '年个人有关事项核查：' || x.result)) " + from + ")");
        }
    },

    /** The latest confirmed routine grades include {@code count} of {@code grades} within the last {@code quarters} quarters. */
    ROUTINE_GRADES("平时考核结果", "grades", "count", "quarters") {
        @Override
        Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres) {
            List<String> grades = c.strings("grades");
            if (grades.isEmpty()) {
                throw new IllegalArgumentException("请选择平时考核等次");
            }
            int count = Math.clamp(c.integer("count", 2), 1, 12);
            int quarters = Math.clamp(c.integer("quarters", 4), 1, 12);
            int current = today.getYear() * 4 + (today.getMonthValue() - 1) / 3;
            String from = """
                    FROM assessment_result ar JOIN assessment_period ap ON ap.id = ar.period_id
                    WHERE ar.person_id = c.person_id AND ap.kind = 'ROUTINE' AND ar.stage = 'CONFIRMED' AND ar.included
                      AND ar.grade IN (:%1$s_grades) AND ap.year * 4 + ap.quarter - 1 BETWEEN :%1$s_first AND :%1$s_last""".formatted(k);
            Map<String, Object> params = Map.of(k + "_grades", grades, k + "_first", current - quarters, k + "_last", current - 1,
                    k + "_count", count);
            return new Compiled("(SELECT count(*) " + from + ") >= :" + k + "_count", params,
                    "(SELECT jsonb_agg(jsonb_build_object('type', 'assessment', 'id', ap.id, 'text', ap.name || '：' || ar.grade)) " + from + ")");
        }
    };

    private final String chineseName;
    private final List<String> parameters;

    FactKind(String chineseName, String... parameters) {
        this.chineseName = chineseName;
        this.parameters = List.of(parameters);
    }

    public String chineseName() {
        return chineseName;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** A predicate, its parameters, and a JSON-array expression of the evidence (may be SQL NULL). */
    record Compiled(String predicate, Map<String, Object> params, String evidence) {
    }

    /** Compiles with parameter names prefixed by {@code k}; throws IllegalArgumentException for bad parameters. */
    abstract Compiled compile(RuleCondition c, String k, LocalDate today, CadreFiles cadres);

    static List<String> grades(RuleCondition c) {
        List<String> grades = c.strings("grades");
        if (grades.isEmpty()) {
            throw new IllegalArgumentException("请选择年度考核等次");
        }
        for (String g : grades) {
            if (AnnualGrade.ofCode(g).isEmpty()) {
                throw new IllegalArgumentException("年度考核等次代码“" + g + "”无效");
            }
        }
        return grades;
    }
}
