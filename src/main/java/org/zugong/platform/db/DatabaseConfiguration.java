package org.zugong.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one DataSource: an external PostgreSQL when {@code ZUGONG_DB_URL} is set, otherwise a
 * PostgreSQL started by the application with its data kept under {@code ZUGONG_DATA_DIR/pg}.
 * It connects as the application role, which owns nothing and cannot change or remove audit rows
 * (V24); only the migrations run as the owner, through a connection Flyway opens for itself and that
 * no bean exposes.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseMode databaseMode(@Value("${zugong.db.url:}") String url) {
        return StringUtils.hasText(url) ? DatabaseMode.EXTERNAL : DatabaseMode.EMBEDDED;
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseMode mode, @Value("${zugong.data-dir}") String dataDir,
                                      @Value("${zugong.db.app-role:zugong_app}") String appRole) throws IOException, SQLException {
        if (mode == DatabaseMode.EXTERNAL) {
            return EmbeddedDatabase.none();
        }
        Path pgDir = Path.of(dataDir).toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(pgDir);
        OrphanedPostgres.stopIfRunning(pgDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky turns durability off for tests; this folder keeps real data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                // Local SSD: random reads cost little more than sequential ones; with the default 4
                // the planner prefers sequential scans of millions of rows to index lookups.
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("effective_cache_size", "4GB")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), pgDir);
        try {
            return EmbeddedDatabase.withApplicationRole(pg, appRole);
        } catch (SQLException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /**
     * Migrations run as the owner: the embedded superuser, or {@code ZUGONG_DB_OWNER_USER} when set
     * (otherwise the application's own credentials, as before issue 7). {@code app_role} names the
     * role V24 grants to: the role the DataSource below connects as.
     */
    @Bean
    FlywayConfigurationCustomizer ownerMigrations(EmbeddedDatabase embedded,
                                                  @Value("${zugong.db.url:}") String url,
                                                  @Value("${zugong.db.user:}") String user,
                                                  @Value("${zugong.db.password:}") String password,
                                                  @Value("${zugong.db.owner-user:}") String ownerUser,
                                                  @Value("${zugong.db.owner-password:}") String ownerPassword) {
        return configuration -> {
            if (embedded.isRunning()) {
                configuration.dataSource(embedded.jdbcUrl(), embedded.ownerUser(), null);
                configuration.placeholders(Map.of("app_role", embedded.appRole()));
            } else if (StringUtils.hasText(ownerUser)) {
                configuration.dataSource(url, ownerUser, ownerPassword);
                configuration.placeholders(Map.of("app_role", user));
            } else {
                configuration.dataSource(url, user, password);
                configuration.placeholders(Map.of("app_role", user));
            }
        };
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase embedded,
                          @Value("${zugong.db.url:}") String url,
                          @Value("${zugong.db.user:}") String user,
                          @Value("${zugong.db.password:}") String password,
                          @Value("${zugong.db.pool-size:20}") int poolSize,
                          @Value("${zugong.db.parallel-workers-per-gather:0}") int parallelWorkers,
                          @Value("${zugong.db.overload-wait:20s}") Duration overloadWait) {
        HikariConfig config = new HikariConfig();
        if (embedded.isRunning()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(embedded.appRole());
            config.setPassword(embedded.appPassword());
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setPoolName("zugong");
        config.setMaximumPoolSize(poolSize);
        // Fail fast when the database is gone instead of queueing requests for 30 s; a pool that is merely busy is
        // waited out for longer by PatientPool.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Subtree filters are "path LIKE :prefix": a generic plan cannot turn a parameter into an
        // index range, so after five executions PostgreSQL would switch to a sequential scan.
        // No parallel workers for the application's statements: they serve many users at once on a few cores,
        // where starting workers and passing their tuples costs CPU other requests need (the province load mix:
        // 14.0 → 12.2 CPU-ms a request, bench/cpu-cost.py; docs/benchmarks.md). Installations with cores to
        // spare may raise it.
        config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan; SET max_parallel_workers_per_gather = "
                + parallelWorkers);
        config.addDataSourceProperty("ApplicationName", "zugong");
        return new PatientPool(new HikariDataSource(config), overloadWait);
    }
}
