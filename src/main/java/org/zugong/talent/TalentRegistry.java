package org.zugong.talent;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonSummary;
import org.zugong.person.Persons;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.excel.ExcelDownload;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 人才库 (F70, the registry): search, view, create and edit registry records within the jurisdiction (by the
 * employer unit's path), and the audited Excel export. Every change and every view of a record is audited.
 * Later parts of the module (认定申请, 英才卡, 服务申请) find their talent through {@link #requireVisible(long)}.
 */
@Service
@Transactional
class TalentRegistry {

    /** 人才类别. */
    static final List<String> CATEGORIES = List.of("科技", "教育", "卫生", "经营管理", "技能", "乡土", "文化");
    /** 引进方式. */
    static final List<String> MODES = List.of("全职", "柔性");
    /** More rows than this in one file is a dump, not a list: ask for a narrower filter. */
    static final int EXPORT_MAX_ROWS = 100_000;

    private final TalentRepository repository;
    private final Organizations organizations;
    private final Persons persons;
    private final AuditLog audit;

    TalentRegistry(TalentRepository repository, Organizations organizations, Persons persons, AuditLog audit) {
        this.repository = repository;
        this.organizations = organizations;
        this.persons = persons;
        this.audit = audit;
    }

    /** The jurisdiction as a condition over the employer unit {@code o} of a talent query. */
    SqlCondition scope() {
        return organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
    }

    @Transactional(readOnly = true)
    List<TalentTier> tiers() {
        return repository.tiers();
    }

    @Transactional(readOnly = true)
    List<TalentEntitlement> entitlements(String tierCode) {
        return repository.entitlements(tierCode);
    }

    /** A page of the list, newest first; the total is known only as far as the next page (no count over the registry). */
    @Transactional(readOnly = true)
    PageResult<TalentSummary> search(TalentCriteria criteria, PageRequest page) {
        List<TalentSummary> rows = new ArrayList<>(repository.page(scope(), criteria, page.size() + 1, page.offset()));
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        return PageResult.of(rows, page, page.offset() + rows.size() + (more ? 1 : 0));
    }

    /** The record if its employer unit lies in the jurisdiction; otherwise audited and 404 (like a missing one). */
    @Transactional(readOnly = true)
    TalentSummary requireVisible(long id) {
        var found = repository.find(id);
        Jurisdiction j = organizations.jurisdiction();
        if (found.isEmpty() || !j.covers(found.get().orgPath(), found.get().talent().orgId())) {
            audit.recordAlone("ACCESS_DENIED", "talent", id, "人才不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("人才", id);
        }
        return found.get().talent();
    }

    /** {@link #requireVisible} and a TALENT_VIEW audit row: for showing the record (page detail, API). */
    TalentSummary view(long id) {
        TalentSummary t = requireVisible(id);
        audit.record("TALENT_VIEW", "talent", id, "查看人才信息：" + t.personName());
        return t;
    }

    /** The person's record when the caller may see it. */
    @Transactional(readOnly = true)
    java.util.Optional<TalentSummary> ofPerson(long personId) {
        Jurisdiction j = organizations.jurisdiction();
        return repository.findByPerson(personId).filter(f -> j.covers(f.orgPath(), f.talent().orgId())).map(TalentRepository.Found::talent);
    }

    /** The signed-in talent's own record (a TALENT account, by its person), whatever the jurisdiction. */
    @Transactional(readOnly = true)
    java.util.Optional<TalentSummary> ofSelf() {
        Long personId = Actor.current().map(Actor::personId).orElse(null);
        return personId == null ? java.util.Optional.empty() : repository.findByPerson(personId).map(TalentRepository.Found::talent);
    }

    long create(TalentForm form) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        PersonSummary person = null;
        if (form.personId() == null) {
            errors.add("personId", "请选择人员");
        } else if (!persons.isVisible(form.personId())) {
            errors.add("personId", "人员不存在或不在管辖范围内");
        } else {
            person = persons.requireVisible(form.personId());
            if (repository.findByPerson(form.personId()).isPresent()) {
                errors.add("personId", "该人员已在人才库中");
            }
        }
        long orgId = validate(form, person == null ? null : person.orgId(), errors);
        errors.throwIfAny();
        try {
            long id = repository.insert(person.id(), form, orgId, user());
            audit.record("TALENT_CREATE", "talent", id, "登记人才：" + person.name() + " " + form.tierCode() + "类 " + form.category());
            return id;
        } catch (DuplicateKeyException e) {
            throw FieldErrors.of("personId", "该人员已在人才库中");
        }
    }

    void update(long id, TalentForm form) {
        TalentSummary current = requireVisible(id);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        long orgId = validate(form, current.orgId(), errors);
        if (form.version() == null) {
            errors.add("version", "缺少版本号，请刷新后重试");
        }
        errors.throwIfAny();
        if (!repository.update(id, form.version(), form, orgId, user())) {
            throw new EditConflictException("人才“" + current.personName() + "”");
        }
        audit.record("TALENT_UPDATE", "talent", id, "修改人才信息：" + current.personName() + " " + form.tierCode() + "类 "
                + form.category() + " " + form.status().label());
    }

    /** Checks every field (Chinese messages); returns the employer unit: the chosen one, or else the default. */
    private long validate(TalentForm f, Long defaultOrgId, FieldErrors.Collector errors) {
        if (f.tierCode() == null || repository.tiers().stream().noneMatch(t -> t.code().equals(f.tierCode().trim()))) {
            errors.add("tierCode", "请选择人才层次");
        }
        if (f.category() == null || !CATEGORIES.contains(f.category().trim())) {
            errors.add("category", "请选择人才类别");
        }
        if (f.introductionMode() == null || !MODES.contains(f.introductionMode().trim())) {
            errors.add("introductionMode", "请选择引进方式（全职或柔性）");
        }
        if (f.introducedOn() == null) {
            errors.add("introducedOn", "请填写引进日期");
        } else if (f.introducedOn().isAfter(LocalDate.now())) {
            errors.add("introducedOn", "引进日期不能晚于今天");
        } else if (f.introducedOn().getYear() < 1950) {
            errors.add("introducedOn", "引进日期不正确");
        }
        if (f.status() == null) {
            errors.add("status", "请选择人才状态");
        } else if (f.status() == TalentStatus.RECOGNIZED && (f.recognizedOn() == null || f.validUntil() == null)) {
            errors.add(f.recognizedOn() == null ? "recognizedOn" : "validUntil", "已认定的人才须填写认定日期和有效期至");
        }
        if (f.recognizedOn() != null && f.recognizedOn().isAfter(LocalDate.now())) {
            errors.add("recognizedOn", "认定日期不能晚于今天");
        }
        if (f.recognizedOn() != null && f.validUntil() != null && f.validUntil().isBefore(f.recognizedOn())) {
            errors.add("validUntil", "有效期至不能早于认定日期");
        }
        length(errors, "field", f.field(), 200, "专业领域");
        length(errors, "employerName", f.employerName(), 200, "工作单位");
        length(errors, "note", f.note(), 500, "备注");
        Long orgId = f.orgId() != null ? f.orgId() : defaultOrgId;
        if (orgId == null) {
            if (!errors.hasField("personId")) {
                errors.add("orgId", "请选择用人单位");
            }
            return 0;
        }
        if (!organizations.isVisible(orgId)) {
            errors.add("orgId", "用人单位不存在或不在管辖范围内");
        }
        return orgId;
    }

    private static void length(FieldErrors.Collector errors, String field, String value, int max, String label) {
        if (value != null && value.trim().length() > max) {
            errors.add(field, label + "不能超过 " + max + " 个字");
        }
    }

    /** The filtered list as an Excel workbook (streamed), audited with its filters and row count. */
    @Transactional(readOnly = true)
    int export(TalentCriteria criteria, HttpServletResponse response) throws IOException {
        try (ExcelDownload excel = ExcelDownload.start(response, "人才名册",
                "序号", "姓名", "人才层次", "人才类别", "专业领域", "用人单位", "工作单位", "引进方式", "引进日期", "状态", "认定日期", "有效期至")) {
            repository.stream(scope(), criteria, EXPORT_MAX_ROWS, t -> excel.row(excel.rows() + 1, t.personName(), t.tierLabel(),
                    t.category(), t.field(), t.orgName(), t.employerName(), t.introductionMode(), t.introducedOn(), t.statusLabel(),
                    t.recognizedOn(), t.validUntil()));
            audit.recordAlone("TALENT_EXPORT", "talent", null, "导出人才名册 " + excel.rows() + " 人，条件：" + criteria, AuditOutcome.SUCCESS);
            excel.finish();
            return excel.rows();
        }
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
