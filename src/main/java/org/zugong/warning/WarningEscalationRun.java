package org.zugong.warning;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F32 daily escalation: handling actions past their due date and not done raise their warning's
 * colour one level (zugong.warning.escalate-overdue, zugong.warning.escalate-after-days). ShedLock
 * keeps it to one node at a time, like the nightly evaluation.
 */
@Component
class WarningEscalationRun {

    private final WarningHandling handling;

    WarningEscalationRun(WarningHandling handling) {
        this.handling = handling;
    }

    @Scheduled(cron = "${zugong.warning.escalation-cron:0 0 3 * * *}")
    @SchedulerLock(name = "warning-escalation", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void run() {
        run(LocalDate.now());
    }

    /** The run for a given day (tests call it directly). */
    int run(LocalDate today) {
        return handling.escalateOverdue(today);
    }
}
