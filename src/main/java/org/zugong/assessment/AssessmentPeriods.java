package org.zugong.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.cadre.AnnualGrade;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * F21: opening and closing periods over a subtree, their population (derived from the cadre files,
 * adjustable with reasons), per-unit progress and quotas, and quota approvals.
 */
@Service
@Transactional
class AssessmentPeriods {

    private final AssessmentRepository repository;
    private final AssessmentScope scope;
    private final Organizations organizations;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;
    private final AssessmentRules rules = AssessmentRules.load();

    AssessmentPeriods(AssessmentRepository repository, AssessmentScope scope, Organizations organizations, AuditLog audit,
                      org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.scope = scope;
        this.organizations = organizations;
        this.audit = audit;
    }

    AssessmentRules rules() {
        return rules;
    }

    @Transactional(readOnly = true)
    List<AssessmentPeriod> list(Integer year, PeriodKind kind, PageRequest page) {
        Jurisdiction j = scope.jurisdiction();
        if (j.all()) {
            return repository.periods(null, null, year, kind, page.size(), (int) page.offset());
        }
        // Single organizations of the scope (仅本单位) count as the places a period may lie above.
        List<String> above = new ArrayList<>(j.paths());
        List<String> inside = new ArrayList<>(j.paths());
        for (Long id : j.orgIds()) {
            organizations.path(id).ifPresent(path -> {
                above.add(path);
                inside.add(path);
            });
        }
        return repository.periods(inside, above, year, kind, page.size(), (int) page.offset());
    }

    long open(PeriodForm f) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        PeriodKind kind = null;
        try {
            kind = f.kind() == null ? null : PeriodKind.valueOf(f.kind());
        } catch (IllegalArgumentException e) {
            errors.add("kind", "考核类型应为平时考核或年度考核");
        }
        if (kind == null && !errors.hasField("kind")) {
            errors.add("kind", "请选择考核类型");
        }
        int thisYear = LocalDate.now().getYear();
        if (f.year() == null) {
            errors.add("year", "请填写考核年度");
        } else if (f.year() < 2000 || f.year() > thisYear) {
            errors.add("year", "考核年度应在2000至" + thisYear + "之间");
        }
        if (kind == PeriodKind.ROUTINE && (f.quarter() == null || f.quarter() < 1 || f.quarter() > 4)) {
            errors.add("quarter", "平时考核请选择季度（1–4）");
        }
        int publicityDays = f.publicityDays() != null ? f.publicityDays() : kind == PeriodKind.ANNUAL ? rules.publicityWorkingDays() : 0;
        if (publicityDays < 0 || publicityDays > 30) {
            errors.add("publicityDays", "公示天数应在0至30个工作日之间");
        }
        int percent = f.excellentPercent() != null ? f.excellentPercent() : rules.excellentPercent();
        if (percent < 1 || percent > rules.excellentPercent()) {
            errors.add("excellentPercent", "优秀比例应在1%至" + rules.excellentPercent() + "%之间；更高比例须按单位报批（" + rules.ruleSet() + "）");
        }
        Integer goodCap = f.goodCapPercent() != null ? f.goodCapPercent() : rules.routineGoodCapPercent();
        if (goodCap != null && (goodCap < 1 || goodCap > 100)) {
            errors.add("goodCapPercent", "“好”等次比例上限应在1%至100%之间，或留空表示不限");
        }
        OrganizationSummary org = null;
        if (f.orgId() == null) {
            errors.add("orgId", "请选择考核范围（组织）");
        } else if (!organizations.isVisible(f.orgId())) {
            audit.recordAlone("ACCESS_DENIED", "organization", f.orgId(), "开启考核周期时选择了管辖范围外的组织", AuditOutcome.DENIED);
            errors.add("orgId", "所选组织不存在或不在您的管辖范围内");
        } else {
            org = organizations.find(f.orgId()).orElseThrow();
        }
        errors.throwIfAny();
        Integer quarter = kind == PeriodKind.ROUTINE ? f.quarter() : null;
        if (repository.periodExists(org.id(), kind, f.year(), quarter)) {
            throw FieldErrors.of("year", org.name() + "已开启" + name(kind, f.year(), quarter) + "，不能重复开启");
        }
        String user = user();
        String name = name(kind, f.year(), quarter);
        long id = repository.insertPeriod(org.id(), kind, f.year(), quarter, name, publicityDays, percent,
                kind == PeriodKind.ROUTINE ? goodCap : null, user);
        int people = repository.insertPopulation(id, org.path(), user);
        int withScheme = assignSchemes(id, LocalDate.of(f.year(), 12, 31).isAfter(LocalDate.now()) ? LocalDate.now() : LocalDate.of(f.year(), 12, 31));
        audit.record("ASSESSMENT_OPEN", "assessment_period", id, org.name() + name + "：考核对象 " + people + " 人，其中 "
                + withScheme + " 人适用考核方案");
        return id;
    }

    /**
     * Gives each result the scheme for its unit, unit category and post type (F20 分类设置考核指标), as
     * {@link AssessmentSchemes#applicable} chooses it — the exact post type before 综合管理类 (never for
     * leaders), then the nearest organization on the path — for every distinct combination at once, in
     * one statement (a city has thousands of combinations; one lookup each took half a minute).
     *
     * <p>The period's results were inserted in this very transaction, so the planner's statistics know none of
     * them and estimate one row: it then nests the loops (each result against every result and every
     * combination's lookup — over five minutes for a province's 300,000 cadres, issue 8). Nested loops are
     * therefore off for this statement only: the joins become hash joins and each combination is looked up once.
     */
    private int assignSchemes(long periodId, LocalDate on) {
        // Local to the transaction: a failure rolls it back, and with it the setting.
        jdbc.queryForObject("SELECT set_config('enable_nestloop', 'off', true)", Map.of(), String.class);
        int assigned = updateSchemes(periodId, on);
        jdbc.queryForObject("SELECT set_config('enable_nestloop', 'on', true)", Map.of(), String.class);
        return assigned;
    }

    private int updateSchemes(long periodId, LocalDate on) {
        return jdbc.update("""
                WITH person AS (
                  SELECT r.person_id, r.org_id, o.path,
                         CASE c.category WHEN '参公' THEN '参公事业单位' WHEN '事业' THEN '事业单位' WHEN '国企' THEN '国有企业' ELSE '机关' END AS unit_category,
                         CASE WHEN c.post_level IS NOT NULL THEN '领导班子成员' ELSE coalesce(c.job_class, '综合管理类') END AS post_type
                  FROM assessment_result r JOIN cadre_view c ON c.person_id = r.person_id JOIN org_organization o ON o.id = r.org_id
                  WHERE r.period_id = :period),
                combination AS (SELECT DISTINCT org_id, path, unit_category, post_type FROM person),
                pick AS (
                  SELECT k.org_id, k.unit_category, k.post_type,
                         (SELECT s.id FROM assessment_scheme s JOIN org_organization so ON so.id = s.org_id
                          WHERE k.path LIKE so.path || '%' AND s.unit_category = k.unit_category
                            AND (s.post_type = k.post_type OR (k.post_type <> '领导班子成员' AND s.post_type = '综合管理类'))
                            AND s.valid_from <= :on AND (s.valid_to IS NULL OR s.valid_to >= :on)
                          ORDER BY s.post_type = k.post_type DESC, length(so.path) DESC, s.id LIMIT 1) AS scheme_id
                  FROM combination k)
                UPDATE assessment_result r SET scheme_id = pick.scheme_id
                FROM person, pick
                WHERE r.period_id = :period AND person.person_id = r.person_id AND pick.org_id = person.org_id
                  AND pick.unit_category = person.unit_category AND pick.post_type = person.post_type AND pick.scheme_id IS NOT NULL""",
                Map.of("period", periodId, "on", on));
    }

    /** The scheme category of a cadre file's category (公务员 work in organs). */
    static SchemeUnitCategory unitCategory(String cadreCategory) {
        if (cadreCategory == null) {
            return SchemeUnitCategory.机关;
        }
        return switch (cadreCategory) {
            case "参公" -> SchemeUnitCategory.参公事业单位;
            case "事业" -> SchemeUnitCategory.事业单位;
            case "国企" -> SchemeUnitCategory.国有企业;
            default -> SchemeUnitCategory.机关;
        };
    }

    static String name(PeriodKind kind, int year, Integer quarter) {
        return kind == PeriodKind.ANNUAL ? year + "年度考核" : year + "年第" + "一二三四".charAt(quarter - 1) + "季度平时考核";
    }

    void close(long id, Integer version) {
        AssessmentPeriod period = scope.requirePeriod(id);
        requireOwnPeriod(period);
        if (!period.open()) {
            throw new BusinessRuleException("该考核周期已结束");
        }
        long unfinished = repository.countResults(id, new SqlCondition("r.included AND r.stage <> 'CONFIRMED'", Map.of()));
        if (unfinished > 0) {
            throw new BusinessRuleException("尚有 " + unfinished + " 人的考核结果未确认，不能结束考核周期");
        }
        if (!repository.close(id, version == null ? period.version() : version, user())) {
            throw new EditConflictException("考核周期“" + period.name() + "”");
        }
        audit.record("ASSESSMENT_CLOSE", "assessment_period", id, period.orgName() + period.name());
    }

    /** Only the organization that opened a period (or above) may close it. */
    void requireOwnPeriod(AssessmentPeriod period) {
        Jurisdiction j = scope.jurisdiction();
        if (!j.covers(period.orgPath(), period.orgId())) {
            throw new BusinessRuleException("该考核周期由" + period.orgName() + "开启，只能由其结束");
        }
    }

    /** Takes a person out of the population, or back in, with the reason on record. */
    void setIncluded(long periodId, long personId, boolean included, String note, Integer version) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        AssessmentResult result = scope.requireResult(period, personId);
        requireOpen(period);
        if (note == null || note.isBlank()) {
            throw FieldErrors.of("note", included ? "请填写纳入考核的原因" : "请填写不参加考核的原因（如 新录用未满试用期、病假超过半年）");
        }
        if (note.strip().length() > 500) {
            throw FieldErrors.of("note", "原因不能超过500个字");
        }
        if (result.stage() == AssessmentStage.CONFIRMED) {
            throw new BusinessRuleException("结果已确认，不能再调整考核对象");
        }
        if (result.included() == included) {
            throw new BusinessRuleException(included ? "该人员已在考核对象中" : "该人员已不在考核对象中");
        }
        if (!repository.update(periodId, personId, version == null ? result.version() : version,
                "included = :inc, inclusion_note = :note", Map.of("inc", included, "note", note.strip()), user())) {
            throw new EditConflictException(result.name() + "的考核记录");
        }
        repository.step(periodId, personId, result.stage(), "ADJUST", (included ? "纳入考核：" : "不参加考核：") + note.strip(), user());
        audit.record("ASSESSMENT_ADJUST", "assessment_result", periodId + "/" + personId,
                result.name() + (included ? " 纳入考核：" : " 不参加考核：") + note.strip());
    }

    AssessmentPeriod requireOpen(long periodId) {
        return requireOpen(scope.requirePeriod(periodId));
    }

    /**
     * Refuses a closed period. Callers that address a result or a unit of the period check that
     * record's jurisdiction first, so that a probe for another jurisdiction's record answers 404 (and
     * is audited) whatever the period's status.
     */
    AssessmentPeriod requireOpen(AssessmentPeriod period) {
        if (!period.open()) {
            throw new BusinessRuleException("该考核周期已结束");
        }
        return period;
    }

    /** Per-unit progress inside the caller's jurisdiction (optionally one subtree), paged by unit. */
    @Transactional(readOnly = true)
    PageResult<UnitProgress> progress(long periodId, Long orgId, PageRequest page) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        SqlCondition where = where(period, orgId);
        String excellent = period.annual() ? AnnualGrade.EXCELLENT.code() : RoutineGrade.好.name();
        List<UnitProgress> rows = new ArrayList<>();
        for (Map<String, Object> r : repository.progress(periodId, where, excellent, page.size(), (int) page.offset())) {
            rows.add(progress(period, r));
        }
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.countUnits(periodId, where);
        return PageResult.of(rows, page, total);
    }

    /** One unit's progress and quota (the unit's own results, not its subtree's). */
    @Transactional(readOnly = true)
    UnitProgress unit(AssessmentPeriod period, long orgId) {
        scope.requireUnit(period, orgId);
        String excellent = period.annual() ? AnnualGrade.EXCELLENT.code() : RoutineGrade.好.name();
        List<Map<String, Object>> rows = repository.progress(period.id(), new SqlCondition("r.org_id = :unit", Map.of("unit", orgId)),
                excellent, 1, 0);
        if (rows.isEmpty()) {
            String name = organizations.find(orgId).map(OrganizationSummary::name).orElse("");
            Integer percent = quotaPercent(period, null);
            return new UnitProgress(orgId, name, 0, 0, 0, 0, 0, 0, 0, 0, percent == null ? null : 0, 0, percent, false, null, null);
        }
        return progress(period, rows.getFirst());
    }

    SqlCondition where(AssessmentPeriod period, Long orgId) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        SqlCondition j = scope.condition();
        terms.add(j.sql());
        params.putAll(j.params());
        if (orgId != null) {
            OrganizationSummary org = scope.requireUnit(period, orgId);
            terms.add("o.path LIKE :subtree");
            params.put("subtree", org.path() + "%");
        }
        return new SqlCondition(String.join(" AND ", terms), params);
    }

    private UnitProgress progress(AssessmentPeriod period, Map<String, Object> r) {
        int assessed = ((Number) r.get("assessed")).intValue();
        Integer approved = r.get("approved_percent") == null ? null : ((Number) r.get("approved_percent")).intValue();
        Integer percent = quotaPercent(period, approved);
        return new UnitProgress(((Number) r.get("org_id")).longValue(), (String) r.get("org_name"), n(r, "total"), n(r, "included"),
                n(r, "self_summary"), n(r, "evaluation"), n(r, "proposal"), n(r, "publicity"), n(r, "confirmed"), assessed,
                percent == null ? null : AssessmentRules.allowed(assessed, percent), n(r, "excellent"), percent, approved != null,
                date(r.get("publicity_from")), date(r.get("publicity_to")));
    }

    /** The percent for 优秀 (annual) or 好 (routine, null when uncapped). */
    static Integer quotaPercent(AssessmentPeriod period, Integer approved) {
        if (period.annual()) {
            return approved != null ? approved : period.excellentPercent();
        }
        return period.goodCapPercent();
    }

    private static int n(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).intValue();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** Records an approval raising a unit's 优秀 percent above the default, up to the rule set's maximum. */
    void approveQuota(long periodId, long orgId, QuotaApprovalForm f) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        OrganizationSummary unit = scope.requireUnit(period, orgId);
        requireOpen(period);
        if (!period.annual()) {
            throw new BusinessRuleException("只有年度考核的优秀比例可以报批提高");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.percent() == null || f.percent() <= period.excellentPercent() || f.percent() > rules.approvedMaxPercent()) {
            errors.add("percent", "经批准的优秀比例应高于" + period.excellentPercent() + "%、不超过" + rules.approvedMaxPercent() + "%（" + rules.ruleSet() + "）");
        }
        if (f.document() == null || f.document().isBlank()) {
            errors.add("document", "请填写批准文件（文号）");
        } else if (f.document().strip().length() > 200) {
            errors.add("document", "批准文件不能超过200个字");
        }
        if (f.reason() != null && f.reason().strip().length() > 500) {
            errors.add("reason", "理由不能超过500个字");
        }
        errors.throwIfAny();
        repository.approve(periodId, orgId, f.percent(), f.document().strip(), f.reason() == null ? null : f.reason().strip(), user());
        audit.record("ASSESSMENT_QUOTA_APPROVAL", "assessment_period", periodId,
                unit.name() + " 优秀比例提高至 " + f.percent() + "%（" + f.document().strip() + "）");
    }

    static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
