package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonForm;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.person.PersonRecord;
import org.zugong.person.PersonSummary;
import org.zugong.person.Persons;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;
import org.zugong.recruitment.CheckResult.Violation;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * The development records (发展党员档案, F40) kept by 党支部 and the steps recorded on them. Every step builds the
 * timeline from the stored record and the new values and runs the one {@link DevelopmentChecker}: a step that
 * would bring a violation the record did not have is refused (422) naming the rule, the article and the dates,
 * and nothing is stored. Both pre-reviews (F41) are required before the admission meeting.
 */
@Service
@Transactional(readOnly = true)
public class DevelopmentRecords {

    static final String PARTY_MEMBER = "01";
    static final String PROBATIONARY_MEMBER = "02";

    private final CandidateRepository repository;
    private final DevelopmentChecker checker;
    private final Organizations organizations;
    private final Persons persons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DevelopmentRecords(CandidateRepository repository, DevelopmentChecker checker, Organizations organizations, Persons persons,
                       AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.checker = checker;
        this.organizations = organizations;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
    }

    /** A record with what the checker says of it now and the step that comes next. */
    public record Detail(Candidate candidate, CheckResult check, NextStep nextStep) {
    }

    /** Registers an 入党申请人 of a visible 党支部; the person must be visible and not yet a Party member. */
    @Transactional
    public long register(Long personId, Long branchOrgId, LocalDate applicationDate) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (personId == null) {
            errors.add("personId", "请选择入党申请人");
        }
        if (branchOrgId == null) {
            errors.add("branchOrgId", "请选择党支部");
        }
        if (applicationDate == null) {
            errors.add("applicationDate", "请填写递交入党申请书的日期");
        }
        errors.throwIfAny();
        OrganizationSummary branch = organizations.requireVisible(branchOrgId);
        if (branch.kind() != OrganizationKind.PARTY_BRANCH && branch.kind() != OrganizationKind.PARTY_JOINT_BRANCH) {
            throw FieldErrors.of("branchOrgId", "“" + branch.name() + "”不是党支部，发展党员档案由党支部建立");
        }
        PersonRecord person = persons.requireVisibleRecord(personId);
        if (PARTY_MEMBER.equals(person.politicalStatus()) || PROBATIONARY_MEMBER.equals(person.politicalStatus())) {
            throw new BusinessRuleException(person.name() + "已是中共党员或预备党员，不能登记为入党申请人");
        }
        if (repository.hasOpenRecord(personId)) {
            throw new BusinessRuleException(person.name() + "已有进行中的发展党员档案");
        }
        Candidate draft = new Candidate();
        draft.personId = personId;
        draft.birthDate = person.birthDate();
        draft.applicationDate = applicationDate;
        refuseNew(List.of(), checker.check(draft.timeline()));
        long id = repository.insert(personId, branchOrgId, RecruitmentRuleSet.DEFAULT_EDITION, applicationDate, user());
        audit.record("RECRUITMENT_REGISTER", "recruitment", id, "登记入党申请人：" + person.name() + "（" + branch.name() + "，申请日期 "
                + applicationDate + "）");
        return id;
    }

    /** A page of the records in the caller's jurisdiction, under {@code orgId} when given, by stage and name (prefix). */
    public PageResult<Candidate.Row> list(Long orgId, CandidateStage stage, String name, PageRequest page) {
        String prefix = orgId == null ? null : organizations.requireVisible(orgId).path();
        var filter = new CandidateRepository.ListFilter(prefix, stage, null, name);
        List<Candidate.Row> rows = repository.list(scope(), filter, page.offset(), page.size());
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.count(scope(), filter);
        return PageResult.of(rows, page, total);
    }

    /** The development records of one person the caller may see (the person must be visible: 404 otherwise). */
    public List<Candidate.Row> ofPerson(long personId) {
        persons.requireVisible(personId);
        return repository.list(scope(), new CandidateRepository.ListFilter(null, null, personId, null), 0, PageRequest.MAX_SIZE);
    }

    /** The 党支部 of the person's own unit that the caller may see: where an application of theirs is kept. */
    List<CandidateRepository.BranchChoice> branchesFor(long personId) {
        PersonSummary person = persons.requireVisible(personId);
        return organizations.path(person.orgId()).map(path -> repository.branchesUnder(scope(), path)).orElse(List.of());
    }

    /** Records per stage in the caller's jurisdiction, under {@code orgId} when given, by name (prefix). */
    public Map<CandidateStage, Long> counts(Long orgId, String name) {
        String prefix = orgId == null ? null : organizations.requireVisible(orgId).path();
        return repository.counts(scope(), new CandidateRepository.ListFilter(prefix, null, null, name));
    }

    public Detail detail(long id) {
        Candidate c = requireVisible(id);
        return new Detail(c, checker.check(c.timeline()), next(c));
    }

    /**
     * Whom the record's 入党介绍人 and 培养联系人 can be chosen from: the full members of the unit the branch is built
     * in (its nearest ancestor that is not a Party organization — a village, an organ, a school), as far as the
     * caller may see them.
     */
    public List<org.zugong.person.PersonChoice> memberChoices(long id) {
        Candidate c = requireVisible(id);
        List<org.zugong.organization.OrganizationSummary> ancestry = organizations.ancestry(c.branchOrgId);
        Long unit = null;
        for (int i = ancestry.size() - 2; i >= 0 && unit == null; i--) {
            if (ancestry.get(i).kind().category() != org.zugong.organization.OrganizationKind.Category.PARTY) {
                unit = ancestry.get(i).id();
            }
        }
        if (unit == null || !organizations.isVisible(unit)) {
            unit = c.branchOrgId;
        }
        return persons.fullPartyMembers(unit);
    }

    /** Records one step; refused (422) when it brings a new violation of the 细则, 409 when the record changed meanwhile. */
    @Transactional
    public Detail step(long id, DevelopmentStep step, StepForm f) {
        String needed = permissionFor(step, f);
        if (!org.zugong.platform.security.Actor.require().can(needed)) {
            throw new org.springframework.security.access.AccessDeniedException("无权记录“" + step.label() + "”（需要权限 "
                    + org.zugong.platform.security.Permissions.ALL.get(needed) + "）");
        }
        Candidate c = requireVisible(id);
        int expectedVersion = f.version() == null ? c.version : f.version();
        CheckResult before = checker.check(c.timeline());
        String detail = apply(c, step, f);
        CheckResult after = checker.check(c.timeline());
        refuseNew(before.violations(), after);
        if (!repository.save(c, expectedVersion, user())) {
            throw new EditConflictException("发展党员档案（" + c.personName + "）");
        }
        audit.record("RECRUITMENT_STEP", "recruitment", id, c.personName + "：" + step.label() + "（" + detail + "）");
        if (step == DevelopmentStep.APPROVAL) {
            setPoliticalStatus(c.personId, PROBATIONARY_MEMBER, null);
            events.publishEvent(new CandidateAdmitted(id, c.personId, c.admission.date(), c.approvalDate));
        } else if (step == DevelopmentStep.CONVERSION_APPROVAL) {
            setPoliticalStatus(c.personId, PARTY_MEMBER, after.fullMemberFrom());
            events.publishEvent(new CandidateConverted(id, c.personId, after.fullMemberFrom(), c.conversionApprovalDate));
        }
        return detail(id);
    }

    /**
     * Corrects the date of a recorded step (更正), with the reason: needs the permission of the body that took the step,
     * is checked like the step itself (refused when it brings a new violation), audited with the old and the new date.
     * A corrected admission or conversion of a full member also corrects the 入党时间 on the person's record.
     */
    @Transactional
    public Detail correctDate(long id, DateCorrection f) {
        // Another jurisdiction's record is a 404 (and audited) whatever else is wrong with the request.
        Candidate c = requireVisible(id);
        DevelopmentStep step = "application".equals(f.step()) ? null
                : DevelopmentStep.ofKey(f.step()).filter(CORRECTABLE::contains)
                .orElseThrow(() -> FieldErrors.of("step", "只能更正申请、谈话、积极分子、考察、发展对象、政审、预审、支部大会和审批的日期"));
        if (step == DevelopmentStep.ASSESSMENT && f.original() == null) {
            throw FieldErrors.of("original", "请选择要更正的考察（原日期）");
        }
        if (step == DevelopmentStep.PRE_REVIEW && f.level() == null) {
            throw FieldErrors.of("level", "请选择要更正的预审层级");
        }
        String needed = step == null ? org.zugong.platform.security.Permissions.RECRUITMENT_WRITE
                : permissionFor(step, step == DevelopmentStep.PRE_REVIEW ? StepForm.preReview(f.level()) : null);
        if (!org.zugong.platform.security.Actor.require().can(needed)) {
            throw new org.springframework.security.access.AccessDeniedException("无权更正“" + (step == null ? "入党申请" : step.label())
                    + "”（需要权限 " + org.zugong.platform.security.Permissions.ALL.get(needed) + "）");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.date() == null) {
            errors.add("date", "请填写更正后的日期");
        }
        String reason = clean(f.reason(), "reason");
        if (reason == null) {
            errors.add("reason", "请填写更正原因");
        }
        errors.throwIfAny();
        int expectedVersion = f.version() == null ? c.version : f.version();
        String label = step == null ? "递交入党申请书" : step == DevelopmentStep.PRE_REVIEW
                ? (f.level() == Timeline.PreReviewLevel.COUNTY_DEPARTMENT ? "县级党委组织部门预审" : "基层党委预审")
                : step == DevelopmentStep.ASSESSMENT ? step.label() + "（" + f.original() + "）" : step.label();
        LocalDate old = recordedDate(c, step, f);
        if (old == null) {
            throw new BusinessRuleException("“" + label + "”尚未记录，无需更正");
        }
        CheckResult before = checker.check(c.timeline());
        setDate(c, step, f, f.date());
        CheckResult after = checker.check(c.timeline());
        refuseNew(before.violations(), after);
        if (!repository.save(c, expectedVersion, user())) {
            throw new EditConflictException("发展党员档案（" + c.personName + "）");
        }
        audit.record("RECRUITMENT_CORRECTION", "recruitment", id, c.personName + "：更正" + label + "日期 " + old + " → " + f.date()
                + "（原因：" + reason + "）");
        if (c.stage == CandidateStage.FULL_MEMBER && after.fullMemberFrom() != null) {
            setPoliticalStatus(c.personId, PARTY_MEMBER, after.fullMemberFrom());
        }
        return detail(id);
    }

    static final java.util.Set<DevelopmentStep> CORRECTABLE = java.util.EnumSet.of(DevelopmentStep.TALK, DevelopmentStep.ACTIVIST,
            DevelopmentStep.ASSESSMENT, DevelopmentStep.DEVELOPMENT_TARGET, DevelopmentStep.POLITICAL_REVIEW, DevelopmentStep.PRE_REVIEW,
            DevelopmentStep.ADMISSION, DevelopmentStep.APPROVAL, DevelopmentStep.CONVERSION, DevelopmentStep.CONVERSION_APPROVAL);

    /** The assessment recorded on {@code original}, or -1. */
    private static int assessmentOn(Candidate c, LocalDate original) {
        for (int i = 0; i < c.assessments.size(); i++) {
            if (c.assessments.get(i).date().equals(original)) {
                return i;
            }
        }
        return -1;
    }

    /** The latest pre-review of that level, or -1. */
    private static int preReviewOf(Candidate c, Timeline.PreReviewLevel level) {
        for (int i = c.preReviews.size() - 1; i >= 0; i--) {
            if (c.preReviews.get(i).level() == level) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate recordedDate(Candidate c, DevelopmentStep step, DateCorrection f) {
        if (step == null) {
            return c.applicationDate;
        }
        return switch (step) {
            case ASSESSMENT -> assessmentOn(c, f.original()) < 0 ? null : f.original();
            case PRE_REVIEW -> preReviewOf(c, f.level()) < 0 ? null : c.preReviews.get(preReviewOf(c, f.level())).date();
            case TALK -> c.talkDate;
            case ACTIVIST -> c.activistDate;
            case DEVELOPMENT_TARGET -> c.developmentTargetDate;
            case POLITICAL_REVIEW -> c.politicalReviewDate;
            case ADMISSION -> c.admission == null ? null : c.admission.date();
            case APPROVAL -> c.approvalDate;
            case CONVERSION -> c.conversion == null ? null : c.conversion.date();
            case CONVERSION_APPROVAL -> c.conversionApprovalDate;
            default -> null;
        };
    }

    private static void setDate(Candidate c, DevelopmentStep step, DateCorrection f, LocalDate d) {
        if (step == null) {
            c.applicationDate = d;
            return;
        }
        switch (step) {
            case ASSESSMENT -> {
                int i = assessmentOn(c, f.original());
                c.assessments.set(i, new Candidate.Assessment(d, c.assessments.get(i).note()));
                c.assessments.sort(java.util.Comparator.comparing(Candidate.Assessment::date));
            }
            case PRE_REVIEW -> {
                int i = preReviewOf(c, f.level());
                Candidate.PreReviewEntry p = c.preReviews.get(i);
                c.preReviews.set(i, new Candidate.PreReviewEntry(p.level(), d, p.reviewerOrgId(), p.reviewerOrgName(), p.passed(), p.note()));
            }
            case TALK -> c.talkDate = d;
            case ACTIVIST -> c.activistDate = d;
            case DEVELOPMENT_TARGET -> c.developmentTargetDate = d;
            case POLITICAL_REVIEW -> c.politicalReviewDate = d;
            case ADMISSION -> c.admission = new Timeline.Meeting(d, c.admission.dueVoters(), c.admission.present(),
                    c.admission.votesFor(), c.admission.writtenFor());
            case APPROVAL -> c.approvalDate = d;
            case CONVERSION -> c.conversion = new Timeline.Meeting(d, c.conversion.dueVoters(), c.conversion.present(),
                    c.conversion.votesFor(), c.conversion.writtenFor());
            case CONVERSION_APPROVAL -> c.conversionApprovalDate = d;
            default -> throw new IllegalArgumentException(step.name());
        }
    }

    /**
     * Who records which step (issue 6 item 9): the branch enters its own steps; the Party committee
     * approves admission and conversion, extends probation and gives its pre-review; the county
     * organization department gives the county-level pre-review (双重预审).
     */
    static String permissionFor(DevelopmentStep step, StepForm f) {
        return switch (step) {
            case APPROVAL, CONVERSION_APPROVAL, EXTENSION -> org.zugong.platform.security.Permissions.RECRUITMENT_APPROVE;
            case PRE_REVIEW -> f != null && f.level() == Timeline.PreReviewLevel.COUNTY_DEPARTMENT
                    ? org.zugong.platform.security.Permissions.RECRUITMENT_PREREVIEW
                    : org.zugong.platform.security.Permissions.RECRUITMENT_APPROVE;
            default -> org.zugong.platform.security.Permissions.RECRUITMENT_WRITE;
        };
    }

    private String apply(Candidate c, DevelopmentStep step, StepForm f) {
        if (c.stage == CandidateStage.FULL_MEMBER || c.stage == CandidateStage.CANCELLED) {
            throw new BusinessRuleException("发展党员档案已" + (c.stage == CandidateStage.CANCELLED ? "取消" : "完成转正") + "，不能再记录"
                    + step.label());
        }
        switch (step) {
            case TALK -> {
                stage(c, step, CandidateStage.APPLICANT);
                c.talkDate = date(f);
            }
            case ACTIVIST -> {
                stage(c, step, CandidateStage.APPLICANT);
                c.activistDate = date(f);
                c.contacts.removeIf(x -> "CONTACT".equals(x.role()));
                members(f.contacts(), "contacts", "CONTACT").forEach(c.contacts::add);
                c.stage = CandidateStage.ACTIVIST;
            }
            case ASSESSMENT -> {
                stage(c, step, CandidateStage.ACTIVIST);
                c.assessments.add(new Candidate.Assessment(date(f), clean(f.note(), "note")));
            }
            case DEVELOPMENT_TARGET -> {
                stage(c, step, CandidateStage.ACTIVIST);
                LocalDate date = date(f);
                if (f.introducers().isEmpty()) {
                    throw FieldErrors.of("introducers", "请填写入党介绍人");
                }
                c.developmentTargetDate = date;
                c.contacts.removeIf(x -> "INTRODUCER".equals(x.role()));
                members(f.introducers(), "introducers", "INTRODUCER").forEach(c.contacts::add);
                c.stage = CandidateStage.DEVELOPMENT_TARGET;
            }
            case POLITICAL_REVIEW -> {
                stage(c, step, CandidateStage.DEVELOPMENT_TARGET);
                c.politicalReviewDate = date(f);
                if (f.passed() == null) {
                    throw FieldErrors.of("passed", "请填写政治审查结论是否合格");
                }
                c.politicalReviewPassed = f.passed();
            }
            case TRAINING -> {
                stage(c, step, CandidateStage.DEVELOPMENT_TARGET);
                if (f.days() == null && f.hours() == null) {
                    throw FieldErrors.of("days", "请填写培训天数或学时");
                }
                c.trainingDays = f.days();
                c.trainingHours = f.hours();
            }
            case NOTICE -> {
                stage(c, step, CandidateStage.DEVELOPMENT_TARGET);
                if (f.start() == null || f.end() == null) {
                    throw FieldErrors.of("start", "请填写公示的起止日期");
                }
                c.noticeStart = f.start();
                c.noticeEnd = f.end();
            }
            case PRE_REVIEW -> {
                stage(c, step, CandidateStage.DEVELOPMENT_TARGET);
                LocalDate date = date(f);
                if (f.level() == null) {
                    throw FieldErrors.of("level", "请选择预审层级（基层党委或县级党委组织部门）");
                }
                if (f.passed() == null) {
                    throw FieldErrors.of("passed", "请填写预审是否通过");
                }
                String orgName = f.reviewerOrgId() == null ? null : organizations.requireVisible(f.reviewerOrgId()).name();
                c.preReviews.add(new Candidate.PreReviewEntry(f.level(), date, f.reviewerOrgId(), orgName, f.passed(), clean(f.note(), "note")));
                return f.level() == PreReviewLevel.PARTY_COMMITTEE ? "基层党委预审 " + date : "县级党委组织部门预审 " + date;
            }
            case ADMISSION -> {
                stage(c, step, CandidateStage.DEVELOPMENT_TARGET);
                if (c.admission != null) {
                    throw new BusinessRuleException("已记录接收预备党员的支部大会（" + c.admission.date() + "）");
                }
                c.admission = meeting(f);
            }
            case APPROVAL -> {
                stage(c, step, CandidateStage.DEVELOPMENT_TARGET);
                if (c.admission == null) {
                    throw new BusinessRuleException("尚未召开支部大会讨论接收，不能审批");
                }
                c.approvalDate = date(f);
                c.approvalSpecialReason = clean(f.reason(), "reason");
                c.stage = CandidateStage.PROBATIONARY;
            }
            case EXTENSION -> {
                stage(c, step, CandidateStage.PROBATIONARY);
                if (c.extensionMonths != null) {
                    throw new BusinessRuleException("预备期只能延长一次（已延长" + c.extensionMonths + "个月）");
                }
                if (f.months() == null) {
                    throw FieldErrors.of("months", "请填写延长的月数");
                }
                c.extensionMonths = f.months();
            }
            case CONVERSION -> {
                stage(c, step, CandidateStage.PROBATIONARY);
                if (c.conversion != null) {
                    throw new BusinessRuleException("已记录讨论转正的支部大会（" + c.conversion.date() + "）");
                }
                c.conversion = meeting(f);
            }
            case CONVERSION_APPROVAL -> {
                stage(c, step, CandidateStage.PROBATIONARY);
                if (c.conversion == null) {
                    throw new BusinessRuleException("尚未召开支部大会讨论转正，不能审批转正");
                }
                c.conversionApprovalDate = date(f);
                c.stage = CandidateStage.FULL_MEMBER;
            }
            case CANCEL -> {
                c.cancelledDate = date(f);
                c.cancelledReason = clean(f.reason(), "reason");
                if (c.cancelledReason == null) {
                    throw FieldErrors.of("reason", "请填写取消发展的原因");
                }
                c.stage = CandidateStage.CANCELLED;
                return c.cancelledDate + "，" + c.cancelledReason;
            }
        }
        return f.date() == null ? String.valueOf(f.start()) : f.date().toString();
    }

    /** The next step and its earliest allowed day under the rule set. */
    NextStep next(Candidate c) {
        RecruitmentRuleSet rules = checker.ruleSet(c.ruleSet);
        return switch (c.stage) {
            case APPLICANT -> c.talkDate == null
                    ? NextStep.of(DevelopmentStep.TALK, c.applicationDate, c.applicationDate.plusMonths(rules.talkWithinMonths()),
                    "收到入党申请书后" + DevelopmentChecker.cn(rules.talkWithinMonths()) + "个月内派人谈话")
                    : NextStep.of(DevelopmentStep.ACTIVIST, c.talkDate, null, "经推荐和支委会研究确定为入党积极分子");
            case ACTIVIST -> {
                LocalDate earliest = c.activistDate.plusYears(rules.activistMinYears());
                LocalDate last = c.assessments.isEmpty() ? c.activistDate : c.assessments.getLast().date();
                LocalDate assessmentDue = last.plusMonths(rules.assessmentIntervalMonths());
                yield NextStep.of(DevelopmentStep.DEVELOPMENT_TARGET, earliest, null, "经过" + DevelopmentChecker.cn(rules.activistMinYears())
                        + "年以上培养教育（" + c.activistDate + " 起），" + earliest + " 起可确定为发展对象；下一次考察应不晚于 " + assessmentDue);
            }
            case DEVELOPMENT_TARGET -> nextForTarget(c, rules);
            case PROBATIONARY -> {
                CheckResult r = checker.check(c.timeline());
                LocalDate from = r.probationEnd().plusDays(1);
                yield c.conversion == null
                        ? NextStep.of(DevelopmentStep.CONVERSION, from, null, "预备期至 " + r.probationEnd() + "，期满后（" + from
                        + " 起）支部大会讨论转正")
                        : NextStep.of(DevelopmentStep.CONVERSION_APPROVAL, c.conversion.date(),
                        r.probationEnd().plusMonths(rules.conversionApprovalWithinMonths()),
                        "预备期满后" + DevelopmentChecker.cn(rules.conversionApprovalWithinMonths()) + "个月内审批转正");
            }
            case FULL_MEMBER, CANCELLED -> null;
        };
    }

    private NextStep nextForTarget(Candidate c, RecruitmentRuleSet rules) {
        LocalDate target = c.developmentTargetDate;
        if (c.politicalReviewDate == null || !Boolean.TRUE.equals(c.politicalReviewPassed)) {
            return NextStep.of(DevelopmentStep.POLITICAL_REVIEW, target, null, "对发展对象进行政治审查，形成结论性材料");
        }
        int days = c.trainingDays == null ? 0 : c.trainingDays;
        int hours = c.trainingHours == null ? 0 : c.trainingHours;
        if (days < rules.trainingMinDays() && hours < rules.trainingMinHours()) {
            return NextStep.of(DevelopmentStep.TRAINING, target, null, "集中培训不少于" + DevelopmentChecker.cn(rules.trainingMinDays())
                    + "天或" + rules.trainingMinHours() + "学时");
        }
        if (c.noticeStart == null) {
            return NextStep.of(DevelopmentStep.NOTICE, target, null, "公示不少于" + DevelopmentChecker.cn(rules.publicNoticeWorkingDays())
                    + "个工作日");
        }
        for (PreReviewLevel level : rules.requiredPreReviews()) {
            if (c.preReviews.stream().noneMatch(p -> p.level() == level && p.passed())) {
                String name = level == PreReviewLevel.PARTY_COMMITTEE ? "基层党委预审" : "县级党委组织部门预审";
                return NextStep.of(DevelopmentStep.PRE_REVIEW, c.noticeEnd, null, "须经" + name + "（" + level.name() + "）");
            }
        }
        if (c.admission == null) {
            LocalDate earliest = c.noticeEnd.plusDays(1);
            for (Candidate.PreReviewEntry p : c.preReviews) {
                if (p.date().isAfter(earliest)) {
                    earliest = p.date();
                }
            }
            if (c.politicalReviewDate.isAfter(earliest)) {
                earliest = c.politicalReviewDate;
            }
            return NextStep.of(DevelopmentStep.ADMISSION, earliest, null, "公示期满、预审通过后召开支部大会讨论接收");
        }
        return NextStep.of(DevelopmentStep.APPROVAL, c.admission.date(), c.admission.date().plusMonths(rules.approvalWithinMonths()),
                "支部大会通过后" + DevelopmentChecker.cn(rules.approvalWithinMonths()) + "个月内报上级党委审批（特殊情况注明原因，最长"
                        + DevelopmentChecker.cn(rules.approvalSpecialWithinMonths()) + "个月）");
    }

    /** Refuses when the new result has a violation the record did not have before. */
    private static void refuseNew(List<Violation> before, CheckResult after) {
        Set<String> known = before.stream().map(v -> v.rule() + "|" + v.message()).collect(Collectors.toSet());
        List<Violation> added = after.violations().stream().filter(v -> !known.contains(v.rule() + "|" + v.message())).toList();
        if (!added.isEmpty()) {
            throw new BusinessRuleException("不符合《" + after.ruleSet() + "》，未保存：" + added.stream()
                    .map(v -> v.rule().name() + " " + v.message()).collect(Collectors.joining("；")));
        }
    }

    private void setPoliticalStatus(long personId, String status, LocalDate partyJoinDate) {
        PersonRecord p = persons.requireVisibleRecord(personId);
        persons.update(personId, new PersonForm(p.orgId(), p.name(), p.sex(), p.birthDate(), p.ethnicity(), p.nativePlace(), "", "",
                p.education(), status, partyJoinDate == null ? p.partyJoinDate() : partyJoinDate, p.workStartDate(), p.version()));
    }

    private Candidate requireVisible(long id) {
        var found = repository.find(id);
        if (found.isEmpty() || !organizations.jurisdiction().covers(found.get().branchPath, found.get().branchOrgId)) {
            audit.recordAlone("ACCESS_DENIED", "recruitment", id, "发展党员档案不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("发展党员档案", id);
        }
        return found.get();
    }

    private SqlCondition scope() {
        Jurisdiction j = organizations.jurisdiction();
        return j.orgCondition("o.path", "o.id", "j");
    }

    /**
     * 入党介绍人 and 培养联系人 are Party members (第十四条, 第九条); their standing comes from their own person
     * record — 中共党员 is a full member, 中共预备党员 a probationary one — not from what the form claims. Only a
     * full member under 留党察看, which the person record does not show, is taken from the form.
     */
    private List<Candidate.Contact> members(List<StepForm.Member> members, String field, String role) {
        List<Candidate.Contact> result = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            StepForm.Member m = members.get(i);
            if (m.personId() == null) {
                throw FieldErrors.of(field + "[" + i + "]", "请选择人员");
            }
            PersonRecord p = persons.requireVisibleRecord(m.personId());
            result.add(new Candidate.Contact(p.id(), p.name(), role, standing(p, m.status(), field + "[" + i + "]", role)));
        }
        return result;
    }

    static IntroducerStatus standing(PersonRecord p, IntroducerStatus declared, String field, String role) {
        boolean introducer = "INTRODUCER".equals(role);
        String who = introducer ? "入党介绍人" : "培养联系人";
        String article = introducer ? "第十四条" : "第九条";
        if (PROBATIONARY_MEMBER.equals(p.politicalStatus())) {
            if (!introducer) {
                throw FieldErrors.of(field, p.name() + "是预备党员，培养联系人须为正式党员（第九条）");
            }
            // kept, so that the checker refuses the step with INTRODUCER_NOT_FULL_MEMBER and its article
            return IntroducerStatus.PROBATIONARY;
        }
        if (!PARTY_MEMBER.equals(p.politicalStatus())) {
            throw FieldErrors.of(field, p.name() + "不是中共党员，不能作" + who + "（" + article + "）");
        }
        return declared == IntroducerStatus.UNDER_PROBATION_SANCTION ? declared : IntroducerStatus.FULL;
    }

    private static void stage(Candidate c, DevelopmentStep step, CandidateStage required) {
        if (c.stage != required) {
            throw new BusinessRuleException("当前阶段为“" + c.stage.label() + "”，只有“" + required.label() + "”阶段才能记录" + step.label());
        }
    }

    private static LocalDate date(StepForm f) {
        if (f.date() == null) {
            throw FieldErrors.of("date", "请填写日期");
        }
        return f.date();
    }

    private static Timeline.Meeting meeting(StepForm f) {
        if (f.date() == null || f.dueVoters() == null || f.present() == null || f.votesFor() == null) {
            throw FieldErrors.of("date", "支部大会须填写日期、应到会人数、到会人数和赞成票数");
        }
        return new Timeline.Meeting(f.date(), f.dueVoters(), f.present(), f.votesFor(), f.writtenFor() == null ? 0 : f.writtenFor());
    }

    /** The longest note or reason a record keeps (the columns hold 500 characters). */
    static final int MAX_TEXT = 500;

    /** A note or reason: blank is none; too long is a field error, not a database failure. */
    private static String clean(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String text = s.strip();
        if (text.length() > MAX_TEXT) {
            throw FieldErrors.of(field, "不能超过" + MAX_TEXT + "字（现为" + text.length() + "字）");
        }
        return text;
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
