package org.zugong.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Accounts: created, edited and reset by the system administrator; roles assigned and accounts
 * unlocked by the security administrator. 三员分立 holds here: one account cannot carry two
 * administrator roles, nor an administrator role together with business roles; nobody assigns roles
 * to their own account; administrator passwords cannot be reset by another administrator.
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
    private final UserSessions sessions;

    UserAdministration(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, Organizations organizations,
                       AuditLog audit, UserSessions sessions) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.organizations = organizations;
        this.audit = audit;
        this.sessions = sessions;
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
        checkOrg(form.orgId(), errors);
        errors.throwIfAny();
        try {
            long id = repository.insertUser(form.username().trim(), form.displayName().trim(), encoder.encode(form.password()),
                    form.orgId(), null, user());
            audit.record("USER_CREATE", "user", id, form.username().trim());
            return id;
        } catch (DuplicateKeyException e) {
            throw FieldErrors.of("username", "用户名已存在");
        }
    }

    void update(long id, UserForm form) {
        UserAccount current = require(id);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        checkOrg(form.orgId(), errors);
        if (form.version() == null) {
            errors.add("version", "缺少版本号，请刷新后重试");
        }
        errors.throwIfAny();
        // A talent account is edited here only to be enabled or disabled: its name and unit follow its talent record.
        String displayName = current.talent() ? current.displayName() : form.displayName().trim();
        long orgId = current.talent() ? current.orgId() : form.orgId();
        if (!repository.updateUser(id, form.version(), displayName, orgId, current.personId(), form.enabled(), user())) {
            throw new EditConflictException("用户“" + current.username() + "”");
        }
        if (!form.enabled() || current.orgId() != orgId) {
            repository.deleteTokensOf(id);
            sessions.endSessionsOf(id);
        }
        audit.record("USER_UPDATE", "user", id, current.username() + (form.enabled() ? "" : "（已停用）"));
    }

    /** 分配角色 — by the security administrator, never to their own account. */
    void assignRoles(long id, List<Long> roleIds) {
        UserAccount current = require(id);
        List<Long> distinct = roleIds == null ? List.of() : roleIds.stream().distinct().sorted().toList();
        if (Actor.current().map(a -> a.userId() == id).orElse(false)) {
            audit.recordAlone("ROLE_ASSIGN", "user", id, "试图给自己分配角色", AuditOutcome.DENIED);
            throw FieldErrors.of("roleIds", "三员分立：不能给自己的账号分配角色");
        }
        if (current.talent()) {
            audit.recordAlone("ROLE_ASSIGN", "user", id, "试图给人才账号 " + current.username() + " 分配角色", AuditOutcome.DENIED);
            throw FieldErrors.of("roleIds", "人才账号只能拥有“人才”角色，不能分配工作人员角色");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        checkRoles(distinct, errors);
        errors.throwIfAny();
        repository.replaceUserRoles(id, distinct);
        repository.deleteTokensOf(id);
        sessions.endSessionsOf(id);
        audit.record("ROLE_ASSIGN", "user", id, current.username() + " 角色改为 " + roleNames(distinct));
    }

    /**
     * The system administrator sets a temporary password; the user must change it at the next login.
     * Administrator accounts are out of reach, so one admin cannot take over another's account.
     */
    void resetPassword(long id, String password) {
        UserAccount current = require(id);
        if (repository.rolesOfUser(id).stream().anyMatch(r -> r.adminKind() != null)) {
            audit.recordAlone("PASSWORD_RESET", "user", id, "试图重置管理员账号 " + current.username() + " 的密码", AuditOutcome.DENIED);
            throw FieldErrors.of("password", "三员分立：不能重置管理员账号的密码");
        }
        policy.problem(password, current.username()).ifPresent(p -> {
            throw FieldErrors.of("password", p);
        });
        repository.setTemporaryPassword(id, encoder.encode(password));
        repository.deleteTokensOf(id);
        sessions.endSessionsOf(id);
        audit.record("PASSWORD_RESET", "user", id, current.username());
    }

    /**
     * 结束会话: the security administrator ends every page session and API token of an account (a
     * lost laptop, a suspected compromise) without disabling it.
     */
    void endSessions(long id) {
        UserAccount current = require(id);
        repository.deleteTokensOf(id);
        sessions.endSessionsOf(id);
        audit.record("SESSION_END_ALL", "user", id, "结束 " + current.username() + " 的全部会话和 API 令牌");
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
        if (roles.stream().anyMatch(r -> AccountKind.TALENT_ROLE.equals(r.code()))) {
            errors.add("roleIds", "“人才”角色只属于人才账号，由人才工作机构开通");
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
