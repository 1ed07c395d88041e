package org.zugong.platform.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 等保 backup and restore (docs/backup-restore.md): {@code pg_dump -Fc} of the application's database
 * restored by {@code pg_restore} into a new empty database holds the same rows — every table's row
 * count and checksum and every sequence's position ({@code ops/fingerprint.sql}) — as the source in the
 * snapshot the backup was taken from. Runs the PostgreSQL 17 client that {@code ops/postgresql-client.sh}
 * finds or, as root, installs.
 */
class BackupRestoreTests extends IntegrationTest {

    private static final Path FINGERPRINT = Path.of("ops", "fingerprint.sql");

    @Autowired
    EmbeddedDatabase database;

    private Path work;
    private String restored;

    @BeforeEach
    void workFolder() throws IOException {
        work = Files.createTempDirectory(Path.of("target"), "backup-");
        restored = "zugong_restore_test_" + ProcessHandle.current().pid();
    }

    @AfterEach
    void dropRestoredDatabase() throws Exception {
        try (Connection c = owner("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRestoredBackupHoldsEveryRowAndSequenceOfTheSnapshotItWasTakenFrom() throws Exception {
        Path bin = postgresqlClient();
        Path dump = work.resolve("zugong.dump");
        Map<String, String> source;
        // The fingerprint of the source is read in the very snapshot pg_dump reads, so that what the
        // application writes meanwhile (sessions, events, locks) does not count as a difference.
        try (Connection snapshotHolder = owner("postgres")) {
            snapshotHolder.setAutoCommit(false);
            snapshotHolder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement s = snapshotHolder.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            run(bin.resolve("pg_dump"), connection("postgres"), "-Fc", "--snapshot=" + snapshot, "-f", dump.toString());
            source = fingerprint(snapshotHolder);
            snapshotHolder.commit();
        }
        try (Connection c = owner("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + restored + " TEMPLATE template0");
        }
        run(bin.resolve("pg_restore"), connection(restored), "--exit-on-error", "--single-transaction", dump.toString());

        Map<String, String> copy;
        try (Connection c = owner(restored)) {
            copy = fingerprint(c);
        }
        assertThat(source).as("tables and sequences of the application").hasSizeGreaterThan(50)
                .containsKeys("table public.person_person", "table public.audit_event", "table public.flyway_schema_history");
        assertThat(Long.parseLong(source.get("table public.person_person").split("\\|")[0])).as("demo persons").isGreaterThan(1000);
        assertThat(copy).isEqualTo(source);
    }

    @Test
    void theFingerprintTellsARestoreThatLostOrChangedARow() throws Exception {
        try (Connection c = owner("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + restored + " TEMPLATE template0");
        }
        try (Connection c = owner(restored); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE roster (name text)");
            s.execute("CREATE SEQUENCE roster_number");
            s.execute("INSERT INTO roster (name) VALUES ('甲'), ('乙'), ('丙')");
            Map<String, String> before = fingerprint(c);

            s.execute("DELETE FROM roster WHERE name = '乙'");
            s.execute("INSERT INTO roster (name) VALUES ('乙')");
            assertThat(fingerprint(c)).as("the same rows stored in another order").isEqualTo(before);

            s.execute("UPDATE roster SET name = '丁' WHERE name = '乙'");
            Map<String, String> changed = fingerprint(c);
            assertThat(changed.get("table public.roster")).as("a changed row").isNotEqualTo(before.get("table public.roster"))
                    .startsWith("3|");

            s.execute("DELETE FROM roster WHERE name = '丁'");
            assertThat(fingerprint(c).get("table public.roster")).as("a lost row").startsWith("2|");

            s.execute("SELECT nextval('roster_number')");
            assertThat(fingerprint(c).get("sequence public.roster_number")).as("a sequence moved on")
                    .isNotEqualTo(before.get("sequence public.roster_number"));
        }
    }

    /** "kind schema.name" → "rows|checksum", from the same SQL the operator's script runs. */
    private static Map<String, String> fingerprint(Connection c) throws IOException, SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Files.readString(FINGERPRINT))) {
            while (rs.next()) {
                result.put(rs.getString("kind") + " " + rs.getString("schema_name") + "." + rs.getString("object_name"),
                        rs.getLong("row_count") + "|" + rs.getBigDecimal("checksum"));
            }
        }
        return result;
    }

    private Connection owner(String databaseName) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl().replaceFirst("/postgres$", "/" + databaseName), database.ownerUser(), "");
    }

    private List<String> connection(String databaseName) {
        String port = database.jdbcUrl().replaceFirst("^jdbc:postgresql://localhost:(\\d+)/.*$", "$1");
        return List.of("-h", "127.0.0.1", "-p", port, "-U", database.ownerUser(), "-d", databaseName);
    }

    /** The folder of a pg_dump/pg_restore of at least the server's major version. */
    private static Path postgresqlClient() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "ops/postgresql-client.sh", "17").redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.MINUTES);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (p.exitValue() != 0 && !root) {
            // Only root can install the client; CI runs as root, so there this test always runs.
            Assumptions.abort("没有 PostgreSQL 17 客户端（pg_dump）：以 root 运行一次 ops/postgresql-client.sh。" + err);
        }
        assertThat(p.exitValue()).as("ops/postgresql-client.sh: " + err).isZero();
        return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static void run(Path program, List<String> connection, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(connection);
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(program + " finished").isTrue();
        assertThat(p.exitValue()).as(program.getFileName() + ": " + output).isZero();
    }
}
