package org.zugong.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's connection pool, which tells a busy pool from a missing database.
 * <ul>
 * <li>Busy: when Hikari's short wait (its connection timeout, 3 s) ends only because every connection is in use —
 * the database answers, Hikari has no failure to connect to report — the request waits again, up to
 * {@code overloadWait} in all: under a burst it is served late instead of refused (issue 8: 200 users without
 * think time on 2 cores had 0.3–1.5 % of answers 503 with a 3-s wait).</li>
 * <li>Missing: when Hikari reports that it cannot connect, the request fails (503), and so does every other one at
 * once for the next connection timeout, without waiting: while PostgreSQL is down no request waits longer than
 * that timeout, however many arrive, and the HTTP threads never pile up behind it. The first request after the
 * window asks Hikari again, so traffic resumes within one timeout of the database's return.</li>
 * </ul>
 */
final class PatientPool extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource pool;
    private final long overloadWaitNanos;
    /** Until when (System.nanoTime) requests fail without asking the pool; 0: not since the last success. */
    private volatile long unreachableUntil;
    private volatile SQLException lastFailure;

    PatientPool(HikariDataSource pool, Duration overloadWait) {
        super(pool);
        this.pool = pool;
        this.overloadWaitNanos = overloadWait.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        long until = unreachableUntil;
        if (until != 0 && start - until < 0) {
            throw new SQLTransientConnectionException("数据库不可达，暂不等待连接（" + lastFailure.getMessage() + "）",
                    lastFailure.getSQLState(), lastFailure);
        }
        while (true) {
            try {
                Connection connection = pool.getConnection();
                unreachableUntil = 0;
                return connection;
            } catch (SQLTransientConnectionException e) {
                // Hikari names the last failure to open or validate a connection as the cause: the database is
                // unreachable, so waiting longer would only hang the request.
                if (e.getCause() != null) {
                    lastFailure = e;
                    unreachableUntil = System.nanoTime() + Duration.ofMillis(pool.getConnectionTimeout()).toNanos();
                    throw e;
                }
                if (pool.isClosed() || System.nanoTime() - start >= overloadWaitNanos) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
