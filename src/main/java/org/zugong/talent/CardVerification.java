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
 * {@code talent_card_verification} (not in the audit chain: anonymous, and its volume is the public's), a refused one once
 * per client and refusing window; the log is kept for {@code zugong.talent-card.verification.retention}.
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

    private final TalentRepository talents;
    private final CardTokens tokens;
    private final CardVerificationThrottle throttle;
    private final Clock clock;
    private final Map<String, Cached> entitlements = new ConcurrentHashMap<>();

    CardVerification(TalentRepository talents, CardTokens tokens, CardVerificationThrottle throttle) {
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
        boolean wellFormed = TalentCardNumber.isValid(number);
        // One round trip: the rate limit and, for a well-formed number only, the card (a bad check character is never looked up).
        CardVerificationThrottle.Checked checked = throttle.admitAndLookUp(ip, now, wellFormed ? number : null);
        if (!checked.admission().allowed()) {
            long retry = checked.admission().retryAfterSeconds();
            throttle.logThrottled(number, channel, checked.admission(), ip, userAgent);
            return new Outcome(number, CardVerificationResult.THROTTLED, CardVerificationResult.THROTTLED.message() + "（" + waitText(retry) + "后）",
                    null, null, null, null, List.of(), retry);
        }
        if (!wellFormed) {
            return fail(number, null, CardVerificationResult.MALFORMED, channel, ip, userAgent, now);
        }
        if (checked.card().isEmpty()) {
            return fail(number, null, CardVerificationResult.UNKNOWN, channel, ip, userAgent, now);
        }
        var card = checked.card().get();
        boolean tokenRequired = channel == Channel.QR;
        boolean tokenGiven = token != null && !token.isBlank();
        if ((tokenRequired || tokenGiven) && !tokens.verify(token, card.number(), card.validUntil(), card.tierCode())) {
            return fail(number, card.id(), CardVerificationResult.FORGED, channel, ip, userAgent, now);
        }
        LocalDate today = LocalDate.now(clock);
        TalentCardStatus status = card.status() == TalentCardStatus.ACTIVE && card.validUntil().isBefore(today)
                ? TalentCardStatus.EXPIRED : card.status();
        CardVerificationResult result = CardVerificationResult.of(status);
        throttle.log(number, card.id(), channel, result, ip, userAgent, now);
        if (result != CardVerificationResult.VALID) {
            return new Outcome(number, result, result.message(), null, null, null, status.label(), List.of(), 0);
        }
        return new Outcome(number, result, result.message(), TalentCard.maskName(card.personName()), card.tierCode() + "类 " + card.tierName(),
                card.validUntil(), status.label(), entitlements(card.tierCode(), now), 0);
    }

    private Outcome fail(String number, Long cardId, CardVerificationResult result, Channel channel, String ip, String userAgent, Instant now) {
        throttle.log(number, cardId, channel, result, ip, userAgent, now);
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
