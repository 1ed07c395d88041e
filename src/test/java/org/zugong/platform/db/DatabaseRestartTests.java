package org.zugong.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zugong.platform.command.ApplicationCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 等保 reliability: PostgreSQL stops under steady API traffic and comes back on the same port and
 * data folder while the application keeps running. Requests fail fast with 503 and a Chinese reason
 * (no hang, no 500), health goes DOWN and UP again, nothing is half-written, and traffic recovers
 * without restarting the application.
 *
 * <p>Its own context and its own embedded PostgreSQL (the shared one of {@code IntegrationTest} is
 * never stopped), in a folder under {@code target/} removed at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "zugong.demo-data=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRestartTests {

    private static final String PASSWORD = "Zugong@2026";
    private static final String UNAVAILABLE = "数据库暂时不可用，请稍后重试";
    /** A request that does not answer within this is a hang: the test fails on it. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String NAME_PREFIX = "断库演练";
    private static final int THREADS = 4;
    private static final Path DATA_DIR;

    static {
        try {
            Path root = Path.of("target", "test-data");
            Files.createDirectories(root);
            DATA_DIR = Files.createTempDirectory(root, "db-restart-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void ownDataFolder(DynamicPropertyRegistry registry) {
        registry.add("zugong.data-dir", DATA_DIR::toString);
    }

    private static ConfigurableApplicationContext contextToClose;
    private static long restartedPostgres = -1;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ApplicationCommand> commands;

    @Autowired
    ConfigurableApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    enum Phase { BEFORE, STOPPING, DOWN, RESTARTING, AFTER }

    /** One request as the client saw it: the phase it started and ended in, and the answer (status -1: no answer). */
    record Outcome(String kind, String name, Phase started, Phase ended, int status, String contentType, String body) {
        boolean within(Phase phase) {
            return started == phase && ended == phase;
        }

        @Override
        public String toString() {
            return kind + " " + (name == null ? "" : name + " ") + started + "→" + ended + " " + status + " " + contentType + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    @BeforeEach
    void closeAtTheEnd() {
        contextToClose = context;
    }

    @Test
    @Order(1)
    void poolFailsFastAndRecoversOnItsOwn() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        // A request waits at most this long for a connection when the database is gone (not Hikari's 30 s).
        assertThat(pool.getConnectionTimeout()).isPositive().isLessThanOrEqualTo(5_000);
        assertThat(pool.getValidationTimeout()).isLessThan(pool.getConnectionTimeout());
        // A suspendable pool could be left holding every request; Hikari otherwise drops broken connections
        // and opens new ones by itself, so nothing but the database coming back is needed.
        assertThat(pool.isAllowPoolSuspension()).isFalse();
        assertThat(pool.isReadOnly()).isFalse();
        // Positive: without a database at start the application stops, instead of starting with a pool that
        // never got a connection (0 or less lets it start regardless).
        assertThat(pool.getInitializationFailTimeout()).isPositive();
        assertThat(pool.getMaxLifetime()).isPositive();
    }

    @Test
    @Order(2)
    // Closes the context (and with it its embedded PostgreSQL) right after: no other test may use it.
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void databaseRestartUnderLoadFailsFastWritesNothingHalfAndRecoversWithoutApplicationRestart() throws Exception {
        String token = token();
        long parentId = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id LIMIT 1").query(Long.class).single();
        HttpClient pageClient = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        pageLogin(pageClient);
        long auditBefore = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ORG_CREATE'").query(Long.class).single();
        assertThat(health().statusCode()).isEqualTo(200);

        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().name("traffic-" + t).daemon().start(() -> {
                for (int n = 0; running.get(); n++) {
                    String name = NAME_PREFIX + "-" + thread + "-" + n;
                    HttpRequest request = switch (n % 3) {
                        case 0 -> api(token, "/api/v1/persons?size=5").GET().build();
                        case 1 -> api(token, "/api/v1/organizations?parentId=" + parentId).GET().build();
                        default -> api(token, "/api/v1/organizations").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"parentId\":" + parentId + ",\"name\":\"" + name
                                        + "\",\"kind\":\"PARTY_BRANCH\",\"termStart\":\"2025-03-01\"}")).build();
                    };
                    outcomes.add(send(http, request, n % 3 == 2 ? "write" : "read", n % 3 == 2 ? name : null, phase));
                }
            }));
        }

        HttpResponse<String> healthDown;
        HttpResponse<String> pageDown;
        HttpResponse<String> healthUp;
        try {
            awaitCount(outcomes, Phase.BEFORE, 6 * THREADS);
            Path pgDir = DATA_DIR.resolve("pg");
            Path pgCtl = pgCtl(pgDir);
            phase.set(Phase.STOPPING);
            pgCtl(pgCtl, pgDir, "stop", "-m", "fast");
            phase.set(Phase.DOWN);

            // While down: keep the traffic going until there are requests wholly inside the outage.
            awaitCount(outcomes, Phase.DOWN, 2 * THREADS);
            healthDown = health();
            pageDown = send(pageClient, HttpRequest.newBuilder(uri("/persons")).timeout(CLIENT_TIMEOUT).GET().build());

            phase.set(Phase.RESTARTING);
            pgCtl(pgCtl, pgDir, "restart");
            restartedPostgres = postmasterPid(pgDir);
            int polls = 0;
            healthUp = health();
            while (healthUp.statusCode() != 200 && polls++ < 60) {
                Thread.sleep(1_000);
                healthUp = health();
            }
            phase.set(Phase.AFTER);
            awaitCount(outcomes, Phase.AFTER, 6 * THREADS);
        } finally {
            running.set(false);
            for (Thread w : workers) {
                w.join(CLIENT_TIMEOUT.toMillis() * 2);
            }
        }

        List<Outcome> all = List.copyOf(outcomes);
        // No hang (every request answered in time) and never a 500: each answer is a success or "try again later".
        assertThat(all).allSatisfy(o -> assertThat(o.status()).as("%s", o).isIn(200, 201, 503));
        assertThat(all).filteredOn(o -> o.within(Phase.BEFORE)).allSatisfy(o -> assertThat(o.status()).as("%s", o).isIn(200, 201));
        List<Outcome> down = all.stream().filter(o -> o.within(Phase.DOWN)).toList();
        assertThat(down).hasSizeGreaterThanOrEqualTo(2 * THREADS).allSatisfy(o -> {
            assertThat(o.status()).as("%s", o).isEqualTo(503);
            assertThat(o.contentType()).as("%s", o).startsWith("application/problem+json");
            assertThat(o.body()).as("%s", o).contains("\"detail\":\"" + UNAVAILABLE + "\"").contains("\"status\":503");
        });
        assertThat(all).filteredOn(o -> o.within(Phase.AFTER)).isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as("%s", o).isIn(200, 201));
        assertThat(all).filteredOn(o -> o.within(Phase.AFTER) && o.kind().equals("write")).isNotEmpty();

        assertThat(healthDown.statusCode()).isEqualTo(503);
        assertThat(healthDown.body()).contains("DOWN");
        assertThat(pageDown.statusCode()).isEqualTo(503);
        assertThat(pageDown.body()).contains(UNAVAILABLE);
        assertThat(healthUp.statusCode()).as("health UP again after the restart").isEqualTo(200);
        assertThat(healthUp.body()).contains("UP");

        // Nothing half-written: an organization is stored exactly with its audit row (one transaction), every
        // success is stored, every refused write that began once the server was down is absent. A write whose
        // COMMIT was on the wire when the server stopped may be stored although the driver reported the lost
        // connection (PostgreSQL commits, then ends the session): its outcome is unknown to any client.
        List<Outcome> writes = all.stream().filter(o -> o.kind().equals("write")).toList();
        long stored = 0;
        for (Outcome w : writes) {
            List<Long> ids = jdbc.sql("SELECT id FROM org_organization WHERE name = :n").param("n", w.name()).query(Long.class).list();
            boolean inFlightAtStop = w.status() == 503 && (w.started() == Phase.BEFORE || w.started() == Phase.STOPPING);
            if (w.status() == 201) {
                assertThat(ids).as("%s", w).hasSize(1);
            } else if (!inFlightAtStop) {
                assertThat(ids).as("%s", w).isEmpty();
            }
            assertThat(ids).as("%s", w).hasSizeLessThanOrEqualTo(1);
            for (long id : ids) {
                assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ORG_CREATE' AND target_id = :id")
                        .param("id", Long.toString(id)).query(Long.class).single()).as("audit of %s", w).isEqualTo(1);
                stored++;
            }
        }
        assertThat(writes).anyMatch(w -> w.status() == 503 && w.started() == Phase.DOWN);
        assertThat(jdbc.sql("SELECT count(*) FROM org_organization WHERE name LIKE :p").param("p", NAME_PREFIX + "-%")
                .query(Long.class).single()).isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ORG_CREATE'").query(Long.class).single())
                .isEqualTo(auditBefore + stored);
        ApplicationCommand verify = commands.stream().filter(c -> c.name().equals("verify-audit-chain")).findFirst().orElseThrow();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(verify.run(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .as(printed.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** After the context is closed: no PostgreSQL of it is left running, and its folder is removed. */
    @AfterAll
    static void noServerLeftAndFolderRemoved() throws Exception {
        if (contextToClose == null || contextToClose.isActive()) {
            return;
        }
        if (restartedPostgres > 0) {
            Optional<ProcessHandle> left = ProcessHandle.of(restartedPostgres);
            if (left.isPresent()) {
                left.get().onExit().get(60, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(restartedPostgres).map(ProcessHandle::isAlive)).as("restarted postgres stopped").isNotEqualTo(Optional.of(true));
        }
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private HttpRequest.Builder api(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(CLIENT_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Outcome send(HttpClient client, HttpRequest request, String kind, String name, AtomicReference<Phase> phase) {
        Phase started = phase.get();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(kind, name, started, phase.get(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            // HttpTimeoutException included: no answer within the client timeout is a hang.
            return new Outcome(kind, name, started, phase.get(), -1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(kind, name, started, phase.get(), -1, "", e.toString());
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(uri("/actuator/health")).timeout(CLIENT_TIMEOUT).GET().build());
    }

    /** Waits (bounded: a stuck traffic loop fails here) until this many requests began and ended in the phase. */
    private static void awaitCount(ConcurrentLinkedQueue<Outcome> outcomes, Phase phase, int count) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (outcomes.stream().filter(o -> o.within(phase)).count() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " requests answered in phase " + phase + ": " + outcomes);
    }

    private String token() throws IOException, InterruptedException {
        HttpResponse<String> r = send(http, HttpRequest.newBuilder(uri("/api/v1/auth/token")).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"city\",\"password\":\"" + PASSWORD + "\"}")).build());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** The real form login (CSRF token from the login page) of the demo user city. */
    private void pageLogin(HttpClient client) throws IOException, InterruptedException {
        String page = send(client, HttpRequest.newBuilder(uri("/login")).timeout(CLIENT_TIMEOUT).GET().build()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page);
        assertThat(csrf.find()).as("csrf field on the login page").isTrue();
        String value = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=city&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(uri("/login")).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/");
        assertThat(send(client, HttpRequest.newBuilder(uri("/persons")).timeout(CLIENT_TIMEOUT).GET().build()).statusCode()).isEqualTo(200);
    }

    private static long postmasterPid(Path pgDir) throws IOException {
        return Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).getFirst().trim());
    }

    /** pg_ctl next to the running server's own binary: the zonky binaries this application started. */
    private static Path pgCtl(Path pgDir) throws IOException {
        String postgres = ProcessHandle.of(postmasterPid(pgDir)).flatMap(p -> p.info().command()).orElseThrow();
        return Path.of(postgres).resolveSibling("pg_ctl");
    }

    /**
     * Runs pg_ctl on the data folder and waits for it. {@code restart} of a stopped server starts it
     * with the options of its last start (postmaster.opts): the same port and settings.
     */
    private static void pgCtl(Path pgCtl, Path pgDir, String command, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky starts and stops it in a user namespace, so do we.
            args.addAll(List.of("unshare", "-U"));
        }
        args.addAll(List.of(pgCtl.toString(), "-D", pgDir.toString(), "-w", "-t", "60",
                "-l", pgDir.resolveSibling("postgres-restart.log").toString(), command));
        args.addAll(List.of(options));
        Process p = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(pgDir.resolveSibling("pg_ctl.out").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("pg_ctl " + command + " finished").isTrue();
        assertThat(p.exitValue()).as("pg_ctl " + command + ": " + Files.readString(pgDir.resolveSibling("pg_ctl.out"))).isZero();
    }
}
