package org.zugong.talent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public verification's rate limit per client address, in the database so that it holds across nodes: fixed windows
 * (minute, UTC day, failure window) counted in {@code talent_card_throttle} with one upsert per request, each statement its
 * own short transaction. Only the caller's own address is counted and refused, so a guessing client never locks out another.
 */
@Component
class CardVerificationThrottle {

    /** Admitted, or refused for {@code retryAfterSeconds}. */
    record Admission(boolean allowed, long retryAfterSeconds) {
    }

    private final JdbcClient jdbc;
    private final TalentCardSettings.Verification limits;

    CardVerificationThrottle(JdbcClient jdbc, TalentCardSettings settings) {
        this.jdbc = jdbc;
        this.limits = settings.verification();
    }

    /** Counts the request; refuses it when the address is over one of its limits (then or before). */
    Admission admit(String ip, Instant now) {
        if (limits.unlimitedIps().contains(ip)) {
            return new Admission(true, 0);
        }
        long s = now.getEpochSecond();
        long minute = s - Math.floorMod(s, 60);
        long day = s - Math.floorMod(s, 86_400);
        long failWindow = limits.failureWindow().toSeconds();
        long fail = s - Math.floorMod(s, failWindow);
        List<Object[]> rows = jdbc.sql("""
                WITH up AS (
                  INSERT INTO talent_card_throttle AS c (client_ip, kind, window_start, hits) VALUES (:ip, 'M', :m, 1), (:ip, 'D', :d, 1)
                  ON CONFLICT (client_ip, kind, window_start) DO UPDATE SET hits = c.hits + 1
                  RETURNING kind, hits)
                SELECT kind, hits FROM up
                UNION ALL SELECT kind, hits FROM talent_card_throttle WHERE client_ip = :ip AND kind = 'F' AND window_start = :f""")
                .param("ip", ip).param("m", at(minute)).param("d", at(day)).param("f", at(fail))
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getInt(2)}).list();
        long retry = 0;
        for (Object[] r : rows) {
            int hits = (Integer) r[1];
            switch ((String) r[0]) {
                case "M" -> retry = hits > limits.perMinute() ? Math.max(retry, minute + 60 - s) : retry;
                case "D" -> retry = hits > limits.perDay() ? Math.max(retry, day + 86_400 - s) : retry;
                default -> retry = hits >= limits.failures() ? Math.max(retry, fail + failWindow - s) : retry;
            }
        }
        return new Admission(retry == 0, retry);
    }

    /** Counts a failed verification (unknown number, bad check character, forged token) of the address. */
    void failed(String ip, Instant now) {
        if (limits.unlimitedIps().contains(ip)) {
            return;
        }
        long s = now.getEpochSecond();
        long fail = s - Math.floorMod(s, limits.failureWindow().toSeconds());
        jdbc.sql("""
                INSERT INTO talent_card_throttle AS c (client_ip, kind, window_start, hits) VALUES (:ip, 'F', :f, 1)
                ON CONFLICT (client_ip, kind, window_start) DO UPDATE SET hits = c.hits + 1""")
                .param("ip", ip).param("f", at(fail)).update();
    }

    /** Removes counters of windows that ended (run daily). */
    int purge(Instant now) {
        return jdbc.sql("DELETE FROM talent_card_throttle WHERE window_start < :before").param("before", at(now.getEpochSecond() - 2 * 86_400))
                .update();
    }

    private static OffsetDateTime at(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
