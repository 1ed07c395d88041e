package org.zugong.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Accounts: created and edited by the system administrator, unlocked by the security administrator.
 * 三员分立 holds here: one account cannot carry two administrator roles, nor an administrator role
 * together with business roles.
 */
@Service
@Transactional
class UserAdministration {

    /** A row of the user list. */
    public record UserRow(UserAccount user, List<String> roles, boolean locked) {
    }

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Organizations organizations;
    private final AuditLog audit;

    UserAdministration(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, Organizations organizations,
                       AuditLog audit) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.organizations = organizations;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    PageResult<UserRow> list(String q, PageRequest page) {
        String query = q == null ? "" : q.trim();
        List<UserAccount> users = repository.users(query, page.size(), (int) page.offset());
        var roles = repository.roleNamesOfUsers(users.stream().map(UserAccount::id).toList());
        Instant now = Instant.now();
        List<UserRow> rows = users.stream().map(u -> new UserRow(u, roles.getOrDefault(u.id(), List.of()), u.lockedAt(now))).toList();
        return PageResult.of(rows, page, repository.countUsers(query));
    }

    @Transactional(readOnly = true)
    UserAccount require(long id) {
        return repository.findUser(id).orElseThrow(() -> new RecordNotFoundException("用户", id));
    }

    @Transactional(readOnly = true)
    List<Long> roleIdsOf(long userId) {
        return repository.rolesOfUser(userId).stream().map(RoleRecord::id).toList();
    }

    long create(UserForm form) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        policy.problem(form.password(), form.username()).ifPresent(p -> errors.add("password", p));
        if (repository.findUser(form.username().trim()).isPresent()) {
            errors.add("username", "用户名已存在");
        }
        checkRoles(form.roleIds(), errors);
        checkOrg(form.orgId(), errors);
        errors.throwIfAny();
        try {
            long id = repository.insertUser(form.username().trim(), form.displayName().trim(), encoder.encode(form.password()),
                    form.orgId(), null, user());
            repository.replaceUserRoles(id, form.roleIds());
            audit.record("USER_CREATE", "user", id, form.username().trim() + " 角色 " + roleNames(form.roleIds()));
            return id;
        } catch (DuplicateKeyException e) {
            throw FieldErrors.of("username", "用户名已存在");
        }
    }

    void update(long id, UserForm form) {
        UserAccount current = require(id);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        checkRoles(form.roleIds(), errors);
        checkOrg(form.orgId(), errors);
        if (form.version() == null) {
            errors.add("version", "缺少版本号，请刷新后重试");
        }
        errors.throwIfAny();
        List<Long> oldRoles = repository.rolesOfUser(id).stream().map(RoleRecord::id).toList();
        if (!repository.updateUser(id, form.version(), form.displayName().trim(), form.orgId(), current.personId(), form.enabled(), user())) {
            throw new EditConflictException("用户“" + current.username() + "”");
        }
        repository.replaceUserRoles(id, form.roleIds());
        if (!form.enabled()) {
            repository.deleteTokensOf(id);
        }
        audit.record("USER_UPDATE", "user", id, current.username() + (form.enabled() ? "" : "（已停用）"));
        if (!Objects.equals(List.copyOf(oldRoles), form.roleIds().stream().sorted().toList())) {
            audit.record("ROLE_ASSIGN", "user", id, current.username() + " 角色改为 " + roleNames(form.roleIds()));
        }
    }

    void resetPassword(long id, String password) {
        UserAccount current = require(id);
        policy.problem(password, current.username()).ifPresent(p -> {
            throw FieldErrors.of("password", p);
        });
        repository.setPassword(id, encoder.encode(password));
        repository.deleteTokensOf(id);
        audit.record("PASSWORD_RESET", "user", id, current.username());
    }

    void unlock(long id) {
        UserAccount current = require(id);
        repository.unlock(id);
        audit.record("USER_UNLOCK", "user", id, current.username());
    }

    private void checkRoles(List<Long> roleIds, FieldErrors.Collector errors) {
        List<RoleRecord> roles = repository.roles(roleIds);
        if (roles.size() != roleIds.size()) {
            errors.add("roleIds", "所选角色不存在");
            return;
        }
        long adminRoles = roles.stream().filter(r -> r.adminKind() != null).count();
        if (adminRoles > 1) {
            errors.add("roleIds", "三员分立：一个账号只能担任系统管理员、安全管理员、审计管理员中的一种");
        } else if (adminRoles == 1 && roles.size() > 1) {
            errors.add("roleIds", "三员分立：管理员账号不能同时拥有业务角色");
        }
    }

    private void checkOrg(Long orgId, FieldErrors.Collector errors) {
        if (orgId == null || organizations.find(orgId).isEmpty()) {
            errors.add("orgId", "所属组织不存在");
        }
    }

    private String roleNames(List<Long> ids) {
        return repository.roles(ids).stream().map(RoleRecord::name).toList().toString();
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
