package org.zugong.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zugong.platform.db.SqlCondition;

/**
 * 管辖范围 — the part of the tree one user may see, computed once per request from the user's data
 * scopes: everything, or a set of subtrees (by path prefix), or single organizations, or only
 * records about the user as a person. Applied in SQL as bound parameters, never as SQL text.
 */
public record Jurisdiction(boolean all, List<String> paths, Set<Long> orgIds, Long selfPersonId) {

    public Jurisdiction {
        paths = List.copyOf(paths);
        orgIds = Set.copyOf(orgIds);
    }

    public static Jurisdiction everything() {
        return new Jurisdiction(true, List.of(), Set.of(), null);
    }

    public static Jurisdiction nothing() {
        return new Jurisdiction(false, List.of(), Set.of(), null);
    }

    /** Whether an organization with this path and id lies inside. */
    public boolean covers(String orgPath, long orgId) {
        return all || orgIds.contains(orgId) || paths.stream().anyMatch(orgPath::startsWith);
    }

    /**
     * A condition over an organization's path and id columns, e.g. {@code orgCondition("o.path", "o.id", "j")}
     * gives {@code (o.path LIKE :j_p0 OR o.id IN (:j_ids))} with the values bound.
     */
    public SqlCondition orgCondition(String pathColumn, String idColumn, String prefix) {
        if (all) {
            return SqlCondition.alwaysTrue();
        }
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String name = prefix + "_p" + i;
            terms.add(pathColumn + " LIKE :" + name);
            params.put(name, paths.get(i) + "%");
        }
        if (!orgIds.isEmpty()) {
            terms.add(idColumn + " IN (:" + prefix + "_ids)");
            params.put(prefix + "_ids", List.copyOf(orgIds));
        }
        if (terms.isEmpty()) {
            return SqlCondition.alwaysFalse();
        }
        return new SqlCondition("(" + String.join(" OR ", terms) + ")", params);
    }
}
