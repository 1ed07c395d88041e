package org.zugong.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API requests are stateless (bearer tokens), yet a browser sends its page-session cookie along with them, and
 * Spring MVC looks the session up on every request (for flash attributes). With the sessions in the database that
 * read the session row, deserialised it and wrote its access time back on every API call: two statements a request
 * in the issue-8 load test. Placed right inside Spring Session's filter, this hides the page session from API
 * requests, as if no cookie had come: a lookup finds none. Creating one stays possible (nothing in the API does).
 */
final class StatelessApiRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                return create ? super.getSession(true) : null;
            }

            @Override
            public String getRequestedSessionId() {
                return null;
            }

            @Override
            public boolean isRequestedSessionIdValid() {
                return false;
            }

            @Override
            public boolean isRequestedSessionIdFromCookie() {
                return false;
            }
        }, response);
    }
}
