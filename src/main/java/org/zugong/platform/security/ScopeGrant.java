package org.zugong.platform.security;

import java.io.Serializable;
import java.util.Set;

/** One role's data scope as granted to a user; custom organization ids apply to {@link DataScope#CUSTOM}. */
public record ScopeGrant(DataScope scope, Set<Long> customOrgIds) implements Serializable {

    public ScopeGrant {
        customOrgIds = customOrgIds == null ? Set.of() : Set.copyOf(customOrgIds);
    }
}
