package org.zugong.cadre;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/**
 * F10: every change to a cadre file — checked, audited, and announced as a module event (任职,
 * 免职, 职级变动, 奖惩, 年度考核) for the warnings and other listeners.
 */
@Service
@Transactional
class CadreFileEditor {

    private final CadreRepository repository;
    private final CadreScope scope;
    private final Organizations organizations;
    private final Persons persons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CadreFileEditor(CadreRepository repository, CadreScope scope, Organizations organizations, Persons persons,
                    AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.scope = scope;
        this.organizations = organizations;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
    }

    /** 建立干部档案 for a person already registered and visible. */
    void create(long personId, CadreProfileForm form) {
        PersonRecord person = persons.requireVisibleRecord(personId);
        if (repository.exists(personId)) {
            throw new BusinessRuleException("该人员已有干部档案");
        }
        Checked c = check(form, null);
        try {
            repository.insertProfile(personId, c.orgId, c.group, c.fields, user());
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleException("该人员已有干部档案");
        }
        repository.updateProfile(personId, 0, c.orgId, c.category, c.jobClass, c.level, c.group, c.fields, user());
        repository.replaceEducation(personId, c.fullTime, c.inService);
        repository.replaceResume(personId, c.resume);
        audit.record("CADRE_CREATE", "cadre", personId, "建立干部档案：" + person.name());
    }

    void updateProfile(long personId, CadreProfileForm form) {
        CadreFile current = requireFile(personId);
        if (form.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        Checked c = check(form, current.profile());
        if (!repository.updateProfile(personId, form.version(), c.orgId, c.category, c.jobClass, c.level, c.group, c.fields, user())) {
            throw new EditConflictException("干部档案");
        }
        repository.replaceEducation(personId, c.fullTime, c.inService);
        repository.replaceResume(personId, c.resume);
        boolean moved = current.profile().orgId() != c.orgId;
        audit.record("CADRE_UPDATE", "cadre", personId, "修改干部档案" + (moved ? "（任职单位 " + current.profile().orgId() + "→" + c.orgId + "）" : ""));
    }

    private record Checked(long orgId, CadreCategory category, JobClass jobClass, ManagementLevel level, RetirementGroup group,
                           CadreRepository.FormFields fields, LrmxEducation fullTime, LrmxEducation inService,
                           List<LrmxResumeLine> resume) {
    }

    private Checked check(CadreProfileForm f, CadreProfile current) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        Long orgId = f.orgId();
        if (orgId == null) {
            errors.add("orgId", "请选择任职单位");
        } else if (!organizations.isVisible(orgId)) {
            audit.recordAlone("ACCESS_DENIED", "organization", orgId, "干部档案选择了管辖范围外的单位", AuditOutcome.DENIED);
            errors.add("orgId", "所选单位不存在或不在您的管辖范围内");
        }
        CadreCategory category = option(errors, "category", CadreCategory.class, f.category(), "干部类别");
        JobClass jobClass = option(errors, "jobClass", JobClass.class, f.jobClass(), "职位类别");
        ManagementLevel level = option(errors, "managementLevel", ManagementLevel.class, f.managementLevel(), "管理层级");
        RetirementGroup group = option(errors, "retirementGroup", RetirementGroup.class, f.retirementGroup(), "退休年龄类别");
        if (group == null && !errors.hasField("retirementGroup")) {
            errors.add("retirementGroup", "请选择退休年龄类别");
        }
        length(errors, "birthPlace", f.birthPlace(), 100, "出生地");
        length(errors, "health", f.health(), 50, "健康状况");
        length(errors, "partyJoinText", f.partyJoinText(), 60, "入党时间");
        length(errors, "professionalTitle", f.professionalTitle(), 200, "专业技术职务");
        length(errors, "specialty", f.specialty(), 500, "熟悉专业有何专长");
        length(errors, "currentPostText", f.currentPostText(), 500, "现任职务");
        length(errors, "proposedPost", f.proposedPost(), 500, "拟任职务");
        length(errors, "proposedRemoval", f.proposedRemoval(), 500, "拟免职务");
        length(errors, "reportingUnit", f.reportingUnit(), 200, "呈报单位");
        length(errors, "filledBy", f.filledBy(), 50, "填表人");
        for (String[] e : new String[][] {{"fullTimeQualification", f.fullTimeQualification()}, {"fullTimeDegree", f.fullTimeDegree()},
                {"inServiceQualification", f.inServiceQualification()}, {"inServiceDegree", f.inServiceDegree()}}) {
            length(errors, e[0], e[1], 100, "学历学位");
        }
        for (String[] e : new String[][] {{"fullTimeQualificationSchool", f.fullTimeQualificationSchool()},
                {"fullTimeDegreeSchool", f.fullTimeDegreeSchool()}, {"inServiceQualificationSchool", f.inServiceQualificationSchool()},
                {"inServiceDegreeSchool", f.inServiceDegreeSchool()}}) {
            length(errors, e[0], e[1], 300, "毕业院校系及专业");
        }
        if (f.filledOn() != null && f.filledOn().isAfter(LocalDate.now())) {
            errors.add("filledOn", "填表时间不能晚于今天");
        }
        List<LrmxProblem> problems = new ArrayList<>();
        List<LrmxResumeLine> resume = f.resume() == null || f.resume().isBlank() ? List.of() : LrmxResume.parse(f.resume(), problems);
        for (LrmxProblem p : problems) {
            errors.add("resume", "简历：" + p.message());
        }
        for (LrmxResumeLine line : resume) {
            if (line.from() != null && line.to() != null && line.to().isBefore(line.from())) {
                errors.add("resume", "简历中“" + line.text() + "”的结束年月早于开始年月");
            }
        }
        errors.throwIfAny();
        var fields = new CadreRepository.FormFields(clean(f.birthPlace()), clean(f.health()), clean(f.partyJoinText()),
                clean(f.professionalTitle()), clean(f.specialty()), clean(f.currentPostText()), clean(f.proposedPost()),
                clean(f.proposedRemoval()), clean(f.rewardsText()), clean(f.annualText()), clean(f.appointmentReason()),
                clean(f.reportingUnit()), f.ageComputedOn(), f.filledOn(), clean(f.filledBy()),
                current == null ? null : current.lrmxVersion(), current == null ? Map.of() : current.lrmxExtra());
        return new Checked(orgId, category, jobClass, level, group, fields,
                new LrmxEducation(clean(f.fullTimeQualification()), clean(f.fullTimeDegree()), clean(f.fullTimeQualificationSchool()),
                        clean(f.fullTimeDegreeSchool())),
                new LrmxEducation(clean(f.inServiceQualification()), clean(f.inServiceDegree()),
                        clean(f.inServiceQualificationSchool()), clean(f.inServiceDegreeSchool())), resume);
    }

    /** 任职: records a post; the profile's current level and printed 现任职务 follow. */
    long appoint(long personId, CadrePostForm f) {
        CadreFile file = requireFile(personId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        OrganizationSummary unit = null;
        if (f.orgId() == null) {
            errors.add("orgId", "请选择任职单位");
        } else if (!organizations.isVisible(f.orgId())) {
            audit.recordAlone("ACCESS_DENIED", "organization", f.orgId(), "任职时选择了管辖范围外的单位", AuditOutcome.DENIED);
            errors.add("orgId", "所选单位不存在或不在您的管辖范围内");
        } else {
            unit = organizations.find(f.orgId()).orElse(null);
            if (unit == null || !unit.active()) {
                errors.add("orgId", "所选单位已撤销");
            }
        }
        if (f.title() == null || f.title().isBlank()) {
            errors.add("title", "请填写职务名称");
        } else if (f.title().strip().length() > 100) {
            errors.add("title", "职务名称不能超过100个字");
        }
        RankLeadingPost level = option(errors, "postLevel", RankLeadingPost.class, f.postLevel(), "职务层次");
        AppointmentMethod method = option(errors, "method", AppointmentMethod.class, f.method(), "任职方式");
        if (method == null && !errors.hasField("method")) {
            errors.add("method", "请选择任职方式");
        }
        if (f.startDate() == null) {
            errors.add("startDate", "请填写任职时间");
        } else if (f.startDate().isAfter(LocalDate.now().plusMonths(3))) {
            errors.add("startDate", "任职时间不能晚于三个月后");
        }
        if (f.probationEnd() != null && f.startDate() != null && !f.probationEnd().isAfter(f.startDate())) {
            errors.add("probationEnd", "试用期满时间应晚于任职时间");
        }
        length(errors, "note", f.note(), 500, "备注");
        errors.throwIfAny();
        String title = f.title().strip();
        long postId = repository.insertPost(personId, f.orgId(), title, level, method, f.startDate(), null, f.probationEnd(),
                clean(f.note()), user());
        repository.refreshCurrentValues(personId);
        repository.setCurrentPostText(personId, currentPostText(personId));
        repository.touch(personId, user());
        audit.record("CADRE_APPOINT", "cadre", personId, "任职：" + unit.name() + title + "（" + method + "，" + f.startDate() + "）");
        events.publishEvent(new CadreAppointed(personId, postId, f.orgId(), title, level, f.startDate()));
        return postId;
    }

    /** 免职: ends a current post. */
    void endPost(long personId, long postId, LocalDate endDate, Integer version) {
        CadreFile file = requireFile(personId);
        CadrePost post = file.posts().stream().filter(p -> p.id() == postId).findFirst()
                .orElseThrow(() -> notInFile("cadre_post", postId, "职务"));
        if (!post.current()) {
            throw new BusinessRuleException("该职务已免去，请勿重复提交");
        }
        if (endDate == null) {
            throw FieldErrors.of("endDate", "请填写免职时间");
        }
        if (endDate.isBefore(post.startDate())) {
            throw FieldErrors.of("endDate", "免职时间不能早于任职时间（" + post.startDate() + "）");
        }
        if (endDate.isAfter(LocalDate.now().plusMonths(3))) {
            throw FieldErrors.of("endDate", "免职时间不能晚于三个月后");
        }
        if (!repository.endPost(personId, postId, endDate, version == null ? post.version() : version, user())) {
            throw new EditConflictException("职务“" + post.title() + "”");
        }
        repository.refreshCurrentValues(personId);
        repository.setCurrentPostText(personId, currentPostText(personId));
        repository.touch(personId, user());
        audit.record("CADRE_DISMISS", "cadre", personId, "免职：" + post.orgName() + post.title() + "（" + endDate + "）");
        events.publishEvent(new CadrePostEnded(personId, postId, post.orgId(), endDate));
    }

    /** 职级变动 (公务员 and 参公 only): the open rank closes the day before. */
    void changeRank(long personId, CadreRankForm f) {
        CadreFile file = requireFile(personId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        Rank rank = option(errors, "rank", Rank.class, f.rank(), "职级");
        if (rank == null && !errors.hasField("rank")) {
            errors.add("rank", "请选择职级");
        }
        if (f.startDate() == null) {
            errors.add("startDate", "请填写职级起算时间");
        } else {
            file.currentRank().filter(r -> !f.startDate().isAfter(r.startDate())).ifPresent(r ->
                    errors.add("startDate", "起算时间应晚于现职级（" + r.rank() + "）的起算时间 " + r.startDate()));
            if (f.startDate().isAfter(LocalDate.now().plusMonths(3))) {
                errors.add("startDate", "职级起算时间不能晚于三个月后");
            }
        }
        CadreCategory category = file.profile().category();
        if (category != null && category != CadreCategory.公务员 && category != CadreCategory.参公) {
            errors.add("rank", "只有公务员和参照公务员法管理人员套转职级");
        }
        length(errors, "note", f.note(), 500, "备注");
        errors.throwIfAny();
        repository.startRank(personId, rank, f.startDate(), clean(f.note()), user());
        repository.refreshCurrentValues(personId);
        repository.touch(personId, user());
        audit.record("CADRE_RANK", "cadre", personId, "职级变动：" + file.currentRank().map(r -> r.rank().name()).orElse("无")
                + "→" + rank + "（" + f.startDate() + "）");
        events.publishEvent(new CadreRankChanged(personId, rank, f.startDate()));
    }

    /** 奖惩: a reward, or a measure with its period of effect (blocks promotion while in force). */
    long record(long personId, CadreRecordForm f) {
        requireFile(personId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        CadreRecordKind kind = option(errors, "kind", CadreRecordKind.class, f.kind(), "奖惩类别");
        if (kind == null && !errors.hasField("kind")) {
            errors.add("kind", "请选择奖惩类别");
        }
        if (f.title() == null || f.title().isBlank()) {
            errors.add("title", "请填写奖惩名称");
        }
        length(errors, "title", f.title(), 200, "奖惩名称");
        length(errors, "authority", f.authority(), 200, "批准机关");
        length(errors, "note", f.note(), 1000, "备注");
        if (f.decidedOn() == null) {
            errors.add("decidedOn", "请填写决定时间");
        } else if (f.decidedOn().isAfter(LocalDate.now())) {
            errors.add("decidedOn", "决定时间不能晚于今天");
        }
        if (kind != null && kind.isMeasure() && kind != CadreRecordKind.立案审查 && f.effectEnd() == null) {
            errors.add("effectEnd", kind + "须填写影响期截止时间");
        }
        if (f.effectEnd() != null && f.effectStart() != null && f.effectEnd().isBefore(f.effectStart())) {
            errors.add("effectEnd", "影响期截止时间不能早于开始时间");
        }
        if (f.effectEnd() != null && f.effectStart() == null && f.decidedOn() != null && f.effectEnd().isBefore(f.decidedOn())) {
            errors.add("effectEnd", "影响期截止时间不能早于决定时间");
        }
        errors.throwIfAny();
        LocalDate start = kind.isMeasure() && f.effectStart() == null ? f.decidedOn() : f.effectStart();
        long id = repository.insertRecord(personId, kind, f.title().strip(), clean(f.authority()), f.decidedOn(), start,
                kind.isMeasure() ? f.effectEnd() : null, clean(f.note()), user());
        repository.touch(personId, user());
        audit.record(kind.isMeasure() ? "CADRE_SANCTION" : "CADRE_REWARD", "cadre", personId,
                kind + "：" + f.title().strip() + "（" + f.decidedOn() + "）");
        if (kind.isMeasure()) {
            events.publishEvent(new SanctionRecorded(personId, id, kind, start, f.effectEnd()));
        }
        return id;
    }

    /**
     * Ends a measure (诫勉, 处分 …) early: its period of effect now stops on {@code endDate}. Audited and
     * announced as {@link SanctionEnded}.
     */
    void endMeasure(long personId, long recordId, LocalDate endDate) {
        CadreFile file = requireFile(personId);
        CadreRecord r = file.records().stream().filter(x -> x.id() == recordId).findFirst()
                .orElseThrow(() -> notInFile("cadre_record", recordId, "奖惩记录"));
        if (!r.kind().isMeasure()) {
            throw new BusinessRuleException("奖励没有影响期，无需解除");
        }
        if (endDate == null) {
            throw FieldErrors.of("endDate", "请填写影响期截止时间");
        }
        if (endDate.isBefore(r.effectiveFrom())) {
            throw FieldErrors.of("endDate", "影响期截止时间不能早于开始时间（" + r.effectiveFrom() + "）");
        }
        if (r.effectEnd() != null && endDate.isAfter(r.effectEnd())) {
            throw FieldErrors.of("endDate", "提前解除的时间不能晚于原影响期截止时间（" + r.effectEnd() + "）");
        }
        if (endDate.isAfter(LocalDate.now())) {
            throw FieldErrors.of("endDate", "提前解除的时间不能晚于今天");
        }
        repository.endRecord(personId, recordId, endDate);
        repository.touch(personId, user());
        audit.record("CADRE_SANCTION_END", "cadre", personId, r.kind() + "提前解除：" + r.title() + "（" + endDate + "）");
        events.publishEvent(new SanctionEnded(personId, recordId, r.kind(), endDate));
    }

    /** 年度考核结果 of a year; the printed 年度考核结果 is rewritten from the last three years. */
    void putAnnualResult(long personId, AnnualResultForm f) {
        CadreFile file = requireFile(personId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        int thisYear = LocalDate.now().getYear();
        if (f.year() == null) {
            errors.add("year", "请填写考核年度");
        } else if (f.year() < 1990 || f.year() > thisYear) {
            errors.add("year", "考核年度应在1990至" + thisYear + "之间");
        }
        AnnualGrade grade = f.code() == null ? null : AnnualGrade.ofCode(f.code().strip()).orElse(null);
        if (grade == null) {
            errors.add("code", "请选择考核结果");
        }
        length(errors, "note", f.note(), 200, "备注");
        errors.throwIfAny();
        if (repository.putAnnualResult(personId, f.year(), grade, clean(f.note()))) {
            CadreFile updated = repository.load(personId).orElseThrow();
            repository.setAnnualText(personId, CadreLrmxMapping.annualText(null, updated.annualResults()));
            repository.touch(personId, user());
            audit.record("CADRE_ANNUAL_RESULT", "cadre", personId, f.year() + "年度考核：" + grade.chineseName());
            events.publishEvent(new AnnualResultRecorded(personId, f.year(), grade));
        }
    }

    void replaceFamily(long personId, CadreFamilyForm form) {
        CadreFile file = requireFile(personId);
        if (form.version() != null && form.version() != file.profile().version()) {
            throw new EditConflictException("家庭成员");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        List<LrmxFamilyMember> members = new ArrayList<>();
        List<CadreFamilyForm.Member> rows = form.members() == null ? List.of() : form.members();
        for (int i = 0; i < rows.size(); i++) {
            CadreFamilyForm.Member m = rows.get(i);
            if (clean(m.relation()) == null && clean(m.name()) == null) {
                continue;
            }
            String field = "members[" + i + "]";
            if (clean(m.relation()) == null) {
                errors.add(field + ".relation", "第" + (i + 1) + "行请填写称谓");
            }
            length(errors, field + ".relation", m.relation(), 20, "称谓");
            length(errors, field + ".name", m.name(), 50, "姓名");
            length(errors, field + ".politicalStatus", m.politicalStatus(), 50, "政治面貌");
            length(errors, field + ".workAndPost", m.workAndPost(), 200, "工作单位及职务");
            YearMonth birth = null;
            if (clean(m.birthMonth()) != null) {
                try {
                    birth = YearMonth.parse(m.birthMonth().strip());
                    if (birth.isAfter(YearMonth.now())) {
                        errors.add(field + ".birthMonth", "第" + (i + 1) + "行出生年月不能晚于本月");
                    }
                } catch (DateTimeParseException e) {
                    errors.add(field + ".birthMonth", "第" + (i + 1) + "行出生年月应为 yyyy-MM");
                }
            }
            members.add(new LrmxFamilyMember(clean(m.relation()), clean(m.name()), birth, clean(m.politicalStatus()), clean(m.workAndPost())));
        }
        errors.throwIfAny();
        repository.replaceFamily(personId, members);
        repository.touch(personId, user());
        audit.record("CADRE_FAMILY", "cadre", personId, "修改家庭成员（" + members.size() + "人）");
    }

    // ---- 「三将干部」 (F25) ------------------------------------------------------------------------------

    /** Adds a 「三将干部」 record (拟认定 unless said otherwise); recognized at once, it is announced. */
    long addFrontline(long personId, FrontlineForm f) {
        requireFile(personId);
        CadreRepository.FrontlineValues v = checkFrontline(f, null);
        long id = repository.insertFrontline(personId, v, user());
        repository.touch(personId, user());
        audit.record("CADRE_FRONTLINE", "cadre", personId, "「三将干部」记录：" + v.task() + "（" + v.taskKind() + "，" + v.outcome()
                + "，推荐单位 " + v.recommendingOrgId() + "）");
        if (v.outcome() == FrontlineOutcome.已认定) {
            events.publishEvent(new FrontlineRecognized(personId, id, v.task(), v.recognizedOn()));
        }
        return id;
    }

    /** Updates a record with its version; becoming 已认定 is announced. */
    void updateFrontline(long personId, long recordId, FrontlineForm f) {
        FrontlineRecord current = requireFrontline(requireFile(personId), recordId);
        if (f.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        CadreRepository.FrontlineValues v = checkFrontline(f, current);
        if (!repository.updateFrontline(personId, recordId, f.version(), v, user())) {
            throw new EditConflictException("「三将干部」记录“" + current.task() + "”");
        }
        repository.touch(personId, user());
        audit.record("CADRE_FRONTLINE_UPDATE", "cadre", personId, "修改「三将干部」记录：" + v.task() + "（" + current.outcome()
                + "→" + v.outcome() + "）");
        if (v.outcome() == FrontlineOutcome.已认定 && !current.recognized()) {
            events.publishEvent(new FrontlineRecognized(personId, recordId, v.task(), v.recognizedOn()));
        }
    }

    /** 认定: marks a record 已认定 with the date and document number. */
    void recognizeFrontline(long personId, long recordId, LocalDate recognizedOn, String document, Integer version) {
        FrontlineRecord current = requireFrontline(requireFile(personId), recordId);
        if (current.recognized()) {
            throw new BusinessRuleException("该记录已认定，请勿重复提交");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        checkRecognition(errors, current.startDate(), recognizedOn, document);
        errors.throwIfAny();
        if (!repository.recognizeFrontline(personId, recordId, version == null ? current.version() : version, recognizedOn,
                document.strip(), user())) {
            throw new EditConflictException("「三将干部」记录“" + current.task() + "”");
        }
        repository.touch(personId, user());
        audit.record("CADRE_FRONTLINE_RECOGNIZE", "cadre", personId, "认定「三将干部」：" + current.task() + "（" + document.strip()
                + "，" + recognizedOn + "）");
        events.publishEvent(new FrontlineRecognized(personId, recordId, current.task(), recognizedOn));
    }

    private FrontlineRecord requireFrontline(CadreFile file, long recordId) {
        return file.frontline().stream().filter(r -> r.id() == recordId).findFirst()
                .orElseThrow(() -> notInFile("cadre_frontline", recordId, "「三将干部」记录"));
    }

    /**
     * A sub-record id that is not one of this (visible) file's — unknown, or another file's, perhaps
     * of another jurisdiction: answered like a miss, and the attempt is on record.
     */
    private org.zugong.platform.web.RecordNotFoundException notInFile(String target, long id, String what) {
        audit.recordAlone("ACCESS_DENIED", target, id, what + "不存在或不属于该干部档案", AuditOutcome.DENIED);
        return new org.zugong.platform.web.RecordNotFoundException(what, id);
    }

    private CadreRepository.FrontlineValues checkFrontline(FrontlineForm f, FrontlineRecord current) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.task() == null || f.task().isBlank()) {
            errors.add("task", "请填写任务名称");
        }
        length(errors, "task", f.task(), 200, "任务名称");
        FrontlineTaskKind kind = option(errors, "taskKind", FrontlineTaskKind.class, f.taskKind(), "任务类别");
        if (kind == null && !errors.hasField("taskKind")) {
            errors.add("taskKind", "请选择任务类别");
        }
        if (f.startDate() == null) {
            errors.add("startDate", "请填写开始时间");
        } else if (f.startDate().isAfter(LocalDate.now())) {
            errors.add("startDate", "开始时间不能晚于今天");
        }
        if (f.endDate() != null && f.startDate() != null && f.endDate().isBefore(f.startDate())) {
            errors.add("endDate", "结束时间不能早于开始时间");
        }
        length(errors, "performance", f.performance(), 2000, "表现");
        length(errors, "evidence", f.evidence(), 2000, "佐证材料");
        Long orgId = f.recommendingOrgId();
        if (orgId == null) {
            errors.add("recommendingOrgId", "请选择推荐单位");
        } else if (current != null && orgId == current.recommendingOrgId()) {
            // unchanged: kept even if the unit has since left the caller's view
        } else if (!organizations.isVisible(orgId)) {
            audit.recordAlone("ACCESS_DENIED", "organization", orgId, "「三将干部」记录选择了管辖范围外的推荐单位", AuditOutcome.DENIED);
            errors.add("recommendingOrgId", "所选推荐单位不存在或不在您的管辖范围内");
        }
        FrontlineOutcome outcome = option(errors, "outcome", FrontlineOutcome.class, f.outcome(), "认定结果");
        if (outcome == null && !errors.hasField("outcome")) {
            outcome = FrontlineOutcome.拟认定;
        }
        if (outcome == FrontlineOutcome.已认定) {
            checkRecognition(errors, f.startDate(), f.recognizedOn(), f.document());
        }
        errors.throwIfAny();
        boolean recognized = outcome == FrontlineOutcome.已认定;
        return new CadreRepository.FrontlineValues(f.task().strip(), kind, f.startDate(), f.endDate(), clean(f.performance()),
                clean(f.evidence()), orgId, outcome, recognized ? f.recognizedOn() : null, recognized ? f.document().strip() : null);
    }

    private static void checkRecognition(FieldErrors.Collector errors, LocalDate start, LocalDate recognizedOn, String document) {
        if (recognizedOn == null) {
            errors.add("recognizedOn", "已认定须填写认定时间");
        } else if (recognizedOn.isAfter(LocalDate.now())) {
            errors.add("recognizedOn", "认定时间不能晚于今天");
        } else if (start != null && recognizedOn.isBefore(start)) {
            errors.add("recognizedOn", "认定时间不能早于任务开始时间");
        }
        if (document == null || document.isBlank()) {
            errors.add("document", "已认定须填写认定文号");
        }
        length(errors, "document", document, 100, "认定文号");
    }

    private CadreFile requireFile(long personId) {
        scope.requireVisible(personId);
        return repository.load(personId).orElseThrow();
    }

    /** 现任职务 as printed: each unit's name followed by its current titles ("青溪县委常委、组织部部长" style). */
    private String currentPostText(long personId) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (CadrePost p : repository.load(personId).orElseThrow().currentPosts()) {
            byUnit.computeIfAbsent(p.orgName(), k -> new ArrayList<>()).add(p.title());
        }
        String text = byUnit.entrySet().stream().map(e -> e.getKey() + String.join("、", e.getValue()))
                .collect(Collectors.joining("，"));
        return text.isEmpty() ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static <E extends Enum<E>> E option(FieldErrors.Collector errors, String field, Class<E> type, String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, label + "“" + value + "”不是可选的值");
            return null;
        }
    }

    private static void length(FieldErrors.Collector errors, String field, String value, int max, String label) {
        if (value != null && value.strip().length() > max) {
            errors.add(field, label + "不能超过" + max + "个字");
        }
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
