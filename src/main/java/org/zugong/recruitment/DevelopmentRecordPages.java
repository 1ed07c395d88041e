package org.zugong.recruitment;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.RecordNotFoundException;

/** {@code /recruitment}: the development records by stage, one record with its steps and the form of the next one. */
@Controller
@RequestMapping("/recruitment")
class DevelopmentRecordPages {

    private final DevelopmentRecords records;
    private final org.zugong.organization.Organizations organizations;

    DevelopmentRecordPages(DevelopmentRecords records, org.zugong.organization.Organizations organizations) {
        this.records = records;
        this.organizations = organizations;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    String list(@RequestParam(required = false) CandidateStage stage, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) String name, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("stage", stage);
        model.addAttribute("orgId", orgId);
        model.addAttribute("orgName", orgId == null ? "" : organizations.requireVisible(orgId).name());
        model.addAttribute("name", name);
        model.addAttribute("stages", CandidateStage.values());
        model.addAttribute("counts", records.counts(orgId, name));
        model.addAttribute("result", records.list(orgId, stage, name, PageRequest.of(page, 20)));
        return "recruitment/list";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:write')")
    String register(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long branchOrgId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate applicationDate,
                    Model model, HttpServletResponse response) {
        try {
            long id = records.register(personId, branchOrgId, applicationDate);
            return "redirect:/recruitment/" + id;
        } catch (BusinessRuleException | FieldErrors e) {
            response.setStatus(e instanceof FieldErrors ? 400 : 422);
            model.addAttribute("error", e.getMessage());
            return list(null, null, null, null, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:read')")
    String detail(@PathVariable long id, Model model) {
        DevelopmentRecords.Detail d = records.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("c", d.candidate());
        model.addAttribute("steps", timeline(d.candidate()));
        String next = d.nextStep() == null ? null : d.nextStep().key();
        var actor = org.zugong.platform.security.Actor.require();
        // The next step's form shows to whoever takes that step: the branch, the Party committee, the county department.
        model.addAttribute("canStep", d.nextStep() != null && (d.nextStep().step() == DevelopmentStep.PRE_REVIEW
                ? actor.can(org.zugong.platform.security.Permissions.RECRUITMENT_APPROVE)
                  || actor.can(org.zugong.platform.security.Permissions.RECRUITMENT_PREREVIEW)
                : actor.can(DevelopmentRecords.permissionFor(d.nextStep().step(), null))));
        boolean choosing = "activist".equals(next) || "development-target".equals(next);
        model.addAttribute("members", choosing && org.zugong.platform.security.Actor.require().can(
                org.zugong.platform.security.Permissions.RECRUITMENT_WRITE) ? records.memberChoices(id) : List.of());
        return "recruitment/detail";
    }

    /** The page form of a step: flat fields, the two introducers as four fields. */
    record PageStepForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Boolean passed, Integer days, Integer hours,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end, Timeline.PreReviewLevel level,
                        Long reviewerOrgId, String note, Integer dueVoters, Integer present, Integer votesFor, Integer writtenFor,
                        Integer months, String reason, Long introducer1, Timeline.IntroducerStatus introducer1Status, Long introducer2,
                        Timeline.IntroducerStatus introducer2Status, Long contact, Integer version) {

        StepForm toStepForm() {
            List<StepForm.Member> introducers = new ArrayList<>();
            if (introducer1 != null) {
                introducers.add(new StepForm.Member(introducer1, introducer1Status));
            }
            if (introducer2 != null) {
                introducers.add(new StepForm.Member(introducer2, introducer2Status));
            }
            List<StepForm.Member> contacts = contact == null ? List.of() : List.of(new StepForm.Member(contact, null));
            return new StepForm(date, passed, days, hours, start, end, level, reviewerOrgId, note, dueVoters, present, votesFor,
                    writtenFor, months, reason, introducers, contacts, version);
        }
    }

    @PostMapping("/{id}/steps/{step}")
    // Which of the three the step needs is decided per step by DevelopmentRecords.permissionFor.
    @PreAuthorize("hasAnyAuthority('recruitment:write', 'recruitment:approve', 'recruitment:prereview')")
    String step(@PathVariable long id, @PathVariable String step, @ModelAttribute PageStepForm form, Model model,
                HttpServletResponse response) {
        DevelopmentStep s = DevelopmentStep.ofKey(step).orElseThrow(() -> new RecordNotFoundException("发展步骤", step));
        try {
            records.step(id, s, form.toStepForm());
            return "redirect:/recruitment/" + id;
        } catch (BusinessRuleException | FieldErrors | EditConflictException e) {
            response.setStatus(e instanceof FieldErrors ? 400 : e instanceof EditConflictException ? 409 : 422);
            model.addAttribute("error", s.label() + "未保存：" + e.getMessage());
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasAnyAuthority('recruitment:write', 'recruitment:approve', 'recruitment:prereview')")
    String correct(@PathVariable long id, @ModelAttribute PageCorrection form, Model model, HttpServletResponse response) {
        try {
            records.correctDate(id, form.toCorrection());
            return "redirect:/recruitment/" + id;
        } catch (BusinessRuleException | FieldErrors | EditConflictException e) {
            response.setStatus(e instanceof FieldErrors ? 400 : e instanceof EditConflictException ? 409 : 422);
            model.addAttribute("error", "日期未更正：" + e.getMessage());
            return detail(id, model);
        }
    }

    /**
     * The page form of a correction: one select names what is corrected — a step's key, {@code assessment|<date>} for a
     * half-yearly assessment, or {@code pre-review|<level>} for a pre-review.
     */
    record PageCorrection(String target, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason, Integer version) {

        DateCorrection toCorrection() {
            String t = target == null ? "" : target;
            int bar = t.indexOf('|');
            String step = bar < 0 ? t : t.substring(0, bar);
            String detail = bar < 0 ? null : t.substring(bar + 1);
            LocalDate original = null;
            Timeline.PreReviewLevel level = null;
            try {
                if ("assessment".equals(step) && detail != null) {
                    original = LocalDate.parse(detail);
                } else if ("pre-review".equals(step) && detail != null) {
                    level = Timeline.PreReviewLevel.valueOf(detail);
                }
            } catch (RuntimeException e) {
                throw FieldErrors.of("target", "更正的环节无效");
            }
            return new DateCorrection(step, original, level, date, reason, version);
        }
    }

    /** A recorded step as a line of the timeline. */
    record StepLine(String label, String when, String detail) {
    }

    static List<StepLine> timeline(Candidate c) {
        List<StepLine> lines = new ArrayList<>();
        lines.add(new StepLine("递交入党申请书", String.valueOf(c.applicationDate), ""));
        add(lines, DevelopmentStep.TALK, c.talkDate, "");
        add(lines, DevelopmentStep.ACTIVIST, c.activistDate, "");
        for (Candidate.Assessment a : c.assessments) {
            add(lines, DevelopmentStep.ASSESSMENT, a.date(), a.note() == null ? "" : a.note());
        }
        add(lines, DevelopmentStep.DEVELOPMENT_TARGET, c.developmentTargetDate, "");
        if (c.politicalReviewDate != null) {
            add(lines, DevelopmentStep.POLITICAL_REVIEW, c.politicalReviewDate, Boolean.TRUE.equals(c.politicalReviewPassed) ? "合格" : "不合格");
        }
        if (c.trainingDays != null || c.trainingHours != null) {
            lines.add(new StepLine(DevelopmentStep.TRAINING.label(), "", (c.trainingDays == null ? 0 : c.trainingDays) + "天，"
                    + (c.trainingHours == null ? 0 : c.trainingHours) + "学时"));
        }
        if (c.noticeStart != null) {
            lines.add(new StepLine(DevelopmentStep.NOTICE.label(), c.noticeStart + " 至 " + c.noticeEnd, ""));
        }
        for (Candidate.PreReviewEntry p : c.preReviews) {
            lines.add(new StepLine(p.levelLabel(), String.valueOf(p.date()), (p.passed() ? "通过" : "未通过")
                    + (p.reviewerOrgName() == null ? "" : "（" + p.reviewerOrgName() + "）")));
        }
        if (c.admission != null) {
            lines.add(new StepLine(DevelopmentStep.ADMISSION.label(), String.valueOf(c.admission.date()), votes(c.admission)));
        }
        add(lines, DevelopmentStep.APPROVAL, c.approvalDate, c.approvalSpecialReason == null ? "" : "特殊情况：" + c.approvalSpecialReason);
        if (c.extensionMonths != null) {
            lines.add(new StepLine(DevelopmentStep.EXTENSION.label(), "", c.extensionMonths + "个月"));
        }
        if (c.conversion != null) {
            lines.add(new StepLine(DevelopmentStep.CONVERSION.label(), String.valueOf(c.conversion.date()), votes(c.conversion)));
        }
        add(lines, DevelopmentStep.CONVERSION_APPROVAL, c.conversionApprovalDate, "");
        add(lines, DevelopmentStep.CANCEL, c.cancelledDate, c.cancelledReason == null ? "" : c.cancelledReason);
        return lines;
    }

    private static void add(List<StepLine> lines, DevelopmentStep step, LocalDate date, String detail) {
        if (date != null) {
            lines.add(new StepLine(step.label(), date.toString(), detail));
        }
    }

    private static String votes(Timeline.Meeting m) {
        return "应到" + m.dueVoters() + "人，实到" + m.present() + "人，赞成" + m.votesFor() + "票"
                + (m.writtenFor() == null || m.writtenFor() == 0 ? "" : "，书面赞成" + m.writtenFor() + "份");
    }
}
