package org.zugong.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.cadre.CadreFiles;

/**
 * F31: evaluates the enabled rules, set-based. For each rule one statement raises what holds and is
 * not yet open (the partial unique index makes a duplicate impossible) and refreshes the evidence of
 * what stays; a second closes what no longer holds, with the reason. The same facts therefore always
 * give the same open warnings, however often and in whatever order the evaluation runs.
 *
 * <p>A warning closed by handling (销号) is not raised again while its evidence stays the same; new facts
 * (new evidence) raise a new warning.
 *
 * <p>The fact SQL reads the cadre and assessment tables directly (read-only) so that one statement can
 * evaluate a whole province; {@link FactKind} is the one place that knows those shapes.
 */
@Service
class WarningEngine {

    private static final Logger log = LoggerFactory.getLogger(WarningEngine.class);

    /** What an evaluation changed. */
    record Outcome(int raised, int kept, int closed) {

        Outcome plus(Outcome o) {
            return new Outcome(raised + o.raised, kept + o.kept, closed + o.closed);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final WarningRules rules;
    private final CadreFiles cadres;

    WarningEngine(NamedParameterJdbcTemplate jdbc, WarningRules rules, CadreFiles cadres) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.cadres = cadres;
    }

    /**
     * Evaluations run one at a time: two at once over overlapping persons (an event's and the nightly
     * run, or two events of one person) would lock the same warning rows in different orders.
     */
    private void serialize() {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(748305, 1) IS NULL", Map.of(), Boolean.class);
    }

    /** Every enabled rule over every cadre (the nightly run). */
    @Transactional
    public Outcome evaluateAll(LocalDate today, String by) {
        serialize();
        Outcome total = new Outcome(0, 0, 0);
        for (WarningRule rule : rules.enabled()) {
            total = total.plus(evaluate(rule, today, null, by));
        }
        total = total.plus(closeRetired(null, by));
        log.info("预警全量评估：新增 {}，保持 {}，关闭 {}", total.raised(), total.kept(), total.closed());
        return total;
    }

    /** Every enabled rule for these persons (after an event). */
    @Transactional
    public Outcome evaluatePersons(Collection<Long> personIds, LocalDate today, String by) {
        if (personIds.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        serialize();
        List<Long> ids = List.copyOf(personIds);
        Outcome total = new Outcome(0, 0, 0);
        for (WarningRule rule : rules.enabled()) {
            total = total.plus(evaluate(rule, today, ids, by));
        }
        return total.plus(closeRetired(ids, by));
    }

    /** Every enabled rule for the people of one unit in an assessment period (after its routine results are confirmed). */
    @Transactional
    public Outcome evaluateUnit(long periodId, long orgId, LocalDate today, String by) {
        List<Long> persons = jdbc.queryForList("SELECT person_id FROM assessment_result WHERE period_id = :p AND org_id = :o",
                Map.of("p", periodId, "o", orgId), Long.class);
        return evaluatePersons(persons, today, by);
    }

    /** The persons a rule holds for, with their unit and evidence, without writing anything (backtests use it too). */
    String matchSql(WarningRule rule, LocalDate today, Map<String, Object> params, boolean restricted) {
        List<String> where = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        where.add("p.active");
        int i = 0;
        for (RuleCondition condition : rule.conditions()) {
            FactKind.Compiled compiled = condition.fact().compile(condition, "c" + i, today, cadres);
            where.add(compiled.predicate());
            params.putAll(compiled.params());
            evidence.add("coalesce(" + compiled.evidence() + ", '[]'::jsonb)");
            i++;
        }
        params.put("today", today);
        if (restricted) {
            where.add("c.person_id IN (:persons)");
        }
        return "SELECT c.person_id, c.org_id, " + String.join(" || ", evidence) + " AS evidence "
                + "FROM cadre_view c JOIN person_view p ON p.id = c.person_id WHERE " + String.join(" AND ", where);
    }

    private Outcome evaluate(WarningRule rule, LocalDate today, List<Long> persons, String by) {
        Map<String, Object> params = new HashMap<>();
        String match;
        try {
            match = matchSql(rule, today, params, persons != null);
        } catch (IllegalArgumentException e) {
            log.warn("预警规则 {} v{} 条件无效，跳过：{}", rule.code(), rule.version(), e.getMessage());
            return new Outcome(0, 0, 0);
        }
        if (persons != null) {
            params.put("persons", persons);
        }
        params.put("ruleId", rule.id());
        params.put("code", rule.code());
        params.put("colour", rule.colour().name());
        params.put("by", by);
        params.put("raised", "规则“" + rule.name() + "”（第" + rule.version() + "版）条件成立");
        params.put("closed", "条件不再成立：" + rule.name());
        params.put("message", rule.message());
        Map<String, Object> counts = jdbc.queryForMap("""
                WITH m AS (%s),
                up AS (
                  INSERT INTO warning (rule_id, rule_code, person_id, org_id, colour, status, evidence, message)
                  SELECT :ruleId, :code, m.person_id, m.org_id, :colour, 'OPEN', m.evidence,
                         replace(:message, '{name}', (SELECT name FROM person_view WHERE id = m.person_id))
                  FROM m
                  WHERE NOT EXISTS (SELECT 1 FROM warning h WHERE h.handled AND h.rule_code = :code AND h.person_id = m.person_id
                                      AND h.evidence = m.evidence)
                  ON CONFLICT (rule_code, person_id) WHERE status <> 'CLOSED'
                  DO UPDATE SET evidence = EXCLUDED.evidence, org_id = EXCLUDED.org_id
                    WHERE warning.evidence IS DISTINCT FROM EXCLUDED.evidence OR warning.org_id <> EXCLUDED.org_id
                  RETURNING id, (xmax = 0) AS inserted),
                raised AS (
                  INSERT INTO warning_event (warning_id, kind, note, done_by) SELECT id, 'RAISED', :raised, :by FROM up WHERE inserted
                  RETURNING 1),
                gone AS (
                  UPDATE warning w SET status = 'CLOSED', closed_at = now(), close_reason = :closed, closed_by = :by, version = w.version + 1
                  WHERE w.rule_code = :code AND w.status <> 'CLOSED' %s
                    AND NOT EXISTS (SELECT 1 FROM m WHERE m.person_id = w.person_id)
                  RETURNING w.id),
                closed AS (
                  INSERT INTO warning_event (warning_id, kind, note, done_by) SELECT id, 'CLOSED', :closed, :by FROM gone RETURNING 1)
                SELECT (SELECT count(*) FROM raised) AS raised, (SELECT count(*) FROM m) AS matched, (SELECT count(*) FROM closed) AS closed
                """.formatted(match, persons != null ? "AND w.person_id IN (:persons)" : ""), params);
        int raised = ((Number) counts.get("raised")).intValue();
        int matched = ((Number) counts.get("matched")).intValue();
        return new Outcome(raised, matched - raised, ((Number) counts.get("closed")).intValue());
    }

    /** Warnings of rules no longer enabled close with that reason. */
    private Outcome closeRetired(List<Long> persons, String by) {
        Map<String, Object> params = new HashMap<>();
        params.put("by", by);
        params.put("reason", "预警规则已停用");
        if (persons != null) {
            params.put("persons", persons);
        }
        int n = jdbc.queryForObject("""
                WITH gone AS (
                  UPDATE warning w SET status = 'CLOSED', closed_at = now(), close_reason = :reason, closed_by = :by, version = w.version + 1
                  WHERE w.status <> 'CLOSED' %s
                    AND NOT EXISTS (SELECT 1 FROM warning_rule r WHERE r.code = w.rule_code AND r.status = 'ENABLED')
                  RETURNING w.id),
                ev AS (INSERT INTO warning_event (warning_id, kind, note, done_by) SELECT id, 'CLOSED', :reason, :by FROM gone RETURNING 1)
                SELECT count(*) FROM ev""".formatted(persons != null ? "AND w.person_id IN (:persons)" : ""), params, Integer.class);
        return new Outcome(0, 0, n);
    }
}
