package org.zugong.talent;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.zugong.platform.web.PageCaching;

/** {@code /talents/statistics}: 人才引进统计 (tables, a chart by year, filters, audited Excel) and {@code GET /api/v1/talents/statistics}. */
@Controller
class TalentStatisticsPages {

    private final TalentStatistics statistics;
    private final TalentRegistry registry;
    private final tools.jackson.databind.ObjectMapper json;

    TalentStatisticsPages(TalentStatistics statistics, TalentRegistry registry, tools.jackson.databind.ObjectMapper json) {
        this.statistics = statistics;
        this.registry = registry;
        this.json = json;
    }

    @GetMapping("/talents/statistics")
    @PreAuthorize("hasAuthority('talent:read')")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String tier,
                @RequestParam(required = false) String category, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        TalentStatistics.Report r = statistics.report(year, tier, category);
        model.addAttribute("r", r);
        model.addAttribute("tiers", registry.tiers());
        model.addAttribute("categories", TalentRegistry.CATEGORIES);
        model.addAttribute("chart", json.writeValueAsString(java.util.Map.of(
                "years", r.byYear().stream().map(TalentStatistics.Row::label).toList(),
                "counts", r.byYear().stream().map(TalentStatistics.Row::count).toList())));
        return "talent/stats/statistics";
    }

    @GetMapping("/talents/statistics/export")
    @PreAuthorize("hasAuthority('talent:read')")
    void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String tier,
                @RequestParam(required = false) String category, HttpServletResponse response) throws IOException {
        statistics.export(year, tier, category, response);
    }
}
