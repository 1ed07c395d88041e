package org.zugong.assessment;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.platform.web.PageRequest;

/** F23 pages: a person's dynamic profile, and a period's grade distribution with its outliers. */
@Controller
@RequestMapping("/assessment")
class AssessmentProfilePages {

    private final AssessmentProfiles profiles;

    AssessmentProfilePages(AssessmentProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/profile/{personId}")
    @PreAuthorize("hasAuthority('assessment:read')")
    String profile(@PathVariable long personId, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("profile", profiles.profile(personId));
        return "assessment/profile";
    }

    @GetMapping("/periods/{id}/distribution")
    @PreAuthorize("hasAuthority('assessment:read')")
    String distribution(@PathVariable long id, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                        Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("d", profiles.distribution(id, orgId, PageRequest.of(page, 50)));
        model.addAttribute("orgId", orgId);
        return "assessment/distribution";
    }
}
