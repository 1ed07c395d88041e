package org.zugong.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A request that finds every connection busy waits for one beyond Hikari's short timeout; a request while the
 * database cannot be reached still fails after that short timeout (the 503 of DatabaseRestartTests), not after the
 * long overload wait, and the requests after it fail at once until the timeout has passed again. Real pools on the
 * tests' PostgreSQL, and one on a port where nothing listens.
 */
class PatientPoolTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource application;

    @Test
    void aRequestFindingEveryConnectionBusyWaitsPastHikarisTimeoutForOneToBeFreed() throws Exception {
        HikariDataSource shared = application.unwrap(HikariDataSource.class);
        try (PatientPool pool = new PatientPool(pool(shared.getJdbcUrl(), shared.getUsername(), shared.getPassword()), Duration.ofSeconds(60))) {
            CountDownLatch held = new CountDownLatch(1);
            // The pool's one connection, held for three of Hikari's timeouts.
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
                try (Connection c = pool.getConnection()) {
                    held.countDown();
                    TimeUnit.MILLISECONDS.sleep(1_500);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();

            try (Connection c = pool.getConnection()) {
                assertThat(c.isValid(2)).isTrue();
            }
            holder.get(20, TimeUnit.SECONDS);

            // Without the patience the same wait is refused by Hikari (cause: none, the database answers).
            try (Connection c = pool.getConnection()) {
                CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(() -> {
                    try (Connection other = pool.unwrap(HikariDataSource.class).getConnection()) {
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                });
                assertThat(refused.get(20, TimeUnit.SECONDS)).isInstanceOf(SQLTransientConnectionException.class).hasNoCause();
            }
        }
    }

    @Test
    void aRequestWhileTheDatabaseCannotBeReachedFailsAfterHikarisTimeoutNotTheOverloadWait() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (PatientPool pool = new PatientPool(pool("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", "nobody", "none"),
                Duration.ofMinutes(10))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                Throwable first = catchThrowable(pool::getConnection);
                assertThat(first).isInstanceOf(SQLTransientConnectionException.class).hasCauseInstanceOf(java.sql.SQLException.class);

                // Within the next connection timeout every request fails at once, naming the failure; none asks Hikari.
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageContaining("暂不等待").cause().isSameAs(first);

                // After it, the pool is asked again (here it still cannot connect).
                TimeUnit.MILLISECONDS.sleep(800);
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageNotContaining("暂不等待").hasCauseInstanceOf(java.sql.SQLException.class);
            });
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(500);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
