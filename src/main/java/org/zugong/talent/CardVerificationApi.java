package org.zugong.talent;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/talent-cards/{number}/verify?token=…}: the public verification as JSON, no login. The token is optional
 * (checked when given: wrong = FORGED). 200 with the result for every looked-up number (valid or not: {@code valid} says),
 * 400 卡号格式错误 for a bad check character (no lookup), 429 with Retry-After when the client is over its limit.
 */
@RestController
class CardVerificationApi {

    /** A valid card: masked name, tier, validity, entitlements. A failed one: its result and message only. */
    record Verified(String number, boolean valid, String result, String message, String maskedName, String tier, LocalDate validUntil,
                    String status, List<Entitlement> entitlements) {
    }

    record Entitlement(String name, String description) {
    }

    private final CardVerification verification;

    CardVerificationApi(CardVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/v1/talent-cards/{number}/verify")
    ResponseEntity<?> verify(@PathVariable String number, @RequestParam(required = false) String token,
                             @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String ua, HttpServletRequest request) {
        CardVerification.Outcome o = verification.verify(number, token, CardVerification.Channel.API, request.getRemoteAddr(), ua);
        if (o.result() == CardVerificationResult.THROTTLED || o.result() == CardVerificationResult.MALFORMED) {
            boolean throttled = o.result() == CardVerificationResult.THROTTLED;
            ProblemDetail p = ProblemDetail.forStatusAndDetail(throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST, o.message());
            p.setTitle(throttled ? "请求过于频繁" : "卡号格式错误");
            p.setType(URI.create("about:blank"));
            var answer = ResponseEntity.status(p.getStatus()).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (throttled) {
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(o.retryAfterSeconds()));
            }
            return answer.body(p);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Verified(o.number(), o.valid(), o.result().name(), o.message(),
                o.maskedName(), o.tierLabel(), o.validUntil(), o.statusLabel(),
                o.entitlements().stream().map(e -> new Entitlement(e.name(), e.description())).toList()));
    }
}
