package org.zugong.cadre;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * An uploaded LRMX batch kept between its preview and the user's confirmation, for its uploader only.
 * Confirming consumes it in one conditional update, so a double submit finds it already used; a successful
 * import deletes it, and batches never confirmed are deleted after {@value #LIFETIME} ({@link #deleteExpired}).
 */
@Repository
class LrmxImportBatches {

    /** Batches older than this are not confirmed any more (the preview may be stale). */
    static final String LIFETIME = "2 hours";

    record Batch(UUID id, String fileName, byte[] content, Long orgId) {
    }

    private final JdbcClient jdbc;

    LrmxImportBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    UUID store(long userId, String fileName, byte[] content, Long orgId) {
        deleteExpired();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO cadre_import_batch (id, user_id, file_name, content, org_id) VALUES (:id, :u, :f, :c, :o)")
                .param("id", id).param("u", userId).param("f", fileName).param("c", content).param("o", orgId).update();
        return id;
    }

    /** The user's unconsumed, unexpired batch. */
    @Transactional(readOnly = true)
    Optional<Batch> find(long userId, UUID id) {
        return jdbc.sql("""
                SELECT id, file_name, content, org_id FROM cadre_import_batch
                WHERE id = :id AND user_id = :u AND consumed_at IS NULL AND created_at >= now() - CAST(:life AS interval)""")
                .param("id", id).param("u", userId).param("life", LIFETIME)
                .query((rs, n) -> new Batch(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), (Long) rs.getObject(4)))
                .optional();
    }

    /** Marks the batch used; false when it already was (a second submit). */
    @Transactional
    boolean consume(long userId, UUID id) {
        return jdbc.sql("UPDATE cadre_import_batch SET consumed_at = now() WHERE id = :id AND user_id = :u AND consumed_at IS NULL")
                .param("id", id).param("u", userId).update() == 1;
    }

    /** Removes a batch once it has been imported: the uploaded files (personal data) are not kept. */
    @Transactional
    void delete(long userId, UUID id) {
        jdbc.sql("DELETE FROM cadre_import_batch WHERE id = :id AND user_id = :u").param("id", id).param("u", userId).update();
    }

    /**
     * Deletes batches that were never confirmed within their lifetime (abandoned previews). Every node may run
     * it; the delete is idempotent, so no lock is needed. Returns how many were removed.
     */
    @Transactional
    int deleteExpired() {
        return jdbc.sql("DELETE FROM cadre_import_batch WHERE created_at < now() - CAST(:life AS interval)").param("life", LIFETIME).update();
    }

    /** Runs {@link #deleteExpired} every 15 minutes (one statement; no lock needed across nodes). */
    @Scheduled(fixedDelayString = "${zugong.cadre.import-batch-cleanup-ms:900000}", initialDelay = 60_000)
    void cleanUp() {
        deleteExpired();
    }

    /** Gives a batch back after a failed import, so the user can correct the target unit and retry. */
    @Transactional
    void release(long userId, UUID id) {
        jdbc.sql("UPDATE cadre_import_batch SET consumed_at = NULL WHERE id = :id AND user_id = :u")
                .param("id", id).param("u", userId).update();
    }
}
