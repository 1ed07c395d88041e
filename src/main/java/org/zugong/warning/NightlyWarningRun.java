package org.zugong.warning;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * F31 nightly run: every rule over every cadre, so that time-based conditions (retirement, probation,
 * years in post) are raised and closed without an event. ShedLock (platform SchedulerLocks) keeps it to one node at a time.
 */
@Component
class NightlyWarningRun {

    private final WarningEngine engine;

    NightlyWarningRun(WarningEngine engine) {
        this.engine = engine;
    }

    @Scheduled(cron = "${zugong.warning.nightly-cron:0 30 2 * * *}")
    @SchedulerLock(name = "warning-nightly", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void run() {
        engine.evaluateAll(LocalDate.now(), "夜间全量评估");
    }
}
