package org.zugong.assessment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.platform.web.PageRequest;

/** {@code /api/v1/assessment}: F23 dynamic profile and grade distribution, within the jurisdiction. */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentProfileApi {

    /** The profile without the chart's drawing coordinates. */
    record ProfileJson(long personId, String name, String orgName, String category, java.util.List<AssessmentProfile.Entry> results,
                       java.util.List<AssessmentProfile.Percentile> percentiles, boolean fallingTwoGrades,
                       java.util.List<AssessmentProfile.Fall> falls) {
    }

    private final AssessmentProfiles profiles;

    AssessmentProfileApi(AssessmentProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/profile/{personId}")
    @PreAuthorize("hasAuthority('assessment:read')")
    ProfileJson profile(@PathVariable long personId) {
        AssessmentProfile p = profiles.profile(personId);
        return new ProfileJson(p.personId(), p.name(), p.orgName(), p.category(), p.entries(), p.percentiles(), p.fallingTwoGrades(), p.falls());
    }

    @GetMapping("/periods/{id}/distribution")
    @PreAuthorize("hasAuthority('assessment:read')")
    GradeDistribution distribution(@PathVariable long id, @RequestParam(required = false) Long orgId,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return profiles.distribution(id, orgId, PageRequest.of(page, size == null ? 50 : size));
    }
}
