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
 * second factor count as the user's too. The sessions are in the database (Spring Session JDBC),
 * indexed by username, so this reaches the sessions of every node: an ended session is marked
 * expired there, and whichever node it next reaches sends it to {@code /login?expired}.
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
        // The principal's name is the username, for the full Actor and the half-signed-in PendingLogin alike.
        for (String username : repository.usernames(userIds)) {
            registry.getAllSessions(username, false).forEach(SessionInformation::expireNow);
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

    /**
     * After the second factor: a new session id for the raised privilege. The session store indexes it
     * under the actor's name when it saves the new security context at the end of the request.
     */
    void upgrade(HttpServletRequest request) {
        request.getSession();
        request.changeSessionId();
    }
}
