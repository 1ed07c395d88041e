package org.zugong.cadre;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.PageRequest;

/** The cadre report pages: 退休提醒 (F15) with its export, 班子结构 (F16) of a unit and the teams with gaps. */
@Controller
@RequestMapping("/cadres")
class CadreReportPages {

    private final RetirementList retirements;
    private final RetirementExport export;
    private final TeamAnalysis teams;
    private final Organizations organizations;

    CadreReportPages(RetirementList retirements, RetirementExport export, TeamAnalysis teams, Organizations organizations) {
        this.retirements = retirements;
        this.export = export;
        this.teams = teams;
        this.organizations = organizations;
    }

    @GetMapping("/retirements")
    @PreAuthorize("hasAuthority('cadre:read')")
    String retirements(@ModelAttribute("criteria") RetirementCriteria criteria, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size, Model model,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("result", retirements.search(criteria, PageRequest.of(page, size)));
        model.addAttribute("window", criteria.windowValue());
        model.addAttribute("windows", RetirementWindow.values());
        model.addAttribute("ruleSet", retirements.schedule().ruleSet());
        model.addAttribute("reference", retirements.schedule().reference());
        addOrgName(model, criteria.orgId());
        return htmx != null ? "cadre/retirements :: results" : "cadre/retirements";
    }

    @GetMapping("/retirements/export")
    @PreAuthorize("hasAuthority('cadre:export')")
    void exportRetirements(@ModelAttribute RetirementCriteria criteria, HttpServletResponse response) throws IOException {
        export.write(criteria, response);
    }

    @GetMapping("/teams")
    @PreAuthorize("hasAuthority('cadre:read')")
    String team(@RequestParam(required = false) Long orgId, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        if (orgId != null) {
            TeamStructure team = teams.analyse(orgId);
            model.addAttribute("team", team);
            model.addAttribute("orgName", team.orgName());
            model.addAttribute("ancestry", organizations.ancestry(orgId));
        }
        model.addAttribute("orgId", orgId);
        model.addAttribute("rules", teams.rules());
        return "cadre/team";
    }

    @GetMapping("/teams/gaps")
    @PreAuthorize("hasAuthority('cadre:read')")
    String teamGaps(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                    @RequestParam(required = false) Integer size, Model model,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("result", teams.teamsWithGaps(orgId, PageRequest.of(page, size)));
        model.addAttribute("orgId", orgId);
        model.addAttribute("rules", teams.rules());
        addOrgName(model, orgId);
        return htmx != null ? "cadre/team-gaps :: results" : "cadre/team-gaps";
    }

    private void addOrgName(Model model, Long orgId) {
        if (orgId != null) {
            model.addAttribute("orgName", organizations.requireVisible(orgId).name());
        }
    }

}
