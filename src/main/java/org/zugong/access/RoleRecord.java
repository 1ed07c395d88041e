package org.zugong.access;

import java.util.Set;
import org.zugong.platform.security.DataScope;

/** A role: permissions, a data scope (with its organizations for 自定义) and, for the admins, which admin. */
public record RoleRecord(long id, String code, String name, DataScope dataScope, AdminKind adminKind, boolean builtin,
                  Set<String> permissions, Set<Long> scopeOrgIds, int version) {
}
