package org.zugong.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.cadre.CadreFiles;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * F30 and F34: the department's own rules — a new version is a draft until enabled (which retires
 * the enabled version of the same code; open warnings keep the version that raised them), and a draft
 * or any version can be backtested over past dates without creating a single warning.
 */
@Service
@Transactional
class WarningRuleEditor {

    static final int MAX_CONDITIONS = 6;
    static final int MAX_BACKTEST_DATES = 24;

    /** A rule as edited: conditions written one per item as a fact and its parameters. */
    public record RuleForm(String code, String name, String colour, String message, String basis, List<ConditionForm> conditions) {
    }

    /** One condition: the fact kind and its parameters as {@code key=value} pairs separated by ";" (lists by ","). */
    public record ConditionForm(String fact, String params) {
    }

    /** What a rule would have raised on past dates: distinct persons, by unit and by date, and some of them. */
    public record Backtest(long ruleId, String colour, LocalDate from, LocalDate to, List<LocalDate> dates, int persons,
                           Map<String, Integer> byUnit, Map<LocalDate, Integer> byDate, List<String> samples) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final WarningRules rules;
    private final WarningEngine engine;
    private final CadreFiles cadres;
    private final Organizations organizations;
    private final AuditLog audit;

    WarningRuleEditor(NamedParameterJdbcTemplate jdbc, WarningRules rules, WarningEngine engine, CadreFiles cadres,
                      Organizations organizations, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.engine = engine;
        this.cadres = cadres;
        this.organizations = organizations;
        this.audit = audit;
    }

    WarningRule require(long id) {
        return rules.find(id).orElseThrow(() -> new RecordNotFoundException("预警规则", id));
    }

    /** A new draft: a new code, or the next version of an existing one. */
    long draft(RuleForm f) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        String code = f.code() == null ? "" : f.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z][A-Z0-9_]{1,49}")) {
            errors.add("code", "规则编码应为2至50位大写字母、数字或下划线，以字母开头");
        }
        if (f.name() == null || f.name().isBlank() || f.name().strip().length() > 100) {
            errors.add("name", "请填写规则名称（不超过100个字）");
        }
        WarningColour colour = null;
        try {
            colour = WarningColour.valueOf(f.colour() == null ? "" : f.colour());
        } catch (IllegalArgumentException e) {
            errors.add("colour", "请选择预警颜色（红、橙、黄、蓝）");
        }
        if (f.message() == null || f.message().isBlank() || f.message().strip().length() > 500) {
            errors.add("message", "请填写预警提示（不超过500个字，可用 {name} 代表干部姓名）");
        }
        if (f.basis() != null && f.basis().strip().length() > 200) {
            errors.add("basis", "依据不能超过200个字");
        }
        List<RuleCondition> conditions = new ArrayList<>();
        List<ConditionForm> forms = f.conditions() == null ? List.of() : f.conditions().stream()
                .filter(c -> c != null && c.fact() != null && !c.fact().isBlank()).toList();
        if (forms.isEmpty()) {
            errors.add("conditions", "请至少设置一个条件");
        } else if (forms.size() > MAX_CONDITIONS) {
            errors.add("conditions", "条件不能超过" + MAX_CONDITIONS + "个");
        }
        for (int i = 0; i < forms.size() && i < MAX_CONDITIONS; i++) {
            try {
                RuleCondition c = new RuleCondition(FactKind.valueOf(forms.get(i).fact().strip()), params(forms.get(i).params()));
                for (String key : c.params().keySet()) {
                    if (!c.fact().parameters().contains(key)) {
                        throw new IllegalArgumentException("条件“" + c.fact().chineseName() + "”没有参数“" + key + "”（可用：" + c.fact().parameters() + "）");
                    }
                }
                c.fact().compile(c, "t", LocalDate.now(), cadres); // refuses bad parameters now, not at night
                conditions.add(c);
            } catch (IllegalArgumentException e) {
                errors.add("conditions[" + i + "]", "第" + (i + 1) + "个条件：" + (e.getMessage() == null || e.getMessage().startsWith("No enum")
                        ? "条件或参数无效" : e.getMessage()));
            }
        }
        errors.throwIfAny();
        Integer version = jdbc.queryForObject("SELECT coalesce(max(version), 0) + 1 FROM warning_rule WHERE code = :c", Map.of("c", code), Integer.class);
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("version", version);
        p.put("name", f.name().strip());
        p.put("colour", colour.name());
        p.put("conditions", rules.conditionsJson(conditions));
        p.put("message", f.message().strip());
        p.put("basis", f.basis() == null || f.basis().isBlank() ? null : f.basis().strip());
        p.put("by", user());
        Long id = jdbc.queryForObject("""
                INSERT INTO warning_rule (code, version, name, colour, conditions, message, basis, status, created_by)
                VALUES (:code, :version, :name, :colour, CAST(:conditions AS jsonb), :message, :basis, 'DRAFT', :by) RETURNING id""", p, Long.class);
        audit.record("WARNING_RULE_DRAFT", "warning_rule", id, code + " 第" + version + "版草稿：" + f.name().strip());
        return id;
    }

    /** {@code kinds=党纪处分,政务处分; years=1} → {kinds: [党纪处分, 政务处分], years: "1"}. */
    static Map<String, Object> params(String text) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return params;
        }
        for (String pair : text.split("[;；]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("参数应写作 名称=值，多个参数用分号分隔");
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if ("kinds".equals(key) || "grades".equals(key)) {
                params.put(key, List.of(value.split("[,，、]")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
            } else {
                params.put(key, value);
            }
        }
        return params;
    }

    /** Enables a version: the enabled version of its code retires; every cadre is evaluated at once. */
    void enable(long id) {
        WarningRule rule = require(id);
        if (rule.enabled()) {
            throw new BusinessRuleException("该版本已启用");
        }
        jdbc.update("UPDATE warning_rule SET status = 'RETIRED' WHERE code = :c AND status = 'ENABLED'", Map.of("c", rule.code()));
        jdbc.update("UPDATE warning_rule SET status = 'ENABLED' WHERE id = :id", Map.of("id", id));
        audit.record("WARNING_RULE_ENABLE", "warning_rule", id, rule.code() + " 启用第" + rule.version() + "版");
        engine.evaluateAll(LocalDate.now(), user());
    }

    /** Stops a rule: no version of its code stays enabled; its open warnings close with that reason. */
    void retire(long id) {
        WarningRule rule = require(id);
        if (!rule.enabled()) {
            throw new BusinessRuleException("该版本未启用");
        }
        jdbc.update("UPDATE warning_rule SET status = 'RETIRED' WHERE id = :id", Map.of("id", id));
        audit.record("WARNING_RULE_RETIRE", "warning_rule", id, rule.code() + " 停用第" + rule.version() + "版");
        engine.evaluateAll(LocalDate.now(), user());
    }

    /**
     * F34: the rule on past dates (the range's month ends, its first and last day; at most 24) within the
     * caller's jurisdiction — read only, nothing is written.
     */
    @Transactional(readOnly = true)
    Backtest backtest(long id, LocalDate from, LocalDate to) {
        WarningRule rule = require(id);
        if (from == null || to == null) {
            throw FieldErrors.of("from", "请填写回测起止日期");
        }
        if (to.isBefore(from)) {
            throw FieldErrors.of("to", "结束日期不能早于开始日期");
        }
        if (to.isAfter(LocalDate.now())) {
            throw FieldErrors.of("to", "回测只能针对今天及以前的日期");
        }
        if (ChronoUnit.YEARS.between(from, to) >= 5) {
            throw FieldErrors.of("from", "回测区间不能超过5年");
        }
        List<LocalDate> dates = dates(from, to);
        SqlCondition j = organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
        Map<Long, String> names = new HashMap<>();
        Map<String, Integer> byUnit = new TreeMap<>();
        Map<LocalDate, Integer> byDate = new LinkedHashMap<>();
        Map<Long, String> units = new HashMap<>();
        for (LocalDate day : dates) {
            Map<String, Object> params = new HashMap<>(j.params());
            String match = engine.matchSql(rule, day, params, false);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT m.person_id, o.name AS org_name, pv.name FROM (" + match + ") m "
                    + "JOIN org_organization o ON o.id = m.org_id JOIN person_view pv ON pv.id = m.person_id WHERE " + j.sql(), params);
            byDate.put(day, rows.size());
            for (Map<String, Object> r : rows) {
                long person = ((Number) r.get("person_id")).longValue();
                names.putIfAbsent(person, (String) r.get("name"));
                units.putIfAbsent(person, (String) r.get("org_name"));
            }
        }
        units.values().forEach(u -> byUnit.merge(u, 1, Integer::sum));
        List<String> samples = names.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(20)
                .map(e -> e.getValue() + "（" + units.get(e.getKey()) + "）").toList();
        // The backtest's own transaction is read-only: it can write nothing, so its record goes in a transaction of its own.
        audit.recordAlone("WARNING_RULE_BACKTEST", "warning_rule", id, rule.code() + " 回测 " + from + " 至 " + to + "：" + names.size() + " 人",
                org.zugong.audit.AuditOutcome.SUCCESS);
        return new Backtest(id, rule.colour().name(), from, to, dates, names.size(), byUnit, byDate, samples);
    }

    static List<LocalDate> dates(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        dates.add(from);
        for (LocalDate d = from.with(TemporalAdjusters.lastDayOfMonth()); d.isBefore(to) && dates.size() < MAX_BACKTEST_DATES - 1;
             d = d.plusDays(1).with(TemporalAdjusters.lastDayOfMonth())) {
            if (d.isAfter(from)) {
                dates.add(d);
            }
        }
        if (!to.equals(from)) {
            dates.add(to);
        }
        return dates;
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
