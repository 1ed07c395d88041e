package org.zugong.assessment;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.cadre.AnnualGrade;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;

/** The assessment pages: periods, a period's units, a unit's workbench, and one person's assessment. */
@Controller
@RequestMapping("/assessment/periods")
class AssessmentPages {

    private final AssessmentPeriods periods;
    private final AssessmentWorkflow workflow;
    private final AssessmentResults results;
    private final Organizations organizations;
    private final AssessmentSchemes schemes;

    AssessmentPages(AssessmentPeriods periods, AssessmentWorkflow workflow, AssessmentResults results, Organizations organizations,
                    AssessmentSchemes schemes) {
        this.schemes = schemes;
        this.periods = periods;
        this.workflow = workflow;
        this.results = results;
        this.organizations = organizations;
    }

    /** Choices for the templates. */
    public record Choices(List<AnnualGrade> annualGrades, List<RoutineGrade> routineGrades, List<AssessmentStage> stages) {
    }

    @ModelAttribute("choices")
    Choices choices() {
        return new Choices(List.of(AnnualGrade.EXCELLENT, AnnualGrade.COMPETENT, AnnualGrade.BASICALLY_COMPETENT, AnnualGrade.INCOMPETENT,
                AnnualGrade.UNGRADED_PROBATION, AnnualGrade.UNGRADED_INVESTIGATION, AnnualGrade.UNGRADED_SANCTION,
                AnnualGrade.NOT_ASSESSED_LEAVE, AnnualGrade.NOT_ASSESSED_OTHER), List.of(RoutineGrade.values()), List.of(AssessmentStage.values()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:read')")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) PeriodKind kind,
                @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        PageRequest request = PageRequest.of(page, 50);
        List<AssessmentPeriod> list = periods.list(year, kind, request);
        model.addAttribute("periods", list);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("thisYear", LocalDate.now().getYear());
        model.addAttribute("rules", periods.rules());
        // The default scope is the top of the user's jurisdiction (a county department assesses its county).
        organizations.visibleRoots().stream().findFirst().ifPresent(root -> {
            model.addAttribute("homeOrgId", root.id());
            model.addAttribute("homeOrgName", root.name());
        });
        return "assessment/periods";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('assessment:manage')")
    String open(@ModelAttribute PeriodForm form, RedirectAttributes redirect) {
        try {
            long id = periods.open(form);
            redirect.addFlashAttribute("message", "已开启考核周期");
            return "redirect:/assessment/periods/" + id;
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", join(e));
            return "redirect:/assessment/periods";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:read')")
    String period(@PathVariable long id, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                  Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        AssessmentPeriod period = results.period(id);
        model.addAttribute("period", period);
        model.addAttribute("units", periods.progress(id, orgId, PageRequest.of(page, 50)));
        model.addAttribute("orgId", orgId);
        if (orgId != null) {
            model.addAttribute("orgName", organizations.requireVisible(orgId).name());
        }
        return "assessment/period";
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String close(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(redirect, "已结束考核周期", "/assessment/periods/" + id, () -> {
            periods.close(id, version);
            return null;
        });
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String confirmReady(@PathVariable long id, @RequestParam(required = false) Long orgId, RedirectAttributes redirect) {
        return act(redirect, null, "/assessment/periods/" + id + (orgId == null ? "" : "?orgId=" + orgId), () -> {
            AssessmentWorkflow.BatchConfirmation done = workflow.confirmReady(id, orgId);
            if (!done.skipped().isEmpty()) {
                redirect.addFlashAttribute("skipped", done.skipped());
            }
            return "已确认 " + done.units() + " 个单位 " + done.people() + " 人的考核结果" + (done.skipped().isEmpty() ? "" : "；" + done.skipped().size() + " 个单位未确认，见下方列表");
        });
    }

    @GetMapping("/{id}/units/{orgId}")
    @PreAuthorize("hasAuthority('assessment:read')")
    String unit(@PathVariable long id, @PathVariable long orgId, @RequestParam(required = false) AssessmentStage stage,
                @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        AssessmentPeriod period = results.period(id);
        model.addAttribute("period", period);
        model.addAttribute("unit", periods.unit(period, orgId));
        model.addAttribute("result", results.results(period, orgId, stage, orgId, PageRequest.of(page, 100)));
        model.addAttribute("stage", stage);
        model.addAttribute("rules", periods.rules());
        model.addAttribute("today", LocalDate.now());
        return "assessment/unit";
    }

    @PostMapping("/{id}/units/{orgId}/publicity")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String publicity(@PathVariable long id, @PathVariable long orgId, RedirectAttributes redirect) {
        return act(redirect, null, unitUrl(id, orgId), () -> "已开始公示，至 " + workflow.startPublicity(id, orgId) + " 结束");
    }

    @PostMapping("/{id}/units/{orgId}/confirm")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String confirm(@PathVariable long id, @PathVariable long orgId, RedirectAttributes redirect) {
        return act(redirect, null, unitUrl(id, orgId), () -> "已确认 " + workflow.confirm(id, orgId) + " 人的考核结果");
    }

    @PostMapping("/{id}/units/{orgId}/quota-approval")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String approve(@PathVariable long id, @PathVariable long orgId, @ModelAttribute QuotaApprovalForm form, RedirectAttributes redirect) {
        return act(redirect, "已记录优秀比例的批准", unitUrl(id, orgId), () -> {
            periods.approveQuota(id, orgId, form);
            return null;
        });
    }

    @GetMapping("/{id}/results/{personId}")
    @PreAuthorize("hasAuthority('assessment:read')")
    String result(@PathVariable long id, @PathVariable long personId, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        AssessmentPeriod period = results.period(id);
        AssessmentResult result = results.result(period, personId);
        model.addAttribute("period", period);
        model.addAttribute("r", result);
        model.addAttribute("steps", results.steps(period, personId));
        model.addAttribute("gradeName", AssessmentWorkflow.gradeName(period, result.grade()));
        model.addAttribute("suggestedName", AssessmentWorkflow.gradeName(period, result.suggestedGrade()));
        model.addAttribute("scheme", result.schemeId() == null ? null : schemes.find(result.schemeId()).orElse(null));
        return "assessment/result";
    }

    @PostMapping("/{id}/results/{personId}/self-summary")
    @PreAuthorize("hasAnyAuthority('assessment:self', 'assessment:manage')")
    String selfSummary(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) String text,
                       @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(redirect, "已提交个人小结", resultUrl(id, personId), () -> {
            workflow.selfSummary(id, personId, text, version);
            return null;
        });
    }

    @PostMapping("/{id}/results/{personId}/evaluation")
    @PreAuthorize("hasAuthority('assessment:evaluate')")
    String evaluate(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) BigDecimal score,
                    @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                    @RequestParam java.util.Map<String, String> params, RedirectAttributes redirect) {
        // Indicator scores arrive as scores[<indicator id>]=<score>.
        java.util.Map<String, BigDecimal> scores = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("scores[") && k.endsWith("]") && v != null && !v.isBlank()) {
                try {
                    scores.put(k.substring(7, k.length() - 1), new BigDecimal(v.strip()));
                } catch (NumberFormatException e) {
                    scores.put(k.substring(7, k.length() - 1), BigDecimal.valueOf(-1));
                }
            }
        });
        return act(redirect, "已提交领导评价", resultUrl(id, personId), () -> {
            workflow.evaluate(id, personId, new EvaluationForm(scores.isEmpty() ? null : scores, scores.isEmpty() ? score : null, note, version),
                    version);
            return null;
        });
    }

    @PostMapping("/{id}/results/{personId}/proposal")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String propose(@PathVariable long id, @PathVariable long personId, @ModelAttribute GradeForm form, RedirectAttributes redirect) {
        return act(redirect, "已拟定等次", resultUrl(id, personId), () -> {
            workflow.propose(id, personId, form);
            return null;
        });
    }

    @PostMapping("/{id}/results/{personId}/return")
    @PreAuthorize("hasAnyAuthority('assessment:manage', 'assessment:evaluate')")
    String sendBack(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(redirect, "已退回", resultUrl(id, personId), () -> {
            workflow.sendBack(id, personId, reason, version);
            return null;
        });
    }

    @PostMapping("/{id}/results/{personId}/inclusion")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String inclusion(@PathVariable long id, @PathVariable long personId, @RequestParam boolean included,
                     @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        return act(redirect, included ? "已纳入考核" : "已调整为不参加考核", resultUrl(id, personId), () -> {
            periods.setIncluded(id, personId, included, note, version);
            return null;
        });
    }

    /** Runs an action; its message (or {@code done}) or its error comes back as a flash message. */
    private static String act(RedirectAttributes redirect, String done, String back, Supplier<String> action) {
        return org.zugong.platform.web.PageActions.run(redirect, back, done, action);
    }

    private static String join(FieldErrors e) {
        return e.summary();
    }

    private static String unitUrl(long id, long orgId) {
        return "/assessment/periods/" + id + "/units/" + orgId;
    }

    private static String resultUrl(long id, long personId) {
        return "/assessment/periods/" + id + "/results/" + personId;
    }

}
