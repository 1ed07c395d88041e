package org.zugong.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields (ID numbers, phones, family data) with SM4/CBC/PKCS5Padding and a random
 * IV per value; the stored form is IV ‖ ciphertext. Exact lookup goes through {@link #blindIndex},
 * an HMAC-SM3 under a separate key, so equal values can be found without decrypting the column.
 */
@Component
public class FieldCipher {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int IV_LENGTH = 16;

    private final SecretKeySpec sm4Key;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(CryptoKeys keys) {
        this.sm4Key = new SecretKeySpec(keys.sm4Key(), "SM4");
        this.indexKey = keys.indexKey();
    }

    public byte[] encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("SM4/CBC/PKCS5Padding", BC);
            cipher.init(Cipher.ENCRYPT_MODE, sm4Key, new IvParameterSpec(iv));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_LENGTH + body.length);
            System.arraycopy(body, 0, out, IV_LENGTH, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/CBC/PKCS5Padding", BC);
            cipher.init(Cipher.DECRYPT_MODE, sm4Key, new IvParameterSpec(stored, 0, IV_LENGTH));
            return new String(cipher.doFinal(stored, IV_LENGTH, stored.length - IV_LENGTH), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 decryption failed: wrong key or damaged value", e);
        }
    }

    /** HMAC-SM3 of the normalized value: the same input always gives the same index. */
    public byte[] blindIndex(String value) {
        return Sm3.hmac(indexKey, value.getBytes(StandardCharsets.UTF_8));
    }
}
