package org.zugong.platform.security;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as every module sees it: who, which organization, which permissions and which
 * data scopes. It is the principal of the security context for both pages and API tokens.
 */
public record Actor(long userId, String username, String displayName, long orgId, String orgName, Long personId,
                    Set<String> permissions, List<ScopeGrant> grants) implements Serializable, AuthenticatedPrincipal {

    public Actor {
        permissions = Set.copyOf(permissions);
        grants = List.copyOf(grants);
    }

    /**
     * The username: the name of the authentication, under which Spring Session indexes the session in
     * the database (otherwise it would be this record's {@code toString()}), so that every session of a
     * user can be found from any node.
     */
    @Override
    public String getName() {
        return username;
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /** The acting user of this thread, if someone is signed in. */
    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** The acting user; fails when called outside an authenticated request. */
    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
