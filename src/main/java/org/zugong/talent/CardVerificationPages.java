package org.zugong.talent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public verification page, no login (permitted in SecurityConfiguration for exactly these GETs): {@code GET /verify}
 * (enter a number; {@code ?number=} verifies it, number channel, no token) and {@code GET /verify/{number}?token=…} (the
 * QR code's URL; the token is required). 429 with Retry-After when the client is over its limit. Never cached, no session.
 */
@Controller
class CardVerificationPages {

    private final CardVerification verification;

    CardVerificationPages(CardVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number, @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String ua,
                Model model, HttpServletRequest request, HttpServletResponse response) {
        if (number != null) {
            return answer(verification.verify(number, null, CardVerification.Channel.NUMBER, request.getRemoteAddr(), ua), model, response);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "verify/verify";
    }

    @GetMapping("/verify/{number}")
    String scanned(@PathVariable String number, @RequestParam(required = false) String token,
                   @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String ua, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        return answer(verification.verify(number, token, CardVerification.Channel.QR, request.getRemoteAddr(), ua), model, response);
    }

    private static String answer(CardVerification.Outcome outcome, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (outcome.result() == CardVerificationResult.THROTTLED) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
        }
        model.addAttribute("outcome", outcome);
        return "verify/verify";
    }
}
