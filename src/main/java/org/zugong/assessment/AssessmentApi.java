package org.zugong.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * {@code /api/v1/assessment}: periods, results, the workflow steps, 公示, confirmation and quotas —
 * within the caller's jurisdiction (a unit's staff see their unit, a county its subtree).
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentApi {

    /** A result in a list. */
    record ResultJson(long personId, String name, long orgId, String orgName, boolean included, String stage, String score,
                      String suggestedGrade, String grade, String gradeName, String reason, LocalDate publicityFrom,
                      LocalDate publicityTo, boolean dismissalReview, int version) {
        static ResultJson of(AssessmentPeriod period, AssessmentResult r) {
            return new ResultJson(r.personId(), r.name(), r.orgId(), r.orgName(), r.included(), r.stage().name(),
                    r.score() == null ? null : r.score().toPlainString(), r.suggestedGrade(), r.grade(),
                    r.grade() == null ? null : AssessmentWorkflow.gradeName(period, r.grade()), r.gradeReason(), r.publicityFrom(),
                    r.publicityTo(), r.dismissalReview(), r.version());
        }
    }

    /** The quota of a unit as the issue names it, with the percent that applies. */
    record QuotaJson(int assessed, Integer excellentAllowed, int excellentUsed, Integer percent, boolean approved) {
    }

    record TextRequest(String text, Integer version) {
    }

    record InclusionRequest(boolean included, String note, Integer version) {
    }

    private final AssessmentPeriods periods;
    private final AssessmentWorkflow workflow;
    private final AssessmentResults results;

    AssessmentApi(AssessmentPeriods periods, AssessmentWorkflow workflow, AssessmentResults results) {
        this.periods = periods;
        this.workflow = workflow;
        this.results = results;
    }

    @GetMapping("/periods")
    @PreAuthorize("hasAuthority('assessment:read')")
    List<AssessmentPeriod> periods(@RequestParam(required = false) Integer year, @RequestParam(required = false) PeriodKind kind,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return periods.list(year, kind, PageRequest.of(page, size));
    }

    @PostMapping("/periods")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<Map<String, Long>> open(@RequestBody PeriodForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", periods.open(form)));
    }

    @PostMapping("/periods/{id}/close")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<Void> close(@PathVariable long id) {
        periods.close(id, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/periods/{id}/results")
    @PreAuthorize("hasAuthority('assessment:read')")
    PageResult<ResultJson> results(@PathVariable long id, @RequestParam(required = false) Long orgId,
                                   @RequestParam(required = false) AssessmentStage stage, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        AssessmentPeriod period = results.period(id);
        return results.results(period, orgId, stage, null, PageRequest.of(page, size)).map(r -> ResultJson.of(period, r));
    }

    @GetMapping("/periods/{id}/results/{personId}")
    @PreAuthorize("hasAuthority('assessment:read')")
    ResultJson result(@PathVariable long id, @PathVariable long personId) {
        AssessmentPeriod period = results.period(id);
        return ResultJson.of(period, results.result(period, personId));
    }

    /** Sets a person's grade (with its reason) before 公示; the earlier steps are recorded as entered through the API. */
    @PutMapping("/periods/{id}/results/{personId}")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResultJson setGrade(@PathVariable long id, @PathVariable long personId, @RequestBody GradeForm form) {
        AssessmentPeriod period = results.period(id);
        AssessmentResult result = results.result(period, personId); // the result's jurisdiction before the period's status
        periods.requireOpen(period);
        workflow.enter(period, result, form.grade(), form.reason(), "接口录入");
        return ResultJson.of(period, results.result(period, personId));
    }

    @PostMapping("/periods/{id}/results/{personId}/self-summary")
    @PreAuthorize("hasAnyAuthority('assessment:self', 'assessment:manage')")
    ResponseEntity<Void> selfSummary(@PathVariable long id, @PathVariable long personId, @RequestBody TextRequest request) {
        workflow.selfSummary(id, personId, request.text(), request.version());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/periods/{id}/results/{personId}/evaluation")
    @PreAuthorize("hasAuthority('assessment:evaluate')")
    ResponseEntity<Void> evaluate(@PathVariable long id, @PathVariable long personId, @RequestBody EvaluationForm form) {
        workflow.evaluate(id, personId, form, form.version());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/periods/{id}/results/{personId}/proposal")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<Void> propose(@PathVariable long id, @PathVariable long personId, @RequestBody GradeForm form) {
        workflow.propose(id, personId, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/periods/{id}/results/{personId}/return")
    @PreAuthorize("hasAnyAuthority('assessment:manage', 'assessment:evaluate')")
    ResponseEntity<Void> sendBack(@PathVariable long id, @PathVariable long personId, @RequestBody TextRequest request) {
        workflow.sendBack(id, personId, request.text(), request.version());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/periods/{id}/results/{personId}/inclusion")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<Void> inclusion(@PathVariable long id, @PathVariable long personId, @RequestBody InclusionRequest request) {
        periods.setIncluded(id, personId, request.included(), request.note(), request.version());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/periods/{id}/units/{orgId}/publicity")
    @PreAuthorize("hasAuthority('assessment:manage')")
    Map<String, LocalDate> publicity(@PathVariable long id, @PathVariable long orgId) {
        return Map.of("publicityTo", workflow.startPublicity(id, orgId));
    }

    @PostMapping("/periods/{id}/units/{orgId}/confirm")
    @PreAuthorize("hasAuthority('assessment:manage')")
    Map<String, Integer> confirm(@PathVariable long id, @PathVariable long orgId) {
        return Map.of("confirmed", workflow.confirm(id, orgId));
    }

    /** Confirms every ready unit of the jurisdiction or of a subtree; the others come back with the reason. */
    @PostMapping("/periods/{id}/confirm")
    @PreAuthorize("hasAuthority('assessment:manage')")
    AssessmentWorkflow.BatchConfirmation confirmReady(@PathVariable long id, @RequestParam(required = false) Long orgId) {
        return workflow.confirmReady(id, orgId);
    }

    @PostMapping("/periods/{id}/units/{orgId}/quota-approval")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<Void> approve(@PathVariable long id, @PathVariable long orgId, @RequestBody QuotaApprovalForm form) {
        periods.approveQuota(id, orgId, form);
        return ResponseEntity.noContent().build();
    }

    /** The quota of one unit (its own results): {@code {"assessed","excellentAllowed","excellentUsed"}}. */
    @GetMapping("/periods/{id}/quota")
    @PreAuthorize("hasAuthority('assessment:read')")
    QuotaJson quota(@PathVariable long id, @RequestParam long orgId) {
        AssessmentPeriod period = results.period(id);
        UnitProgress p = periods.unit(period, orgId);
        return new QuotaJson(p.assessed(), p.excellentAllowed(), p.excellentUsed(), p.percent(), p.approved());
    }

    /** Per-unit progress of a period in the jurisdiction or a subtree. */
    @GetMapping("/periods/{id}/units")
    @PreAuthorize("hasAuthority('assessment:read')")
    PageResult<UnitProgress> units(@PathVariable long id, @RequestParam(required = false) Long orgId,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return periods.progress(id, orgId, PageRequest.of(page, size));
    }
}
