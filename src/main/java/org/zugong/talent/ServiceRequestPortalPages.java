package org.zugong.talent;

import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
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
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageCaching;

/**
 * {@code /portal/services} (F72, the talent's side): its own requests, filing one (type, title, content,
 * attachments), the detail with the visible timeline, comments, withdrawal before acceptance, and the rating once
 * finished. Another talent's request answers 404 (audited).
 */
@Controller
@RequestMapping("/portal/services")
class ServiceRequestPortalPages {

    private final ServiceRequests requests;

    ServiceRequestPortalPages(ServiceRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:self')")
    String list(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("requests", requests.mine());
        model.addAttribute("refusal", requests.whyCannotFile().orElse(null));
        return "talent/service/portal-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('talent:self')")
    String createForm(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("form", ServiceRequestForm.empty());
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("types", requests.types().stream().filter(ServiceType::active).toList());
        model.addAttribute("refusal", requests.whyCannotFile().orElse(null));
        return "talent/service/portal-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('talent:self')")
    String create(@ModelAttribute("form") ServiceRequestForm form, BindingResult binding,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            long id = requests.file(form, files);
            redirect.addFlashAttribute("message", "服务申请已提交，请留意办理进度");
            return "redirect:/portal/services/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        }
        return form(model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('talent:self')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        ServiceRequestView r = requests.view(id);
        model.addAttribute("r", r);
        model.addAttribute("events", requests.events(r));
        model.addAttribute("attachments", requests.attachments(r));
        return "talent/service/portal-detail";
    }

    /** Runs an action and redirects to the detail; a refusal shows the detail again with the Chinese reason. */
    private String act(long id, Runnable action, String done, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return PageAction.run(action, done, "/portal/services/" + id, model, redirect, response, () -> detail(id, model, response));
    }

    @PostMapping("/{id}/comments")
    @PreAuthorize("hasAuthority('talent:self')")
    String comment(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        return act(id, () -> requests.comment(id, action), "已留言", model, redirect, response);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('talent:self')")
    String withdraw(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        return act(id, () -> requests.withdraw(id, action), "申请已撤回", model, redirect, response);
    }

    @PostMapping("/{id}/rating")
    @PreAuthorize("hasAuthority('talent:self')")
    String rate(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        return act(id, () -> requests.rate(id, action), "感谢您的评价", model, redirect, response);
    }

    /** 补充附件 while the request awaits acceptance. */
    @PostMapping("/{id}/attachments")
    @PreAuthorize("hasAuthority('talent:self')")
    String attach(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, () -> requests.attach(id, files), "已补充附件", model, redirect, response);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('talent:self')")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return ServiceRequestPages.download(requests, id, attachmentId);
    }
}
