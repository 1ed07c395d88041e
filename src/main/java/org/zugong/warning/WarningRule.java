package org.zugong.warning;

import java.time.Instant;
import java.util.List;

/** One version of a rule: its conditions (all must hold), colour and message. */
public record WarningRule(long id, String code, int version, String name, WarningColour colour, List<RuleCondition> conditions,
                          String message, String basis, String status, Instant createdAt, String createdBy) {

    public boolean enabled() {
        return "ENABLED".equals(status);
    }
}
