package org.zugong.recruitment;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/** {@code /recruitment/plans}: the annual development plans, one plan with its progress, and their forms (F44). */
@Controller
@RequestMapping("/recruitment/plans")
class RecruitmentPlanPages {

    private final RecruitmentPlans plans;

    RecruitmentPlanPages(RecruitmentPlans plans) {
        this.plans = plans;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    String list(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("rows", plans.list(year));
        model.addAttribute("committees", plans.committees());
        model.addAttribute("groups", RecruitmentKeyGroup.values());
        return "recruitment/plans";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:approve')")
    String create(@RequestParam(required = false) Long partyOrgId, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Integer totalTarget, @RequestParam Map<String, String> all, Model model,
                  HttpServletResponse response) {
        try {
            long id = plans.create(new RecruitmentPlans.PlanForm(partyOrgId, year, totalTarget, targets(all), null));
            return "redirect:/recruitment/plans/" + id;
        } catch (FieldErrors e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            return list(null, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:read')")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", plans.detail(id));
        model.addAttribute("groups", RecruitmentKeyGroup.values());
        return "recruitment/plan";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:approve')")
    String update(@PathVariable long id, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Integer totalTarget, @RequestParam(required = false) Integer version,
                  @RequestParam Map<String, String> all, Model model, HttpServletResponse response) {
        RecruitmentPlans.Detail d = plans.detail(id);
        try {
            plans.update(id, new RecruitmentPlans.PlanForm(d.plan().partyOrgId(), year, totalTarget, targets(all), version));
            return "redirect:/recruitment/plans/" + id;
        } catch (FieldErrors | EditConflictException e) {
            response.setStatus(e instanceof FieldErrors ? 400 : 409);
            model.addAttribute("error", e.getMessage());
            return detail(id, model);
        }
    }

    /** The targets from the fields {@code target_FRONT_LINE} … (blank = 0; not a number = refused in Chinese). */
    private static Map<RecruitmentKeyGroup, Integer> targets(Map<String, String> all) {
        Map<RecruitmentKeyGroup, Integer> m = new EnumMap<>(RecruitmentKeyGroup.class);
        for (RecruitmentKeyGroup g : RecruitmentKeyGroup.values()) {
            String v = all.get("target_" + g.name());
            if (v != null && !v.isBlank()) {
                try {
                    m.put(g, Integer.parseInt(v.strip()));
                } catch (NumberFormatException e) {
                    throw FieldErrors.of("target_" + g.name(), g.label() + "的计划数应为整数");
                }
            }
        }
        return m;
    }
}
