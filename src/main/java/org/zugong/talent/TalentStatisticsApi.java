package org.zugong.talent;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/talents/statistics}: the talents introduced in a year by dimension, with the year before (jurisdiction-scoped). */
@RestController
class TalentStatisticsApi {

    private final TalentStatistics statistics;

    TalentStatisticsApi(TalentStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/talents/statistics")
    @PreAuthorize("hasAuthority('talent:read')")
    TalentStatistics.Report report(@RequestParam(required = false) Integer year, @RequestParam(required = false) String tier,
                                   @RequestParam(required = false) String category) {
        return statistics.report(year, tier, category);
    }
}
