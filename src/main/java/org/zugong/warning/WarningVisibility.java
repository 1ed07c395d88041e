package org.zugong.warning;

import java.util.List;
import java.util.Locale;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;

/**
 * Which warnings the caller sees: those of units in the jurisdiction ({@code units}, over {@code o.path}/{@code o.id})
 * and those handed to the caller by name ({@code handler}, compared case-insensitively). One place for the rule,
 * whether it becomes SQL ({@link WarningViews}) or the key under which counts are kept ({@link WarningStatistics}).
 */
record WarningVisibility(SqlCondition units, String handler) {

    static WarningVisibility current(Organizations organizations) {
        return new WarningVisibility(organizations.jurisdiction().orgCondition("o.path", "o.id", "j"),
                Actor.current().map(Actor::username).orElse(""));
    }

    /** Whether every warning is visible: the handed-over ones then add nothing. */
    boolean everything() {
        return units.isAlwaysTrue();
    }

    /** What the visible set depends on, for keeping results computed from it. */
    Object key() {
        return everything() ? "ALL" : List.of(units.sql(), units.params(), handler.toLowerCase(Locale.ROOT));
    }
}
