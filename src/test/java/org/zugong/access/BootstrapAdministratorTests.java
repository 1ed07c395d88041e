package org.zugong.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;
import org.zugong.audit.AuditLog;
import org.zugong.organization.Organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No default admin password: the first system administrator comes from the install setting, once. */
class BootstrapAdministratorTests extends IntegrationTest {

    @Autowired AccessRepository repository;
    @Autowired PasswordEncoder encoder;
    @Autowired PasswordPolicy policy;
    @Autowired Organizations organizations;
    @Autowired AuditLog audit;
    @Autowired TransactionTemplate tx;

    private BootstrapAdministrator bootstrap(String user, String password) {
        return new BootstrapAdministrator(repository, encoder, policy, organizations, audit, tx, user, password, "", "", "组织部");
    }

    private void setDemoSysadminEnabled(boolean enabled) {
        jdbc.sql("UPDATE access_user SET enabled = :e WHERE username = 'sysadmin'").param("e", enabled).update();
    }

    @Test
    void createsTheFirstSystemAdministratorOnlyWhileThereIsNone() {
        setDemoSysadminEnabled(false);
        try {
            assertThatThrownBy(() -> bootstrap("installer", "weak").run(null)).hasMessageContaining("密码策略");
            assertThat(repository.findUser("installer")).isEmpty();

            bootstrap("installer", "Install#Admin2026").run(null);
            var user = repository.findUser("installer").orElseThrow();
            assertThat(encoder.matches("Install#Admin2026", user.passwordHash())).isTrue();
            assertThat(repository.rolesOfUser(user.id())).extracting(RoleRecord::adminKind).containsExactly(AdminKind.SYSTEM);

            bootstrap("second", "Install#Admin2026").run(null);
            assertThat(repository.findUser("second")).isEmpty();
        } finally {
            setDemoSysadminEnabled(true);
        }
    }

    @Test
    void withoutTheSettingNobodyIsCreated() {
        long before = jdbc.sql("SELECT count(*) FROM access_user").query(Long.class).single();
        bootstrap("", "").run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM access_user").query(Long.class).single()).isEqualTo(before);
    }
}
