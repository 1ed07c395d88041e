package org.zugong.warning;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.DataVersionCache;

/**
 * 预警统计 — the statistics page's counts, computed once per jurisdiction and day and kept until a warning, a rule
 * or an organization changes (topic {@code warning} of {@link DataVersionCache}): on the province data set the
 * four counts cost 17 ms of database time a view, and a department's staff open the page far more often than
 * warnings change (issue 8).
 */
@Component
class WarningStatistics {

    /** The units listed on the page: those with the most open warnings. */
    static final int UNITS = 20;

    private final WarningViews views;
    private final Organizations organizations;
    private final DataVersionCache cache;

    WarningStatistics(WarningViews views, Organizations organizations, DataVersionCache cache) {
        this.views = views;
        this.organizations = organizations;
        this.cache = cache;
    }

    WarningViews.Statistics of(LocalDate today) {
        // What the counts depend on besides the tables: the warnings the caller sees, and the day (the trend).
        Object scope = WarningVisibility.current(organizations).key();
        return cache.get("warning", List.of("statistics", scope, today), () -> views.statistics(today, UNITS));
    }
}
