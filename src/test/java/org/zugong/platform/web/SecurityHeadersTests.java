package org.zugong.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every GET handler, page or API, answers a signed-in user with {@code Cache-Control: no-store} and the
 * security headers; HSTS and the Secure cookie flag over TLS. (A POST without the CSRF token gets 403:
 * {@code LoginSecurityTests.postWithoutCsrfTokenIsRefused}.)
 */
class SecurityHeadersTests extends IntegrationTest {

    private static final List<String> USERS = List.of("city", "auditadmin", "sysadmin", "secadmin");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Environment environment;

    @Test
    void everyGetHandlerAnswersASignedInUserWithNoStoreAndTheSecurityHeaders() throws Exception {
        Map<String, String> samples = Map.of(
                "personId", Long.toString(cadre()), "id", Long.toString(cadre()), "orgId", Long.toString(county(1)),
                "year", "2025");
        Map<String, MockHttpSession> sessions = new java.util.HashMap<>();
        for (String user : USERS) {
            sessions.put(user, session(user));
        }
        TreeSet<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                paths.add(fill(pattern, samples));
            }
        }
        List<String> missing = new ArrayList<>();
        int answered = 0;
        for (String path : paths) {
            MockHttpServletResponse response = null;
            for (String user : USERS) {
                MockHttpServletRequestBuilder request = get(path);
                request = path.startsWith("/api/") ? request.header(HttpHeaders.AUTHORIZATION, bearer(user)) : request.session(sessions.get(user));
                response = mvc.perform(request).andReturn().getResponse();
                check(path + " (" + user + ", " + response.getStatus() + ")", response, missing);
                if (response.getStatus() != 403) {
                    break;
                }
            }
            if (response.getStatus() < 300) {
                answered++;
            }
        }
        assertThat(missing).isEmpty();
        // The walk reached the handlers themselves, not only refusals.
        assertThat(answered).as("GET handlers answering 2xx of " + paths.size()).isGreaterThan(paths.size() / 2);
    }

    @Test
    void hstsAndTheSecureCookieFlagOnlyOverTls() throws Exception {
        assertThat(mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();

        // Through the real server: behind a TLS-terminating proxy (X-Forwarded-Proto) and plain.
        HttpClient client = HttpClient.newHttpClient();
        String url = "http://localhost:" + environment.getProperty("local.server.port") + "/login";
        HttpResponse<Void> tls = client.send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = tls.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("Secure").containsPattern("SameSite=(Lax|Strict)");
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));

        HttpResponse<Void> plain = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        String plainCookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(plainCookie).contains("HttpOnly").containsPattern("SameSite=(Lax|Strict)").doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static void check(String what, MockHttpServletResponse response, List<String> missing) {
        String cache = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cache == null || !cache.contains("no-store")) {
            missing.add(what + ": Cache-Control " + cache);
        }
        String csp = response.getHeader("Content-Security-Policy");
        if (csp == null || !(csp.contains("frame-ancestors") && (csp.contains("object-src 'none'") || csp.contains("default-src 'none'"))
                && (csp.contains("base-uri 'none'") || csp.contains("default-src 'none'")))) {
            missing.add(what + ": CSP " + csp);
        }
        if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
            missing.add(what + ": X-Content-Type-Options");
        }
        if (response.getHeader("Referrer-Policy") == null) {
            missing.add(what + ": Referrer-Policy");
        }
    }

    private static String fill(String pattern, Map<String, String> samples) {
        var m = java.util.regex.Pattern.compile("\\{\\*?([A-Za-z]+)(:[^}]*)?}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, samples.getOrDefault(m.group(1), "1"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private long cadre() {
        return jdbc.sql("""
                SELECT c.person_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY c.person_id LIMIT 1
                """).param("c", county(1)).query(Long.class).single();
    }
}
