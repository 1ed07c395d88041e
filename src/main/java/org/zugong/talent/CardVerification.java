package org.zugong.talent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The public verification of a 英才卡 (no login): rate limit per client address, check character (no lookup when wrong),
 * lookup, QR signature, status and validity on the day. A valid card shows the masked name, tier, validity and the tier's
 * entitlements — nothing else of the person; a failed one only its reason. Every call is logged in
 * {@code talent_card_verification} (not in the audit chain: anonymous, and its volume is the public's).
 */
@Service
class CardVerification {

    /** How the number arrived: typed on the page, a scanned QR code, or the API. */
    enum Channel { NUMBER, QR, API }

    /** What the verifier sees. Personal facts are set for a valid card only. */
    record Outcome(String number, CardVerificationResult result, String message, String maskedName, String tierLabel,
                   LocalDate validUntil, String statusLabel, List<TalentEntitlement> entitlements, long retryAfterSeconds) {

        public boolean valid() {
            return result == CardVerificationResult.VALID;
        }
    }

    private record Cached(Instant at, List<TalentEntitlement> entitlements) {
    }

    private final TalentCardRepository repository;
    private final TalentRepository talents;
    private final CardTokens tokens;
    private final CardVerificationThrottle throttle;
    private final Clock clock;
    private final Map<String, Cached> entitlements = new ConcurrentHashMap<>();

    CardVerification(TalentCardRepository repository, TalentRepository talents, CardTokens tokens, CardVerificationThrottle throttle) {
        this.repository = repository;
        this.talents = talents;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * {@code token}: required on the QR channel (missing or wrong = 伪造/无效), optional on the API (checked when given), not
     * used on the number channel.
     */
    Outcome verify(String typed, String token, Channel channel, String ip, String userAgent) {
        Instant now = clock.instant();
        String number = TalentCardNumber.normalize(typed == null ? "" : typed.trim());
        CardVerificationThrottle.Admission admission = throttle.admit(ip, now);
        if (!admission.allowed()) {
            repository.logVerification(number, null, channel.name(), CardVerificationResult.THROTTLED.name(), ip, userAgent);
            return new Outcome(number, CardVerificationResult.THROTTLED,
                    CardVerificationResult.THROTTLED.message() + "（" + waitText(admission.retryAfterSeconds()) + "后）", null, null, null, null,
                    List.of(), admission.retryAfterSeconds());
        }
        if (!TalentCardNumber.isValid(number)) {
            return fail(number, null, CardVerificationResult.MALFORMED, channel, ip, userAgent, now);
        }
        var found = repository.verifiable(number);
        if (found.isEmpty()) {
            return fail(number, null, CardVerificationResult.UNKNOWN, channel, ip, userAgent, now);
        }
        var card = found.get();
        boolean tokenRequired = channel == Channel.QR;
        boolean tokenGiven = token != null && !token.isBlank();
        if ((tokenRequired || tokenGiven) && !tokens.verify(token, card.number(), card.validUntil(), card.tierCode())) {
            return fail(number, card.id(), CardVerificationResult.FORGED, channel, ip, userAgent, now);
        }
        LocalDate today = LocalDate.now(clock);
        TalentCardStatus status = card.status() == TalentCardStatus.ACTIVE && card.validUntil().isBefore(today)
                ? TalentCardStatus.EXPIRED : card.status();
        CardVerificationResult result = CardVerificationResult.of(status);
        repository.logVerification(number, card.id(), channel.name(), result.name(), ip, userAgent);
        if (result != CardVerificationResult.VALID) {
            return new Outcome(number, result, result.message(), null, null, null, status.label(), List.of(), 0);
        }
        return new Outcome(number, result, result.message(), TalentCard.maskName(card.personName()), card.tierCode() + "类 " + card.tierName(),
                card.validUntil(), status.label(), entitlements(card.tierCode(), now), 0);
    }

    private Outcome fail(String number, Long cardId, CardVerificationResult result, Channel channel, String ip, String userAgent, Instant now) {
        repository.logVerification(number, cardId, channel.name(), result.name(), ip, userAgent);
        throttle.failed(ip, now);
        return new Outcome(number, result, result.message(), null, null, null, null, List.of(), 0);
    }

    /** The tier's entitlements, kept five minutes (data that changes with a policy, not per request). */
    private List<TalentEntitlement> entitlements(String tierCode, Instant now) {
        Cached c = entitlements.get(tierCode);
        if (c == null || c.at().isBefore(now.minusSeconds(300))) {
            c = new Cached(now, talents.entitlements(tierCode));
            entitlements.put(tierCode, c);
        }
        return c.entitlements();
    }

    private static String waitText(long seconds) {
        return seconds >= 3600 ? (seconds + 3599) / 3600 + " 小时" : seconds >= 60 ? (seconds + 59) / 60 + " 分钟" : seconds + " 秒";
    }
}
