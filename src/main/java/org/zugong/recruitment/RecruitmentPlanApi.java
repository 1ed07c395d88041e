package org.zugong.recruitment;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/recruitment/plans}: annual development plans of Party committees with their progress (F44). A plan is
 * the committee's (or the county department's): writing it needs {@code recruitment:approve}, not a branch's write.
 */
@RestController
@RequestMapping("/api/v1/recruitment/plans")
class RecruitmentPlanApi {

    private final RecruitmentPlans plans;

    RecruitmentPlanApi(RecruitmentPlans plans) {
        this.plans = plans;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    List<RecruitmentPlans.Row> list(@RequestParam(required = false) Integer year) {
        return plans.list(year);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:read')")
    RecruitmentPlans.Detail detail(@PathVariable long id) {
        return plans.detail(id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:approve')")
    ResponseEntity<RecruitmentPlans.Detail> create(@RequestBody RecruitmentPlans.PlanForm form) {
        long id = plans.create(form);
        return ResponseEntity.created(URI.create("/api/v1/recruitment/plans/" + id)).body(plans.detail(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:approve')")
    RecruitmentPlans.Detail update(@PathVariable long id, @RequestBody RecruitmentPlans.PlanForm form) {
        plans.update(id, form);
        return plans.detail(id);
    }
}
