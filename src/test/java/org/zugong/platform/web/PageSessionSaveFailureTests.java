package org.zugong.platform.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.zugong.IntegrationTest;
import org.zugong.platform.db.OwnerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose session cannot be written back (the pool has no connection left, the database is going away)
 * answers 503 with the Chinese notice, not a 500 and not a page cut off in the middle. Spring Session writes the
 * session when the response is committed, which for a page larger than the response buffer used to happen while
 * the template was still being rendered.
 */
class PageSessionSaveFailureTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageWhoseSessionCannotBeSavedAnswers503() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
        String cookie = cookie(form);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=city&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf.group(1))), cookie);
        assertThat(login.statusCode()).isEqualTo(302);
        cookie = cookie(login) == null ? cookie : cookie(login);
        String sessionId = new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.UTF_8);
        HttpResponse<String> normal = send(HttpRequest.newBuilder(uri("/persons")).GET(), cookie);
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body().length()).as("a page larger than the 8 KB response buffer").isGreaterThan(16_384);

        OwnerDatabase.inTransaction(context, owner -> owner.execute("""
                CREATE FUNCTION session_save_drill() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF OLD.session_id = '%s' THEN RAISE EXCEPTION 'database shutting down (drill)' USING ERRCODE = '57P01'; END IF;
                RETURN NEW; END $$;
                CREATE TRIGGER session_save_drill BEFORE UPDATE ON spring_session FOR EACH ROW EXECUTE FUNCTION session_save_drill();"""
                .formatted(sessionId)));
        try {
            HttpResponse<String> failed = send(HttpRequest.newBuilder(uri("/persons")).GET(), cookie);
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains(DatabaseUnavailable.TITLE).doesNotContain("zg-total");
        } finally {
            OwnerDatabase.inTransaction(context, owner -> owner.execute(
                    "DROP TRIGGER session_save_drill ON spring_session; DROP FUNCTION session_save_drill();"));
        }
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
