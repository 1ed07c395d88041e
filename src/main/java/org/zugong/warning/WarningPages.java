package org.zugong.warning;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.PageRequest;

/** The warning pages: the list with counts by colour, one warning explained and handled (F32/F33), statistics. */
@Controller
@RequestMapping("/warnings")
class WarningPages {

    private final WarningViews views;
    private final WarningHandling handling;
    private final Organizations organizations;
    private final WarningStatistics statistics;

    WarningPages(WarningViews views, WarningHandling handling, Organizations organizations, WarningStatistics statistics) {
        this.views = views;
        this.handling = handling;
        this.organizations = organizations;
        this.statistics = statistics;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('warning:read')")
    String list(@RequestParam(required = false) WarningColour colour, @RequestParam(required = false) WarningStatus status,
                @RequestParam(required = false) String rule, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) String name, @RequestParam(required = false) Long personId,
                @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        WarningViews.Filter filter = new WarningViews.Filter(colour, status, rule, orgId, name, personId);
        model.addAttribute("filter", filter);
        model.addAttribute("result", views.list(filter, PageRequest.of(page, 50)));
        model.addAttribute("counts", views.openByColour(filter));
        model.addAttribute("colours", WarningColour.values());
        model.addAttribute("statuses", WarningStatus.values());
        model.addAttribute("rules", views.rules());
        if (orgId != null) {
            model.addAttribute("orgName", organizations.requireVisible(orgId).name());
        }
        return "warning/list";
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('warning:read')")
    String stats(Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        WarningViews.Statistics s = statistics.of(LocalDate.now());
        model.addAttribute("counts", s.openByColour());
        model.addAttribute("colours", WarningColour.values());
        model.addAttribute("units", s.units());
        model.addAttribute("byRule", s.byRule());
        model.addAttribute("trend", s.trend());
        return "warning/stats";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('warning:read')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("w", handling.detail(id));
        model.addAttribute("actionKinds", WarningHandling.ACTION_KINDS);
        model.addAttribute("users", handling.activeUsers());
        model.addAttribute("today", LocalDate.now());
        return "warning/detail";
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('warning:handle')")
    String assign(@PathVariable long id, @RequestParam(required = false) String handler, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已交办", () -> handling.assign(id, handler, version));
    }

    @PostMapping("/{id}/actions")
    @PreAuthorize("hasAuthority('warning:handle')")
    String addAction(@PathVariable long id, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                     @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        return act(id, redirect, "已布置处置措施", () -> handling.addAction(id, kind, dueDate, note, version));
    }

    @PostMapping("/{id}/actions/{actionId}")
    @PreAuthorize("hasAuthority('warning:handle')")
    String completeAction(@PathVariable long id, @PathVariable long actionId, @RequestParam(required = false) String result,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                          @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, "已记录处置结果", () -> handling.completeAction(id, actionId, result, doneOn, version));
    }

    @PostMapping("/{id}/close-request")
    @PreAuthorize("hasAuthority('warning:handle')")
    String requestClose(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                        RedirectAttributes redirect) {
        return act(id, redirect, "已申请销号，待他人审批", () -> handling.requestClose(id, reason, version));
    }

    @PostMapping("/{id}/close-approval")
    @PreAuthorize("hasAuthority('warning:handle')")
    String approveClose(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String note,
                        @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, approve ? "已批准销号，预警已关闭" : "已退回销号申请", () -> handling.approveClose(id, approve, note, version));
    }

    /** Runs a change; its error comes back as a flash message on the warning page (404 stays an error page). */
    private static String act(long id, RedirectAttributes redirect, String done, Runnable change) {
        return org.zugong.platform.web.PageActions.run(redirect, "/warnings/" + id, done, change);
    }

}
