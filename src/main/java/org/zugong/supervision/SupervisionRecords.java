package org.zugong.supervision;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.cadre.CadreDossier;
import org.zugong.cadre.CadreFiles;
import org.zugong.cadre.CadreMeasures;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Supervision records: 提醒谈话, 函询 and 信访 in supervision_record; 诫勉 and sanctions written into the
 * cadre file through {@link CadreMeasures} (its checks, audit and event) and read back from there.
 * Every record belongs to the cadre's unit at the time and is scoped by it.
 */
@Service
@Transactional
class SupervisionRecords {

    static final int LIST_LIMIT = 500;

    private final SupervisionRepository repository;
    private final CadreFiles cadres;
    private final CadreMeasures measures;
    private final Organizations organizations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    SupervisionRecords(SupervisionRepository repository, CadreFiles cadres, CadreMeasures measures, Organizations organizations,
                       AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.cadres = cadres;
        this.measures = measures;
        this.organizations = organizations;
        this.audit = audit;
        this.events = events;
    }

    SupervisionEntry create(SupervisionRecordForm f) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.personId() == null) {
            errors.add("personId", "请选择干部");
        }
        SupervisionKind kind = null;
        if (f.kind() == null || f.kind().isBlank()) {
            errors.add("kind", "请选择监督类别");
        } else {
            try {
                kind = SupervisionKind.valueOf(f.kind().strip());
            } catch (IllegalArgumentException e) {
                errors.add("kind", "监督类别“" + f.kind() + "”不是可选的值");
            }
        }
        errors.throwIfAny();
        CadreDossier dossier = cadres.requireVisible(f.personId()); // 404 and audited outside the jurisdiction
        long personId = f.personId();
        if (kind.isMeasure()) {
            return createMeasure(personId, kind, f);
        }
        String summary = clean(f.summary());
        if (summary == null) {
            errors.add("summary", "请填写事由或内容摘要");
        }
        length(errors, "summary", summary, 1000, "内容摘要");
        length(errors, "authority", f.authority(), 200, "实施机关");
        length(errors, "result", f.result(), 1000, "结果");
        if (f.date() == null) {
            errors.add("date", "请填写" + dateLabel(kind));
        } else if (f.date().isAfter(LocalDate.now())) {
            errors.add("date", dateLabel(kind) + "不能晚于今天");
        }
        SupervisionStatus status = null;
        if (kind != SupervisionKind.REMINDER_TALK) {
            status = status(errors, f.status(), kind == SupervisionKind.INQUIRY_LETTER ? SupervisionStatus.PENDING : SupervisionStatus.RECEIVED);
            if (status != null && !allowed(kind, status)) {
                errors.add("status", kind.chineseName() + "的状态不能是“" + status.chineseName() + "”");
            }
        } else if (clean(f.status()) != null) {
            errors.add("status", "提醒谈话没有办理状态");
        }
        if (kind == SupervisionKind.INQUIRY_LETTER) {
            if (f.deadline() == null) {
                errors.add("deadline", "函询须填写回复期限");
            } else if (f.date() != null && f.deadline().isBefore(f.date())) {
                errors.add("deadline", "回复期限不能早于发函时间");
            }
        } else if (f.deadline() != null) {
            errors.add("deadline", "只有函询有回复期限");
        }
        LocalDate end = null;
        if (status == SupervisionStatus.RESOLVED) {
            if (clean(f.result()) == null) {
                errors.add("result", "办结须填写结果");
            }
            end = f.endDate() == null ? f.date() : f.endDate();
        } else if (f.endDate() != null) {
            errors.add("endDate", "尚未办结，不能填写办结时间");
        }
        if (end != null && f.date() != null && end.isBefore(f.date())) {
            errors.add("endDate", "办结时间不能早于" + dateLabel(kind));
        }
        errors.throwIfAny();
        long orgId = dossier.file().profile().orgId();
        long id = repository.insert(personId, orgId, kind, f.date(), summary, clean(f.authority()), f.deadline(), status,
                clean(f.result()), end, user());
        RecordRef ref = RecordRef.supervision(id);
        audit.record("SUPERVISION_CREATE", "supervision", ref.toString(), kind.chineseName() + "：" + dossier.person().name()
                + "（" + f.date() + "）");
        events.publishEvent(new SupervisionRecordCreated(personId, ref.toString(), kind, f.date()));
        if (status == SupervisionStatus.RESOLVED) {
            events.publishEvent(new SupervisionRecordClosed(personId, ref.toString(), kind, end));
        }
        return repository.find(ref).orElseThrow().entry();
    }

    /** 诫勉 and sanctions: into the cadre file (its checks; SanctionRecorded becomes SupervisionRecordCreated). */
    private SupervisionEntry createMeasure(long personId, SupervisionKind kind, SupervisionRecordForm f) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (clean(f.status()) != null || clean(f.result()) != null || f.deadline() != null) {
            errors.add("status", kind.chineseName() + "没有办理状态、结果或回复期限");
        }
        String summary = clean(f.summary());
        String title = clean(f.title()) != null ? clean(f.title()) : summary;
        if (title == null) {
            errors.add("summary", "请填写" + kind.chineseName() + "的名称或事由");
        }
        errors.throwIfAny();
        String note = clean(f.title()) != null ? summary : null;
        long id;
        try {
            id = measures.record(personId, kind.measure(), title, f.authority(), f.date(), f.date(), f.endDate(), note);
        } catch (FieldErrors e) {
            throw new FieldErrors(e.errors().stream().map(x -> new FieldErrors.FieldError(switch (x.field()) {
                case "decidedOn", "effectStart" -> "date";
                case "effectEnd" -> "endDate";
                case "title" -> clean(f.title()) != null ? "title" : "summary";
                case "note" -> "summary";
                default -> x.field();
            }, x.message())).toList());
        }
        return repository.find(RecordRef.cadre(id)).orElseThrow().entry();
    }

    /** Ends a measure early, or resolves (or moves on) a 函询 or 信访. */
    SupervisionEntry patch(String id, SupervisionPatch p) {
        SupervisionEntry e = require(id);
        RecordRef ref = RecordRef.parse(id).orElseThrow();
        if (ref.cadre()) {
            if (clean(p.status()) != null || clean(p.result()) != null) {
                throw FieldErrors.of("status", e.kindName() + "只能提前解除（填写影响期截止时间 endDate）");
            }
            if (p.endDate() == null) {
                throw FieldErrors.of("endDate", "请填写提前解除的时间");
            }
            measures.end(e.personId(), ref.id(), p.endDate());
            return require(id);
        }
        if (e.kind() == SupervisionKind.REMINDER_TALK) {
            throw new BusinessRuleException("提醒谈话没有办理状态，无需办结");
        }
        if (!e.open()) {
            throw new BusinessRuleException("该" + e.kindName() + "已办结，不能再更改");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        SupervisionStatus status = status(errors, p.status(), null);
        if (status == null && !errors.hasField("status")) {
            errors.add("status", "请填写状态（如 RESOLVED 已办结）");
        }
        if (status != null && !allowed(e.kind(), status)) {
            errors.add("status", e.kindName() + "的状态不能是“" + status.chineseName() + "”");
        }
        String result = clean(p.result());
        length(errors, "result", result, 1000, "结果");
        LocalDate end = null;
        if (status == SupervisionStatus.RESOLVED) {
            if (result == null) {
                errors.add("result", "办结须填写结果");
            }
            end = p.endDate() == null ? LocalDate.now() : p.endDate();
            if (end.isBefore(e.date())) {
                errors.add("endDate", "办结时间不能早于" + dateLabel(e.kind()) + "（" + e.date() + "）");
            } else if (end.isAfter(LocalDate.now())) {
                errors.add("endDate", "办结时间不能晚于今天");
            }
        } else if (p.endDate() != null) {
            errors.add("endDate", "尚未办结，不能填写办结时间");
        }
        errors.throwIfAny();
        if (!repository.update(ref.id(), p.version() == null ? e.version() : p.version(), status, result, end, user())) {
            throw new EditConflictException(e.kindName() + "记录");
        }
        audit.record("SUPERVISION_UPDATE", "supervision", id, e.kindName() + "：" + e.personName() + " " + e.statusName() + "→"
                + status.chineseName());
        if (status == SupervisionStatus.RESOLVED) {
            events.publishEvent(new SupervisionRecordClosed(e.personId(), ref.toString(), e.kind(), end));
        }
        return require(id);
    }

    /** A record of either source inside the jurisdiction; otherwise audited and 404. */
    @Transactional(readOnly = true)
    SupervisionEntry require(String id) {
        var ref = RecordRef.parse(id);
        var found = ref.flatMap(repository::find);
        Jurisdiction j = organizations.jurisdiction();
        if (found.isEmpty() || !j.covers(found.get().orgPath(), found.get().entry().orgId())) {
            audit.recordAlone("ACCESS_DENIED", "supervision", id, "监督记录不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("监督记录", id);
        }
        return found.get().entry();
    }

    /** Both sources merged, newest first, inside the jurisdiction (and the subtree of {@code orgId} when given). */
    @Transactional(readOnly = true)
    List<SupervisionEntry> list(Long personId, String kind, Long orgId, Boolean open) {
        SupervisionKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = SupervisionKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                throw FieldErrors.of("kind", "监督类别“" + kind + "”不是可选的值");
            }
        }
        String prefix = null;
        if (orgId != null) {
            organizations.requireVisible(orgId);
            prefix = organizations.path(orgId).orElseThrow();
        }
        Jurisdiction j = organizations.jurisdiction();
        return repository.list(j.orgCondition("o.path", "o.id", "j"), new SupervisionRepository.Filter(personId, k, prefix, open),
                LIST_LIMIT);
    }

    Organizations organizations() {
        return organizations;
    }

    private static boolean allowed(SupervisionKind kind, SupervisionStatus status) {
        return switch (kind) {
            case INQUIRY_LETTER -> status == SupervisionStatus.PENDING || status == SupervisionStatus.RESOLVED;
            case PETITION -> status != SupervisionStatus.PENDING;
            default -> false;
        };
    }

    private static SupervisionStatus status(FieldErrors.Collector errors, String value, SupervisionStatus fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (SupervisionStatus s : SupervisionStatus.values()) {
            if (s.name().equals(value.strip()) || s.chineseName().equals(value.strip())) {
                return s;
            }
        }
        errors.add("status", "状态“" + value + "”不是可选的值");
        return null;
    }

    private static String dateLabel(SupervisionKind kind) {
        return switch (kind) {
            case REMINDER_TALK -> "谈话时间";
            case INQUIRY_LETTER -> "发函时间";
            case PETITION -> "受理时间";
            default -> "决定时间";
        };
    }

    private static void length(FieldErrors.Collector errors, String field, String value, int max, String label) {
        if (value != null && value.strip().length() > max) {
            errors.add(field, label + "不能超过" + max + "个字");
        }
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
