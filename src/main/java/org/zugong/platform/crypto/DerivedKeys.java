package org.zugong.platform.crypto;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Keys for one purpose each (the talent card's QR signature…), derived from the key file's material rather than
 * stored: {@code HMAC-SM3(audit key, label)}. The audit key is the one key never rotated (the chain is signed with
 * it, see {@link KeyRotation}), so a derived key survives a rotation of the SM4 and blind-index keys; a purpose
 * rotates its own key by changing its label (e.g. {@code talent-card-v1} → {@code talent-card-v2}).
 */
@Component
public class DerivedKeys {

    private final CryptoKeys keys;

    DerivedKeys(CryptoKeys keys) {
        this.keys = keys;
    }

    /** 32 bytes for {@code label}; the same on every node sharing the key file. */
    public byte[] derive(String label) {
        return Sm3.hmac(keys.auditKey(), label.getBytes(StandardCharsets.UTF_8));
    }
}
