package org.zugong.person;

import java.util.Map;
import org.zugong.platform.db.SqlCondition;

/**
 * The WHERE of a person list in two parts: which organizations ({@code orgSql} over
 * {@code org_organization o}, null for no restriction) and what else the person must match
 * ({@code personSql} over {@code person_person p}). Kept apart so the first page can start from the
 * organizations, whatever order the persons were registered in.
 */
record PersonFilter(String orgSql, String personSql, Map<String, Object> params) {

    /** What every list asks of a person: that they are still in the books. */
    static final String ACTIVE = "p.active";

    PersonFilter {
        params = Map.copyOf(params);
    }

    boolean restrictsOrganizations() {
        return orgSql != null;
    }

    /** Whether the list is every active person of some organizations, nothing else asked of the person. */
    boolean organizationsOnly() {
        return ACTIVE.equals(personSql);
    }

    /** The whole filter as one condition over {@code p}. */
    SqlCondition flat() {
        String sql = orgSql == null ? personSql
                : "p.org_id IN (SELECT o.id FROM org_organization o WHERE " + orgSql + ") AND " + personSql;
        return new SqlCondition(sql, params);
    }
}
