package org.zugong.platform.db;

import java.util.Map;

/** A SQL boolean expression with its named parameters, always bound, never spliced values. */
public record SqlCondition(String sql, Map<String, Object> params) {

    public SqlCondition {
        params = Map.copyOf(params);
    }

    public static SqlCondition alwaysTrue() {
        return new SqlCondition("TRUE", Map.of());
    }

    /** Whether this is {@link #alwaysTrue()}: a caller may then leave out the join the condition would need. */
    public boolean isAlwaysTrue() {
        return "TRUE".equals(sql);
    }

    public static SqlCondition alwaysFalse() {
        return new SqlCondition("FALSE", Map.of());
    }
}
