package org.zugong.platform.crypto;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node whose keys differ from those the database was written with refuses to start. */
class KeyCheckTests extends IntegrationTest {

    @Autowired
    KeyCheck check;

    @Test
    void theRunningKeysPass() {
        assertThatCode(check::verifyKeys).doesNotThrowAnyException();
    }

    @Test
    void otherKeysAreRefusedAtStart() {
        CryptoKeys other = new CryptoKeys("unused", "00112233445566778899aabbccddeeff", "55".repeat(32), "66".repeat(32));
        KeyCheck withOtherKeys = new KeyCheck(jdbc, new FieldCipher(other), new ChainSigner(other));
        assertThatThrownBy(withOtherKeys::verifyKeys).hasMessageContaining("拒绝启动");
    }

    @Test
    void anExternalDatabaseWithoutKeysRefusesToMakeItsOwn() {
        assertThatThrownBy(() -> new CryptoKeys("/nonexistent/zugong.keys", "", "", "", "jdbc:postgresql://db/zugong", false))
                .hasMessageContaining("必须提供密钥");
    }
}
