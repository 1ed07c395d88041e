package org.zugong.talent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The card's listener and job: a card is issued on {@link TalentRecognized} (after the recognition commits, kept in the
 * event publication registry until done), and every night (one node, ShedLock) active cards past their validity become
 * 到期, the rate-limit counters of ended windows are removed and the verification log older than its retention too. The verification checks the date anyway.
 */
@Component
class TalentCardJobs {

    private static final Logger log = LoggerFactory.getLogger(TalentCardJobs.class);

    private final TalentCards cards;
    private final CardVerificationThrottle throttle;

    TalentCardJobs(TalentCards cards, CardVerificationThrottle throttle) {
        this.cards = cards;
        this.throttle = throttle;
    }

    @ApplicationModuleListener
    void on(TalentRecognized e) {
        cards.onRecognized(e);
    }

    @Scheduled(cron = "${zugong.talent-card.expiry-cron:0 5 1 * * *}")
    @SchedulerLock(name = "talent-card-expiry", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void expire() {
        int expired = cards.expire(LocalDate.now());
        int purged = throttle.purge(Instant.now());
        long logged = throttle.purgeLog(ZonedDateTime.now());
        log.info("英才卡到期 {} 张；清理查验计数 {} 条；清理超过保留期限的查验记录 {} 条", expired, purged, logged);
    }
}
