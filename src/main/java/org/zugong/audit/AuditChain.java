package org.zugong.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zugong.platform.crypto.ChainSigner;

/**
 * Appends rows to the HMAC-SM3 chain and verifies it. Appends are serialized with a transaction-level
 * advisory lock so that each row links to the row committed before it.
 */
@Component
class AuditChain {

    static final byte[] GENESIS = new byte[32];
    /** "zugong"; V24's audit_purge takes the same lock. */
    private static final long LOCK_KEY = 0x7A75676F6E67L;
    private static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;
    private final ChainSigner signer;

    AuditChain(JdbcClient jdbc, ChainSigner signer) {
        this.jdbc = jdbc;
        this.signer = signer;
    }

    /**
     * Whether this thread's current transaction already holds the chain lock. A second transaction
     * opened on the same thread (REQUIRES_NEW) would wait for that lock forever, so it must not append.
     */
    private static final ThreadLocal<Boolean> LOCK_HELD = ThreadLocal.withInitial(() -> false);

    static boolean lockHeldByThisThread() {
        return LOCK_HELD.get();
    }

    void append(String username, String ip, String action, String targetType, Object targetId, String detail, AuditOutcome outcome) {
        // The lock (10 s at most), the previous row's hash and the next id in one round trip (V33): the lock is
        // held from here to the end of the transaction, so as few round trips as possible follow it.
        ChainHead head = jdbc.sql("SELECT prev_hash, next_id FROM audit_chain_head()")
                .query((rs, n) -> new ChainHead(rs.getBytes(1), rs.getLong(2))).single();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !LOCK_HELD.get()) {
            LOCK_HELD.set(true);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    LOCK_HELD.set(false);
                }
            });
        }
        byte[] prev = head.prevHash() == null ? GENESIS : head.prevHash();
        long id = head.nextId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String target = targetId == null ? null : String.valueOf(targetId);
        String safeDetail = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        String safeUser = username == null ? "-" : username.length() > 64 ? username.substring(0, 64) : username;
        AuditRow row = new AuditRow(id, at, safeUser, ip == null ? "-" : ip, action, targetType, target, safeDetail, outcome.name());
        byte[] hash = signer.sign(row.canonical(prev));
        jdbc.sql("""
                INSERT INTO audit_event (id, occurred_at, username, client_ip, action, target_type, target_id, detail, outcome, prev_hash, hash)
                OVERRIDING SYSTEM VALUE
                VALUES (:id, :at, :user, :ip, :action, :targetType, :targetId, :detail, :outcome, :prev, :hash)
                """)
                .param("id", id).param("at", Timestamp.from(at)).param("user", row.username()).param("ip", row.clientIp())
                .param("action", action).param("targetType", targetType).param("targetId", target)
                .param("detail", safeDetail).param("outcome", outcome.name()).param("prev", prev).param("hash", hash)
                .update();
    }

    private record ChainHead(byte[] prevHash, long nextId) {
    }

    /**
     * Walks the chain in id order and returns the first row that does not verify, if any. It starts
     * from the genesis value, or after a retention purge from the anchor (the hash of the last purged
     * row), which must be the one the newest purge record names.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    ChainVerification verify() {
        Optional<Anchor> anchor = jdbc.sql("SELECT last_id, last_hash FROM audit_anchor WHERE id = 1")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getBytes(2))).optional();
        if (anchor.isPresent()) {
            Optional<String> purgeRecord = jdbc.sql("SELECT target_id FROM audit_event WHERE action = :a ORDER BY id DESC LIMIT 1")
                    .param("a", AuditRetention.PURGE_ACTION).query(String.class).optional();
            if (!purgeRecord.equals(Optional.of(Long.toString(anchor.get().lastId())))) {
                return new ChainVerification(0, Optional.of(anchor.get().lastId()),
                        Optional.of("清理锚点（第 " + anchor.get().lastId() + " 号之前的记录已清理）没有对应的清理审计记录"));
            }
        }
        AtomicReference<byte[]> expectedPrev = new AtomicReference<>(anchor.map(Anchor::lastHash).orElse(GENESIS));
        AtomicReference<Long> broken = new AtomicReference<>();
        AtomicReference<String> reason = new AtomicReference<>();
        long[] count = {0};
        // Streams the log in batches (the driver honours the fetch size only inside a transaction).
        jdbc.sql("""
                SELECT id, occurred_at, username, client_ip, action, target_type, target_id, detail, outcome, prev_hash, hash
                FROM audit_event ORDER BY id
                """).withFetchSize(2000).query((RowCallbackHandler) rs -> {
            if (broken.get() != null) {
                return;
            }
            count[0]++;
            AuditRow row = new AuditRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                    rs.getString("client_ip"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                    rs.getString("detail"), rs.getString("outcome"));
            byte[] prev = rs.getBytes("prev_hash");
            byte[] hash = rs.getBytes("hash");
            if (!Arrays.equals(prev, expectedPrev.get())) {
                broken.set(row.id());
                reason.set("与前一条记录的链接不符（前一条被删除或修改）");
                return;
            }
            if (!Arrays.equals(hash, signer.sign(row.canonical(prev)))) {
                broken.set(row.id());
                reason.set("记录内容与其校验值不符（记录被修改）");
                return;
            }
            expectedPrev.set(hash);
        });
        return new ChainVerification(count[0], Optional.ofNullable(broken.get()), Optional.ofNullable(reason.get()));
    }

    private record Anchor(long lastId, byte[] lastHash) {
    }

    /** Result of walking the chain. */
    record ChainVerification(long checked, Optional<Long> firstBrokenId, Optional<String> reason) {
        boolean intact() {
            return firstBrokenId.isEmpty();
        }
    }

    record AuditRow(long id, Instant occurredAt, String username, String clientIp, String action, String targetType,
                    String targetId, String detail, String outcome) {

        /** prev ‖ each field length-prefixed, so no two different rows give the same bytes. */
        byte[] canonical(byte[] prev) {
            String[] fields = {Long.toString(id), occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), username, clientIp,
                    action, targetType, targetId, detail, outcome};
            int size = prev.length;
            byte[][] encoded = new byte[fields.length][];
            for (int i = 0; i < fields.length; i++) {
                encoded[i] = fields[i] == null ? null : fields[i].getBytes(StandardCharsets.UTF_8);
                size += 4 + (encoded[i] == null ? 0 : encoded[i].length);
            }
            ByteBuffer buf = ByteBuffer.allocate(size);
            buf.put(prev);
            for (byte[] e : encoded) {
                buf.putInt(e == null ? -1 : e.length);
                if (e != null) {
                    buf.put(e);
                }
            }
            return buf.array();
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
