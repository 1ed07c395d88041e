package org.zugong.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Roles, kept by the security administrator. The administrator roles may only hold the permissions of
 * their kind, and business roles none of the administrators' — so the three stay separate.
 */
@Service
@Transactional
class RoleAdministration {

    static final Map<AdminKind, Set<String>> ADMIN_PERMISSIONS = Map.of(
            AdminKind.SYSTEM, Set.of(Permissions.USER_MANAGE, Permissions.ORG_READ, Permissions.ORG_WRITE),
            AdminKind.SECURITY, Set.of(Permissions.ROLE_MANAGE, Permissions.USER_UNLOCK),
            AdminKind.AUDIT, Set.of(Permissions.AUDIT_READ, Permissions.AUDIT_EXPORT));

    static final Set<String> ADMIN_ONLY = Set.of(Permissions.USER_MANAGE, Permissions.ROLE_MANAGE, Permissions.USER_UNLOCK,
            Permissions.AUDIT_READ, Permissions.AUDIT_EXPORT);

    private final AccessRepository repository;
    private final Organizations organizations;
    private final AuditLog audit;
    private final UserSessions sessions;

    RoleAdministration(AccessRepository repository, Organizations organizations, AuditLog audit, UserSessions sessions) {
        this.repository = repository;
        this.organizations = organizations;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    List<RoleRecord> all() {
        return repository.allRoles();
    }

    @Transactional(readOnly = true)
    RoleRecord require(long id) {
        return repository.findRole(id).orElseThrow(() -> new RecordNotFoundException("角色", id));
    }

    long create(RoleForm form) {
        validate(form, null);
        try {
            long id = repository.insertRole(form.code(), form.name().trim(), form.dataScope(), form.requiresSecondFactor());
            repository.replaceRolePermissions(id, form.permissions());
            repository.replaceRoleOrgs(id, form.dataScope() == DataScope.CUSTOM ? form.scopeOrgIds() : List.of());
            audit.record("ROLE_CREATE", "role", id, form.code() + " " + form.permissions() + secondFactorNote(form));
            return id;
        } catch (DuplicateKeyException e) {
            throw FieldErrors.of("code", "角色代码已存在");
        }
    }

    void update(long id, RoleForm form) {
        RoleRecord current = require(id);
        if (AccountKind.TALENT_ROLE.equals(current.code())) {
            throw FieldErrors.of("permissions", "“人才”角色是人才账号的固定角色，不能修改");
        }
        validate(form, current);
        if (form.version() == null || !repository.updateRole(id, form.version(), form.name().trim(), form.dataScope(), form.requiresSecondFactor())) {
            throw new EditConflictException("角色“" + current.name() + "”");
        }
        repository.replaceRolePermissions(id, form.permissions());
        repository.replaceRoleOrgs(id, form.dataScope() == DataScope.CUSTOM ? form.scopeOrgIds() : List.of());
        sessions.endSessionsOfRole(id);
        audit.record("ROLE_UPDATE", "role", id, current.code() + " 权限 " + form.permissions() + " 范围 " + form.dataScope().label()
                + (form.dataScope() == DataScope.CUSTOM ? " " + form.scopeOrgIds() : "") + secondFactorNote(form));
    }

    private static String secondFactorNote(RoleForm form) {
        return form.requiresSecondFactor() ? " 须双因素认证" : " 无须双因素认证";
    }

    private void validate(RoleForm form, RoleRecord current) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        for (String p : form.permissions()) {
            if (!Permissions.ALL.containsKey(p)) {
                errors.add("permissions", "未知权限：" + p);
            }
        }
        if (form.permissions().contains(Permissions.TALENT_SELF)) {
            errors.add("permissions", "权限“人才本人”只属于人才账号的固定角色");
        }
        if (current == null && AccountKind.TALENT_ROLE.equalsIgnoreCase(String.valueOf(form.code()).trim())) {
            errors.add("code", "角色代码已存在");
        }
        AdminKind kind = current == null ? null : current.adminKind();
        if (kind != null) {
            if (!ADMIN_PERMISSIONS.get(kind).containsAll(form.permissions())) {
                errors.add("permissions", "三员分立：" + kind.label() + "只能拥有 " + ADMIN_PERMISSIONS.get(kind) + " 中的权限");
            }
        } else if (form.permissions().stream().anyMatch(ADMIN_ONLY::contains)) {
            errors.add("permissions", "三员分立：业务角色不能拥有用户管理、角色管理、解锁或审计权限");
        }
        if (form.dataScope() == DataScope.CUSTOM) {
            if (form.scopeOrgIds().isEmpty()) {
                errors.add("scopeOrgIds", "自定义数据范围须至少选择一个组织");
            } else if (organizations.names(form.scopeOrgIds()).size() != Set.copyOf(form.scopeOrgIds()).size()) {
                errors.add("scopeOrgIds", "所选组织不存在");
            }
        }
        errors.throwIfAny();
    }
}
