package org.zugong.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo 英才卡 (issue 9, F71): a card for every demo talent as its registry status says — 有效 for the recognized
 * (talent1's among them), 到期 for the expired, 注销 for the revoked one — plus one 挂失 card of county 1's second
 * recognized talent with its 补办 replacement, and a few dozen public verifications over the last month. Numbers follow
 * the real format (YC + year + 10 digits + ISO 7064 MOD 11-2 check character), drawn from a seeded stream.
 */
final class DemoTalentCards {

    static final int VERIFICATIONS = 40;
    private static final List<String> RESULTS = List.of("VALID", "VALID", "VALID", "VALID", "VALID", "VALID", "UNKNOWN", "EXPIRED",
            "MALFORMED", "FORGED", "LOST", "CANCELLED");
    private static final List<String> CHANNELS = List.of("QR", "QR", "QR", "NUMBER", "NUMBER", "API");
    private static final List<String> AGENTS = List.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.49",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36", "python-requests/2.32.3");

    private final JdbcClient jdbc;
    private final Random random;
    private final LocalDate today;

    DemoTalentCards(JdbcClient jdbc, Random random, LocalDate today) {
        this.jdbc = jdbc;
        this.random = random;
        this.today = today;
    }

    private record Talent(long id, long orgId, String tier, String status, LocalDate recognizedOn, LocalDate validUntil) {
    }

    void insert() {
        List<Talent> talents = jdbc.sql("SELECT id, org_id, tier_code, status, recognized_on, valid_until FROM talent ORDER BY id")
                .query((rs, n) -> new Talent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate())).list();
        Long lostTalent = talents.stream().filter(t -> t.id() != talents.getFirst().id() && "RECOGNIZED".equals(t.status()))
                .map(Talent::id).findFirst().orElse(null);
        List<Long> cards = new java.util.ArrayList<>();
        for (Talent t : talents) {
            String status = switch (t.status()) {
                case "EXPIRED" -> "EXPIRED";
                case "REVOKED" -> "CANCELLED";
                default -> t.id() == (lostTalent == null ? -1 : lostTalent) ? "LOST" : "ACTIVE";
            };
            String reason = switch (status) {
                case "EXPIRED" -> "有效期届满";
                case "CANCELLED" -> "撤销认定，注销英才卡";
                case "LOST" -> "本人报告遗失";
                default -> "认定后自动发卡";
            };
            long id = card(t, t.recognizedOn(), status, null, reason);
            cards.add(id);
            if ("LOST".equals(status)) {
                cards.add(card(t, today.minusDays(20), "ACTIVE", id, "补办：本人报告遗失"));
            }
        }
        for (int i = 0; i < VERIFICATIONS; i++) {
            String result = RESULTS.get(random.nextInt(RESULTS.size()));
            boolean known = !"UNKNOWN".equals(result) && !"MALFORMED".equals(result);
            long cardId = cards.get(random.nextInt(cards.size()));
            String number = known ? jdbc.sql("SELECT number FROM talent_card WHERE id = :id").param("id", cardId).query(String.class).single()
                    : "MALFORMED".equals(result) ? "YC2612345678" : number(today);
            jdbc.sql("""
                    INSERT INTO talent_card_verification (at, number, card_id, channel, result, client_ip, user_agent)
                    VALUES (:at, :n, :c, :ch, :r, :ip, :ua)""")
                    .param("at", Timestamp.valueOf(LocalDateTime.of(today.minusDays(random.nextInt(30)), java.time.LocalTime.of(8 + random.nextInt(10),
                            random.nextInt(60), random.nextInt(60)))))
                    .param("n", number).param("c", known ? cardId : null).param("ch", CHANNELS.get(random.nextInt(CHANNELS.size())))
                    .param("r", result).param("ip", "192.0.2." + (1 + random.nextInt(40))).param("ua", AGENTS.get(random.nextInt(AGENTS.size())))
                    .update();
        }
    }

    private long card(Talent t, LocalDate issuedOn, String status, Long replaces, String reason) {
        return jdbc.sql("""
                INSERT INTO talent_card (talent_id, number, tier_code, issued_on, valid_until, status, replaces_card_id, status_reason,
                                         status_changed_at, created_by, updated_by)
                VALUES (:t, :n, :tier, :issued, :valid, :status, :replaces, :reason, now(), :by, :by) RETURNING id""")
                .param("t", t.id()).param("n", number(issuedOn)).param("tier", t.tier()).param("issued", Date.valueOf(issuedOn))
                .param("valid", Date.valueOf(t.validUntil())).param("status", status).param("replaces", replaces).param("reason", reason)
                .param("by", DemoWriter.AUTHOR).query(Long.class).single();
    }

    /** YC + year + 10 digits + ISO 7064 MOD 11-2 check character (as TalentCardNumber). */
    private String number(LocalDate issuedOn) {
        StringBuilder digits = new StringBuilder(String.format("%02d", issuedOn.getYear() % 100));
        for (int i = 0; i < 10; i++) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum = (sum + digits.charAt(i) - '0') * 2 % 11;
        }
        int c = (12 - sum % 11) % 11;
        return "YC" + digits + (c == 10 ? 'X' : (char) ('0' + c));
    }
}
