package org.zugong.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** Registering, editing and finding persons, with every rule of the record checked and every change audited. */
@Service
@Transactional
class PersonRegistry {

    private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$");

    private final PersonRepository repository;
    private final PersonScope scope;
    private final Organizations organizations;
    private final CodeTables codes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PersonRegistry(PersonRepository repository, PersonScope scope, Organizations organizations, CodeTables codes,
                   AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.scope = scope;
        this.organizations = organizations;
        this.codes = codes;
        this.audit = audit;
        this.events = events;
    }

    long register(PersonForm form) {
        String idNumber = validate(form, null);
        try {
            long id = repository.insert(form, idNumber, user());
            audit.record("PERSON_CREATE", "person", id, form.name().trim() + " " + IdNumber.mask(idNumber));
            events.publishEvent(new PersonRegistered(id, form.orgId()));
            return id;
        } catch (DuplicateKeyException e) {
            throw FieldErrors.of("idNumber", "该身份证号已登记，不能重复建档");
        }
    }

    void update(long id, PersonForm submitted) {
        PersonRecord current = scope.requireVisible(id);
        // The edit form shows the phone masked: an empty phone keeps the stored one.
        PersonForm form = submitted.phone() == null || submitted.phone().isBlank()
                ? new PersonForm(submitted.orgId(), submitted.name(), submitted.sex(), submitted.birthDate(), submitted.ethnicity(),
                        submitted.nativePlace(), submitted.idNumber(), current.phone(), submitted.education(),
                        submitted.politicalStatus(), submitted.partyJoinDate(), submitted.workStartDate(), submitted.version())
                : submitted;
        if (form.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        String idNumber = validate(form, current);
        try {
            if (!repository.update(id, form.version(), form, idNumber, user())) {
                throw new EditConflictException("人员“" + current.name() + "”的信息");
            }
        } catch (DuplicateKeyException e) {
            throw FieldErrors.of("idNumber", "该身份证号已登记在另一人员名下");
        }
        boolean moved = current.orgId() != form.orgId();
        audit.record("PERSON_UPDATE", "person", id, form.name().trim() + (moved ? "（调整所在组织 " + current.orgId() + "→" + form.orgId() + "）" : ""));
        events.publishEvent(new PersonChanged(id, form.orgId(), moved));
    }

    @Transactional(readOnly = true)
    java.util.Optional<PersonRepository.Photo> photo(long id) {
        return repository.photo(id);
    }

    void savePhoto(long id, String contentType, byte[] content) {
        PersonRecord p = scope.requireVisible(id);
        repository.savePhoto(id, contentType, content);
        audit.record("PERSON_PHOTO", "person", id, p.name());
    }

    @Transactional(readOnly = true)
    PageResult<PersonRow> search(PersonCriteria criteria, PageRequest page, String sort) {
        var where = where(criteria);
        List<PersonRow> rows = repository.page(where, orderBy(sort), page.offset(), page.size()).stream()
                .map(this::row).toList();
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.count(where);
        return PageResult.of(rows, page, total);
    }

    @Transactional(readOnly = true)
    PersonRecord detail(long id) {
        return scope.requireVisible(id);
    }

    /** The full ID number, for a user with the permission; each view is audited. */
    String revealIdNumber(long id) {
        PersonRecord p = scope.requireVisible(id);
        audit.record("PERSON_ID_VIEW", "person", id, "查看完整身份证号：" + p.name());
        return p.idNumber();
    }

    PersonFilter where(PersonCriteria criteria) {
        String subtree = null;
        if (criteria.orgId() != null) {
            OrganizationSummary org = organizations.requireVisible(criteria.orgId());
            subtree = org.path();
        }
        return repository.where(criteria, scope.organizations(), scope.selfPersonId(), subtree, LocalDate.now());
    }

    PersonRow row(PersonRepository.ListRow r) {
        return new PersonRow(r.id(), r.name(), r.sex(), codes.sex().shortName(r.sex()), r.birthDate(),
                IdNumber.mask(repository.decrypt(r.idCipher())), r.orgId(), r.orgName(),
                codes.ethnicity().name(r.ethnicity()), codes.education().name(r.education()),
                codes.politicalStatus().shortName(r.politicalStatus()));
    }

    /** A row of the person list, ID number masked. */
    public record PersonRow(long id, String name, String sex, String sexName, LocalDate birthDate, String idNumber, long orgId,
                     String orgName, String ethnicityName, String educationName, String politicalStatusName) {
        public int age() {
            return java.time.Period.between(birthDate, LocalDate.now()).getYears();
        }
    }

    private static String orderBy(String sort) {
        return switch (sort == null ? "" : sort) {
            case "name" -> "p.name, p.id";
            case "birthDate" -> "p.birth_date, p.id";
            case "-birthDate" -> "p.birth_date DESC, p.id";
            default -> "p.id";
        };
    }

    /** Checks every field; returns the normalized ID number to store. */
    private String validate(PersonForm f, PersonRecord current) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        LocalDate today = LocalDate.now();
        if (f.name() == null || f.name().isBlank()) {
            errors.add("name", "请填写姓名");
        } else if (f.name().trim().length() > 50) {
            errors.add("name", "姓名不能超过50个字");
        }
        if (f.sex() == null || !("1".equals(f.sex()) || "2".equals(f.sex()))) {
            errors.add("sex", "请选择性别");
        }
        if (f.birthDate() == null) {
            errors.add("birthDate", "请填写出生日期");
        } else if (f.birthDate().isAfter(today)) {
            errors.add("birthDate", "出生日期不能晚于今天");
        } else if (f.birthDate().isBefore(today.minusYears(120))) {
            errors.add("birthDate", "出生日期不合理（超过120岁）");
        }
        String idNumber;
        if ((f.idNumber() == null || f.idNumber().isBlank()) && current != null) {
            idNumber = current.idNumber();
        } else {
            idNumber = IdNumber.normalize(f.idNumber());
            Optional<String> problem = IdNumber.problem(idNumber);
            if (problem.isPresent()) {
                errors.add("idNumber", problem.get());
            } else {
                IdNumber parsed = new IdNumber(idNumber);
                if (f.birthDate() != null && !parsed.birthDate().equals(f.birthDate())) {
                    errors.add("idNumber", "身份证号中的出生日期（" + parsed.birthDate() + "）与所填出生日期不一致");
                }
                if (f.sex() != null && ("1".equals(f.sex()) || "2".equals(f.sex())) && !parsed.sexCode().equals(f.sex())) {
                    errors.add("idNumber", "身份证号第17位表示" + codes.sex().shortName(parsed.sexCode()) + "性，与所填性别不一致");
                }
                Optional<Long> existing = repository.findIdByIdNumber(idNumber);
                if (existing.isPresent() && (current == null || existing.get() != current.id())) {
                    // Tells the user the number exists anywhere in the province: keep a record of who asked.
                    audit.recordAlone("DUPLICATE_ID_NUMBER", "person", existing.get(), "登记或修改时使用了已登记的身份证号", AuditOutcome.DENIED);
                    errors.add("idNumber", "该身份证号已登记，不能重复建档");
                }
            }
        }
        code(errors, "ethnicity", f.ethnicity(), codes.ethnicity(), "民族");
        code(errors, "education", f.education(), codes.education(), "学历");
        code(errors, "politicalStatus", f.politicalStatus(), codes.politicalStatus(), "政治面貌");
        if (f.phone() != null && !f.phone().isBlank() && !PHONE.matcher(f.phone().trim()).matches()) {
            errors.add("phone", "联系电话应为11位手机号或带区号的固定电话");
        }
        if (f.partyJoinDate() != null) {
            if (!"01".equals(f.politicalStatus()) && !"02".equals(f.politicalStatus())) {
                errors.add("partyJoinDate", "只有中共党员或预备党员填写入党时间");
            } else if (f.partyJoinDate().isAfter(today)) {
                errors.add("partyJoinDate", "入党时间不能晚于今天");
            } else if (f.birthDate() != null && f.partyJoinDate().isBefore(f.birthDate().plusYears(18))) {
                errors.add("partyJoinDate", "入党时应年满十八周岁");
            }
        }
        if (f.workStartDate() != null) {
            if (f.workStartDate().isAfter(today)) {
                errors.add("workStartDate", "参加工作时间不能晚于今天");
            } else if (f.birthDate() != null && f.workStartDate().isBefore(f.birthDate().plusYears(16))) {
                errors.add("workStartDate", "参加工作时应年满十六周岁");
            }
        }
        if (f.orgId() == null) {
            errors.add("orgId", "请选择所在组织");
        } else if (!organizations.isVisible(f.orgId())) {
            audit.recordAlone("ACCESS_DENIED", "organization", f.orgId(), "人员登记或修改时选择了管辖范围外的组织", AuditOutcome.DENIED);
            errors.add("orgId", "所选组织不存在或不在您的管辖范围内");
        } else if ((current == null || current.orgId() != f.orgId())
                && !organizations.find(f.orgId()).map(OrganizationSummary::active).orElse(false)) {
            // Moving someone into a deactivated organization is refused; editing who is already there is not.
            errors.add("orgId", "所选组织已撤销");
        }
        errors.throwIfAny();
        return idNumber;
    }

    private static void code(FieldErrors.Collector errors, String field, String value, org.zugong.platform.codes.CodeTable table, String label) {
        if (value != null && !value.isBlank() && !table.contains(value)) {
            errors.add(field, label + "代码“" + value + "”不在" + table.title() + "中");
        }
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
