package org.zugong.talent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.access.TalentAccounts;
import org.zugong.access.TalentAccounts.ServiceOfficer;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.calendar.WorkCalendar;
import org.zugong.platform.db.SqlCondition;
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
 * F72 一站式服务: a recognized talent files a service request; it is routed to the type's responsible department and
 * to a 人才服务专员, accepted (or refused with a reason), handled and finished, and rated by the talent, which closes
 * it. Every change and every view is audited; every status change checks the version (optimistic locking).
 *
 * <p><b>Routing</b>: the department is the county's own for the type ({@code talent_service_department}), else the
 * type's default. The officer is the least-loaded (fewest open requests) of the enabled staff accounts holding
 * {@code talent:service} in the county of the talent's unit (a unit under no county: anywhere) whose jurisdiction
 * covers the unit, ties to the lowest user id; accounts that also hold
 * {@code talent:write} (the 人才办, who assigns) are taken only when the county has no other officer. Without any
 * the request stays 待分配 until the talent office assigns it.
 *
 * <p><b>SLA</b>: in working days of {@link WorkCalendar}: the acceptance is due on the {@code acceptDays}-th working
 * day after the submission day, the completion on the {@code finishDays}-th working day after the acceptance day.
 * A request is overdue when its running clock's due day lies before today; {@link #escalateOverdue} raises it to
 * 一级督办, and to 二级督办 once it is more than {@code zugong.talent.service.level2-after-days} working days late.
 */
@Service
@Transactional
class ServiceRequests {

    static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 5;
    /** talent_service_attachment.file_name is VARCHAR(200): a longer name is refused (400), not truncated. */
    static final int MAX_FILE_NAME = 200;
    /** The 受理 note and the 撤回 text go into talent_service_event.text (VARCHAR(2000)) after a short prefix. */
    static final int MAX_NOTE = 1000;
    static final FileType[] ATTACHMENT_TYPES = {FileType.PDF, FileType.JPEG, FileType.PNG, FileType.DOCX, FileType.XLSX};

    private final ServiceRequestRepository repository;
    private final TalentRegistry registry;
    private final Organizations organizations;
    private final TalentAccounts accounts;
    private final WorkCalendar calendar;
    private final AuditLog audit;
    private final int level2AfterDays;

    ServiceRequests(ServiceRequestRepository repository, TalentRegistry registry, Organizations organizations, TalentAccounts accounts,
                    WorkCalendar calendar, AuditLog audit, @Value("${zugong.talent.service.level2-after-days:3}") int level2AfterDays) {
        this.repository = repository;
        this.registry = registry;
        this.organizations = organizations;
        this.accounts = accounts;
        this.calendar = calendar;
        this.audit = audit;
        this.level2AfterDays = level2AfterDays;
    }

    @Transactional(readOnly = true)
    List<ServiceType> types() {
        return repository.types();
    }

    /** A type with the caller's county's own department (if any) and its version, for the talent office's page. */
    public record TypeSetting(ServiceType type, String countyDepartment, int version) {
    }

    /** The types with the caller's county's own departments (the county: the COUNTY above the caller's unit). */
    @Transactional(readOnly = true)
    List<TypeSetting> typeSettings() {
        return repository.typeSettings(callerCounty().map(OrganizationSummary::id).orElse(null));
    }

    private Optional<OrganizationSummary> callerCounty() {
        return organizations.ancestry(Actor.require().orgId()).stream().filter(o -> o.kind() == OrganizationKind.COUNTY).reduce((a, b) -> b);
    }

    /**
     * Whether the caller's jurisdiction covers the whole installation (every root of the tree): only such a user may
     * change a type's installation-wide columns (default department, SLA days, active), which every county shares.
     */
    @Transactional(readOnly = true)
    boolean coversInstallation() {
        Jurisdiction j = organizations.jurisdiction();
        if (j.all()) {
            return true;
        }
        List<Long> roots = organizations.visibleRootsForInstallation();
        return !roots.isEmpty() && roots.stream().allMatch(id -> organizations.path(id).map(p -> j.covers(p, id)).orElse(false));
    }

    static final String GLOBAL_TYPE_FIELDS_REFUSED = "服务类型的默认责任部门、办理时限和启用状态全市通用，只有管辖全市的人才工作机构可以修改；"
            + "您只能设置本县（市、区）的责任部门";

    /**
     * 维护服务类型 (talent:write). A user whose jurisdiction covers the whole installation changes the default
     * department, the SLA in working days and whether it is offered (versioned); any other (a county's 人才办) sets
     * only its own county's department for the type — a changed installation-wide field is refused (422), nothing
     * saved; omitted or unchanged ones are ignored. New SLA days apply to requests filed or accepted afterwards;
     * running clocks keep their due days.
     */
    void updateType(String code, ServiceTypeForm form) {
        if (!Actor.require().can(Permissions.TALENT_WRITE)) {
            throw new org.springframework.security.access.AccessDeniedException("需要人才库维护权限");
        }
        ServiceType type = repository.types().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("服务类型", code));
        boolean global = coversInstallation();
        String department = trim(form.department());
        if (!global && ((department != null && !department.equals(type.department()))
                || (form.acceptDays() != null && form.acceptDays() != type.acceptDays())
                || (form.finishDays() != null && form.finishDays() != type.finishDays())
                || (form.active() != null && form.active() != type.active()))) {
            audit.recordAlone("ACCESS_DENIED", "talent_service_type", code, "修改全市通用的服务类型设置：" + type.name(), AuditOutcome.DENIED);
            throw new BusinessRuleException(GLOBAL_TYPE_FIELDS_REFUSED);
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (global) {
            if (department == null) {
                errors.add("department", "请填写责任部门");
            } else if (department.length() > 100) {
                errors.add("department", "责任部门不能超过 100 个字");
            }
            if (form.acceptDays() == null || form.acceptDays() < 1 || form.acceptDays() > 30) {
                errors.add("acceptDays", "受理时限须为 1 至 30 个工作日");
            }
            if (form.finishDays() == null || form.finishDays() < 1 || form.finishDays() > 120) {
                errors.add("finishDays", "办结时限须为 1 至 120 个工作日");
            }
            if (form.version() == null) {
                errors.add("version", "缺少版本号，请刷新后重试");
            }
        }
        String countyDepartment = trim(form.countyDepartment());
        if (countyDepartment != null && countyDepartment.length() > 100) {
            errors.add("countyDepartment", "本县责任部门不能超过 100 个字");
        }
        Optional<OrganizationSummary> county = callerCounty();
        if (countyDepartment != null && county.isEmpty()) {
            errors.add("countyDepartment", "您不属于某个县（市、区），不能设置本县责任部门");
        }
        errors.throwIfAny();
        String countyPart = county.map(c -> c.name() + "责任部门 " + (countyDepartment == null ? "（默认）" : countyDepartment)).orElse("");
        if (!global) {
            county.ifPresent(c -> repository.saveDepartment(code, c.id(), countyDepartment));
            audit.record("TALENT_SERVICE_TYPE_UPDATE", "talent_service_type", code, "修改服务类型 " + type.name() + "："
                    + (countyPart.isEmpty() ? "无变更" : countyPart));
            return;
        }
        boolean active = form.active() == null || form.active();
        if (!repository.updateType(code, form.version(), department, form.acceptDays(), form.finishDays(), active, user())) {
            throw new EditConflictException("服务类型“" + type.name() + "”");
        }
        county.ifPresent(c -> repository.saveDepartment(code, c.id(), countyDepartment));
        audit.record("TALENT_SERVICE_TYPE_UPDATE", "talent_service_type", code, "修改服务类型 " + type.name() + "：责任部门 " + department
                + "，受理 " + form.acceptDays() + " 个工作日，办结 " + form.finishDays() + " 个工作日，" + (active ? "启用" : "停用")
                + (countyPart.isEmpty() ? "" : "；" + countyPart));
    }

    /** The {@code n}-th working day after {@code day} ({@code day} itself not counted). */
    LocalDate workingDaysAfter(LocalDate day, int n) {
        return calendar.lastOf(calendar.firstWorkingDayFrom(day.plusDays(1)), n);
    }

    LocalDate acceptDue(ServiceType type, LocalDate submittedOn) {
        return workingDaysAfter(submittedOn, type.acceptDays());
    }

    LocalDate finishDue(ServiceType type, LocalDate acceptedOn) {
        return workingDaysAfter(acceptedOn, type.finishDays());
    }

    private ServiceType type(String code) {
        return repository.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    // ---- the talent's side

    private static boolean isTalent() {
        return Actor.current().map(a -> a.can(Permissions.TALENT_SELF)).orElse(false);
    }

    /** The signed-in talent's registry record, or a clear refusal. */
    private TalentSummary self() {
        return registry.ofSelf().orElseThrow(() -> new BusinessRuleException("未找到您的人才信息，请联系人才工作机构"));
    }

    /** Whether the signed-in talent may file (recognized and within the validity); the reason otherwise. */
    @Transactional(readOnly = true)
    Optional<String> whyCannotFile() {
        Optional<TalentSummary> t = registry.ofSelf();
        if (t.isEmpty()) {
            return Optional.of("未找到您的人才信息，请联系人才工作机构");
        }
        if (!t.get().validOn(LocalDate.now())) {
            return Optional.of("只有认定有效期内的人才才能提交服务申请（您的人才状态：" + t.get().statusLabel()
                    + (t.get().validUntil() == null ? "" : "，有效期至 " + t.get().validUntil()) + "），请联系人才工作机构");
        }
        return Optional.empty();
    }

    /** Files a request of the signed-in talent with its attachments; everything is checked before anything is stored. */
    long file(ServiceRequestForm form, List<MultipartFile> files) {
        Optional<String> refusal = whyCannotFile();
        if (refusal.isPresent()) {
            throw new BusinessRuleException(refusal.get());
        }
        TalentSummary talent = self();
        FieldErrors.Collector errors = new FieldErrors.Collector();
        ServiceType type = null;
        if (form.typeCode() == null || form.typeCode().isBlank()) {
            errors.add("typeCode", "请选择服务类型");
        } else {
            type = repository.types().stream().filter(t -> t.active() && t.code().equals(form.typeCode().trim())).findFirst().orElse(null);
            if (type == null) {
                errors.add("typeCode", "服务类型不存在，请重新选择");
            }
        }
        String title = trim(form.title());
        String content = trim(form.content());
        if (title == null) {
            errors.add("title", "请填写申请标题");
        } else if (title.length() > 100) {
            errors.add("title", "申请标题不能超过 100 个字");
        }
        if (content == null) {
            errors.add("content", "请填写申请内容");
        } else if (content.length() > 4000) {
            errors.add("content", "申请内容不能超过 4000 个字");
        }
        List<Upload> uploads = new ArrayList<>();
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (present.size() > MAX_ATTACHMENTS) {
            errors.add("attachments", "附件最多 " + MAX_ATTACHMENTS + " 个");
        } else {
            for (MultipartFile f : present) {
                acceptAttachment(f, uploads, errors);
            }
        }
        errors.throwIfAny();
        repository.lockFiling(talent.id());
        Optional<String> duplicate = repository.openDuplicate(talent.id(), type.code(), title);
        if (duplicate.isPresent()) {
            throw new BusinessRuleException("您已提交过相同的服务申请（编号 " + duplicate.get() + "），请勿重复提交");
        }
        Route route = route(type, talent.orgId());
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        String number = "FW" + Year.now().getValue() + String.format("%06d", repository.nextNumber());
        String by = user();
        long id = repository.insert(new ServiceRequestRepository.NewRequest(number, talent.id(), talent.personId(), talent.orgId(),
                type.code(), title, content, route.department(), route.departmentOrgId(),
                route.officer() == null ? null : route.officer().userId(), now, today, acceptDue(type, today), by));
        for (Upload u : uploads) {
            repository.insertAttachment(id, u.fileName(), contentType(u.type()), u.content(), by);
        }
        repository.event(id, "SUBMITTED", true, type.name() + "：" + title + (uploads.isEmpty() ? "" : "（附件 " + uploads.size() + " 个）"),
                talent.personName(), by);
        repository.event(id, "ASSIGNED", true, "责任部门：" + route.department() + "；人才服务专员："
                + (route.officer() == null ? "待分配" : route.officer().displayName()), "系统", by);
        audit.record("TALENT_SERVICE_CREATE", "talent_service_request", id, "提交服务申请 " + number + "：" + type.name() + " " + title
                + "，分派给 " + (route.officer() == null ? "待分配" : route.officer().username()));
        return id;
    }

    /** Checks one attachment (its file name's length first), adding it to {@code uploads} or its reason to {@code errors}. */
    private static void acceptAttachment(MultipartFile f, List<Upload> uploads, FieldErrors.Collector errors) {
        String name = Upload.name(f);
        if (name.length() > MAX_FILE_NAME) {
            errors.add("attachments", "附件“" + name.substring(0, 20) + "…”：文件名不能超过 " + MAX_FILE_NAME + " 个字符，请改短后重新上传");
            return;
        }
        try {
            uploads.add(Upload.accept(f, "附件", MAX_ATTACHMENT_BYTES, ATTACHMENT_TYPES));
        } catch (UploadRefused e) {
            errors.add("attachments", "附件“" + name + "”：" + e.getMessage());
        }
    }

    /** Adds attachments to the talent's own request while it awaits acceptance (the API's second step after filing). */
    void attach(long id, List<MultipartFile> files) {
        ServiceRequestView r = require(id);
        requireTalent();
        if (r.status() != ServiceRequestStatus.SUBMITTED) {
            throw new BusinessRuleException("申请" + r.statusLabel() + "，只有待受理的申请才能补充附件");
        }
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (present.isEmpty()) {
            throw FieldErrors.of("attachments", "请选择要上传的附件");
        }
        if (repository.attachments(id).size() + present.size() > MAX_ATTACHMENTS) {
            throw FieldErrors.of("attachments", "附件最多 " + MAX_ATTACHMENTS + " 个");
        }
        List<Upload> uploads = new ArrayList<>();
        FieldErrors.Collector errors = new FieldErrors.Collector();
        for (MultipartFile f : present) {
            acceptAttachment(f, uploads, errors);
        }
        errors.throwIfAny();
        for (Upload u : uploads) {
            repository.insertAttachment(id, u.fileName(), contentType(u.type()), u.content(), user());
        }
        event(r, "COMMENT", true, "补充附件 " + uploads.size() + " 个");
        audit.record("TALENT_SERVICE_ATTACH", "talent_service_request", id, "补充服务申请 " + r.number() + " 的附件 " + uploads.size() + " 个");
    }

    static String contentType(FileType type) {
        return switch (type) {
            case PDF -> "application/pdf";
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/octet-stream";
        };
    }

    /** Where a request goes: the department and the officer (null: 待分配). */
    record Route(String department, Long departmentOrgId, ServiceOfficer officer) {
    }

    Route route(ServiceType type, long orgId) {
        OrganizationSummary county = county(orgId);
        var own = repository.department(type.code(), county.id());
        List<ServiceOfficer> officers = officersCovering(orgId);
        List<ServiceOfficer> candidates = officers.stream().filter(o -> !o.office()).toList();
        if (candidates.isEmpty()) {
            candidates = officers;
        }
        Map<Long, Long> load = repository.openLoad(candidates.stream().map(ServiceOfficer::userId).toList());
        ServiceOfficer officer = candidates.stream()
                .min(Comparator.comparingLong((ServiceOfficer o) -> load.getOrDefault(o.userId(), 0L)).thenComparingLong(ServiceOfficer::userId))
                .orElse(null);
        return new Route(own.map(ServiceRequestRepository.Department::name).orElse(type.department()),
                own.map(ServiceRequestRepository.Department::orgId).orElse(null), officer);
    }

    /** The COUNTY node above (or at) the unit; the root when there is none. */
    private OrganizationSummary county(long orgId) {
        List<OrganizationSummary> ancestry = organizations.ancestry(orgId);
        return ancestry.stream().filter(o -> o.kind() == OrganizationKind.COUNTY).reduce((a, b) -> b).orElse(ancestry.getFirst());
    }

    /**
     * The 人才服务专员 who can see a request of this unit: the enabled {@code talent:service} staff of the unit's
     * county (for a unit under no county, e.g. a 市直 unit: of the whole tree) whose own jurisdiction covers the unit.
     * A county's officer is thus never chosen for another county's or a 市直 unit's request (they could not open it).
     */
    private List<ServiceOfficer> officersCovering(long orgId) {
        List<OrganizationSummary> ancestry = organizations.ancestry(orgId);
        if (ancestry.isEmpty()) {
            return List.of();
        }
        OrganizationSummary unit = ancestry.getLast();
        return accounts.serviceOfficers(county(orgId).path()).stream()
                .filter(o -> accounts.actorOf(o.userId()).map(a -> organizations.jurisdictionOf(a).covers(unit.path(), unit.id())).orElse(false))
                .toList();
    }

    /** The officers a request may be (re)assigned to: those of its county whose jurisdiction covers its unit. */
    @Transactional(readOnly = true)
    List<ServiceOfficer> officersFor(ServiceRequestView r) {
        return officersCovering(r.orgId());
    }

    /** The signed-in talent's requests, newest first. */
    @Transactional(readOnly = true)
    List<ServiceRequestView> mine() {
        return registry.ofSelf().map(t -> repository.ofTalent(t.id(), 200)).orElse(List.of());
    }

    /**
     * The request if the caller may see it: a talent its own only, staff those whose unit lies in the jurisdiction.
     * Otherwise the probe is audited and the answer is 404, as for a request that does not exist.
     */
    @Transactional(readOnly = true)
    ServiceRequestView require(long id) {
        var found = repository.find(id);
        boolean allowed;
        if (isTalent()) {
            Long talentId = registry.ofSelf().map(TalentSummary::id).orElse(null);
            allowed = found.isPresent() && talentId != null && found.get().request().talentId() == talentId;
        } else {
            Jurisdiction j = organizations.jurisdiction();
            allowed = found.isPresent() && j.covers(found.get().orgPath(), found.get().request().orgId());
        }
        if (!allowed) {
            audit.recordAlone("ACCESS_DENIED", "talent_service_request", id, "服务申请不存在或无权访问", AuditOutcome.DENIED);
            throw new RecordNotFoundException("服务申请", id);
        }
        return found.get().request();
    }

    /** {@link #require} and a view audit row. */
    ServiceRequestView view(long id) {
        ServiceRequestView r = require(id);
        audit.record("TALENT_SERVICE_VIEW", "talent_service_request", id, "查看服务申请 " + r.number() + "：" + r.personName());
        return r;
    }

    /** The timeline: a talent sees the visible entries only. */
    @Transactional(readOnly = true)
    List<ServiceRequestEvent> events(ServiceRequestView r) {
        return repository.events(r.id(), isTalent());
    }

    @Transactional(readOnly = true)
    List<ServiceAttachment> attachments(ServiceRequestView r) {
        return repository.attachments(r.id());
    }

    /** An attachment's content, audited as a view of personal data. */
    byte[] download(long id, long attachmentId) {
        ServiceRequestView r = require(id);
        byte[] content = repository.attachmentContent(id, attachmentId).orElse(null);
        if (content == null) {
            audit.recordAlone("ACCESS_DENIED", "talent_service_attachment", attachmentId, "附件不存在或不属于该服务申请", AuditOutcome.DENIED);
            throw new RecordNotFoundException("附件", attachmentId);
        }
        audit.record("TALENT_SERVICE_VIEW", "talent_service_attachment", attachmentId, "下载服务申请 " + r.number() + " 的附件");
        return content;
    }

    ServiceAttachment attachment(long id, long attachmentId) {
        return repository.attachments(id).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("附件", attachmentId));
    }

    /** 撤回: the talent's own request, before acceptance. */
    void withdraw(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        requireTalent();
        String text = action == null ? null : trim(action.text());
        if (text != null && text.length() > MAX_NOTE) {
            throw FieldErrors.of("text", "撤回说明不能超过 " + MAX_NOTE + " 个字");
        }
        int version = version(action);
        if (r.status() != ServiceRequestStatus.SUBMITTED) {
            throw new BusinessRuleException("申请已" + r.statusLabel() + "，只有待受理的申请才能撤回");
        }
        change(r, version, List.of(ServiceRequestStatus.SUBMITTED), ServiceRequestStatus.WITHDRAWN, Map.of());
        event(r, "WITHDRAWN", true, text);
        audit.record("TALENT_SERVICE_WITHDRAW", "talent_service_request", id, "撤回服务申请 " + r.number());
    }

    /** 评价: 1–5 with an optional comment, once the request is finished; closes it. */
    void rate(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        requireTalent();
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (action == null || action.rating() == null || action.rating() < 1 || action.rating() > 5) {
            errors.add("rating", "请选择 1 至 5 星的满意度评价");
        }
        String comment = action == null ? null : trim(action.text());
        if (comment != null && comment.length() > 500) {
            errors.add("text", "评价内容不能超过 500 个字");
        }
        if (action == null || action.version() == null) {
            errors.add("version", "缺少版本号，请刷新后重试");
        }
        errors.throwIfAny();
        if (r.status() != ServiceRequestStatus.FINISHED) {
            throw new BusinessRuleException(r.status() == ServiceRequestStatus.CLOSED ? "该申请已评价，不能重复评价"
                    : "申请" + r.statusLabel() + "，办结后才能评价");
        }
        Map<String, Object> set = new HashMap<>();
        set.put("rating", action.rating());
        set.put("rating_comment", comment);
        set.put("rated_at", java.sql.Timestamp.from(Instant.now()));
        set.put("closed_at", java.sql.Timestamp.from(Instant.now()));
        change(r, action.version(), List.of(ServiceRequestStatus.FINISHED), ServiceRequestStatus.CLOSED, set);
        event(r, "CLOSED", true, action.rating() + " 星" + (comment == null ? "" : "：" + comment));
        audit.record("TALENT_SERVICE_RATE", "talent_service_request", id, "评价服务申请 " + r.number() + "：" + action.rating() + " 星");
    }

    /**
     * 留言: the talent's comments are visible; staff choose (default: internal). A staff comment on an accepted request
     * marks it 办理中.
     */
    void comment(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        String text = action == null ? null : trim(action.text());
        if (text == null) {
            throw FieldErrors.of("text", "请填写留言内容");
        }
        if (text.length() > 2000) {
            throw FieldErrors.of("text", "留言内容不能超过 2000 个字");
        }
        if (r.status() == ServiceRequestStatus.WITHDRAWN || r.status() == ServiceRequestStatus.CLOSED) {
            throw new BusinessRuleException("申请" + r.statusLabel() + "，不能再留言");
        }
        boolean talent = isTalent();
        if (!talent) {
            requireService();
        }
        boolean visible = talent || Boolean.TRUE.equals(action.visible());
        event(r, "COMMENT", visible, text);
        if (!talent && r.status() == ServiceRequestStatus.ACCEPTED) {
            if (repository.transition(r.id(), r.version(), List.of(ServiceRequestStatus.ACCEPTED), ServiceRequestStatus.IN_PROGRESS,
                    Map.of(), user())) {
                event(r, "IN_PROGRESS", true, null);
            }
        }
        audit.record("TALENT_SERVICE_COMMENT", "talent_service_request", id, (visible ? "留言（人才可见）" : "内部留言") + "：" + r.number());
    }

    // ---- the staff's side

    private static void requireTalent() {
        if (!isTalent()) {
            throw new org.springframework.security.access.AccessDeniedException("只有人才本人可以执行此操作");
        }
    }

    private static void requireService() {
        if (!Actor.require().can(Permissions.TALENT_SERVICE)) {
            throw new org.springframework.security.access.AccessDeniedException("需要人才服务权限");
        }
    }

    /** 受理: the completion clock starts; an unassigned request goes to the one who accepts it. */
    void accept(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        requireService();
        String note = action == null ? null : trim(action.text());
        if (note != null && note.length() > MAX_NOTE) {
            throw FieldErrors.of("text", "受理说明不能超过 " + MAX_NOTE + " 个字");
        }
        int version = version(action);
        if (r.status() != ServiceRequestStatus.SUBMITTED) {
            throw new BusinessRuleException("申请" + r.statusLabel() + "，只有待受理的申请才能受理");
        }
        LocalDate today = LocalDate.now();
        Map<String, Object> set = new HashMap<>();
        set.put("accepted_at", java.sql.Timestamp.from(Instant.now()));
        set.put("accepted_on", java.sql.Date.valueOf(today));
        set.put("finish_due", java.sql.Date.valueOf(finishDue(type(r.typeCode()), today)));
        set.put("escalation_level", 0);
        if (r.officerId() == null) {
            set.put("officer_id", Actor.require().userId());
        }
        change(r, version, List.of(ServiceRequestStatus.SUBMITTED), ServiceRequestStatus.ACCEPTED, set);
        event(r, "ACCEPTED", true, "办结时限：" + set.get("finish_due") + (note == null ? "" : "。" + note));
        audit.record("TALENT_SERVICE_ACCEPT", "talent_service_request", id, "受理服务申请 " + r.number());
    }

    /** 不予受理, with the reason (shown to the talent). */
    void reject(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        requireService();
        String reason = action == null ? null : trim(action.text());
        if (reason == null) {
            throw FieldErrors.of("text", "请填写不予受理的理由");
        }
        if (reason.length() > 500) {
            throw FieldErrors.of("text", "不予受理的理由不能超过 500 个字");
        }
        int version = version(action);
        if (r.status() != ServiceRequestStatus.SUBMITTED) {
            throw new BusinessRuleException("申请" + r.statusLabel() + "，只有待受理的申请才能不予受理");
        }
        change(r, version, List.of(ServiceRequestStatus.SUBMITTED), ServiceRequestStatus.REJECTED, Map.of("reject_reason", reason));
        event(r, "REJECTED", true, reason);
        audit.record("TALENT_SERVICE_REJECT", "talent_service_request", id, "不予受理服务申请 " + r.number() + "：" + reason);
    }

    /** 办结, with the result (shown to the talent, who may then rate). */
    void finish(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        requireService();
        String result = action == null ? null : trim(action.text());
        if (result == null) {
            throw FieldErrors.of("text", "请填写办理结果");
        }
        if (result.length() > 2000) {
            throw FieldErrors.of("text", "办理结果不能超过 2000 个字");
        }
        int version = version(action);
        if (r.status() != ServiceRequestStatus.ACCEPTED && r.status() != ServiceRequestStatus.IN_PROGRESS) {
            throw new BusinessRuleException("申请" + r.statusLabel() + "，受理后才能办结");
        }
        Map<String, Object> set = new HashMap<>();
        set.put("result", result);
        set.put("finished_at", java.sql.Timestamp.from(Instant.now()));
        set.put("finished_on", java.sql.Date.valueOf(LocalDate.now()));
        change(r, version, List.of(ServiceRequestStatus.ACCEPTED, ServiceRequestStatus.IN_PROGRESS), ServiceRequestStatus.FINISHED, set);
        event(r, "FINISHED", true, result);
        audit.record("TALENT_SERVICE_FINISH", "talent_service_request", id, "办结服务申请 " + r.number());
    }

    /** 改派 (talent office): to another officer of the request's county whose jurisdiction covers its unit. */
    void reassign(long id, ServiceRequestAction action) {
        ServiceRequestView r = require(id);
        if (!Actor.require().can(Permissions.TALENT_WRITE)) {
            throw new org.springframework.security.access.AccessDeniedException("需要人才库维护权限");
        }
        if (action == null || action.officerId() == null) {
            throw FieldErrors.of("officerId", "请选择人才服务专员");
        }
        ServiceOfficer officer = officersFor(r).stream().filter(o -> o.userId() == action.officerId()).findFirst()
                .orElseThrow(() -> FieldErrors.of("officerId", "请选择管辖该申请所属单位的人才服务专员"));
        int version = version(action);
        if (!r.status().open()) {
            throw new BusinessRuleException("申请" + r.statusLabel() + "，不能改派");
        }
        if (!repository.assign(id, version, officer.userId(), user())) {
            throw new EditConflictException("服务申请 " + r.number());
        }
        event(r, "ASSIGNED", true, "改派给人才服务专员：" + officer.displayName() + (r.officerName() == null ? "" : "（原：" + r.officerName() + "）"));
        audit.record("TALENT_SERVICE_ASSIGN", "talent_service_request", id, "改派服务申请 " + r.number() + " 给 " + officer.username());
    }

    /** A page of a queue in the jurisdiction; the total is known only as far as the next page. */
    @Transactional(readOnly = true)
    PageResult<ServiceRequestView> queue(ServiceQueueCriteria criteria, PageRequest page) {
        List<ServiceRequestView> rows = new ArrayList<>(repository.page(scope(), criteria == null ? ServiceQueueCriteria.none() : criteria,
                Actor.require().userId(), LocalDate.now(), page.size() + 1, page.offset()));
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        return PageResult.of(rows, page, page.offset() + rows.size() + (more ? 1 : 0));
    }

    SqlCondition scope() {
        return organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
    }

    /** The requests of a talent (for the talent detail page's section); the talent must be visible. */
    @Transactional(readOnly = true)
    List<ServiceRequestView> ofTalent(long talentId) {
        registry.requireVisible(talentId);
        return repository.forSection(talentId);
    }

    /** The escalation run: raises overdue requests' levels (idempotent: only ever up, once per level). */
    int escalateOverdue(LocalDate today) {
        int raised = 0;
        for (ServiceRequestView r : repository.overdueForEscalation(today)) {
            LocalDate due = r.currentDue();
            int late = calendar.count(due.plusDays(1), today);
            int target = late > level2AfterDays ? 2 : 1;
            if (target > r.escalationLevel() && repository.escalate(r.id(), r.status(), r.escalationLevel(), target, today)) {
                String what = r.status() == ServiceRequestStatus.SUBMITTED ? "受理" : "办结";
                repository.event(r.id(), "ESCALATED", false, what + "超期（时限 " + due + "，已超 " + late + " 个工作日），"
                        + (target == 1 ? "一级督办：提醒人才服务专员" : "二级督办：报人才办"), "系统", "system");
                audit.recordAs("system", "TALENT_SERVICE_ESCALATE", "talent_service_request", r.id(),
                        "服务申请 " + r.number() + " " + what + "超期，" + (target == 1 ? "一级督办" : "二级督办"));
                raised++;
            }
        }
        return raised;
    }

    // ---- helpers

    private void change(ServiceRequestView r, int version, List<ServiceRequestStatus> from, ServiceRequestStatus to, Map<String, Object> set) {
        if (!repository.transition(r.id(), version, from, to, set, user())) {
            throw new EditConflictException("服务申请 " + r.number());
        }
    }

    private void event(ServiceRequestView r, String kind, boolean visible, String text) {
        Actor actor = Actor.require();
        repository.event(r.id(), kind, visible, text, actor.displayName(), actor.username());
    }

    private static int version(ServiceRequestAction action) {
        if (action == null || action.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        return action.version();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
