package org.zugong.platform.crypto;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SM3 and SM4 give the standards' known answers, and field encryption round-trips with a fresh IV. */
class CryptoKnownAnswerTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm3OfAbcIsTheStandardsExample() {
        assertThat(HEX.formatHex(Sm3.digest("abc".getBytes())))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm4EcbOfTheStandardsExample() throws Exception {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        Cipher c = Cipher.getInstance("SM4/ECB/NoPadding", new BouncyCastleProvider());
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "SM4"));
        assertThat(HEX.formatHex(c.doFinal(key))).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void fieldCipherRoundTripsAndNeverRepeatsCiphertext() {
        FieldCipher cipher = new FieldCipher(testKeys());
        byte[] a = cipher.encrypt("430104199001011234");
        byte[] b = cipher.encrypt("430104199001011234");
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo("430104199001011234");
        assertThat(cipher.blindIndex("430104199001011234")).isEqualTo(cipher.blindIndex("430104199001011234"));
        assertThat(cipher.blindIndex("430104199001011234")).isNotEqualTo(cipher.blindIndex("430104199001011235"));
    }

    @Test
    void decryptingWithAnotherKeyFails() {
        byte[] stored = new FieldCipher(testKeys()).encrypt("secret");
        CryptoKeys other = new CryptoKeys("unused", "ffeeddccbbaa99887766554433221100",
                "11".repeat(32), "22".repeat(32));
        assertThatThrownBy(() -> new FieldCipher(other).decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> new CryptoKeys("unused", "0011", "11".repeat(32), "22".repeat(32)))
                .hasMessageContaining("16 bytes");
    }

    static CryptoKeys testKeys() {
        return new CryptoKeys("unused", "0123456789abcdeffedcba9876543210", "33".repeat(32), "44".repeat(32));
    }
}
