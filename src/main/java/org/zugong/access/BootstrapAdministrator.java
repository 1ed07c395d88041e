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
 * {@code ZUGONG_ADMIN_USERNAME} and {@code ZUGONG_ADMIN_PASSWORD} (or
 * {@code --zugong.bootstrap-admin.username=… --zugong.bootstrap-admin.password=…}), and the first
 * security administrator — who then assigns every other role, the audit administrator's included —
 * from {@code ZUGONG_SECADMIN_USERNAME} and {@code ZUGONG_SECADMIN_PASSWORD}. Each is created only
 * while no enabled administrator of its kind exists, and the password must pass the password policy.
 */
@Component
@Order(100)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    /** One administrator to create at installation, from its two settings. */
    record Install(AdminKind kind, String roleCode, String setting, String username, String password) {
        boolean given() {
            return username != null && !username.isBlank();
        }
    }

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Organizations organizations;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final List<Install> installs;
    private final String rootName;

    BootstrapAdministrator(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, Organizations organizations,
                           AuditLog audit, TransactionTemplate tx,
                           @Value("${zugong.bootstrap-admin.username:}") String username,
                           @Value("${zugong.bootstrap-admin.password:}") String password,
                           @Value("${ZUGONG_SECADMIN_USERNAME:}") String securityUsername,
                           @Value("${ZUGONG_SECADMIN_PASSWORD:}") String securityPassword,
                           @Value("${zugong.bootstrap-admin.root-organization:组织部}") String rootName) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.organizations = organizations;
        this.audit = audit;
        this.tx = tx;
        this.installs = List.of(
                new Install(AdminKind.SYSTEM, "SYSADMIN", "ZUGONG_ADMIN", username, password),
                new Install(AdminKind.SECURITY, "SECADMIN", "ZUGONG_SECADMIN", securityUsername, securityPassword));
        this.rootName = rootName;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Install install : installs) {
            boolean exists = repository.anyUserWithAdminKind(install.kind());
            if (!install.given()) {
                if (!exists) {
                    log.warn("尚无{}：设置 {}_USERNAME 和 {}_PASSWORD 后重启以创建", install.kind().label(), install.setting(), install.setting());
                }
                continue;
            }
            if (exists) {
                log.info("已有{}，忽略 {}_USERNAME", install.kind().label(), install.setting());
                continue;
            }
            policy.problem(install.password(), install.username()).ifPresent(p -> {
                throw new IllegalStateException(install.setting() + "_PASSWORD 不符合密码策略：" + p);
            });
            if (installs.stream().filter(Install::given).map(i -> i.username().trim().toLowerCase()).distinct().count()
                    < installs.stream().filter(Install::given).count()) {
                throw new IllegalStateException("三员分立：系统管理员和安全管理员必须是不同的账号");
            }
            tx.executeWithoutResult(s -> create(install));
            log.info("已创建{} {}", install.kind().label(), install.username());
        }
    }

    private void create(Install install) {
        ensureAdminRoles();
        long rootId = organizations.visibleRootsForInstallation().stream().findFirst()
                .orElseGet(() -> organizations.createRootForInstallation(rootName, OrganizationKind.CITY));
        long roleId = repository.findRoleByCode(install.roleCode()).orElseThrow().id();
        var existing = repository.findUser(install.username());
        long userId;
        if (existing.isPresent()) {
            userId = existing.get().id();
            repository.setPassword(userId, encoder.encode(install.password()));
        } else {
            userId = repository.insertUser(install.username(), install.kind().label(), encoder.encode(install.password()), rootId, null, "install");
        }
        repository.replaceUserRoles(userId, List.of(roleId));
        audit.recordAs("install", "ADMIN_BOOTSTRAP", "user", userId, "创建" + install.kind().label() + " " + install.username());
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
