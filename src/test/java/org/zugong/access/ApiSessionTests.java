package org.zugong.access;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API requests are stateless: a browser's page-session cookie sent along with one is not looked up, so the session's
 * row is neither read nor written back (the issue-8 load test found two session statements on every API call).
 * Over real HTTP, because the session lives in the database (Spring Session JDBC), which MockMvc does not go through.
 */
class ApiSessionTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    AccessRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anApiRequestCarryingThePageCookieLeavesThePageSessionUntouchedWhileAPageRequestTouchesIt() throws Exception {
        String user = "api-and-pages";
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long id = repository.insertUser(user, user, encoder.encode(DEMO_PASSWORD), org, null, "test");
        repository.replaceUserRoles(id, List.of(repository.findRoleByCode("CITY_DEPT").orElseThrow().id()));

        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
        String cookie = cookie(form);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String body = "username=" + user + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), cookie);
        assertThat(login.statusCode()).isEqualTo(302);
        cookie = cookie(login) == null ? cookie : cookie(login);
        String sessionId = new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.UTF_8);

        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + DEMO_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer = "Bearer " + token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        Timestamp before = lastAccess(sessionId);
        Thread.sleep(20);
        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/organizations")).header("Authorization", bearer)
                .header("Accept", "application/json").GET(), cookie);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).as("no cookie set by an API answer").isEmpty();
        assertThat(lastAccess(sessionId)).as("the page session after an API request").isEqualTo(before);

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/persons")).GET(), cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).as("the page session after a page request").isAfter(before);
    }

    private Timestamp lastAccess(String sessionId) {
        return jdbc.sql("SELECT to_timestamp(LAST_ACCESS_TIME / 1000.0) FROM SPRING_SESSION WHERE SESSION_ID = :id")
                .param("id", sessionId).query(Timestamp.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }
}
