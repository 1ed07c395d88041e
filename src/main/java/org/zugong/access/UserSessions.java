package org.zugong.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.security.Actor;

/**
 * The signed-in page sessions of every user, so that disabling an account, changing its roles,
 * resetting its password or second factor, an administrator's 结束会话 and the user's own logout end
 * all its sessions at once (the next request goes to the login page). Sessions still waiting for a
 * second factor count as the user's too.
 */
@Component
class UserSessions {

    private final SessionRegistry registry;
    private final AccessRepository repository;
    private final AuditLog audit;

    UserSessions(SessionRegistry registry, AccessRepository repository, AuditLog audit) {
        this.registry = registry;
        this.repository = repository;
        this.audit = audit;
    }

    void endSessionsOf(long userId) {
        endSessionsOf(Set.of(userId));
    }

    /** Ends the sessions of everybody who holds the role (after its permissions, scope or second-factor rule changed). */
    void endSessionsOfRole(long roleId) {
        endSessionsOf(repository.usersWithRole(roleId));
    }

    void endSessionsOf(Collection<Long> userIds) {
        for (Object principal : registry.getAllPrincipals()) {
            Long id = principal instanceof Actor actor ? Long.valueOf(actor.userId())
                    : principal instanceof SecondFactorPending.PendingLogin pending ? Long.valueOf(pending.userId()) : null;
            if (id != null && userIds.contains(id)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    /**
     * 退出: logging out in one browser ends every page session and API token of the user, so a
     * session left open on another computer does not outlive the user's intent to leave.
     */
    void logout(Actor actor) {
        endSessionsOf(actor.userId());
        repository.deleteTokensOf(actor.userId());
        audit.recordFor(actor.username(), "LOGOUT", "退出登录，结束该用户的全部会话和 API 令牌", AuditOutcome.SUCCESS);
    }

    /** After the second factor: a new session id for the raised privilege, registered under the full actor. */
    void upgrade(HttpServletRequest request, Actor actor) {
        String before = request.getSession().getId();
        String after = request.changeSessionId();
        registry.removeSessionInformation(before);
        registry.removeSessionInformation(after);
        registry.registerNewSession(after, actor);
    }

    void forget(String sessionId) {
        registry.removeSessionInformation(sessionId);
    }
}
