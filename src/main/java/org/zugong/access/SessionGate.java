package org.zugong.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;

/**
 * Two rules for page sessions, applied before any handler: a session older than the absolute limit
 * since login ends whatever its activity (the next request goes to {@code /login?expired}); and a
 * session still waiting for its second factor reaches nothing but the second-factor pages.
 */
class SessionGate extends OncePerRequestFilter {

    /** When the session's user logged in (an {@link Instant}). */
    static final String LOGIN_AT = SessionGate.class.getName() + ".loginAt";

    private final Duration limit;
    private final AuditLog audit;

    SessionGate(Duration limit, AuditLog audit) {
        this.limit = limit;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal());
        if (session != null && signedIn) {
            if (!(session.getAttribute(LOGIN_AT) instanceof Instant loginAt)) {
                session.setAttribute(LOGIN_AT, Instant.now());
            } else if (loginAt.plus(limit).isBefore(Instant.now())) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                String name = auth.getPrincipal() instanceof org.zugong.platform.security.Actor actor ? actor.username() : auth.getName();
                audit.recordFor(name, "SESSION_EXPIRED", "会话超过绝对时限 " + limit + "，已结束", AuditOutcome.SUCCESS);
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        if (auth instanceof SecondFactorPending && !allowedWhilePending(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendRedirect(request.getContextPath() + "/login/second-factor");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhilePending(String path) {
        return path.equals("/login") || path.startsWith("/login/second-factor") || path.equals("/logout") || path.equals("/error")
                || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.equals("/favicon.ico");
    }
}
