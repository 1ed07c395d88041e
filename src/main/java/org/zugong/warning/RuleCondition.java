package org.zugong.warning;

import java.util.List;
import java.util.Map;

/**
 * One condition of a rule: a kind of fact and its parameters, e.g. {@code MEASURE_IN_FORCE} with
 * {@code kinds=[党纪处分, 政务处分]}. Stored as JSON; compiled to bound SQL by {@link FactKind}.
 */
public record RuleCondition(FactKind fact, Map<String, Object> params) {

    public RuleCondition {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    int integer(String key, int fallback) {
        Object v = params.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(v.toString().strip());
    }

    List<String> strings(String key) {
        Object v = params.get(key);
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }
}
