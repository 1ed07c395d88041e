package org.zugong.talent;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F72 overdue escalation (超期督办), every working morning and at noon ({@code zugong.talent.service.escalation-cron}):
 * open requests past their running clock's due day go to 一级督办, and to 二级督办 once more than
 * {@code zugong.talent.service.level2-after-days} working days late. Idempotent (a level is only ever raised, once);
 * ShedLock keeps it to one node at a time.
 */
@Component
class ServiceSlaEscalationRun {

    private final ServiceRequests requests;

    ServiceSlaEscalationRun(ServiceRequests requests) {
        this.requests = requests;
    }

    @Scheduled(cron = "${zugong.talent.service.escalation-cron:0 30 7,12 * * *}")
    @SchedulerLock(name = "talent-service-escalation", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void run() {
        run(LocalDate.now());
    }

    /** The run for a given day (tests call it directly). */
    int run(LocalDate today) {
        return requests.escalateOverdue(today);
    }
}
