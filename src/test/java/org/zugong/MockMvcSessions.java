package org.zugong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets MockMvc tests keep using {@code .session(MockHttpSession)} although the application's page
 * sessions are Spring Session's, in the database, found by cookie (issue 8). Before a MockMvc request
 * the {@link MockHttpSession} becomes the session cookie, and what the test set on it is written to
 * the stored session; after it, the stored session's attributes are copied back to the mock, and an
 * ended session invalidates the mock. Requests through the real server are left alone.
 */
// Imported by IntegrationTest, not a @Configuration: a second node started by SpringApplication in the
// same JVM (TwoNodeTests) scans org.zugong and must not pick it up.
public class MockMvcSessions {

    static final String COOKIE = "JSESSIONID";
    /** The stored session's cookie value, kept on the mock. */
    static final String COOKIE_VALUE = MockMvcSessions.class.getName() + ".cookie";

    @Bean
    FilterRegistrationBean<Bridge> mockMvcSessionBridge(SessionRepository<? extends Session> sessions) {
        @SuppressWarnings("unchecked")
        var registration = new FilterRegistrationBean<>(new Bridge((SessionRepository<Session>) sessions));
        // Before Spring Session's SessionRepositoryFilter (Integer.MIN_VALUE + 50).
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }

    static final class Bridge extends OncePerRequestFilter {

        private final SessionRepository<Session> sessions;

        Bridge(SessionRepository<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof MockHttpServletRequest mockRequest) || !(response instanceof MockHttpServletResponse mockResponse)) {
                chain.doFilter(request, response);
                return;
            }
            MockHttpSession mock = (MockHttpSession) mockRequest.getSession(false);
            String cookie = mock != null && mock.getAttribute(COOKIE_VALUE) instanceof String value ? value : null;
            if (cookie != null && !hasCookie(mockRequest)) {
                writeTestChanges(mock, id(cookie));
                List<Cookie> cookies = new ArrayList<>(mockRequest.getCookies() == null ? List.of() : List.of(mockRequest.getCookies()));
                cookies.add(new Cookie(COOKIE, cookie));
                mockRequest.setCookies(cookies.toArray(Cookie[]::new));
            }
            try {
                chain.doFilter(request, response);
            } finally {
                Cookie issued = mockResponse.getCookie(COOKIE);
                if (issued != null && issued.getMaxAge() == 0) {
                    if (mock != null && !mock.isInvalid()) {
                        mock.invalidate();
                    }
                } else {
                    String current = issued != null ? issued.getValue() : cookie;
                    Session stored = current == null ? null : sessions.findById(id(current));
                    if (stored != null) {
                        MockHttpSession target = (MockHttpSession) mockRequest.getSession(true);
                        if (cookie != null && !current.equals(cookie)) {
                            // The stored session's id changed (fixation protection): so does the mock's.
                            target.changeSessionId();
                        }
                        for (String name : Collections.list(target.getAttributeNames())) {
                            if (!name.equals(COOKIE_VALUE) && stored.getAttribute(name) == null) {
                                target.removeAttribute(name);
                            }
                        }
                        stored.getAttributeNames().forEach(name -> target.setAttribute(name, stored.getAttribute(name)));
                        target.setAttribute(COOKIE_VALUE, current);
                    }
                }
            }
        }

        /** Attributes the test set on the mock since the last request (never removals: another request may have added some). */
        private void writeTestChanges(MockHttpSession mock, String id) {
            Session stored = sessions.findById(id);
            if (stored == null) {
                return;
            }
            boolean changed = false;
            for (String name : Collections.list(mock.getAttributeNames())) {
                Object value = mock.getAttribute(name);
                if (!name.equals(COOKIE_VALUE) && !Objects.equals(value, stored.getAttribute(name))) {
                    stored.setAttribute(name, value);
                    changed = true;
                }
            }
            if (changed) {
                sessions.save(stored);
            }
        }

        private static boolean hasCookie(MockHttpServletRequest request) {
            return request.getCookies() != null && List.of(request.getCookies()).stream().anyMatch(c -> c.getName().equals(COOKIE));
        }

        /** Spring Session's cookie carries the id in Base64. */
        private static String id(String cookieValue) {
            return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
        }
    }
}
