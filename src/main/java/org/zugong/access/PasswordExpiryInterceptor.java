package org.zugong.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.HandlerInterceptor;
import org.zugong.platform.security.Actor;

/**
 * 口令定期更换: once per session, checks whether the user's password is older than the configured
 * age; if so every page except the password form redirects there until it is changed.
 */
class PasswordExpiryInterceptor implements HandlerInterceptor {

    static final String EXPIRED = PasswordExpiryInterceptor.class.getName() + ".expired";

    private final LoginGuard guard;

    PasswordExpiryInterceptor(LoginGuard guard) {
        this.guard = guard;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        var actor = Actor.current();
        HttpSession session = request.getSession(false);
        if (actor.isEmpty() || session == null) {
            return true;
        }
        Boolean expired = (Boolean) session.getAttribute(EXPIRED);
        if (expired == null) {
            expired = guard.passwordExpired(actor.get().userId());
            session.setAttribute(EXPIRED, expired);
        }
        if (expired && !request.getRequestURI().startsWith("/account/password")) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return false;
        }
        return true;
    }
}
