package org.zugong.access;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.audit.AuditLog;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.Organizations;

/**
 * No default administrator password: at installation the first system administrator comes from
 * {@code ZUGONG_ADMIN_USERNAME} and {@code ZUGONG_ADMIN_PASSWORD} (or the same as
 * {@code --zugong.bootstrap-admin.username=… --zugong.bootstrap-admin.password=…}). It is created only
 * while no enabled system administrator exists, and the password must pass the password policy.
 */
@Component
@Order(100)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Organizations organizations;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final String username;
    private final String password;
    private final String rootName;

    BootstrapAdministrator(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, Organizations organizations,
                           AuditLog audit, TransactionTemplate tx,
                           @Value("${zugong.bootstrap-admin.username:}") String username,
                           @Value("${zugong.bootstrap-admin.password:}") String password,
                           @Value("${zugong.bootstrap-admin.root-organization:组织部}") String rootName) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.organizations = organizations;
        this.audit = audit;
        this.tx = tx;
        this.username = username;
        this.password = password;
        this.rootName = rootName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username == null || username.isBlank()) {
            if (!repository.anyUserWithAdminKind(AdminKind.SYSTEM)) {
                log.warn("尚无系统管理员：设置 ZUGONG_ADMIN_USERNAME 和 ZUGONG_ADMIN_PASSWORD 后重启以创建第一个系统管理员");
            }
            return;
        }
        if (repository.anyUserWithAdminKind(AdminKind.SYSTEM)) {
            log.info("已有系统管理员，忽略 ZUGONG_ADMIN_USERNAME");
            return;
        }
        policy.problem(password, username).ifPresent(p -> {
            throw new IllegalStateException("ZUGONG_ADMIN_PASSWORD 不符合密码策略：" + p);
        });
        tx.executeWithoutResult(s -> create());
        log.info("已创建系统管理员 {}", username);
    }

    private void create() {
        ensureAdminRoles();
        long rootId = organizations.visibleRootsForInstallation().stream().findFirst()
                .orElseGet(() -> organizations.createRootForInstallation(rootName, OrganizationKind.CITY));
        long roleId = repository.findRoleByCode("SYSADMIN").orElseThrow().id();
        var existing = repository.findUser(username);
        long userId;
        if (existing.isPresent()) {
            userId = existing.get().id();
            repository.setPassword(userId, encoder.encode(password));
        } else {
            userId = repository.insertUser(username, "系统管理员", encoder.encode(password), rootId, null, "install");
        }
        repository.replaceUserRoles(userId, List.of(roleId));
        audit.recordAs("install", "ADMIN_BOOTSTRAP", "user", userId, "创建系统管理员 " + username);
    }

    private void ensureAdminRoles() {
        if (repository.findRoleByCode("SYSADMIN").isEmpty()) {
            repository.insertAdminRole(AdminKind.SYSTEM, "SYSADMIN", RoleAdministration.ADMIN_PERMISSIONS.get(AdminKind.SYSTEM));
        }
        if (repository.findRoleByCode("SECADMIN").isEmpty()) {
            repository.insertAdminRole(AdminKind.SECURITY, "SECADMIN", RoleAdministration.ADMIN_PERMISSIONS.get(AdminKind.SECURITY));
        }
        if (repository.findRoleByCode("AUDITADMIN").isEmpty()) {
            repository.insertAdminRole(AdminKind.AUDIT, "AUDITADMIN", RoleAdministration.ADMIN_PERMISSIONS.get(AdminKind.AUDIT));
        }
    }
}
