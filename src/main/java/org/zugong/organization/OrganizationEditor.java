package org.zugong.organization;

import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/** Changes to the tree: create, edit, move a subtree, deactivate and reactivate — each audited. */
@Service
@Transactional
class OrganizationEditor {

    private final OrganizationRepository repository;
    private final Organizations organizations;
    private final CodeTables codes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    OrganizationEditor(OrganizationRepository repository, Organizations organizations, CodeTables codes, AuditLog audit,
                       ApplicationEventPublisher events) {
        this.repository = repository;
        this.organizations = organizations;
        this.codes = codes;
        this.audit = audit;
        this.events = events;
    }

    long create(OrganizationForm form) {
        repository.lockTreeShape();
        OrganizationRecord parent = null;
        if (form.parentId() != null) {
            parent = organizations.requireVisibleRecord(form.parentId());
        } else if (!organizations.jurisdiction().all()) {
            throw FieldErrors.of("parentId", "请选择上级组织");
        }
        OrganizationForm normalized = validate(form, parent);
        long id = repository.insert(normalized, parent == null ? null : parent.path(), parent == null ? 0 : parent.depth() + 1, user());
        audit.record("ORG_CREATE", "organization", id, normalized.kind().label() + " " + normalized.name());
        return id;
    }

    void update(long id, OrganizationForm form) {
        OrganizationRecord current = organizations.requireVisibleRecord(id);
        if (form.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        OrganizationRecord parent = current.parentId() == null ? null : repository.find(current.parentId()).orElse(null);
        OrganizationForm normalized = validate(new OrganizationForm(current.parentId(), form.name(), form.shortName(), form.kind(),
                form.regionCode(), form.unitId(), form.termStart(), form.termEnd(), form.sortOrder(), form.version()), parent);
        if (normalized.kind().category() != current.kind().category() && current.hasChildren()) {
            throw FieldErrors.of("kind", "已有下级的组织不能改为其他大类（行政区域/单位/党组织）");
        }
        if (!repository.update(id, form.version(), normalized, user())) {
            throw new EditConflictException("组织“" + current.name() + "”");
        }
        if (!Objects.equals(current.name(), normalized.name())) {
            repository.history(id, "RENAME", current.name(), normalized.name(), user());
        }
        if (!Objects.equals(current.termEnd(), normalized.termEnd()) || !Objects.equals(current.termStart(), normalized.termStart())) {
            repository.history(id, "TERM", current.termStart() + "~" + current.termEnd(), normalized.termStart() + "~" + normalized.termEnd(), user());
        }
        audit.record("ORG_UPDATE", "organization", id, normalized.name());
    }

    /** Moves the subtree rooted at {@code id} under {@code newParentId}: paths and depths in one statement. */
    int move(long id, long newParentId, int expectedVersion) {
        repository.lockTreeShape();
        OrganizationRecord node = organizations.requireVisibleRecord(id);
        OrganizationRecord target = organizations.requireVisibleRecord(newParentId);
        if (node.parentId() == null) {
            throw new BusinessRuleException("根组织不能移动");
        }
        if (target.path().startsWith(node.path())) {
            throw FieldErrors.of("parentId", "不能移动到自身或其下级组织之下");
        }
        if (!target.active()) {
            throw FieldErrors.of("parentId", "目标上级组织已撤销");
        }
        if (node.parentId() == newParentId) {
            throw FieldErrors.of("parentId", "该组织已在所选上级组织之下");
        }
        checkPlacement(node.kind(), target);
        if (node.version() != expectedVersion) {
            throw new EditConflictException("组织“" + node.name() + "”");
        }
        String newPath = target.path() + id + "/";
        int moved = repository.moveSubtree(node.path(), newPath, target.depth() + 1 - node.depth(), user());
        if (moved == 0 || !repository.setParent(id, newParentId, expectedVersion)) {
            throw new EditConflictException("组织“" + node.name() + "”");
        }
        repository.history(id, "MOVE", String.valueOf(node.parentId()), String.valueOf(newParentId), user());
        audit.record("ORG_MOVE", "organization", id, node.name() + " 移至 " + target.name() + "（共 " + moved + " 个组织）");
        events.publishEvent(new OrganizationMoved(id, node.parentId(), newParentId, node.path(), newPath, moved));
        return moved;
    }

    void deactivate(long id, String reason, int expectedVersion) {
        repository.lockTreeShape();
        OrganizationRecord node = organizations.requireVisibleRecord(id);
        if (reason == null || reason.isBlank()) {
            throw FieldErrors.of("reason", "请填写撤销原因");
        }
        if (node.parentId() == null) {
            throw new BusinessRuleException("根组织不能撤销");
        }
        long children = repository.countActiveChildren(id);
        if (children > 0) {
            throw new BusinessRuleException("该组织还有 " + children + " 个未撤销的下级组织，请先撤销或移走下级组织");
        }
        if (!repository.deactivate(id, expectedVersion, reason.trim(), user())) {
            throw new EditConflictException("组织“" + node.name() + "”");
        }
        repository.history(id, "DEACTIVATE", null, reason.trim(), user());
        audit.record("ORG_DEACTIVATE", "organization", id, node.name() + "：" + reason.trim());
        events.publishEvent(new OrganizationDeactivated(id, reason.trim()));
    }

    void reactivate(long id, int expectedVersion) {
        repository.lockTreeShape();
        OrganizationRecord node = organizations.requireVisibleRecord(id);
        if (node.parentId() == null) {
            throw new BusinessRuleException("根组织不能撤销或恢复");
        }
        OrganizationRecord parent = repository.find(node.parentId()).orElseThrow();
        if (!parent.active()) {
            throw new BusinessRuleException("上级组织已撤销，请先恢复上级组织");
        }
        if (!repository.reactivate(id, expectedVersion, user())) {
            throw new EditConflictException("组织“" + node.name() + "”");
        }
        repository.history(id, "REACTIVATE", null, null, user());
        audit.record("ORG_REACTIVATE", "organization", id, node.name());
    }

    private OrganizationForm validate(OrganizationForm f, OrganizationRecord parent) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.name() == null || f.name().isBlank()) {
            errors.add("name", "请填写组织名称");
        } else if (f.name().trim().length() > 100) {
            errors.add("name", "名称不能超过100个字");
        }
        if (f.kind() == null) {
            errors.add("kind", "请选择组织类别");
        }
        if (parent != null && !parent.active()) {
            errors.add("parentId", "上级组织已撤销，不能在其下新建组织");
        }
        if (f.regionCode() != null && !f.regionCode().isBlank() && !codes.region().contains(f.regionCode().trim())) {
            errors.add("regionCode", "行政区划代码不在 GB/T 2260 代码表中");
        }
        if (f.termStart() != null && f.termEnd() != null && f.termEnd().isBefore(f.termStart())) {
            errors.add("termEnd", "届满日期不能早于换届日期");
        }
        if (f.kind() != null && !f.kind().isParty() && (f.termStart() != null || f.termEnd() != null)) {
            errors.add("termStart", "只有党组织有任期（换届）");
        }
        if (f.unitId() != null) {
            var unit = repository.find(f.unitId());
            if (unit.isEmpty() || !organizations.isVisible(f.unitId())) {
                audit.recordAlone("ACCESS_DENIED", "organization", f.unitId(), "所在单位不在管辖范围内", org.zugong.audit.AuditOutcome.DENIED);
                errors.add("unitId", "所选单位不存在或不在管辖范围内");
            } else if (unit.get().kind().category() != OrganizationKind.Category.UNIT) {
                errors.add("unitId", "所在单位必须是单位类组织");
            } else if (f.kind() != null && !f.kind().isParty()) {
                errors.add("unitId", "只有党组织需要填写所在单位");
            }
        }
        errors.throwIfAny();
        if (parent != null) {
            checkPlacement(f.kind(), parent);
        }
        var termEnd = f.termEnd();
        if (f.kind().isParty() && f.termStart() != null && termEnd == null) {
            termEnd = f.termStart().plusYears(f.kind().defaultTermYears());
        }
        return new OrganizationForm(f.parentId(), f.name().trim(), f.shortName(), f.kind(), f.regionCode(), f.unitId(),
                f.termStart(), termEnd, f.sortOrder(), f.version());
    }

    private static void checkPlacement(OrganizationKind kind, OrganizationRecord parent) {
        if (kind.category() == OrganizationKind.Category.REGION && parent.kind().category() != OrganizationKind.Category.REGION) {
            throw FieldErrors.of("parentId", "行政区域只能设在行政区域之下");
        }
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
