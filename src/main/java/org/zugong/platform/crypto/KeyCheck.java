package org.zugong.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks at start, before anything is read or written, that the three keys are those the database
 * was written with (a sample of each is stored on the first start). A node with a lost or different
 * key file stops with a clear message instead of failing on every encrypted field later.
 */
@Component
class KeyCheck {

    static final String SAMPLE = "zugong-key-check";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ChainSigner signer;

    KeyCheck(JdbcClient jdbc, FieldCipher cipher, ChainSigner signer) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.signer = signer;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void verifyKeys() {
        Optional<Samples> stored = jdbc.sql("SELECT sm4_sample, index_sample, audit_sample FROM platform_key_check WHERE id = 1")
                .query((rs, n) -> new Samples(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3))).optional();
        byte[] auditSample = signer.sign(SAMPLE.getBytes(StandardCharsets.UTF_8));
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO platform_key_check (id, sm4_sample, index_sample, audit_sample) VALUES (1, :s, :i, :a) ON CONFLICT (id) DO NOTHING")
                    .param("s", cipher.encrypt(SAMPLE)).param("i", cipher.blindIndex(SAMPLE)).param("a", auditSample).update();
            return;
        }
        Samples s = stored.get();
        if (!Arrays.equals(s.index(), cipher.blindIndex(SAMPLE))) {
            throw new IllegalStateException("索引密钥（ZUGONG_INDEX_KEY 或密钥文件中的 index）与数据库写入时使用的不一致，拒绝启动");
        }
        if (!Arrays.equals(s.audit(), auditSample)) {
            throw new IllegalStateException("审计密钥（ZUGONG_AUDIT_KEY 或密钥文件中的 audit）与数据库写入时使用的不一致，拒绝启动");
        }
        String decrypted;
        try {
            decrypted = cipher.decrypt(s.sm4());
        } catch (IllegalStateException e) {
            decrypted = null;
        }
        if (!SAMPLE.equals(decrypted)) {
            throw new IllegalStateException("SM4 密钥（ZUGONG_SM4_KEY 或密钥文件中的 sm4）与数据库写入时使用的不一致，拒绝启动");
        }
    }

    private record Samples(byte[] sm4, byte[] index, byte[] audit) {
    }
}
