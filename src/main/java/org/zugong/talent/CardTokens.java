package org.zugong.talent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.zugong.platform.crypto.DerivedKeys;
import org.zugong.platform.crypto.Sm3;

/**
 * The QR code's signature: {@code "v" + key version + "." + base64url(first 16 bytes of HMAC-SM3(card key, number|validUntil|tier|version))}.
 * The card key is derived from the key file (never stored in the database); a token of another number, validity, tier or key
 * version, or of a retired key version, does not verify.
 */
@Component
class CardTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final DerivedKeys derivedKeys;
    private final TalentCardSettings settings;
    private final Map<Integer, byte[]> keys = new ConcurrentHashMap<>();

    CardTokens(DerivedKeys derivedKeys, TalentCardSettings settings) {
        this.derivedKeys = derivedKeys;
        this.settings = settings;
    }

    String sign(String number, LocalDate validUntil, String tierCode) {
        int version = settings.tokenKeyVersion();
        return "v" + version + "." + B64.encodeToString(mac(version, number, validUntil, tierCode));
    }

    boolean verify(String token, String number, LocalDate validUntil, String tierCode) {
        if (token == null || token.length() > 64 || !token.startsWith("v")) {
            return false;
        }
        int dot = token.indexOf('.');
        int version;
        try {
            version = Integer.parseInt(token.substring(1, dot < 0 ? 1 : dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (version < settings.oldestTokenKeyVersion() || version > settings.tokenKeyVersion()) {
            return false;
        }
        byte[] expected = B64.encode(mac(version, number, validUntil, tierCode));
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(int version, String number, LocalDate validUntil, String tierCode) {
        byte[] key = keys.computeIfAbsent(version, v -> derivedKeys.derive("talent-card-v" + v));
        String data = number + "|" + validUntil + "|" + tierCode + "|" + version;
        return Arrays.copyOf(Sm3.hmac(key, data.getBytes(StandardCharsets.UTF_8)), 16);
    }
}
