package org.zugong;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the tests that need the whole application: one context (cached across test classes) on an
 * embedded PostgreSQL in a fresh temporary folder, with the demo data loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zugong.data-dir=${zugong.test-data-dir}", "zugong.demo-data=true"})
@AutoConfigureMockMvc
@Import(MockMvcSessions.class)
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "Zugong@2026";

    static {
        if (System.getProperty("zugong.test-data-dir") == null) {
            try {
                // Under target/ so that `mvn clean` removes the test databases of earlier runs.
                java.nio.file.Path root = java.nio.file.Path.of("target", "test-data");
                Files.createDirectories(root);
                System.setProperty("zugong.test-data-dir", Files.createTempDirectory(root, "run-").toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    /** A bearer token of a demo user (cached: one login per user and test run). */
    protected String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            try {
                String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"" + u + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                        .andReturn().getResponse().getContentAsString();
                return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A logged-in page session of a demo user, by the real form login. */
    protected org.springframework.mock.web.MockHttpSession session(String username) {
        try {
            var result = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                    .formLogin("/login").user(username).password(DEMO_PASSWORD)).andReturn();
            // Staff land on the home page, a talent account on its portal.
            String landing = result.getResponse().getRedirectedUrl();
            if (!"/".equals(landing) && !"/portal".equals(landing)) {
                throw new IllegalStateException("login of " + username + " failed: " + result.getResponse().getRedirectedUrl());
            }
            return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected String bearer(String username) {
        return "Bearer " + token(username);
    }

    protected long orgIdByName(String name) {
        return jdbc.sql("SELECT id FROM org_organization WHERE name = :n ORDER BY id LIMIT 1").param("n", name).query(Long.class).single();
    }

    /** The COUNTY node of the n-th demo county (1-based, in id order). */
    protected long county(int n) {
        return jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id OFFSET :o LIMIT 1").param("o", n - 1)
                .query(Long.class).single();
    }

    /** Some person whose home organization lies in the n-th county. */
    protected long personInCounty(int n) {
        return jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY p.id LIMIT 1
                """).param("c", county(n)).query(Long.class).single();
    }

    protected long auditCount(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a").param("a", action).query(Long.class).single();
    }

    /** Runs service code as a user with everything in scope (for tests below the web layer). */
    protected static void actAsCityUser() {
        Actor actor = new Actor(1, "city-test", "测试", 1, "测试组织", null,
                Set.of("org:read", "org:write", "person:read", "person:write", "person:export", "person:id-full"),
                List.of(new ScopeGrant(DataScope.ALL, Set.of())));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
    }

    protected static void actAs(Actor actor) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
    }
}
