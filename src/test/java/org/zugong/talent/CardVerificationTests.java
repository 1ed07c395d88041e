package org.zugong.talent;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * F71 public verification of the 英才卡, without login: what a valid card shows (masked name, tier, validity, entitlements
 * and nothing else), how revoked, expired, lost, forged, unknown and malformed numbers fail, the log, and the rate limit
 * per client address (the tests' loopback is unlimited by configuration; these tests call from their own addresses).
 */
class CardVerificationTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    CardTokens tokens;

    @Autowired
    CardVerificationThrottle throttle;

    /** A fresh client address per call site, so that no test shares another's counters. */
    private static String freshIp() {
        int n = ADDRESS.getAndIncrement();
        return "10.71." + (n / 250) + "." + (1 + n % 250);
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String ip) {
        return request.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    private record Card(long id, String number, String tier, java.time.LocalDate validUntil) {
    }

    private Card demoCard(String status) {
        return jdbc.sql("SELECT id, number, tier_code, valid_until FROM talent_card WHERE status = :s AND created_by = 'demo' ORDER BY id LIMIT 1")
                .param("s", status).query((rs, n) -> new Card(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
                .single();
    }

    private Card talent1Card() {
        return jdbc.sql("SELECT id, number, tier_code, valid_until FROM talent_card WHERE talent_id = 1 AND status = 'ACTIVE'")
                .query((rs, n) -> new Card(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate())).single();
    }

    private String token(Card c) {
        return tokens.sign(c.number(), c.validUntil(), c.tier());
    }

    private long logged(String number, String result) {
        return jdbc.sql("SELECT count(*) FROM talent_card_verification WHERE number = :n AND result = :r").param("n", number).param("r", result)
                .query(Long.class).single();
    }

    private ResultActions page(Card c, String ip) throws Exception {
        return mvc.perform(from(get("/verify/{n}", c.number()).param("token", token(c)), ip));
    }

    private ResultActions api(Card c, String ip) throws Exception {
        return mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", c.number()).param("token", token(c)), ip));
    }

    @Test
    void aValidCardShowsOnlyTheMaskedNameTierValidityAndEntitlements() throws Exception {
        Card c = talent1Card();
        String ip = freshIp();
        page(c, ip).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(content().string(containsString("id=\"verify-name\">刘*松<")))
                .andExpect(content().string(containsString("B类 领军人才")))
                .andExpect(content().string(containsString(c.validUntil().toString())))
                .andExpect(content().string(containsString("医疗绿色通道")))
                .andExpect(content().string(not(containsString("刘彪松"))))
                .andExpect(content().string(not(containsString("身份证"))));
        api(c, ip).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.result").value("VALID"))
                .andExpect(jsonPath("$.maskedName").value("刘*松"))
                .andExpect(jsonPath("$.tier").value("B类 领军人才"))
                .andExpect(jsonPath("$.validUntil").value(c.validUntil().toString()))
                .andExpect(jsonPath("$.entitlements[0].name").exists())
                .andExpect(content().string(not(containsString("刘彪松"))))
                .andExpect(jsonPath("$.personId").doesNotExist())
                .andExpect(jsonPath("$.talentId").doesNotExist());
        // the number channel (typed on the page) needs no token
        mvc.perform(from(get("/verify").param("number", c.number().substring(0, 5) + " " + c.number().substring(5)), ip))
                .andExpect(status().isOk()).andExpect(content().string(containsString("刘*松")));
        assertThat(jdbc.sql("SELECT count(*) FROM talent_card_verification WHERE card_id = :c AND result = 'VALID' AND client_ip = :ip")
                .param("c", c.id()).param("ip", ip).query(Long.class).single()).isEqualTo(3);
    }

    private void failsOnPageAndApi(String status, String result, String message) throws Exception {
        Card c = demoCard(status);
        long before = logged(c.number(), result);
        String ip = freshIp();
        page(c, ip).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-result=\"" + result + "\"")))
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(not(containsString("id=\"verify-name\""))));
        api(c, ip).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.result").value(result))
                .andExpect(jsonPath("$.message").value(containsString(message)))
                .andExpect(jsonPath("$.maskedName").doesNotExist())
                .andExpect(jsonPath("$.entitlements").isEmpty());
        assertThat(logged(c.number(), result)).isEqualTo(before + 2);
    }

    @Test
    void aRevokedCardFailsVerificationAsCancelledOnPageAndApiAndIsLogged() throws Exception {
        failsOnPageAndApi("CANCELLED", "CANCELLED", "该卡已注销");
    }

    @Test
    void anExpiredCardFailsVerificationOnPageAndApiAndIsLogged() throws Exception {
        failsOnPageAndApi("EXPIRED", "EXPIRED", "该卡已过有效期");
    }

    @Test
    void aLostCardFailsVerificationOnPageAndApiAndIsLogged() throws Exception {
        failsOnPageAndApi("LOST", "LOST", "该卡已挂失");
    }

    @Test
    void anActiveCardPastItsValidityFailsAsExpiredBeforeTheNightlyJobRan() throws Exception {
        Card c = talent1Card();
        jdbc.sql("UPDATE talent_card SET valid_until = current_date - 1, issued_on = current_date - 10 WHERE id = :id").param("id", c.id()).update();
        try {
            Card shifted = talent1Card();
            api(shifted, freshIp()).andExpect(jsonPath("$.result").value("EXPIRED"));
        } finally {
            jdbc.sql("UPDATE talent_card SET valid_until = :v, issued_on = (SELECT recognized_on FROM talent WHERE id = 1) WHERE id = :id")
                    .param("v", java.sql.Date.valueOf(c.validUntil())).param("id", c.id()).update();
        }
    }

    @Test
    void aTokenWithOneCharacterChangedIsForgedOnPageAndApiAndIsLogged() throws Exception {
        Card c = talent1Card();
        String good = token(c);
        char last = good.charAt(good.length() - 1);
        String tampered = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
        long before = logged(c.number(), "FORGED");
        String ip = freshIp();
        mvc.perform(from(get("/verify/{n}", c.number()).param("token", tampered), ip)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-result=\"FORGED\"")))
                .andExpect(content().string(containsString("可能系伪造")))
                .andExpect(content().string(not(containsString("刘*松"))));
        mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", c.number()).param("token", tampered), ip))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("FORGED")).andExpect(jsonPath("$.valid").value(false));
        // the token of another card's data does not fit this card either
        String otherValidity = tokens.sign(c.number(), c.validUntil().plusYears(1), c.tier());
        mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", c.number()).param("token", otherValidity), ip))
                .andExpect(jsonPath("$.result").value("FORGED"));
        // the QR URL without its token is no proof either
        mvc.perform(from(get("/verify/{n}", c.number()), ip)).andExpect(content().string(containsString("data-result=\"FORGED\"")));
        assertThat(logged(c.number(), "FORGED")).isEqualTo(before + 4);
    }

    @Test
    void aBadCheckCharacterIsRefusedAsMalformedWithoutLookingTheNumberUp() throws Exception {
        Card c = talent1Card();
        char check = c.number().charAt(14);
        String mistyped = c.number().substring(0, 14) + (check == '0' ? '1' : '0');
        String ip = freshIp();
        mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", mistyped), ip))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("卡号格式错误"))
                .andExpect(jsonPath("$.detail").value(containsString("校验码")));
        mvc.perform(from(get("/verify").param("number", mistyped), ip)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-result=\"MALFORMED\"")))
                .andExpect(content().string(containsString("卡号格式错误")));
        // logged without a card: the digits of an existing card with a wrong check character were never looked up
        assertThat(jdbc.sql("""
                SELECT count(*) FROM talent_card_verification WHERE number = :n AND result = 'MALFORMED' AND card_id IS NULL AND client_ip = :ip""")
                .param("n", mistyped).param("ip", ip).query(Long.class).single()).isEqualTo(2);
        assertThat(TalentCardNumber.isValid(c.number())).isTrue();
    }

    @Test
    void anUnknownNumberFailsWithItsMessage() throws Exception {
        String unknown = unknownNumber(0);
        mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", unknown), freshIp())).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("UNKNOWN")).andExpect(jsonPath("$.message").value("查无此卡，请核对卡号"));
        assertThat(logged(unknown, "UNKNOWN")).isEqualTo(1);
    }

    /** A well-formed number no card has. */
    private String unknownNumber(int seed) {
        String digits = String.format("99%010d", 1_000_000L + seed);
        return "YC" + digits + TalentCardNumber.check(digits);
    }

    @Test
    void guessingNumbersIsThrottledWith429AndAnotherAddressIsNotAffected() throws Exception {
        awayFromTheFailureWindowsEnd();
        String guesser = freshIp();
        for (int i = 0; i < 5; i++) {
            mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", unknownNumber(100 + i)), guesser)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("UNKNOWN"));
        }
        mvc.perform(from(get("/api/v1/talent-cards/{n}/verify", unknownNumber(200)), guesser))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("查验过于频繁")));
        // even a real card is refused to the guesser for now, on the page too
        mvc.perform(from(get("/verify/{n}", talent1Card().number()).param("token", token(talent1Card())), guesser))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("查验过于频繁")));
        assertThat(logged(unknownNumber(200), "THROTTLED")).isEqualTo(1);
        // another client is served as usual
        api(talent1Card(), freshIp()).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("VALID"));
    }

    @Test
    void theMinuteAndDayLimitsRefuseTheExtraRequestOfTheAddressOnly() {
        Instant at = Instant.parse("2030-01-01T10:00:05Z");
        String ip = freshIp();
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.admit(ip, at).allowed()).isTrue();
        }
        CardVerificationThrottle.Admission refused = throttle.admit(ip, at);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(55);
        assertThat(throttle.admit(freshIp(), at).allowed()).isTrue();
        assertThat(throttle.admit(ip, at.plusSeconds(60)).allowed()).isTrue();
        // 200 a day: ten more minutes of 20 reach it
        for (int m = 2; m <= 10; m++) {
            for (int i = 0; i < 20; i++) {
                throttle.admit(ip, at.plusSeconds(60L * m));
            }
        }
        CardVerificationThrottle.Admission day = throttle.admit(ip, at.plusSeconds(60L * 11));
        assertThat(day.allowed()).isFalse();
        assertThat(day.retryAfterSeconds()).isGreaterThan(3600);
        assertThat(throttle.admit("127.0.0.1", at).allowed()).as("configured unlimited address").isTrue();
    }

    @Test
    void theVerificationPageIsPublicAndAnswersWithoutASession() throws Exception {
        var result = mvc.perform(from(get("/verify"), freshIp())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("id=\"verify-form\""))).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        // only GET is open: anything else still needs a login (and CSRF)
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/verify")).andExpect(status().isForbidden());
        mvc.perform(get("/verify/{n}/other", talent1Card().number())).andExpect(status().is3xxRedirection());
    }

    /** Keeps the failure-window test inside one window (they are fixed: 10 minutes by default). */
    private static void awayFromTheFailureWindowsEnd() throws InterruptedException {
        long intoWindow = Instant.now().getEpochSecond() % 600;
        if (intoWindow > 590) {
            Thread.sleep((601 - intoWindow) * 1000);
        }
    }
}
