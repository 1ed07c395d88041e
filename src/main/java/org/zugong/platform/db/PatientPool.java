package org.zugong.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's connection pool, which tells a busy pool from a missing database. Hikari's own wait is short
 * (its connection timeout, 3 s), so that while PostgreSQL is down every request fails fast with 503. When that wait
 * ends only because every connection is busy — the database answers, Hikari has no connection failure to report —
 * the request waits again, up to {@code overloadWait} in all: under a burst it is served late instead of refused
 * (issue 8: 200 users without think time on 2 cores had 0.3–1.5 % of answers 503 with a 3-s wait).
 */
final class PatientPool extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource pool;
    private final long overloadWaitNanos;

    PatientPool(HikariDataSource pool, Duration overloadWait) {
        super(pool);
        this.pool = pool;
        this.overloadWaitNanos = overloadWait.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException e) {
                // Hikari names the last failure to open or validate a connection as the cause: the database is
                // unreachable, so waiting longer would only hang the request.
                if (e.getCause() != null || pool.isClosed() || System.nanoTime() - start >= overloadWaitNanos) {
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
