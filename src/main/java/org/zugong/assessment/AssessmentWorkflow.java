package org.zugong.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.CadreAnnualResults;
import org.zugong.organization.OrganizationSummary;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import tools.jackson.databind.ObjectMapper;

/**
 * F22: one person's way through a period — 个人小结 → 领导评价 → 拟定等次 → 公示 → 确认 — each step
 * recorded with who and when and each able to be sent back with a reason; 公示 and confirmation go
 * unit by unit, and confirmation refuses a unit over its quota (F21) and writes annual results into
 * the cadre files (F24).
 */
@Service
@Transactional
class AssessmentWorkflow {

    static final int MAX_TEXT = 5000;

    private final AssessmentRepository repository;
    private final AssessmentScope scope;
    private final AssessmentPeriods periods;
    private final org.zugong.platform.calendar.WorkCalendar workingDays;
    private final CadreAnnualResults cadreResults;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final AssessmentSchemes schemes;

    AssessmentWorkflow(AssessmentSchemes schemes, AssessmentRepository repository, AssessmentScope scope, AssessmentPeriods periods, org.zugong.platform.calendar.WorkCalendar workingDays,
                       CadreAnnualResults cadreResults, NamedParameterJdbcTemplate jdbc, AuditLog audit,
                       ApplicationEventPublisher events, ObjectMapper json) {
        this.schemes = schemes;
        this.repository = repository;
        this.scope = scope;
        this.periods = periods;
        this.workingDays = workingDays;
        this.cadreResults = cadreResults;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    private record Context(AssessmentPeriod period, AssessmentResult result) {
    }

    /** The open period and a visible, included result at the expected stage. */
    private Context at(long periodId, long personId, AssessmentStage expected, Integer version) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        AssessmentResult result = scope.requireResult(period, personId);
        periods.requireOpen(period);
        if (!result.included()) {
            throw new BusinessRuleException(result.name() + "不参加本次考核");
        }
        if (version != null && version != result.version()) {
            throw new EditConflictException(result.name() + "的考核记录");
        }
        if (expected != null && result.stage() != expected) {
            throw new BusinessRuleException(result.name() + "当前处于“" + result.stage().chineseName() + "”环节，不能进行“"
                    + expected.chineseName() + "”，请勿重复提交");
        }
        return new Context(period, result);
    }

    private void move(Context c, String assignments, Map<String, Object> values, AssessmentStage next, String note) {
        Map<String, Object> v = new HashMap<>(values);
        v.put("next", next.name());
        if (!repository.update(c.period().id(), c.result().personId(), c.result().version(), assignments + ", stage = :next", v, user())) {
            throw new EditConflictException(c.result().name() + "的考核记录");
        }
        repository.step(c.period().id(), c.result().personId(), c.result().stage(), "SUBMIT", note, user());
    }

    /** 个人小结 (or 纪实 for a routine quarter). */
    void selfSummary(long periodId, long personId, String text, Integer version) {
        Context c = at(periodId, personId, AssessmentStage.SELF_SUMMARY, version);
        requireSelfOrClerk(c.result());
        if (text == null || text.isBlank()) {
            throw FieldErrors.of("text", "请填写个人小结");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw FieldErrors.of("text", "个人小结不能超过" + MAX_TEXT + "个字");
        }
        move(c, "self_summary = :text", Map.of("text", text.strip()), AssessmentStage.EVALUATION, null);
        audit.record("ASSESSMENT_SELF", "assessment_result", periodId + "/" + personId, c.result().name() + " 提交个人小结");
    }

    /** Only the person (with assessment:self) or a clerk managing the assessment may write the summary. */
    private static void requireSelfOrClerk(AssessmentResult result) {
        Actor actor = Actor.require();
        boolean self = actor.personId() != null && actor.personId() == result.personId() && actor.can("assessment:self");
        if (!self && !actor.can("assessment:manage")) {
            throw new org.springframework.security.access.AccessDeniedException("只能填写本人的个人小结");
        }
    }

    /** 领导评价: a total score, or indicator scores weighted by the scheme's indicators. */
    void evaluate(long periodId, long personId, EvaluationForm f, Integer version) {
        Context c = at(periodId, personId, AssessmentStage.EVALUATION, version);
        BigDecimal score = f.score();
        String indicatorScores = null;
        if (f.scores() != null && !f.scores().isEmpty()) {
            Scheme scheme = c.result().schemeId() == null ? null : schemes.find(c.result().schemeId()).orElse(null);
            if (scheme == null) {
                throw FieldErrors.of("scores", "该人员没有适用的考核方案，请直接填写总分");
            }
            Map<Long, BigDecimal> scores = new LinkedHashMap<>();
            for (var e : f.scores().entrySet()) {
                try {
                    scores.put(Long.parseLong(e.getKey()), e.getValue());
                } catch (NumberFormatException ex) {
                    throw FieldErrors.of("scores", "指标编号“" + e.getKey() + "”无效");
                }
            }
            score = schemes.weightedScore(scheme, scores);
            indicatorScores = json.writeValueAsString(scores);
        }
        if (score == null) {
            throw FieldErrors.of("score", "请填写评价得分");
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw FieldErrors.of("score", "评价得分应在0至100之间");
        }
        if (f.note() != null && f.note().strip().length() > 1000) {
            throw FieldErrors.of("note", "评价意见不能超过1000个字");
        }
        String suggested = c.period().annual() ? Optional.ofNullable(suggestion(c.result().personId(), c.period().year()))
                .map(AnnualGrade::code).orElse(null) : null;
        Map<String, Object> v = new HashMap<>();
        v.put("score", score.setScale(2, RoundingMode.HALF_UP));
        v.put("scores", indicatorScores);
        v.put("note", f.note() == null || f.note().isBlank() ? null : f.note().strip());
        v.put("suggested", suggested);
        move(c, "score = :score, indicator_scores = CAST(:scores AS jsonb), evaluation_note = :note, suggested_grade = :suggested",
                v, AssessmentStage.PROPOSAL, "得分 " + score.setScale(2, RoundingMode.HALF_UP));
        audit.record("ASSESSMENT_EVALUATE", "assessment_result", periodId + "/" + personId, c.result().name() + " 领导评价 " + score);
    }

    /** The annual grade the person's confirmed routine grades of the year suggest (F21 rule), or null. */
    AnnualGrade suggestion(long personId, int year) {
        List<RoutineGrade> grades = new ArrayList<>();
        jdbc.query("""
                SELECT r.grade FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id
                WHERE r.person_id = :p AND p.year = :y AND p.kind = 'ROUTINE' AND r.stage = 'CONFIRMED' AND r.included""",
                Map.of("p", personId, "y", year),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> RoutineGrade.of(rs.getString(1)).ifPresent(grades::add));
        return periods.rules().suggest(grades);
    }

    /** 拟定等次 by the unit committee; a deviation from the suggestion and 不定等次/不进行考核 need a reason. */
    void propose(long periodId, long personId, GradeForm f) {
        Context c = at(periodId, personId, AssessmentStage.PROPOSAL, f.version());
        String grade = checkGrade(c, f);
        move(c, "grade = :grade, grade_reason = :reason", reasonValues(grade, f.reason()), AssessmentStage.PUBLICITY,
                "拟定等次：" + gradeName(c.period(), grade));
        audit.record("ASSESSMENT_PROPOSE", "assessment_result", periodId + "/" + personId,
                c.result().name() + " 拟定 " + gradeName(c.period(), grade));
    }

    private static Map<String, Object> reasonValues(String grade, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("grade", grade);
        v.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        return v;
    }

    /** Validates a grade for the period's kind; returns the stored value. */
    private String checkGrade(Context c, GradeForm f) {
        String g = f.grade() == null ? "" : f.grade().strip();
        String reason = f.reason() == null ? "" : f.reason().strip();
        if (reason.length() > 500) {
            throw FieldErrors.of("reason", "理由不能超过500个字");
        }
        if (c.period().annual()) {
            AnnualGrade grade = AnnualGrade.ofCode(g).orElseThrow(() -> FieldErrors.of("grade",
                    g.isEmpty() ? "请选择考核等次" : "年度考核等次代码“" + g + "”无效（1 优秀、2 称职、3 基本称职、4 不称职、5A/5B/5C 不定等次、6A/6B 不进行考核）"));
            if ((g.startsWith("5") || g.startsWith("6")) && reason.isEmpty()) {
                throw FieldErrors.of("reason", grade.chineseName() + "须写明原因");
            }
            String suggested = c.result().suggestedGrade();
            if (suggested != null && !suggested.equals(g) && reason.isEmpty()) {
                throw FieldErrors.of("reason", "所定等次与平时考核建议（" + AnnualGrade.ofCode(suggested).map(AnnualGrade::chineseName).orElse(suggested)
                        + "）不一致，须写明理由");
            }
            return grade.code();
        }
        RoutineGrade grade = RoutineGrade.of(g).orElseThrow(() -> FieldErrors.of("grade",
                g.isEmpty() ? "请选择平时考核等次" : "平时考核等次应为 好、较好、一般、较差"));
        return grade.name();
    }

    static String gradeName(AssessmentPeriod period, String grade) {
        return grade == null ? "—" : period.gradeName(grade);
    }

    /** Sends a person's assessment back one stage with the reason (also out of 公示, on a complaint). */
    void sendBack(long periodId, long personId, String reason, Integer version) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        AssessmentResult result = scope.requireResult(period, personId);
        periods.requireOpen(period);
        if (version != null && version != result.version()) {
            throw new EditConflictException(result.name() + "的考核记录");
        }
        AssessmentStage back = result.stage().previous();
        if (back == null || result.stage() == AssessmentStage.CONFIRMED) {
            throw new BusinessRuleException(result.stage() == AssessmentStage.CONFIRMED ? "结果已确认，不能退回" : "已是第一个环节，不能退回");
        }
        if (reason == null || reason.isBlank()) {
            throw FieldErrors.of("reason", "请填写退回原因");
        }
        if (reason.strip().length() > 1000) {
            throw FieldErrors.of("reason", "退回原因不能超过1000个字");
        }
        if (!repository.update(periodId, personId, result.version(), "stage = :back, publicity_from = NULL, publicity_to = NULL",
                Map.of("back", back.name()), user())) {
            throw new EditConflictException(result.name() + "的考核记录");
        }
        repository.step(periodId, personId, result.stage(), "RETURN", reason.strip(), user());
        audit.record("ASSESSMENT_RETURN", "assessment_result", periodId + "/" + personId,
                result.name() + " 从“" + result.stage().chineseName() + "”退回至“" + back.chineseName() + "”：" + reason.strip());
    }

    /**
     * 公示 of a unit: every included person must have a proposed grade; the period's number of working
     * days from the first working day from today. Returns the last day.
     */
    LocalDate startPublicity(long periodId, long orgId) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        OrganizationSummary unit = scope.requireUnit(period, orgId);
        periods.requireOpen(period);
        UnitProgress progress = periods.unit(period, orgId);
        int notReady = progress.selfSummary() + progress.evaluation() + progress.proposal();
        if (progress.included() == 0) {
            throw new BusinessRuleException(unit.name() + "没有考核对象");
        }
        if (notReady > 0) {
            throw new BusinessRuleException(unit.name() + "尚有 " + notReady + " 人未拟定等次，不能公示");
        }
        if (period.publicityDays() == 0) {
            throw new BusinessRuleException("本考核周期不需公示，可直接确认");
        }
        if (progress.overQuota() > 0) {
            throw new BusinessRuleException(quotaMessage(period, unit.name(), progress));
        }
        LocalDate from = workingDays.firstWorkingDayFrom(LocalDate.now());
        LocalDate to = workingDays.lastOf(from, period.publicityDays());
        int n = jdbc.update("""
                UPDATE assessment_result SET publicity_from = :f, publicity_to = :t, version = version + 1, updated_at = now(), updated_by = :u
                WHERE period_id = :pe AND org_id = :o AND included AND stage = 'PUBLICITY' AND publicity_from IS NULL""",
                Map.of("f", from, "t", to, "u", user(), "pe", periodId, "o", orgId));
        if (n == 0) {
            throw new BusinessRuleException(unit.name() + "的考核结果已在公示中，请勿重复提交");
        }
        audit.record("ASSESSMENT_PUBLICITY", "assessment_period", periodId,
                unit.name() + " 公示 " + n + " 人：" + from + " 至 " + to + "（" + period.publicityDays() + "个工作日）");
        return to;
    }

    private static String quotaMessage(AssessmentPeriod period, String unit, UnitProgress p) {
        String what = period.annual() ? "优秀" : "好";
        return unit + "“" + what + "”等次 " + p.excellentUsed() + " 人，超出名额 " + p.overQuota() + " 人（考核 " + p.assessed()
                + " 人，比例 " + p.percent() + "%，最多 " + p.excellentAllowed() + " 人" + (period.annual() && !p.approved()
                ? "；确需提高至25%须报批" : "") + "）";
    }

    /**
     * 确认 a unit's results: all its included people past 公示 (or without 公示 in this period), within
     * quota. Annual results go into the cadre files; two consecutive 不称职 raise a dismissal review.
     */
    int confirm(long periodId, long orgId) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        OrganizationSummary unit = scope.requireUnit(period, orgId);
        periods.requireOpen(period);
        UnitProgress progress = periods.unit(period, orgId);
        if (progress.included() == 0) {
            throw new BusinessRuleException(unit.name() + "没有考核对象");
        }
        if (progress.confirmed() == progress.included()) {
            throw new BusinessRuleException(unit.name() + "的考核结果已确认，请勿重复提交");
        }
        int notReady = progress.selfSummary() + progress.evaluation() + progress.proposal();
        if (notReady > 0) {
            throw new BusinessRuleException(unit.name() + "尚有 " + notReady + " 人未拟定等次，不能确认");
        }
        if (progress.overQuota() > 0) {
            throw new BusinessRuleException("不能确认：" + quotaMessage(period, unit.name(), progress));
        }
        LocalDate today = LocalDate.now();
        if (period.publicityDays() > 0) {
            if (progress.publicityFrom() == null) {
                throw new BusinessRuleException(unit.name() + "的考核结果尚未公示");
            }
            long unpublished = jdbc.queryForObject("""
                    SELECT count(*) FROM assessment_result WHERE period_id = :pe AND org_id = :o AND included AND stage = 'PUBLICITY'
                      AND (publicity_to IS NULL OR publicity_to >= :today)""", Map.of("pe", periodId, "o", orgId, "today", today), Long.class);
            if (unpublished > 0) {
                throw new BusinessRuleException(unit.name() + "公示期至 " + progress.publicityTo() + " 结束，期满后方可确认（" + unpublished + " 人）");
            }
        }
        int confirmed = confirmUnits(period, List.of(orgId));
        audit.record("ASSESSMENT_CONFIRM", "assessment_period", periodId, unit.name() + " 确认考核结果 " + confirmed + " 人");
        return confirmed;
    }

    /** What confirming every ready unit of a subtree did: people confirmed, units confirmed, units left with why. */
    record BatchConfirmation(int people, int units, List<String> skipped) {
    }

    /**
     * 确认 every unit of a subtree that is ready — all proposed, within quota, 公示 over — in one pass;
     * the others are listed with the reason. Set-based: a city's thousands of units in a few statements.
     */
    BatchConfirmation confirmReady(long periodId, Long orgId) {
        AssessmentPeriod period = periods.requireOpen(periodId);
        LocalDate today = LocalDate.now();
        List<Long> ready = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int page = 0;
        while (true) {
            var units = periods.progress(periodId, orgId, org.zugong.platform.web.PageRequest.of(page, org.zugong.platform.web.PageRequest.MAX_SIZE));
            for (UnitProgress u : units.content()) {
                int notReady = u.selfSummary() + u.evaluation() + u.proposal();
                if (u.included() == 0 || u.confirmed() == u.included()) {
                    continue;
                }
                if (notReady > 0) {
                    skipped.add(u.orgName() + "：尚有 " + notReady + " 人未拟定等次");
                } else if (u.overQuota() > 0) {
                    skipped.add(quotaMessage(period, u.orgName(), u));
                } else if (period.publicityDays() > 0 && (u.publicityFrom() == null || !u.publicityTo().isBefore(today))) {
                    skipped.add(u.orgName() + (u.publicityFrom() == null ? "：尚未公示" : "：公示期至 " + u.publicityTo()));
                } else {
                    ready.add(u.orgId());
                }
            }
            if (!units.hasNext()) {
                break;
            }
            page++;
        }
        int people = ready.isEmpty() ? 0 : confirmUnits(period, ready);
        audit.record("ASSESSMENT_CONFIRM", "assessment_period", periodId,
                "批量确认考核结果：" + ready.size() + " 个单位 " + people + " 人；未确认 " + skipped.size() + " 个单位");
        return new BatchConfirmation(people, ready.size(), skipped);
    }

    /** Confirms the ready results of these units (checked by the caller) and carries out the consequences. */
    private int confirmUnits(AssessmentPeriod period, List<Long> units) {
        String user = user();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                UPDATE assessment_result SET stage = 'CONFIRMED', confirmed_at = now(), confirmed_by = :u, version = version + 1,
                  updated_at = now(), updated_by = :u
                WHERE period_id = :pe AND org_id IN (:units) AND included AND stage = 'PUBLICITY'
                RETURNING person_id, org_id, grade""", Map.of("u", user, "pe", period.id(), "units", units));
        jdbc.update("""
                INSERT INTO assessment_step (period_id, person_id, stage, action, note, done_by)
                SELECT period_id, person_id, 'PUBLICITY', 'SUBMIT', '确认', :u FROM assessment_result
                WHERE period_id = :pe AND org_id IN (:units) AND stage = 'CONFIRMED' AND confirmed_at = now()""",
                Map.of("u", user, "pe", period.id(), "units", units));
        if (period.annual()) {
            Map<Long, AnnualGrade> grades = new LinkedHashMap<>();
            for (Map<String, Object> r : rows) {
                grades.put(((Number) r.get("person_id")).longValue(), AnnualGrade.ofCode((String) r.get("grade")).orElseThrow());
            }
            cadreResults.record(period.year(), grades, period.name());
            flagDismissalReviews(period, grades);
        } else {
            for (Map<String, Object> r : rows) {
                events.publishEvent(new RoutineResultConfirmed(((Number) r.get("person_id")).longValue(), period.year(), period.quarter(),
                        RoutineGrade.of((String) r.get("grade")).orElseThrow()));
            }
        }
        Map<Long, Integer> perUnit = new HashMap<>();
        rows.forEach(r -> perUnit.merge(((Number) r.get("org_id")).longValue(), 1, Integer::sum));
        perUnit.forEach((unit, n) -> events.publishEvent(new AssessmentConfirmed(period.id(), unit, period.kind(), period.year(),
                period.quarter(), n)));
        return rows.size();
    }

    /** 连续两年不称职: flags the result and announces the review. */
    private void flagDismissalReviews(AssessmentPeriod period, Map<Long, AnnualGrade> grades) {
        List<Long> incompetent = grades.entrySet().stream()
                .filter(e -> e.getValue() == AnnualGrade.INCOMPETENT || e.getValue() == AnnualGrade.UNQUALIFIED)
                .map(Map.Entry::getKey).toList();
        if (incompetent.isEmpty()) {
            return;
        }
        Map<Long, AnnualGrade> lastYear = cadreResults.ofYear(period.year() - 1, incompetent);
        for (Long person : incompetent) {
            AnnualGrade before = lastYear.get(person);
            if (before == AnnualGrade.INCOMPETENT || before == AnnualGrade.UNQUALIFIED) {
                jdbc.update("UPDATE assessment_result SET dismissal_review = TRUE WHERE period_id = :pe AND person_id = :p",
                        Map.of("pe", period.id(), "p", person));
                audit.record("ASSESSMENT_DISMISSAL_REVIEW", "person", person, "连续两年年度考核不称职（" + (period.year() - 1) + "、" + period.year() + "），应进行辞退审查");
                events.publishEvent(new DismissalReviewFlagged(person, period.year(), period.id()));
            }
        }
    }

    /**
     * Sets a grade directly (API and bulk entry): for a person not yet in 公示, recorded as the proposal
     * with the earlier steps marked as entered in bulk.
     */
    void enter(AssessmentPeriod period, AssessmentResult result, String grade, String reason, String how) {
        if (!result.included()) {
            throw FieldErrors.of("grade", result.name() + "不参加本次考核");
        }
        if (result.stage() == AssessmentStage.CONFIRMED || result.publicityFrom() != null) {
            throw FieldErrors.of("grade", result.name() + "的结果已" + (result.stage() == AssessmentStage.CONFIRMED ? "确认" : "在公示中") + "，不能修改");
        }
        Context c = new Context(period, result);
        String stored = checkGrade(c, new GradeForm(grade, reason, null));
        Map<String, Object> v = reasonValues(stored, reason);
        v.put("next", AssessmentStage.PUBLICITY.name());
        if (!repository.update(period.id(), result.personId(), result.version(), "grade = :grade, grade_reason = :reason, stage = :next", v, user())) {
            throw new EditConflictException(result.name() + "的考核记录");
        }
        repository.step(period.id(), result.personId(), result.stage(), "SUBMIT", how + "：" + gradeName(period, stored), user());
    }

    static String user() {
        return AssessmentPeriods.user();
    }
}
