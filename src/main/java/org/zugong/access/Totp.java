package org.zugong.access;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30-second
 * steps, 6 digits, and one step of clock drift either way. Finds which step a code belongs to, so
 * that the caller can refuse a step that was already used.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    private static final String ISSUER = "智慧组工云";

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A fresh 160-bit secret in Base32, the form authenticator apps take. */
    static String newSecret() {
        byte[] raw = new byte[SECRET_BYTES];
        RANDOM.nextBytes(raw);
        return Base32.toBase32String(raw).replace("=", "");
    }

    /** The {@code otpauth://} URI an authenticator app reads (from a QR code or typed in). */
    static String uri(String username, String secret) {
        String label = enc(ISSUER) + ":" + enc(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(ISSUER) + "&algorithm=SHA1&digits=" + DIGITS
                + "&period=" + STEP.toSeconds();
    }

    /** The time step whose code is {@code code}, looking one step back and forward from {@code now}; empty if none. */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        if (secret == null || code == null || !code.trim().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        int wanted = Integer.parseInt(code.trim());
        var key = new SecretKeySpec(decode(secret), GENERATOR.getAlgorithm());
        long current = step(now);
        try {
            for (long s = current - 1; s <= current + 1; s++) {
                if (GENERATOR.generateOneTimePassword(key, Instant.ofEpochSecond(s * STEP.toSeconds())) == wanted) {
                    return OptionalLong.of(s);
                }
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Unusable TOTP secret", e);
        }
        return OptionalLong.empty();
    }

    /** The code for a moment. The application never shows codes; tests use this to play the authenticator app. */
    static String codeAt(String secret, Instant at) {
        try {
            int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(decode(secret), GENERATOR.getAlgorithm()), at);
            return String.format("%0" + DIGITS + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Unusable TOTP secret", e);
        }
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    private static byte[] decode(String secret) {
        String s = secret.trim().toUpperCase().replace(" ", "");
        int pad = (8 - s.length() % 8) % 8;
        return Base32.decode(s + "=".repeat(pad));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
