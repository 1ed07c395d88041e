package org.zugong.talent;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.Organizations;
import org.zugong.platform.calendar.WorkCalendar;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.excel.ExcelDownload;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 人才认定 (F70): the application (by the talent on the portal, or by the employer's HR or the talent office on the
 * person's behalf) with its evidence, then 用人单位确认 → 人才办审核 → 专家评审 → 公示 → 认定, each step checked (order,
 * dates not before the previous step and not in the future, permission, version) and audited. Refusal is possible
 * at every step, with a reason the applicant sees; the applicant withdraws before the committee. Recognition writes
 * the registry record and publishes {@link TalentRecognized}.
 *
 * <p>Who sees an application: staff whose jurisdiction covers its employer unit (the employer's HR, with the
 * 仅本单位 scope, sees its own unit's); a talent account its own only. Anything else is audited and answers 404.
 */
@Service
@Transactional
public class TalentRecognitions {

    static final List<String> EVIDENCE_KINDS = List.of("学历学位", "职称", "奖项", "专利", "薪酬", "其他");
    static final int EXPORT_MAX_ROWS = 100_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final RecognitionRepository repository;
    private final TalentRepository talents;
    private final Organizations organizations;
    private final WorkCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    TalentRecognitions(RecognitionRepository repository, TalentRepository talents, Organizations organizations, WorkCalendar calendar,
                       AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.talents = talents;
        this.organizations = organizations;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public RecognitionRule rule() {
        return repository.rule();
    }

    SqlCondition scope() {
        Actor actor = Actor.require();
        if (isTalent(actor)) {
            return new SqlCondition("a.person_id = :self", Map.of("self", actor.personId() == null ? -1L : actor.personId()));
        }
        return organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
    }

    private static boolean isTalent(Actor actor) {
        return actor.can(Permissions.TALENT_SELF);
    }

    @Transactional(readOnly = true)
    PageResult<TalentApplication> search(RecognitionRepository.Criteria criteria, PageRequest page) {
        List<TalentApplication> rows = new ArrayList<>(repository.page(scope(), criteria, page.size() + 1, page.offset()));
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        return PageResult.of(rows, page, page.offset() + rows.size() + (more ? 1 : 0));
    }

    /** The application if the caller may see it; otherwise audited and 404 (like a missing one). */
    @Transactional(readOnly = true)
    TalentApplication requireVisible(long id) {
        var found = repository.find(id);
        Actor actor = Actor.require();
        boolean visible = found.isPresent() && (isTalent(actor)
                ? actor.personId() != null && actor.personId() == found.get().application().personId()
                : organizations.jurisdiction().covers(found.get().orgPath(), found.get().application().orgId()));
        if (!visible) {
            audit.recordAlone("ACCESS_DENIED", "talent_application", id, "认定申请不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("认定申请", id);
        }
        return found.get().application();
    }

    /** {@link #requireVisible} and a view audit row. */
    TalentApplication view(long id) {
        TalentApplication a = requireVisible(id);
        audit.record("TALENT_APPLICATION_VIEW", "talent_application", id, "查看认定申请：" + a.personName());
        return a;
    }

    @Transactional(readOnly = true)
    List<RecognitionRepository.Evidence> evidence(long id) {
        requireVisible(id);
        return repository.evidence(id);
    }

    @Transactional(readOnly = true)
    List<RecognitionRepository.Step> steps(long id) {
        requireVisible(id);
        return repository.steps(id);
    }

    /** The applications of a person within the jurisdiction (the person tab, the talent section). */
    @Transactional(readOnly = true)
    List<TalentApplication> ofPerson(long personId) {
        return repository.ofPerson(personId, organizations.jurisdiction().orgCondition("o.path", "o.id", "j"));
    }

    /** The signed-in talent's own applications. */
    @Transactional(readOnly = true)
    List<TalentApplication> ofSelf() {
        Long personId = Actor.require().personId();
        return personId == null ? List.of() : repository.ofPerson(personId);
    }

    /**
     * Files a new application. A talent account applies for itself (its unit, dated today); staff holding
     * talent:write or talent:employer file one on a person's behalf within their jurisdiction.
     */
    long create(TalentApplicationForm form) {
        return create(form, "APPLICATION");
    }

    long create(TalentApplicationForm form, String source) {
        Actor actor = Actor.require();
        FieldErrors.Collector errors = new FieldErrors.Collector();
        Long personId = isTalent(actor) ? actor.personId() : form.personId();
        Long orgId = isTalent(actor) ? null : form.orgId();
        LocalDate appliedOn = isTalent(actor) || form.appliedOn() == null ? LocalDate.now() : form.appliedOn();
        String personName = null;
        if (personId == null) {
            errors.add("personId", "请选择申请人");
        } else {
            var unit = repository.personUnit(personId);
            Jurisdiction j = organizations.jurisdiction();
            // staff file only for a person whose own unit lies in their jurisdiction; the employer unit is checked below
            if (unit.isEmpty() || (!isTalent(actor) && !j.covers((String) unit.get()[1], (Long) unit.get()[0]))) {
                errors.add("personId", "人员不存在或不在管辖范围内");
            } else {
                personName = (String) unit.get()[2];
                if (orgId == null) {
                    orgId = (Long) unit.get()[0];
                }
            }
        }
        if (orgId != null && !isTalent(actor) && !organizations.isVisible(orgId)) {
            errors.add("orgId", "用人单位不存在或不在管辖范围内");
        }
        if (form.tierCode() == null || talents.tiers().stream().noneMatch(t -> t.code().equals(form.tierCode().trim()))) {
            errors.add("tierCode", "请选择申报的人才层次");
        }
        if (form.category() == null || !TalentRegistry.CATEGORIES.contains(form.category().trim())) {
            errors.add("category", "请选择人才类别");
        }
        if (form.introductionMode() == null || !TalentRegistry.MODES.contains(form.introductionMode().trim())) {
            errors.add("introductionMode", "请选择引进方式（全职或柔性）");
        }
        if (form.introducedOn() == null) {
            errors.add("introducedOn", "请填写引进日期");
        } else if (form.introducedOn().isAfter(LocalDate.now())) {
            errors.add("introducedOn", "引进日期不能晚于今天");
        } else if (form.introducedOn().getYear() < 1950) {
            errors.add("introducedOn", "引进日期不正确");
        }
        if (appliedOn.isAfter(LocalDate.now())) {
            errors.add("appliedOn", "申请日期不能晚于今天");
        } else if (form.introducedOn() != null && appliedOn.isBefore(form.introducedOn())) {
            errors.add("appliedOn", "申请日期不能早于引进日期");
        }
        length(errors, "field", form.field(), 200, "专业领域");
        length(errors, "note", form.note(), 500, "备注");
        for (int i = 0; i < form.evidence().size(); i++) {
            checkEvidence(errors, "evidence[" + i + "]", form.evidence().get(i).kind(), form.evidence().get(i).description());
        }
        errors.throwIfAny();
        long id;
        try {
            id = repository.insert(personId, orgId, form, source, appliedOn, user());
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleException("该人员已有一份正在办理的认定申请，不能重复申请");
        }
        for (TalentApplicationForm.Evidence e : form.evidence()) {
            repository.insertEvidence(id, e.kind().trim(), e.description().trim(), null, null, null, user());
        }
        repository.step(id, "SUBMIT", appliedOn, "DONE",
                "RURAL_POINTS".equals(source) ? "乡土人才积分达到候选标准，推荐认定" : "申报" + form.tierCode().trim() + "类", user());
        audit.record("TALENT_APPLICATION_CREATE", "talent_application", id, "提交认定申请：" + personName + " 申报 " + form.tierCode().trim()
                + "类 " + form.category().trim() + ("RURAL_POINTS".equals(source) ? "（乡土人才积分推荐）" : ""));
        return id;
    }

    /**
     * A new application with evidence rows from a page form (parallel lists; empty rows skipped), each with an
     * optional file — one transaction, so a refused file leaves no application behind.
     */
    long createWithFiles(TalentApplicationForm form, List<String> kinds, List<String> descriptions, List<MultipartFile> files) {
        List<Integer> rows = new ArrayList<>();
        int n = kinds == null ? 0 : kinds.size();
        for (int i = 0; i < n; i++) {
            String d = descriptions != null && i < descriptions.size() ? descriptions.get(i) : null;
            if (kinds.get(i) != null && !kinds.get(i).isBlank() || d != null && !d.isBlank()) {
                rows.add(i);
            }
        }
        long id = create(form);
        for (int i : rows) {
            addEvidence(id, kinds.get(i), descriptions != null && i < descriptions.size() ? descriptions.get(i) : null,
                    files != null && i < files.size() ? files.get(i) : null);
        }
        return id;
    }

    private static void checkEvidence(FieldErrors.Collector errors, String field, String kind, String description) {
        if (kind == null || !EVIDENCE_KINDS.contains(kind.trim())) {
            errors.add(field + ".kind", "请选择证明材料类别");
        }
        if (description == null || description.isBlank()) {
            errors.add(field + ".description", "请填写证明材料说明");
        } else if (description.trim().length() > 500) {
            errors.add(field + ".description", "证明材料说明不能超过 500 个字");
        }
    }

    /** Adds a 证明材料 item, with an optional file (PDF/JPG/PNG, size-limited), before the committee. */
    long addEvidence(long id, String kind, String description, MultipartFile file) {
        TalentApplication a = requireVisible(id);
        Actor actor = Actor.require();
        if (!isTalent(actor) && !actor.can(Permissions.TALENT_WRITE) && !actor.can(Permissions.TALENT_EMPLOYER)) {
            throw new AccessDeniedException("talent:write");
        }
        if (!a.stage().withdrawable()) {
            throw new BusinessRuleException("申请已进入专家评审，不能再补充证明材料");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        Upload upload = null;
        if (file != null && !file.isEmpty()) {
            try {
                upload = Upload.accept(file, "证明材料", repository.rule().evidenceMaxBytes(), FileType.PDF, FileType.JPEG, FileType.PNG);
            } catch (UploadRefused e) {
                errors.add("file", e.getMessage());
            }
        }
        checkEvidence(errors, "evidence", kind, description);
        errors.throwIfAny();
        long evidenceId = repository.insertEvidence(id, kind.trim(), description.trim(), upload == null ? null : upload.fileName(),
                upload == null ? null : upload.type().name(), upload == null ? null : upload.content(), user());
        audit.record("TALENT_APPLICATION_EVIDENCE", "talent_application", id, "补充证明材料：" + a.personName() + " " + kind.trim()
                + (upload == null ? "" : "（附件 " + upload.fileName() + "）"));
        return evidenceId;
    }

    /** An evidence file (audited view), or 404. */
    @Transactional(readOnly = true)
    StoredFile evidenceFile(long id, long evidenceId) {
        TalentApplication a = requireVisible(id);
        StoredFile file = repository.evidenceFile(id, evidenceId).orElseThrow(() -> {
            audit.recordAlone("ACCESS_DENIED", "talent_application", id, "证明材料 " + evidenceId + " 不属于该申请或没有附件", AuditOutcome.DENIED);
            return new RecordNotFoundException("证明材料", evidenceId);
        });
        audit.recordAlone("TALENT_APPLICATION_EVIDENCE_VIEW", "talent_application", id, "查看证明材料附件：" + a.personName() + " " + file.name(),
                AuditOutcome.SUCCESS);
        return file;
    }

    /** Takes a step of the workflow; see {@link RecognitionStepForm} for what each reads. */
    TalentApplication take(long id, String stepPath, RecognitionStepForm f) {
        TalentApplication a = requireVisible(id);
        RecognitionStep step = RecognitionStep.byPath(stepPath).orElseThrow(() -> new RecordNotFoundException("办理环节", stepPath));
        Actor actor = Actor.require();
        boolean allowed = step == RecognitionStep.WITHDRAW ? isTalent(actor) || actor.can(Permissions.TALENT_WRITE)
                || actor.can(Permissions.TALENT_EMPLOYER) : actor.can(step.permission());
        if (!allowed) {
            audit.recordAlone("ACCESS_DENIED", "talent_application", id, "无权办理“" + step.label() + "”", AuditOutcome.DENIED);
            throw new AccessDeniedException(step.permission());
        }
        if (f.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        if (f.version() != a.version()) {
            throw new EditConflictException("认定申请（" + a.personName() + "）");
        }
        if (step == RecognitionStep.WITHDRAW ? !a.stage().withdrawable() : a.stage() != step.from()) {
            throw new BusinessRuleException(step == RecognitionStep.WITHDRAW
                    ? "申请当前为“" + a.stageLabel() + "”，专家评审后不能撤回"
                    : "申请当前为“" + a.stageLabel() + "”，不能办理“" + step.label() + "”");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        LocalDate date = f.date();
        if (date == null) {
            errors.add("date", "请填写" + step.label() + "日期");
        } else if (date.isAfter(LocalDate.now())) {
            errors.add("date", step.label() + "日期不能晚于今天");
        } else if (date.isBefore(a.lastStepOn())) {
            errors.add("date", step.label() + "日期不能早于上一环节的日期（" + DAY.format(a.lastStepOn()) + "）");
        }
        String reason = f.reason() == null || f.reason().isBlank() ? null : f.reason().trim();
        if (reason != null && reason.length() > 1000) {
            errors.add("reason", "理由不能超过 1000 个字");
        }
        Map<String, Object> columns = new HashMap<>();
        RecognitionStage next;
        String outcome = "PASSED";
        String note = reason;
        RecognitionRule rule = repository.rule();
        switch (step) {
            case EMPLOYER, REVIEW -> {
                if (f.passed() == null) {
                    errors.add("passed", "请选择" + step.label() + "结论");
                } else if (!f.passed() && reason == null) {
                    errors.add("reason", "不予通过时须填写理由（将告知申请人）");
                }
                next = Boolean.TRUE.equals(f.passed()) ? (step == RecognitionStep.EMPLOYER ? RecognitionStage.EMPLOYER_CONFIRMED
                        : RecognitionStage.REVIEWED) : RecognitionStage.REFUSED;
            }
            case COMMITTEE -> {
                next = committee(a, f, rule, errors, columns);
                if (next == RecognitionStage.REFUSED && f.present() != null && f.votesFor() != null) {
                    String counted = "专家评审未通过：到会委员 " + f.present() + " 人，赞成 " + f.votesFor() + " 票，未达到到会委员的 "
                            + rule.passShare();
                    note = reason == null ? counted : counted + "。" + reason;
                } else if (next != RecognitionStage.REFUSED) {
                    note = "到会委员 " + f.present() + " 人，赞成 " + f.votesFor() + "、反对 " + f.votesAgainst() + "、弃权 " + f.votesAbstain()
                            + "，评定为 " + columns.get("granted_tier_code") + "类" + (reason == null ? "" : "。" + reason);
                }
            }
            case PUBLICITY -> {
                next = RecognitionStage.PUBLICITY;
                if (date != null) {
                    LocalDate start = calendar.firstWorkingDayFrom(date);
                    LocalDate end = calendar.lastOf(start, rule.publicityWorkingDays());
                    columns.put("publicity_start", date);
                    columns.put("publicity_end", end);
                    note = "公示 " + rule.publicityWorkingDays() + " 个工作日：" + DAY.format(date) + " 至 " + DAY.format(end);
                }
                outcome = "DONE";
            }
            case OBJECTION -> {
                next = RecognitionStage.PUBLICITY;
                outcome = "DONE";
                if (a.objectionPending()) {
                    errors.add("reason", "已有异议尚未处理");
                }
                if (reason == null) {
                    errors.add("reason", "请填写异议内容");
                }
                if (date != null && a.publicityEnd() != null && (date.isBefore(a.publicityStart()) || date.isAfter(a.publicityEnd()))) {
                    errors.add("date", "异议须在公示期内（" + DAY.format(a.publicityStart()) + " 至 " + DAY.format(a.publicityEnd()) + "）提出");
                }
                columns.put("objection", reason);
                columns.put("objection_on", date);
            }
            case OBJECTION_DECISION -> {
                if (!a.objectionPending()) {
                    throw new BusinessRuleException("没有待处理的异议");
                }
                if (f.sustained() == null) {
                    errors.add("sustained", "请选择异议是否成立");
                } else if (reason == null) {
                    errors.add("reason", f.sustained() ? "异议成立、不予认定时须填写理由（将告知申请人）" : "请填写异议不成立的理由");
                }
                boolean sustained = Boolean.TRUE.equals(f.sustained());
                next = sustained ? RecognitionStage.REFUSED : RecognitionStage.PUBLICITY;
                outcome = sustained ? "REFUSED" : "PASSED";
                note = (sustained ? "异议成立：" : "异议不成立：") + (reason == null ? "" : reason) + "（异议：" + a.objection() + "）";
                columns.put("objection", null);
                columns.put("objection_on", null);
                if (sustained) {
                    reason = "公示期间异议成立：" + reason;
                }
            }
            case RECOGNIZE -> {
                next = RecognitionStage.RECOGNIZED;
                outcome = "DONE";
                if (a.objectionPending()) {
                    throw new BusinessRuleException("公示期间的异议尚未处理，不能认定");
                }
                var existing = repository.talentUnit(a.personId());
                if (existing.isPresent() && !organizations.jurisdiction().covers((String) existing.get()[1], (Long) existing.get()[0])) {
                    throw new BusinessRuleException("该人员已有人才档案，其所属单位不在管辖范围内，不能认定");
                }
                if (date != null && !date.isAfter(a.publicityEnd())) {
                    errors.add("date", "公示期至 " + DAY.format(a.publicityEnd()) + " 结束，公示结束后方可认定");
                }
            }
            case WITHDRAW -> {
                next = RecognitionStage.WITHDRAWN;
                outcome = "DONE";
            }
            default -> throw new IllegalStateException(step.name());
        }
        errors.throwIfAny();
        if (next == RecognitionStage.REFUSED) {
            outcome = "REFUSED";
            columns.put("refused_stage", step.name());
            columns.put("refusal_reason", step == RecognitionStep.COMMITTEE ? note : reason);
        }
        if (step == RecognitionStep.RECOGNIZE) {
            String tier = a.grantedTierCode() != null ? a.grantedTierCode() : a.tierCode();
            LocalDate validUntil = date.plusYears(repository.validityYears(tier)).minusDays(1);
            long talentId = repository.recognize(a, tier, date, validUntil, user());
            columns.put("recognized_on", date);
            columns.put("talent_id", talentId);
            note = "认定为 " + tier + "类，有效期至 " + DAY.format(validUntil);
            if (!repository.advance(id, f.version(), next, date, columns, user())) {
                throw new EditConflictException("认定申请（" + a.personName() + "）");
            }
            repository.step(id, step.name(), date, outcome, note, user());
            audit.record("TALENT_RECOGNIZE", "talent", talentId, "认定人才：" + a.personName() + " " + tier + "类（认定申请 " + id + "），有效期至 "
                    + DAY.format(validUntil));
            events.publishEvent(new TalentRecognized(talentId, a.personId(), tier, date, validUntil));
            return requireVisible(id);
        }
        if (!repository.advance(id, f.version(), next, date, columns, user())) {
            throw new EditConflictException("认定申请（" + a.personName() + "）");
        }
        repository.step(id, step.name(), date, outcome, note, user());
        audit.record("TALENT_APPLICATION_" + step.name(), "talent_application", id, step.label() + "：" + a.personName() + " "
                + (next == RecognitionStage.REFUSED ? "不予认定" : next.label()) + (note == null ? "" : "，" + note));
        return requireVisible(id);
    }

    private RecognitionStage committee(TalentApplication a, RecognitionStepForm f, RecognitionRule rule, FieldErrors.Collector errors,
                                       Map<String, Object> columns) {
        if (f.present() == null || f.present() < 1) {
            errors.add("present", "请填写到会委员人数");
        }
        if (f.votesFor() == null || f.votesFor() < 0) {
            errors.add("votesFor", "请填写赞成票数");
        }
        if (f.votesAgainst() == null || f.votesAgainst() < 0) {
            errors.add("votesAgainst", "请填写反对票数");
        }
        if (f.votesAbstain() == null || f.votesAbstain() < 0) {
            errors.add("votesAbstain", "请填写弃权票数");
        }
        if (!errors.isEmpty()) {
            return RecognitionStage.REFUSED;
        }
        // each count within the members present, the sum in long: three ints may overflow into a small sum
        if (f.votesFor() > f.present()) {
            errors.add("votesFor", "赞成票数不能超过到会委员人数");
        }
        if (f.votesAgainst() > f.present()) {
            errors.add("votesAgainst", "反对票数不能超过到会委员人数");
        }
        if (f.votesAbstain() > f.present()) {
            errors.add("votesAbstain", "弃权票数不能超过到会委员人数");
        }
        if (!errors.isEmpty()) {
            return RecognitionStage.REFUSED;
        }
        if ((long) f.votesFor() + f.votesAgainst() + f.votesAbstain() > f.present()) {
            errors.add("votesFor", "赞成、反对、弃权票数之和不能超过到会委员人数");
            return RecognitionStage.REFUSED;
        }
        boolean passes = rule.committeePasses(f.present(), f.votesFor());
        columns.put("committee_on", f.date());
        columns.put("committee_present", f.present());
        columns.put("votes_for", f.votesFor());
        columns.put("votes_against", f.votesAgainst());
        columns.put("votes_abstain", f.votesAbstain());
        if (!passes) {
            return RecognitionStage.REFUSED;
        }
        String granted = f.grantedTier() == null || f.grantedTier().isBlank() ? a.tierCode() : f.grantedTier().trim();
        var tiers = talents.tiers();
        var grantedTier = tiers.stream().filter(t -> t.code().equals(granted)).findFirst();
        var applied = tiers.stream().filter(t -> t.code().equals(a.tierCode())).findFirst().orElseThrow();
        if (grantedTier.isEmpty()) {
            errors.add("grantedTier", "请选择评审确定的人才层次");
        } else if (grantedTier.get().rank() < applied.rank()) {
            errors.add("grantedTier", "评审确定的层次不能高于申报的层次（" + applied.label() + "）");
        }
        columns.put("granted_tier_code", granted);
        return RecognitionStage.COMMITTEE_PASSED;
    }

    /** The filtered list as an Excel workbook, audited with its filters and row count. */
    @Transactional(readOnly = true)
    int export(RecognitionRepository.Criteria criteria, HttpServletResponse response) throws IOException {
        try (ExcelDownload excel = ExcelDownload.start(response, "人才认定申请",
                "序号", "姓名", "用人单位", "申报层次", "评定层次", "人才类别", "专业领域", "来源", "申请日期", "环节", "公示期", "认定日期", "不予认定理由")) {
            repository.stream(scope(), criteria, EXPORT_MAX_ROWS, a -> excel.row(excel.rows() + 1, a.personName(), a.orgName(),
                    a.tierCode() + "类", a.grantedTierCode() == null ? "" : a.grantedTierCode() + "类", a.category(), a.field(), a.sourceLabel(),
                    a.appliedOn(), a.stageLabel(), a.publicityStart() == null ? "" : DAY.format(a.publicityStart()) + " 至 " + DAY.format(a.publicityEnd()),
                    a.recognizedOn(), a.refusalReason()));
            audit.recordAlone("TALENT_APPLICATION_EXPORT", "talent_application", null, "导出人才认定申请 " + excel.rows() + " 条，条件：" + criteria,
                    AuditOutcome.SUCCESS);
            excel.finish();
            return excel.rows();
        }
    }

    @Transactional(readOnly = true)
    List<Map.Entry<Long, String>> counties() {
        return repository.counties(organizations.jurisdiction().orgCondition("o.path", "o.id", "j"));
    }

    private static void length(FieldErrors.Collector errors, String field, String value, int max, String label) {
        if (value != null && value.trim().length() > max) {
            errors.add(field, label + "不能超过 " + max + " 个字");
        }
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
