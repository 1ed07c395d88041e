package org.zugong.warning;

import java.time.LocalDate;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * F31 nightly run: every rule over every cadre, so that time-based conditions (retirement, probation,
 * years in post) are raised and closed without an event. ShedLock keeps it to one node at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
class NightlyWarningRun {

    private final WarningEngine engine;

    NightlyWarningRun(WarningEngine engine) {
        this.engine = engine;
    }

    @Bean
    static LockProvider warningLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }

    @Scheduled(cron = "${zugong.warning.nightly-cron:0 30 2 * * *}")
    @SchedulerLock(name = "warning-nightly", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void run() {
        engine.evaluateAll(LocalDate.now(), "夜间全量评估");
    }
}
