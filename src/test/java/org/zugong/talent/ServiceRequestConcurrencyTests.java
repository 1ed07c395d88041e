package org.zugong.talent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Parallel submissions of the same request by one talent: exactly one is filed, the others are refused as duplicates. */
class ServiceRequestConcurrencyTests extends IntegrationTest {

    @Test
    void parallelIdenticalSubmissionsOfOneTalentFileExactlyOneRequest() throws Exception {
        String bearer = bearer("talent1");
        String title = "并发重复提交测试";
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"typeCode\":\"OTHER\",\"title\":\"" + title + "\",\"content\":\"请协助。\"}"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 422);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM talent_service_request WHERE title = :t").param("t", title).query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
            jdbc.sql("DELETE FROM talent_service_event WHERE request_id IN (SELECT id FROM talent_service_request WHERE title = :t)")
                    .param("t", title).update();
            jdbc.sql("DELETE FROM talent_service_request WHERE title = :t").param("t", title).update();
        }
    }
}
