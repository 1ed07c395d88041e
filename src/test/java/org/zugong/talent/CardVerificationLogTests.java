package org.zugong.talent;

import java.time.Period;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The verification log stays bounded: a refused client adds one row per refusing window, not one per request, and rows
 * older than the retention (default 1 year, never less than 6 months) are purged nightly.
 */
class CardVerificationLogTests extends IntegrationTest {

    @Autowired
    CardVerificationThrottle throttle;

    private static String unknownNumber(int seed) {
        String digits = String.format("97%010d", 2_000_000L + seed);
        return "YC" + digits + TalentCardNumber.check(digits);
    }

    private long rows(String sql, String param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    @Test
    void aThrottledBurstOfFiftyRequestsLogsAtMostTwoThrottledRows() throws Exception {
        String ip = "10.72.0." + (1 + (int) (System.nanoTime() % 200));
        jdbc.sql("DELETE FROM talent_card_verification WHERE client_ip = :p").param("p", ip).update();
        jdbc.sql("DELETE FROM talent_card_throttle WHERE client_ip = :p").param("p", ip).update();
        int refused = 0;
        for (int i = 0; i < 55; i++) {
            int status = mvc.perform(get("/api/v1/talent-cards/{n}/verify", unknownNumber(i)).with(r -> {
                r.setRemoteAddr(ip);
                return r;
            })).andReturn().getResponse().getStatus();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isGreaterThanOrEqualTo(45);
        long throttled = rows("SELECT count(*) FROM talent_card_verification WHERE client_ip = :p AND result = 'THROTTLED'", ip);
        assertThat(throttled).isBetween(1L, 2L);
    }

    @Test
    void thePurgeRemovesLogRowsOlderThanTheRetentionAndKeepsYoungerOnes() {
        String marker = "PURGE" + System.nanoTime() % 1_000_000_000L;
        for (int days : new int[] {400, 370, 200, 1}) {
            jdbc.sql("""
                    INSERT INTO talent_card_verification (at, number, channel, result, client_ip)
                    VALUES (now() - make_interval(days => :d), :n, 'API', 'UNKNOWN', '192.0.2.250')""")
                    .param("d", days).param("n", marker + "-" + days).update();
        }
        long purged = throttle.purgeLog(ZonedDateTime.now());
        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT number FROM talent_card_verification WHERE number LIKE :p ORDER BY number")
                .param("p", marker + "-%").query(String.class).list()).containsExactly(marker + "-1", marker + "-200");
    }

    @Test
    void aRetentionShorterThanSixMonthsIsRefusedAtStart() {
        assertThatThrownBy(() -> new TalentCardSettings.Verification(0, 0, 0, null, null, Period.ofMonths(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("短于 6 个月");
        assertThat(new TalentCardSettings.Verification(0, 0, 0, null, null, null).retention()).isEqualTo(Period.ofYears(1));
        assertThat(new TalentCardSettings.Verification(0, 0, 0, null, null, Period.ofMonths(6)).retention()).isEqualTo(Period.ofMonths(6));
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("zugong.talent-card.verification.retention=3m")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("短于 6 个月"));
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("zugong.talent-card.verification.retention=18m")
                .run(context -> assertThat(context.getBean(TalentCardSettings.class).verification().retention()).isEqualTo(Period.ofMonths(18)));
    }

    /** Only the settings' binding (not a @Configuration: the Spring Boot test would take it for its own). */
    @EnableConfigurationProperties(TalentCardSettings.class)
    static class Settings {
    }
}
