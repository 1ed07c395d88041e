package org.zugong.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.ScopeGrant;

/** Builds the {@link Actor} of a user from their roles: permissions and data-scope grants. */
@Component
class ActorLoader {

    private final AccessRepository repository;

    ActorLoader(AccessRepository repository) {
        this.repository = repository;
    }

    Actor load(UserAccount user) {
        Set<String> permissions = new LinkedHashSet<>();
        List<ScopeGrant> grants = new ArrayList<>();
        for (RoleRecord role : repository.rolesOfUser(user.id())) {
            permissions.addAll(role.permissions());
            grants.add(new ScopeGrant(role.dataScope(), role.scopeOrgIds()));
        }
        return new Actor(user.id(), user.username(), user.displayName(), user.orgId(), user.orgName(), user.personId(),
                permissions, grants);
    }
}
