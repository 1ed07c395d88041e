package org.zugong.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.cadre.AnnualGrade;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * F32 handling of one warning: 交办 to a handler, 处置措施 with due dates and results, 销号 in two steps
 * (the handler asks, another user with warning:handle approves), and the daily escalation of overdue
 * handling by one colour. F33: the explanation (rule, evidence, timeline). Every change checks and
 * bumps {@code warning.version}; a warning is visible in the caller's jurisdiction or to its handler.
 */
@Service
class WarningHandling {

    private static final Logger log = LoggerFactory.getLogger(WarningHandling.class);

    static final List<String> ACTION_KINDS = List.of("提醒谈话", "函询", "诫勉", "核查", "其他");
    /** Event kinds beyond the engine's: a 销号 request and its rejection (the approval is the CLOSED event). */
    static final String CLOSE_REQUESTED = "CLOSE_REQ";
    static final String CLOSE_REJECTED = "REJECTED";
    static final String ESCALATION_BY = "逾期升级";

    /** The warning with its rule, evidence, actions and timeline. */
    record Detail(long id, long personId, String personName, long orgId, String orgName, WarningColour colour, WarningStatus status,
                  String message, Instant raisedAt, String handler, Instant closedAt, String closeReason, String closedBy, int version,
                  RuleInfo rule, List<Evidence> evidence, List<Action> actions, List<Event> timeline, CloseRequest closeRequest) {
    }

    /** The rule version that raised the warning, its conditions in words. */
    record RuleInfo(long id, String code, int version, String name, WarningColour colour, String basis, List<String> conditions) {
    }

    /** One piece of evidence with a link to where it comes from. */
    record Evidence(String type, String id, String text, String href) {
    }

    record Action(long id, String kind, LocalDate dueDate, String result, LocalDate doneOn, Instant createdAt, String createdBy,
                  boolean overdue) {
    }

    record Event(long id, String kind, String kindName, String note, Instant doneAt, String doneBy) {
    }

    /** A 销号 request waiting for approval. */
    record CloseRequest(long eventId, String reason, String requestedBy, Instant requestedAt) {
    }

    private record Row(long id, long personId, long orgId, String orgPath, String colour, String status, String handler, int version) {
    }

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final WarningRules rules;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final boolean escalateOverdue;
    private final int escalateAfterDays;

    WarningHandling(JdbcClient jdbc, Organizations organizations, WarningRules rules, AuditLog audit, ObjectMapper json,
                    @Value("${zugong.warning.escalate-overdue:true}") boolean escalateOverdue,
                    @Value("${zugong.warning.escalate-after-days:0}") int escalateAfterDays) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
        this.escalateOverdue = escalateOverdue;
        this.escalateAfterDays = Math.max(0, escalateAfterDays);
    }

    // ---- reading --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        require(id);
        Map<String, Object> w = jdbc.sql("""
                SELECT w.*, p.name AS person_name, o.name AS org_name FROM warning w
                JOIN person_view p ON p.id = w.person_id JOIN org_organization o ON o.id = w.org_id WHERE w.id = :id""")
                .param("id", id).query().singleRow();
        long personId = ((Number) w.get("person_id")).longValue();
        RuleInfo rule = rules.find(((Number) w.get("rule_id")).longValue()).map(WarningHandling::ruleInfo).orElse(null);
        LocalDate today = LocalDate.now();
        List<Action> actions = jdbc.sql("SELECT * FROM warning_action WHERE warning_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    LocalDate done = rs.getObject("done_on", LocalDate.class);
                    return new Action(rs.getLong("id"), rs.getString("kind"), due, rs.getString("result"), done,
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), done == null && due.isBefore(today));
                }).list();
        List<Event> timeline = jdbc.sql("SELECT * FROM warning_event WHERE warning_id = :id ORDER BY done_at, id").param("id", id)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getString("kind"), eventName(rs.getString("kind")), rs.getString("note"),
                        rs.getTimestamp("done_at").toInstant(), rs.getString("done_by"))).list();
        return new Detail(id, personId, (String) w.get("person_name"), ((Number) w.get("org_id")).longValue(), (String) w.get("org_name"),
                WarningColour.valueOf((String) w.get("colour")), WarningStatus.valueOf((String) w.get("status")), (String) w.get("message"),
                instant(w.get("raised_at")), (String) w.get("handler"), instant(w.get("closed_at")), (String) w.get("close_reason"),
                (String) w.get("closed_by"), ((Number) w.get("version")).intValue(), rule,
                evidence(String.valueOf(w.get("evidence")), personId), actions, timeline, pendingClose(id).orElse(null));
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }

    static String eventName(String kind) {
        return switch (kind) {
            case "RAISED" -> "触发预警";
            case "ASSIGNED" -> "交办";
            case "ACTION" -> "处置";
            case "COLOUR" -> "颜色变化";
            case CLOSE_REQUESTED -> "申请销号";
            case CLOSE_REJECTED -> "退回销号申请";
            case "CLOSED" -> "关闭";
            case "REOPENED" -> "重新打开";
            default -> kind;
        };
    }

    static RuleInfo ruleInfo(WarningRule r) {
        return new RuleInfo(r.id(), r.code(), r.version(), r.name(), r.colour(), r.basis(),
                r.conditions().stream().map(WarningHandling::describe).toList());
    }

    private static final Map<String, String> PARAMETER_NAMES = Map.of("kinds", "种类", "grades", "等次", "years", "年数",
            "count", "次数", "days", "天数", "months", "月数", "quarters", "季度数");

    /** A condition in words, e.g. 「年度考核结果（等次：基本称职；年数：1）」. */
    static String describe(RuleCondition c) {
        List<String> parts = new ArrayList<>();
        for (String p : c.fact().parameters()) {
            Object v = c.params().get(p);
            if (v == null) {
                continue;
            }
            List<String> values = c.strings(p);
            if ("grades".equals(p) && c.fact() != FactKind.ROUTINE_GRADES) {
                values = values.stream().map(g -> AnnualGrade.ofCode(g).map(AnnualGrade::chineseName).orElse(g)).toList();
            }
            parts.add(PARAMETER_NAMES.getOrDefault(p, p) + "：" + String.join("、", values));
        }
        return c.fact().chineseName() + (parts.isEmpty() ? "" : "（" + String.join("；", parts) + "）");
    }

    private List<Evidence> evidence(String stored, long personId) {
        List<Evidence> list = new ArrayList<>();
        if (stored == null || stored.isBlank() || "null".equals(stored)) {
            return list;
        }
        for (Map<String, Object> e : json.readValue(stored, new TypeReference<List<Map<String, Object>>>() { })) {
            String type = String.valueOf(e.get("type"));
            String id = e.get("id") == null ? null : String.valueOf(e.get("id"));
            String href = switch (type) {
                case "assessment" -> id == null ? null : "/assessment/periods/" + id;
                case "cadre_record", "cadre_post", "cadre_profile", "retirement", "annual_result" -> "/cadres/" + personId;
                default -> null;
            };
            list.add(new Evidence(type, id, e.get("text") == null ? "" : String.valueOf(e.get("text")), href));
        }
        return list;
    }

    private Optional<CloseRequest> pendingClose(long id) {
        return jdbc.sql("""
                SELECT e.kind, e.id, e.note, e.done_by, e.done_at FROM warning_event e JOIN warning w ON w.id = e.warning_id
                WHERE e.warning_id = :id AND w.status <> 'CLOSED' AND e.kind IN ('CLOSE_REQ', 'REJECTED', 'CLOSED', 'REOPENED')
                ORDER BY e.id DESC LIMIT 1""").param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), new CloseRequest(rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())})
                .optional().filter(r -> CLOSE_REQUESTED.equals(r[0])).map(r -> (CloseRequest) r[1]);
    }

    /** The warning if the caller sees it (jurisdiction over its unit, or its handler); otherwise audited and 404. */
    private Row require(long id) {
        Optional<Row> row = jdbc.sql("""
                SELECT w.id, w.person_id, w.org_id, o.path, w.colour, w.status, w.handler, w.version
                FROM warning w JOIN org_organization o ON o.id = w.org_id WHERE w.id = :id""").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getInt(8))).optional();
        String me = Actor.current().map(Actor::username).orElse(null);
        if (row.isEmpty() || !(organizations.jurisdiction().covers(row.get().orgPath(), row.get().orgId())
                || (me != null && me.equalsIgnoreCase(row.get().handler())))) {
            audit.recordAlone("ACCESS_DENIED", "warning", id, "预警不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("预警", id);
        }
        return row.get();
    }

    /** Visible and not closed, at the version the caller saw (when given). */
    private Row requireOpen(long id, Integer version) {
        Row row = require(id);
        if (version != null && version != row.version()) {
            throw new EditConflictException("该预警");
        }
        if (WarningStatus.CLOSED.name().equals(row.status())) {
            throw new BusinessRuleException("该预警已关闭，不能再处置");
        }
        return row;
    }

    /** Bumps the version from the one read; 409 when someone changed the warning in between. */
    private void touch(Row row, String set, Map<String, Object> params) {
        int n = jdbc.sql("UPDATE warning SET " + (set == null ? "" : set + ", ") + "version = version + 1 WHERE id = :id AND version = :version")
                .params(params).param("id", row.id()).param("version", row.version()).update();
        if (n == 0) {
            throw new EditConflictException("该预警");
        }
    }

    private void event(long warningId, String kind, String note, String by) {
        jdbc.sql("INSERT INTO warning_event (warning_id, kind, note, done_by) VALUES (:w, :k, :n, :b)")
                .param("w", warningId).param("k", kind).param("n", note).param("b", by).update();
    }

    private static String me() {
        return Actor.require().username();
    }

    private static String text(String value, String field, String label, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw FieldErrors.of(field, "请填写" + label);
            }
            return null;
        }
        if (v.length() > max) {
            throw FieldErrors.of(field, label + "不能超过" + max + "个字");
        }
        return v;
    }

    // ---- F32 handling ---------------------------------------------------------------------------------

    /** 交办: a handler (an active user) takes the warning; it is then 处置中. */
    @Transactional
    public void assign(long id, String handler, Integer version) {
        Row row = requireOpen(id, version);
        String name = text(handler, "handler", "处置人（用户名）", 50, true);
        String username = jdbc.sql(HANDLERS + " AND lower(u.username) = lower(:u)").param("u", name)
                .query((rs, n) -> rs.getString(1)).optional()
                .orElseThrow(() -> FieldErrors.of("handler", "用户“" + name + "”不存在、已停用或没有处置预警的权限"));
        touch(row, "handler = :handler, status = 'HANDLING'", Map.of("handler", username));
        event(id, "ASSIGNED", "交办给 " + username + (row.handler() == null ? "" : "（原处置人 " + row.handler() + "）"), me());
        audit.record("WARNING_ASSIGN", "warning", id, "交办预警给 " + username);
    }

    /** 处置措施 with a due date; the note goes into the timeline. Returns the action's id. */
    @Transactional
    public long addAction(long id, String kind, LocalDate dueDate, String note, Integer version) {
        Row row = requireOpen(id, version);
        String k = kind == null ? null : kind.strip();
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (k == null || !ACTION_KINDS.contains(k)) {
            errors.add("kind", "请选择处置方式：" + String.join("、", ACTION_KINDS));
        }
        if (dueDate == null) {
            errors.add("dueDate", "请填写完成期限");
        }
        errors.throwIfAny();
        String n = text(note, "note", "说明", 500, false);
        touch(row, null, Map.of());
        long actionId = jdbc.sql("INSERT INTO warning_action (warning_id, kind, due_date, created_by) VALUES (:w, :k, :d, :b) RETURNING id")
                .param("w", id).param("k", k).param("d", dueDate).param("b", me()).query(Long.class).single();
        event(id, "ACTION", "布置处置措施：" + k + "，限 " + dueDate + " 前完成" + (n == null ? "" : "。" + n), me());
        audit.record("WARNING_ACTION", "warning", id, "布置处置措施 " + k + "（期限 " + dueDate + "）");
        return actionId;
    }

    /** The result of an action and the day it was done (default today). */
    @Transactional
    public void completeAction(long id, long actionId, String result, LocalDate doneOn, Integer version) {
        Row row = requireOpen(id, version);
        String kind = jdbc.sql("SELECT kind FROM warning_action WHERE id = :a AND warning_id = :w").param("a", actionId).param("w", id)
                .query(String.class).optional().orElseThrow(() -> {
                    // An action of another warning (perhaps of another jurisdiction): like a miss, and on record.
                    audit.recordAlone("ACCESS_DENIED", "warning_action", actionId, "处置措施不存在或不属于该预警", AuditOutcome.DENIED);
                    return new RecordNotFoundException("处置措施", actionId);
                });
        String r = text(result, "result", "处置结果", 1000, true);
        LocalDate done = doneOn == null ? LocalDate.now() : doneOn;
        if (done.isAfter(LocalDate.now())) {
            throw FieldErrors.of("doneOn", "完成日期不能晚于今天");
        }
        touch(row, null, Map.of());
        jdbc.sql("UPDATE warning_action SET result = :r, done_on = :d WHERE id = :a").param("r", r).param("d", done).param("a", actionId).update();
        event(id, "ACTION", "处置措施完成：" + kind + "（" + done + "）：" + r, me());
        audit.record("WARNING_ACTION", "warning", id, "记录处置结果 " + kind + "（" + done + "）");
    }

    /** 申请销号 by the handler, with the reason; another user approves. */
    @Transactional
    public void requestClose(long id, String reason, Integer version) {
        Row row = requireOpen(id, version);
        String r = text(reason, "reason", "销号理由", 500, true);
        if (row.handler() == null) {
            throw new BusinessRuleException("请先交办处置人，由处置人申请销号");
        }
        if (!row.handler().equalsIgnoreCase(me())) {
            throw new BusinessRuleException("只有处置人 " + row.handler() + " 可以申请销号");
        }
        if (pendingClose(id).isPresent()) {
            throw new BusinessRuleException("已有待审批的销号申请");
        }
        touch(row, null, Map.of());
        event(id, CLOSE_REQUESTED, r, me());
        audit.record("WARNING_CLOSE_REQUEST", "warning", id, "申请销号：" + r);
    }

    /** 审批销号: approved, the warning is closed with the request's reason; rejected, the request is returned. */
    @Transactional
    public void approveClose(long id, boolean approve, String note, Integer version) {
        Row row = requireOpen(id, version);
        CloseRequest request = pendingClose(id).orElseThrow(() -> new BusinessRuleException("没有待审批的销号申请"));
        String me = me();
        if (me.equalsIgnoreCase(request.requestedBy()) || me.equalsIgnoreCase(row.handler())) {
            throw new BusinessRuleException("销号须由处置人以外的人员审批，不能审批自己的申请");
        }
        String n = text(note, "note", "审批意见", 500, !approve);
        if (approve) {
            touch(row, "status = 'CLOSED', handled = TRUE, closed_at = now(), close_reason = :reason, closed_by = :by",
                    Map.of("reason", request.reason(), "by", me));
            event(id, "CLOSED", "销号：" + request.reason() + "（申请人 " + request.requestedBy() + "，审批人 " + me + "）"
                    + (n == null ? "" : "。审批意见：" + n), me);
            audit.record("WARNING_CLOSE", "warning", id, "批准销号（申请人 " + request.requestedBy() + "）");
        } else {
            touch(row, null, Map.of());
            event(id, CLOSE_REJECTED, "退回 " + request.requestedBy() + " 的销号申请：" + n, me);
            audit.record("WARNING_CLOSE_REJECT", "warning", id, "退回销号申请：" + n);
        }
    }

    // ---- overdue escalation ---------------------------------------------------------------------------

    /**
     * Raises the colour one level for each action past its due date (by more than the configured days)
     * and not done, on warnings still open; once per action: the COLOUR event names the action, so a
     * second run finds it escalated. Red stays red and is left alone. Returns how many escalations.
     */
    @Transactional
    public int escalateOverdue(LocalDate today) {
        if (!escalateOverdue) {
            return 0;
        }
        // Not at the same time as an evaluation, which locks many warning rows at once.
        jdbc.sql("SELECT pg_advisory_xact_lock(748305, 1) IS NULL").query(Boolean.class).single();
        record Overdue(long actionId, long warningId, String kind, LocalDate due) {
        }
        List<Overdue> overdue = jdbc.sql("""
                SELECT a.id, a.warning_id, a.kind, a.due_date FROM warning_action a JOIN warning w ON w.id = a.warning_id
                WHERE a.done_on IS NULL AND a.due_date < :cutoff AND w.status <> 'CLOSED' AND w.colour <> 'RED'
                  AND NOT EXISTS (SELECT 1 FROM warning_event e WHERE e.warning_id = a.warning_id AND e.kind = 'COLOUR'
                                  AND e.note LIKE '%措施编号 ' || a.id || '）')
                ORDER BY a.warning_id, a.id""").param("cutoff", today.minusDays(escalateAfterDays))
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class))).list();
        int done = 0;
        for (Overdue o : overdue) {
            Map<String, Object> w = jdbc.sql("SELECT colour, version FROM warning WHERE id = :id").param("id", o.warningId()).query().singleRow();
            WarningColour from = WarningColour.valueOf((String) w.get("colour"));
            if (from == WarningColour.RED) {
                continue;
            }
            WarningColour to = from.escalated();
            int n = jdbc.sql("UPDATE warning SET colour = :c, version = version + 1 WHERE id = :id AND version = :v AND status <> 'CLOSED'")
                    .param("c", to.name()).param("id", o.warningId()).param("v", ((Number) w.get("version")).intValue()).update();
            if (n == 0) {
                log.warn("预警 {} 逾期升级时已被修改，下次再试", o.warningId());
                continue;
            }
            event(o.warningId(), "COLOUR", "处置逾期，由" + from.chineseName() + "升为" + to.chineseName() + "（" + o.kind() + "应于 " + o.due()
                    + " 前完成，措施编号 " + o.actionId() + "）", ESCALATION_BY);
            done++;
        }
        if (done > 0) {
            log.info("预警处置逾期升级 {} 次", done);
        }
        return done;
    }

    // ---- helpers for the pages ----------------------------------------------------------------------

    /** Who may handle warnings: enabled users holding warning:handle (never the 三员 admin accounts). */
    private static final String HANDLERS = """
            SELECT DISTINCT u.username, u.display_name FROM access_user u
            JOIN access_user_role ur ON ur.user_id = u.id JOIN access_role_permission rp ON rp.role_id = ur.role_id
            WHERE u.enabled AND rp.permission = 'warning:handle'""";

    /** Users a warning can be handed to, for the page's choice list. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> activeUsers() {
        return jdbc.sql(HANDLERS + " ORDER BY u.username").query().listOfRows();
    }
}
