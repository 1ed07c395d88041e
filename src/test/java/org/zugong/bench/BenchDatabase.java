package org.zugong.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL of a data set folder ({@code <dir>/pg}), started the way the application
 * starts it ({@link Mode#APP}: the settings of {@code DatabaseConfiguration}, kept in step by hand), or tuned for a bulk
 * load ({@link Mode#LOAD}: no fsync, minimal WAL, big maintenance memory; a CHECKPOINT before stopping).
 */
final class BenchDatabase implements AutoCloseable {

    enum Mode { APP, LOAD }

    static {
        // zonky logs every line PostgreSQL prints at INFO; keep the benchmark output readable.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchDatabase start(Path pgDir, Mode mode) throws IOException {
        Files.createDirectories(pgDir);
        stopOrphan(pgDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(180))
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
        if (mode == Mode.APP) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("random_page_cost", "1.1")
                    .setServerConfig("effective_cache_size", "4GB");
        } else {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("max_wal_size", "16GB")
                    .setServerConfig("checkpoint_timeout", "1h")
                    .setServerConfig("autovacuum", "off")
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "2GB")
                    .setServerConfig("max_parallel_maintenance_workers", "1");
        }
        return new BenchDatabase(builder.start());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        return ds;
    }

    /** Forces every file of a stopped cluster to disk (the load ran with fsync off). */
    static void syncFiles(Path pgDir) throws IOException {
        try (Stream<Path> files = Files.walk(pgDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
        }
    }

    /**
     * A connection set up as the application's pool sets up its connections
     * ({@code DatabaseConfiguration}: {@code SET plan_cache_mode = force_custom_plan}).
     */
    Connection connectLikeTheApplication() throws SQLException {
        return likeTheApplication(connect());
    }

    static Connection likeTheApplication(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_custom_plan");
        }
        return c;
    }

    /** Writes every dirty buffer now, so that the fast shutdown that follows has nothing left to do. */
    void checkpoint() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** A postgres left running by a killed JVM holds postmaster.pid; stop it (only if it is a postgres). */
    private static void stopOrphan(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(first))
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            process = Optional.empty();
        }
        if (process.isPresent()) {
            System.out.println("Stopping orphaned postgres " + process.get().pid() + " of " + pgDir);
            process.get().destroy();
            try {
                process.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
