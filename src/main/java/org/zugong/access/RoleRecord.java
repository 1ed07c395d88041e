package org.zugong.access;

import java.util.Set;
import org.zugong.platform.security.DataScope;

/**
 * A role: permissions, a data scope (with its organizations for 自定义), for the admins which admin,
 * and whether its holders must sign in with a second factor.
 */
public record RoleRecord(long id, String code, String name, DataScope dataScope, AdminKind adminKind, boolean builtin,
                  Set<String> permissions, Set<Long> scopeOrgIds, boolean requiresSecondFactor, int version) {
}
