package org.zugong.talent;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageCaching;

/**
 * {@code /portal/applications}: 我的认定申请 of a talent account — its own applications (another's answers 404),
 * a new one with evidence, each with its stage, timeline and refusal reasons, and withdrawal before the committee.
 */
@Controller
@RequestMapping("/portal/applications")
class RecognitionPortalPages {

    private final TalentRecognitions recognitions;
    private final TalentRegistry registry;

    RecognitionPortalPages(TalentRecognitions recognitions, TalentRegistry registry) {
        this.recognitions = recognitions;
        this.registry = registry;
    }

    @Bean
    static PortalLink recognitionPortalLink() {
        return new PortalLink("applications", "我的认定申请", "/portal/applications", "申请人才认定，查看办理进度和结果", 10);
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("tiers", registry.tiers());
        model.addAttribute("categories", TalentRegistry.CATEGORIES);
        model.addAttribute("modes", TalentRegistry.MODES);
        model.addAttribute("evidenceKinds", TalentRecognitions.EVIDENCE_KINDS);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:self')")
    String list(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("applications", recognitions.ofSelf());
        return "talent/recognition/portal-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('talent:self')")
    String createForm(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("form", TalentApplicationForm.empty(null));
        return "talent/recognition/portal-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('talent:self')")
    String create(@ModelAttribute("form") TalentApplicationForm form, BindingResult binding,
                  @RequestParam(required = false) List<String> evidenceKind, @RequestParam(required = false) List<String> evidenceDescription,
                  @RequestParam(required = false) List<MultipartFile> evidenceFile, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            long id = RecognitionPages.createWithEvidence(recognitions, form, evidenceKind, evidenceDescription, evidenceFile);
            redirect.addFlashAttribute("message", "认定申请已提交，请等待用人单位确认");
            return "redirect:/portal/applications/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        }
        return "talent/recognition/portal-form";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('talent:self')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        TalentApplication a = recognitions.view(id);
        model.addAttribute("a", a);
        model.addAttribute("evidence", recognitions.evidence(id));
        model.addAttribute("steps", recognitions.steps(id));
        model.addAttribute("today", java.time.LocalDate.now());
        return "talent/recognition/portal-detail";
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('talent:self')")
    String withdraw(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            recognitions.take(id, RecognitionStep.WITHDRAW.path(), RecognitionStepForm.of(java.time.LocalDate.now(), null, reason, version));
            redirect.addFlashAttribute("message", "申请已撤回");
            return "redirect:/portal/applications/" + id;
        } catch (FieldErrors | BusinessRuleException | EditConflictException e) {
            response.setStatus(e instanceof EditConflictException ? 409 : e instanceof FieldErrors ? 400 : 422);
            model.addAttribute("error", e instanceof FieldErrors f ? f.summary() : e.getMessage());
        }
        return detail(id, model, response);
    }

    @PostMapping("/{id}/evidence")
    @PreAuthorize("hasAuthority('talent:self')")
    String addEvidence(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                       @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return RecognitionPages.addEvidence(recognitions, id, kind, description, file, redirect, "/portal/applications/" + id);
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @PreAuthorize("hasAuthority('talent:self')")
    void evidenceFile(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
        RecognitionPages.sendFile(recognitions.evidenceFile(id, evidenceId), response);
    }
}
