package org.zugong.access;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.IntegrationTest;
import org.zugong.ZugongApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL (issue 8): node A is the shared test context on its embedded
 * database; node B is a second application started here, on another port, connected to that database
 * as an external one (the application role for its pool, the owner for Flyway, node A's key file).
 * Everything goes through real HTTP with the session cookie carried by hand, as a browser or a load
 * balancer switching nodes would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Environment environment;
    @Autowired
    DataSource dataSource;
    @Autowired
    AccessRepository repository;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApplicationContext nodeA;

    private ConfigurableApplicationContext nodeB;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void startNodeB() throws IOException, java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("zugong.test-data-dir")), "node-b-");
        // Arguments, not default properties: application.yml's ${ZUGONG_DB_URL:} would win over those.
        nodeB = new SpringApplicationBuilder(ZugongApplication.class).run(
                "--server.port=0",
                "--zugong.data-dir=" + dataDir,
                "--zugong.db.url=" + pool.getJdbcUrl(),
                "--zugong.db.user=" + pool.getUsername(),
                "--zugong.db.password=" + pool.getPassword(),
                // The embedded cluster's superuser owns the schema (local connections need no password).
                "--zugong.db.owner-user=postgres",
                "--zugong.db.pool-size=5",
                "--zugong.crypto.key-file=" + Path.of(System.getProperty("zugong.test-data-dir"), "keys", "zugong.keys"),
                "--zugong.demo-data=false");
        assertThat(nodeB.getBean(DataSource.class).unwrap(HikariDataSource.class).getJdbcUrl()).as("node B on node A's database")
                .isEqualTo(pool.getJdbcUrl());
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aSessionStartedOnOneNodeWorksOnTheOther() throws Exception {
        newUser("roaming");
        Browser browser = new Browser();
        browser.login(a(), "roaming");
        assertThat(browser.get(a(), "/persons").statusCode()).isEqualTo(200);
        assertThat(browser.get(b(), "/persons").statusCode()).as("the same cookie on node B").isEqualTo(200);
        assertThat(browser.get(a(), "/persons").statusCode()).isEqualTo(200);
        // Stored in the shared database, indexed by username, through the application role (V24's default privileges).
        assertThat(dataSource.unwrap(HikariDataSource.class).getUsername()).isNotEqualTo("postgres");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'roaming'").query(Long.class).single()).isEqualTo(1L);
        // The idle timeout of the stored session: 30 minutes.
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'roaming'").query(Integer.class).single())
                .isEqualTo(1800);
    }

    @Test
    void loggingOutOnOneNodeEndsTheUsersSessionOnTheOther() throws Exception {
        newUser("two-desks");
        Browser office = new Browser();
        office.login(a(), "two-desks");
        Browser home = new Browser();
        home.login(b(), "two-desks");
        assertThat(office.get(a(), "/persons").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = home.post(b(), "/logout", Map.of("_csrf", home.csrf(b())));
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(office.get(a(), "/persons").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    }

    @Test
    void aSecurityAdministratorEndingSessionsOnOneNodeEndsThemOnTheOther() throws Exception {
        long id = newUser("ended-elsewhere");
        Browser user = new Browser();
        user.login(b(), "ended-elsewhere");
        assertThat(user.get(b(), "/persons").statusCode()).isEqualTo(200);

        Browser admin = new Browser();
        admin.login(a(), "secadmin");
        HttpResponse<String> end = admin.post(a(), "/admin/users/" + id + "/end-sessions", Map.of("_csrf", admin.csrf(a(), "/admin/users")));
        assertThat(end.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/users"));
        assertThat(user.get(b(), "/persons").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        // The administrator's own session, on either node, goes on.
        assertThat(admin.get(b(), "/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aScheduledJobTriggeredOnBothNodesAtOnceRunsOnce() throws Exception {
        // The nightly audit retention run: ShedLock "audit-retention", each run records one AUDIT_PURGE.
        Class<?> job = Class.forName("org.zugong.audit.AuditRetentionRun");
        Method run = job.getDeclaredMethod("run");
        run.setAccessible(true);
        Object onA = nodeA.getBean(job);
        Object onB = nodeB.getBean(job);
        assertThat(AopUtils.isAopProxy(onA) && AopUtils.isAopProxy(onB)).as("ShedLock's proxy on both nodes").isTrue();
        releaseLock();
        long before = auditCount("AUDIT_PURGE");
        CyclicBarrier together = new CyclicBarrier(2);
        try {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> invokeTogether(together, run, onA));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> invokeTogether(together, run, onB));
            CompletableFuture.allOf(a, b).join();
            assertThat(auditCount("AUDIT_PURGE")).as("runs recorded").isEqualTo(before + 1);
            assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'audit-retention' AND lock_until > now()")
                    .query(Long.class).single()).as("held for lockAtLeastFor").isEqualTo(1L);
        } finally {
            // Other tests run the job themselves.
            releaseLock();
        }
    }

    /**
     * Ends the lock's lockAtLeastFor. Not by deleting the row: ShedLock remembers that the row exists and
     * would then only try to update it, never to acquire the lock again.
     */
    private void releaseLock() {
        jdbc.sql("UPDATE shedlock SET lock_until = now() WHERE name = 'audit-retention'").update();
    }

    private static void invokeTogether(CyclicBarrier together, Method run, Object bean) {
        try {
            together.await();
            run.invoke(bean);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long newUser(String name) {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long id = repository.insertUser(name, name, encoder.encode(DEMO_PASSWORD), org, null, "test");
        repository.replaceUserRoles(id, List.of(repository.findRoleByCode("CITY_DEPT").orElseThrow().id()));
        return id;
    }

    private String a() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    private String b() {
        return "http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port");
    }

    /** One browser: its session cookie, whichever node it talks to. */
    private final class Browser {

        private String cookie;

        void login(String node, String username) throws Exception {
            HttpResponse<String> login = post(node, "/login", Map.of("username", username, "password", DEMO_PASSWORD, "_csrf", csrf(node, "/login")));
            assertThat(login.headers().firstValue("Location")).as("login of " + username).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        }

        String csrf(String node) throws Exception {
            return csrf(node, "/persons");
        }

        String csrf(String node, String page) throws Exception {
            HttpResponse<String> response = get(node, page);
            Matcher m = CSRF.matcher(response.body());
            assertThat(m.find()).as("CSRF token on " + page).isTrue();
            return m.group(1);
        }

        HttpResponse<String> get(String node, String path) throws Exception {
            return send(request(node, path).GET());
        }

        HttpResponse<String> post(String node, String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private HttpRequest.Builder request(String node, String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(node + path));
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                    .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return response;
        }
    }
}
