package org.zugong.talent;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
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
import org.zugong.platform.web.PageRequest;

/** {@code /talent-points}: 乡土人才积分 — entries (list, new, confirm), person totals, the candidate list and 推荐认定. */
@Controller
@RequestMapping("/talent-points")
class RuralPointPages {

    private final RuralPoints points;

    RuralPointPages(RuralPoints points) {
        this.points = points;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("items", points.items());
        model.addAttribute("threshold", points.threshold());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:read')")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String name,
                @RequestParam(required = false) Long personId, @RequestParam(required = false) Integer page, Model model,
                HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("status", status);
        model.addAttribute("name", name);
        model.addAttribute("personId", personId);
        model.addAttribute("result", points.entries(status, name, personId, PageRequest.of(page, 20)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RuralPoints.EntryForm(personId, null, null, null, null));
        }
        return "talent/points/list";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('talent:write')")
    String create(@ModelAttribute("form") RuralPoints.EntryForm form, BindingResult binding, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            points.create(form, file);
            redirect.addFlashAttribute("message", "已登记积分，待人才办确认");
            return "redirect:/talent-points";
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
            model.addAttribute("error", e.summary());
        }
        return list("PENDING", null, null, null, model, response);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasAuthority('talent:review')")
    String review(@PathVariable long id, @ModelAttribute RuralPoints.ReviewForm form, RedirectAttributes redirect) {
        try {
            RuralPoints.Entry e = points.review(id, form);
            redirect.addFlashAttribute("message", e.personName() + " 的积分" + e.statusLabel());
        } catch (FieldErrors | BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e instanceof FieldErrors f ? f.summary() : e.getMessage());
        }
        return "redirect:/talent-points?status=PENDING";
    }

    @GetMapping("/{id}/file")
    @PreAuthorize("hasAuthority('talent:read')")
    void file(@PathVariable long id, HttpServletResponse response) throws IOException {
        RecognitionPages.sendFile(points.file(id), response);
    }

    @GetMapping("/totals")
    @PreAuthorize("hasAuthority('talent:read')")
    String totals(@RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("candidates", false);
        model.addAttribute("result", points.totals(1, PageRequest.of(page, 20)));
        return "talent/points/totals";
    }

    @GetMapping("/candidates")
    @PreAuthorize("hasAuthority('talent:read')")
    String candidates(@RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("candidates", true);
        model.addAttribute("result", points.candidates(PageRequest.of(page, 20)));
        return "talent/points/totals";
    }

    @PostMapping("/candidates/{personId}/recommend")
    @PreAuthorize("hasAuthority('talent:review')")
    String recommend(@PathVariable long personId, RedirectAttributes redirect) {
        try {
            long id = points.recommend(personId);
            redirect.addFlashAttribute("message", "已推荐认定，申请进入人才办审核");
            return "redirect:/talent-applications/" + id;
        } catch (BusinessRuleException | FieldErrors e) {
            redirect.addFlashAttribute("error", e instanceof FieldErrors f ? f.summary() : e.getMessage());
            return "redirect:/talent-points/candidates";
        }
    }
}
