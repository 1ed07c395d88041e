package org.zugong.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The application's field encryption, rebuilt for bulk use (FieldCipher cannot be constructed from
 * outside its package): SM4/CBC/PKCS5Padding with a 16-byte IV stored in front of the ciphertext, and
 * the blind index HMAC-SM3(index key, UTF-8 bytes). One instance per thread: it reuses its Cipher and
 * HMac. IVs come from the given generator, so that a data set is reproducible from its seed.
 */
final class BenchCipher {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int IV_LENGTH = 16;

    private final SecretKeySpec sm4Key;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final HMac hmac;
    private final RandomGenerator ivSource;

    BenchCipher(BenchKeys keys, RandomGenerator ivSource) {
        try {
            this.sm4Key = new SecretKeySpec(keys.sm4(), "SM4");
            this.encryptor = Cipher.getInstance("SM4/CBC/PKCS5Padding", BC);
            this.decryptor = Cipher.getInstance("SM4/CBC/PKCS5Padding", BC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 unavailable", e);
        }
        this.hmac = new HMac(new SM3Digest());
        this.hmac.init(new KeyParameter(keys.index()));
        this.ivSource = ivSource;
    }

    byte[] encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_LENGTH];
        ivSource.nextBytes(iv);
        try {
            encryptor.init(Cipher.ENCRYPT_MODE, sm4Key, new IvParameterSpec(iv));
            byte[] body = encryptor.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_LENGTH + body.length);
            System.arraycopy(body, 0, out, IV_LENGTH, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            decryptor.init(Cipher.DECRYPT_MODE, sm4Key, new IvParameterSpec(stored, 0, IV_LENGTH));
            return new String(decryptor.doFinal(stored, IV_LENGTH, stored.length - IV_LENGTH), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 decryption failed", e);
        }
    }

    /** HMAC-SM3 of the normalized value (the blind index). HMac.doFinal resets it to the keyed state. */
    byte[] blindIndex(String value) {
        byte[] data = value.getBytes(StandardCharsets.UTF_8);
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
