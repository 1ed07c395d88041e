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

    PersonFilter {
        params = Map.copyOf(params);
    }

    boolean restrictsOrganizations() {
        return orgSql != null;
    }

    /** The whole filter as one condition over {@code p}. */
    SqlCondition flat() {
        String sql = orgSql == null ? personSql
                : "p.org_id IN (SELECT o.id FROM org_organization o WHERE " + orgSql + ") AND " + personSql;
        return new SqlCondition(sql, params);
    }
}
