package org.zugong.platform.crypto;

import org.springframework.stereotype.Component;

/** HMAC-SM3 under the audit key, for the tamper-evident audit chain. */
@Component
public class ChainSigner {

    private final byte[] key;

    ChainSigner(CryptoKeys keys) {
        this.key = keys.auditKey();
    }

    public byte[] sign(byte[] data) {
        return Sm3.hmac(key, data);
    }
}
