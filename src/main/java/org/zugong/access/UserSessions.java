package org.zugong.access;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.zugong.platform.security.Actor;

/**
 * The signed-in page sessions of every user, so that disabling an account, changing its roles or
 * resetting its password ends its sessions at once (the next request goes to the login page).
 */
@Component
class UserSessions {

    private final SessionRegistry registry;
    private final AccessRepository repository;

    UserSessions(SessionRegistry registry, AccessRepository repository) {
        this.registry = registry;
        this.repository = repository;
    }

    void endSessionsOf(long userId) {
        endSessionsOf(Set.of(userId));
    }

    /** Ends the sessions of everybody who holds the role (after its permissions or scope changed). */
    void endSessionsOfRole(long roleId) {
        endSessionsOf(repository.usersWithRole(roleId));
    }

    void endSessionsOf(Collection<Long> userIds) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof Actor actor && userIds.contains(actor.userId())) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
