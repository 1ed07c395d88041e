package org.zugong.cadre;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.scheduling.annotation.Scheduled;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The uploaded LRMX files kept between preview and confirmation (personal data, in {@code cadre_import_batch})
 * do not outlive their purpose: a refused upload keeps nothing, a confirmed import deletes its batch
 * ({@code CadrePagesTests.importIsPreviewedThenConfirmedOnceAndADoubleSubmitIsRefused}), and an abandoned batch is deleted by the scheduled clean-up once it has expired.
 */
class LrmxImportBatchTests extends IntegrationTest {

    @Autowired
    private LrmxImportBatches batches;

    private long batchCount() {
        return jdbc.sql("SELECT count(*) FROM cadre_import_batch").query(Long.class).single();
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM cadre_import_batch WHERE id = :id").param("id", id).query(Long.class).single() == 1;
    }

    @Test
    void aRefusedUploadKeepsNoBatch() throws Exception {
        long before = batchCount();

        mvc.perform(multipart("/cadres/import").file(new MockMultipartFile("file", "xxe.lrmx", "application/octet-stream",
                        LrmxFixtures.bytes("xxe.lrmx"))).session(session("county1")).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(multipart("/cadres/import").file(new MockMultipartFile("file", "a.lrmx", "application/octet-stream",
                        "not xml".getBytes(StandardCharsets.UTF_8))).session(session("county1")).with(csrf()))
                .andExpect(status().isOk());

        assertThat(batchCount()).isEqualTo(before);
    }

    @Test
    void anAbandonedBatchIsDeletedByTheScheduledCleanUpOnceExpiredAndAFreshOneIsKept() throws Exception {
        UUID old = batches.store(2, "old.lrmx", "<Person/>".getBytes(StandardCharsets.UTF_8), null);
        UUID fresh = batches.store(2, "fresh.lrmx", "<Person/>".getBytes(StandardCharsets.UTF_8), null);
        jdbc.sql("UPDATE cadre_import_batch SET created_at = now() - interval '2 hours 1 minute' WHERE id = :id").param("id", old).update();

        batches.deleteExpired();

        assertThat(exists(old)).isFalse();
        assertThat(exists(fresh)).isTrue();
        Method cleanUp = LrmxImportBatches.class.getDeclaredMethod("cleanUp");
        assertThat(cleanUp.getAnnotation(Scheduled.class)).isNotNull();
        batches.delete(2, fresh);
    }
}
