package org.zugong.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly retention run (one node at a time, ShedLock). */
@Component
class AuditRetentionRun {

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionRun.class);

    private final AuditRetention retention;

    AuditRetentionRun(AuditRetention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${zugong.audit.retention-cron:0 15 3 * * *}")
    @SchedulerLock(name = "audit-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void run() {
        AuditRetention.Purge purge = retention.purgeExpired();
        log.info("审计记录保留期限 {}：清理 {} 条", retention.retention(), purge.purged());
    }
}
