package org.zugong.access;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.HttpBrowser;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API requests are stateless: a browser's page-session cookie sent along with one is not looked up, so the session's
 * row is neither read nor written back (the issue-8 load test found two session statements on every API call).
 * Over real HTTP, because the session lives in the database (Spring Session JDBC), which MockMvc does not go through.
 */
class ApiSessionTests extends IntegrationTest {

    @Autowired
    AccessRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Environment environment;

    @Test
    void anApiRequestCarryingThePageCookieLeavesThePageSessionUntouchedWhileAPageRequestTouchesIt() throws Exception {
        String user = "api-and-pages";
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long id = repository.insertUser(user, user, encoder.encode(DEMO_PASSWORD), org, null, "test");
        repository.replaceUserRoles(id, List.of(repository.findRoleByCode("CITY_DEPT").orElseThrow().id()));
        HttpBrowser browser = new HttpBrowser("http://localhost:" + environment.getProperty("local.server.port"));
        browser.login(user, DEMO_PASSWORD);
        String sessionId = browser.sessionId();
        String bearer = bearer(user);

        Timestamp before = lastAccess(sessionId);
        Thread.sleep(20);
        HttpResponse<String> api = browser.get("/api/v1/organizations", "Authorization", bearer, "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).as("no cookie set by an API answer").isEmpty();
        assertThat(lastAccess(sessionId)).as("the page session after an API request").isEqualTo(before);

        HttpResponse<String> page = browser.get("/persons");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).as("the page session after a page request").isAfter(before);
    }

    private Timestamp lastAccess(String sessionId) {
        return jdbc.sql("SELECT to_timestamp(LAST_ACCESS_TIME / 1000.0) FROM SPRING_SESSION WHERE SESSION_ID = :id")
                .param("id", sessionId).query(Timestamp.class).single();
    }
}
