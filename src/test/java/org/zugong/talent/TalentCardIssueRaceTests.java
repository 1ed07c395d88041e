package org.zugong.talent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two 发卡 for one talent at the same time (staff twice, or staff and the recognition listener): the second passes the
 * "no active card yet" check, then meets the other's card in the unique index. It is refused with the Chinese reason,
 * not a 500 of an aborted transaction, and the talent keeps one active card.
 */
class TalentCardIssueRaceTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private Long talent;

    @AfterEach
    void cleanUp() {
        if (talent != null) {
            jdbc.sql("DELETE FROM talent_card WHERE talent_id = :t").param("t", talent).update();
            jdbc.sql("DELETE FROM talent WHERE id = :t").param("t", talent).update();
        }
    }

    private long newTalent() {
        return jdbc.sql("""
                INSERT INTO talent (person_id, org_id, tier_code, category, introduction_mode, introduced_on, status, recognized_on, valid_until,
                                    created_by, updated_by)
                SELECT p.id, p.org_id, 'C', '科技', '全职', current_date - 400, 'RECOGNIZED', current_date - 300, current_date + 730,
                       'card-race', 'card-race'
                FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND o.kind NOT LIKE 'PARTY%'
                  AND NOT EXISTS (SELECT 1 FROM talent t WHERE t.person_id = p.id)
                ORDER BY p.id DESC LIMIT 1 RETURNING id""").param("c", county(1)).query(Long.class).single();
    }

    @Test
    void aSecondConcurrentIssueForTheSameTalentIsRefusedWithItsReasonAndLeavesOneActiveCard() throws Exception {
        talent = newTalent();
        long t = talent;
        MockHttpSession office = session("talentoffice");
        // threads of their own: the common pool may have a single thread, which the held transaction would occupy
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the other 发卡: its card inserted, not yet committed (a connection of its own, held open)
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO talent_card (talent_id, number, tier_code, issued_on, valid_until, created_by, updated_by)
                        VALUES (?, ?, 'C', current_date, current_date + 730, 'card-race', 'card-race')""")) {
                    insert.setLong(1, t);
                    insert.setString(2, TalentCardNumber.generate(java.time.LocalDate.now()));
                    insert.executeUpdate();
                }
                inserted.countDown();
                release.await(30, TimeUnit.SECONDS);
                c.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MvcResult> issue = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(post("/talents/{id}/card", t).param("reason", "并发发卡").session(office).with(csrf())).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        // the staff 发卡 waits on the unique index for the other transaction
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO talent_card %'""")
                .query(Long.class).single() == 0) {
            Thread.sleep(20);
        }
        boolean waited = System.nanoTime() < deadline;
        release.countDown();
        other.get(30, TimeUnit.SECONDS);
        MvcResult result = issue.get(30, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(waited).as("the staff 发卡 waited for the other's card").isTrue();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("error")).asString().contains("已有有效的英才卡");
        assertThat(result.getFlashMap().get("message")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM talent_card WHERE talent_id = :t AND status = 'ACTIVE'").param("t", t).query(Long.class)
                .single()).isEqualTo(1);
    }
}
