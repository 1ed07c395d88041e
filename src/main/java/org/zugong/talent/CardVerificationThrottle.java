package org.zugong.talent;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public verification's rate limit per client address, in the database so that it holds across nodes: fixed windows
 * (minute, UTC day, failure window) counted in {@code talent_card_throttle} with one upsert per request, each statement its
 * own short transaction. Only the caller's own address is counted and refused, so a guessing client never locks out another;
 * an IPv6 client is counted by its /64 ({@link #clientKey}).
 */
@Component
class CardVerificationThrottle {

    /**
     * Admitted, or refused for {@code retryAfterSeconds}; {@code refusedSince}: the start of the window whose limit refuses
     * (the refusal lasts until that window's end), null when admitted.
     */
    record Admission(boolean allowed, long retryAfterSeconds, Instant refusedSince) {
    }

    /** Requests of the verification log removed per statement by the retention purge. */
    static final int PURGE_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TalentCardSettings.Verification limits;

    CardVerificationThrottle(JdbcClient jdbc, TalentCardSettings settings) {
        this.jdbc = jdbc;
        this.limits = settings.verification();
    }

    /** Counts the request; refuses it when the address is over one of its limits (then or before). */
    Admission admit(String ip, Instant now) {
        return admitAndLookUp(ip, now, null).admission();
    }

    /** The admission and, when {@code number} is given, the card of that number: one statement, one round trip. */
    record Checked(Admission admission, java.util.Optional<TalentCardRepository.Verifiable> card) {
    }

    Checked admitAndLookUp(String ip, Instant now, String number) {
        boolean unlimited = unlimited(ip);
        String client = clientKey(ip);
        long s = now.getEpochSecond();
        long minute = s - Math.floorMod(s, 60);
        long day = s - Math.floorMod(s, 86_400);
        long failWindow = limits.failureWindow().toSeconds();
        long fail = s - Math.floorMod(s, failWindow);
        // Unlimited addresses are not counted: the upsert's VALUES are filtered out.
        return jdbc.sql("""
                WITH up AS (
                  INSERT INTO talent_card_throttle AS c (client_ip, kind, window_start, hits)
                  SELECT :ip, k, w, 1 FROM (VALUES ('M', CAST(:m AS timestamptz)), ('D', CAST(:d AS timestamptz))) AS v (k, w) WHERE NOT :unlimited
                  ON CONFLICT (client_ip, kind, window_start) DO UPDATE SET hits = c.hits + 1
                  RETURNING kind, hits)
                SELECT (SELECT hits FROM up WHERE kind = 'M') AS m, (SELECT hits FROM up WHERE kind = 'D') AS d,
                       (SELECT hits FROM talent_card_throttle WHERE client_ip = :ip AND kind = 'F' AND window_start = :f) AS f,
                       card.id, card.number, card.tier_code, tt.name AS tier_name, card.valid_until, card.status, p.name AS person_name
                FROM (SELECT 1) AS one
                LEFT JOIN talent_card card ON card.number = :n
                LEFT JOIN talent t ON t.id = card.talent_id LEFT JOIN person_view p ON p.id = t.person_id
                LEFT JOIN talent_tier tt ON tt.code = card.tier_code""")
                .param("ip", client).param("m", at(minute)).param("d", at(day)).param("f", at(fail)).param("n", number)
                .param("unlimited", unlimited)
                .query((rs, n) -> {
                    long retry = 0;
                    long since = 0;
                    if (!unlimited) {
                        if (rs.getInt("m") > limits.perMinute() && minute + 60 - s > retry) {
                            retry = minute + 60 - s;
                            since = minute;
                        }
                        if (rs.getInt("d") > limits.perDay() && day + 86_400 - s > retry) {
                            retry = day + 86_400 - s;
                            since = day;
                        }
                        if (rs.getInt("f") >= limits.failures() && fail + failWindow - s > retry) {
                            retry = fail + failWindow - s;
                            since = fail;
                        }
                    }
                    long id = rs.getLong("id");
                    java.util.Optional<TalentCardRepository.Verifiable> card = rs.wasNull() ? java.util.Optional.empty()
                            : java.util.Optional.of(new TalentCardRepository.Verifiable(id, rs.getString("number"), rs.getString("tier_code"),
                            rs.getString("tier_name"), rs.getDate("valid_until").toLocalDate(), TalentCardStatus.valueOf(rs.getString("status")),
                            rs.getString("person_name")));
                    return new Checked(new Admission(retry == 0, retry, retry == 0 ? null : Instant.ofEpochSecond(since)), card);
                }).single();
    }

    /**
     * Logs a verification and, for a failure of a limited address, counts it in the failure window: one statement.
     */
    void log(String number, Long cardId, CardVerification.Channel channel, CardVerificationResult result, String ip, String userAgent,
             Instant now) {
        long s = now.getEpochSecond();
        long fail = s - Math.floorMod(s, limits.failureWindow().toSeconds());
        jdbc.sql("""
                WITH failed AS (
                  INSERT INTO talent_card_throttle AS c (client_ip, kind, window_start, hits) SELECT :client, 'F', :f, 1 WHERE :count
                  ON CONFLICT (client_ip, kind, window_start) DO UPDATE SET hits = c.hits + 1)
                INSERT INTO talent_card_verification (number, card_id, channel, result, client_ip, user_agent)
                VALUES (:n, :c, :ch, :r, :ip, :ua)""")
                .param("ip", truncate(ip, 45)).param("client", clientKey(ip)).param("f", at(fail)).param("count", result.failure() && !unlimited(ip))
                .param("n", truncate(number == null ? "" : number, 32)).param("c", cardId).param("ch", channel.name()).param("r", result.name())
                .param("ua", userAgent == null ? null : truncate(userAgent, 200)).update();
    }

    /**
     * Logs a refused request, once per client and refusing window: a client that keeps sending while refused adds no row
     * (its first refused request is the record). The row's address is the counted client (an IPv6 client's /64).
     */
    void logThrottled(String number, CardVerification.Channel channel, Admission refusal, String ip, String userAgent) {
        String client = clientKey(ip);
        jdbc.sql("""
                INSERT INTO talent_card_verification (number, card_id, channel, result, client_ip, user_agent)
                SELECT :n, NULL, :ch, 'THROTTLED', :ip, :ua
                WHERE NOT EXISTS (SELECT 1 FROM talent_card_verification
                                  WHERE client_ip = :ip AND result = 'THROTTLED' AND at >= :since)""")
                .param("n", truncate(number == null ? "" : number, 32)).param("ch", channel.name()).param("ip", truncate(client, 45))
                .param("ua", userAgent == null ? null : truncate(userAgent, 200))
                .param("since", at(refusal.refusedSince().getEpochSecond())).update();
    }

    /**
     * Removes verification log rows older than the retention ({@code zugong.talent-card.verification.retention}, at least
     * 6 months), {@link #PURGE_BATCH} rows per statement (each its own transaction, so no long lock and no huge one).
     */
    long purgeLog(ZonedDateTime now) {
        OffsetDateTime before = now.minus(limits.retention()).toOffsetDateTime();
        long total = 0;
        int removed;
        do {
            removed = jdbc.sql("""
                    DELETE FROM talent_card_verification WHERE id IN (
                      SELECT id FROM talent_card_verification WHERE at < :before ORDER BY at LIMIT :batch)""")
                    .param("before", before).param("batch", PURGE_BATCH).update();
            total += removed;
        } while (removed == PURGE_BATCH);
        return total;
    }

    private boolean unlimited(String ip) {
        return limits.unlimitedIps().contains(ip) || limits.unlimitedIps().contains(clientKey(ip));
    }

    /**
     * The client whose requests are counted: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber's or
     * host's prefix: rotating the address within it does not give fresh counters), written {@code 2001:db8:1:2::/64}.
     */
    static String clientKey(String ip) {
        if (ip == null || ip.indexOf(':') < 0) {
            return ip;
        }
        InetAddress address;
        try {
            // a literal with ':' is parsed, never looked up in DNS
            address = InetAddress.getByName(ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip);
        } catch (java.net.UnknownHostException | RuntimeException e) {
            return ip;
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress(); // an IPv4-mapped IPv6 address is its IPv4 client
        }
        byte[] b = address.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
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
