package org.zugong.assessment;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;

/** 考核方案 pages: the list with filters, a scheme with its indicators, the form, copy and end. */
@Controller
@RequestMapping("/assessment/schemes")
class AssessmentSchemePages {

    /** Blank indicator rows offered below the filled ones, and added by “增加空行”. */
    static final int BLANK_ROWS = 3;

    private final SchemeRegistry registry;
    private final Organizations organizations;

    AssessmentSchemePages(SchemeRegistry registry, Organizations organizations) {
        this.registry = registry;
        this.organizations = organizations;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("unitCategories", SchemeUnitCategory.values());
        model.addAttribute("postTypes", SchemePostType.values());
        model.addAttribute("methods", IndicatorMethod.values());
        model.addAttribute("today", LocalDate.now());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:read')")
    String list(@ModelAttribute("criteria") SchemeCriteria criteria, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("result", registry.search(criteria, PageRequest.of(page, size)));
        if (criteria.orgId() != null) {
            model.addAttribute("orgName", organizations.requireVisible(criteria.orgId()).name());
        }
        return htmx != null ? "assessment/schemes :: results" : "assessment/schemes";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String newForm(@RequestParam(required = false) Long orgId, Model model) {
        model.addAttribute("form", SchemeForm.blank(orgId, 5));
        addOrgName(model, orgId);
        return "assessment/scheme-form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String create(@ModelAttribute("form") SchemeForm form, BindingResult binding, @RequestParam(required = false) String addRows,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (addRows == null && !binding.hasErrors()) {
            try {
                long id = registry.create(form);
                redirect.addFlashAttribute("message", "已创建考核方案“" + form.name().strip() + "”");
                return "redirect:/assessment/schemes/" + id;
            } catch (FieldErrors e) {
                e.copyTo(binding);
            } catch (BusinessRuleException e) {
                binding.reject("rule", e.getMessage());
                response.setStatus(422);
            }
        }
        return reshow(form, addRows, binding, model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:read')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        SchemeDetail d = registry.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("s", d.scheme());
        model.addAttribute("ancestry", organizations.ancestry(d.scheme().orgId()));
        return "assessment/scheme";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String editForm(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        SchemeDetail d = registry.editable(id);
        model.addAttribute("d", d);
        model.addAttribute("form", SchemeForm.of(d, BLANK_ROWS));
        addOrgName(model, d.scheme().orgId());
        return "assessment/scheme-form";
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String update(@PathVariable long id, @ModelAttribute("form") SchemeForm form, BindingResult binding,
                  @RequestParam(required = false) String addRows, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        SchemeDetail d = registry.editable(id);
        if (addRows == null && !binding.hasErrors()) {
            try {
                registry.update(id, form);
                redirect.addFlashAttribute("message", "已保存");
                return "redirect:/assessment/schemes/" + id;
            } catch (FieldErrors e) {
                e.copyTo(binding);
            } catch (BusinessRuleException e) {
                binding.reject("rule", e.getMessage());
                response.setStatus(422);
            } catch (EditConflictException e) {
                e.showOn(binding, response);
            }
        }
        model.addAttribute("d", d);
        return reshow(form, addRows, binding, model);
    }

    @PostMapping("/{id}/copy")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String copy(@PathVariable long id, @ModelAttribute SchemeCopyForm form, RedirectAttributes redirect) {
        try {
            long copy = registry.copy(id, form);
            redirect.addFlashAttribute("message", "已复制为新方案，请核对指标");
            return "redirect:/assessment/schemes/" + copy;
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", "未复制：" + e.summary());
        } catch (BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", "未复制：" + e.getMessage());
        }
        return "redirect:/assessment/schemes/" + id;
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String end(@PathVariable long id, @ModelAttribute SchemeEndForm form, RedirectAttributes redirect) {
        try {
            registry.end(id, form);
            redirect.addFlashAttribute("message", "已设置方案的失效日期");
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
        } catch (EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/assessment/schemes/" + id;
    }

    private String reshow(SchemeForm form, String addRows, BindingResult binding, Model model) {
        if (addRows != null) {
            // Nothing was validated: the longer form replaces the bound one, without its binding result.
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
            model.addAttribute("form", form.withBlankRows(BLANK_ROWS));
        }
        addOrgName(model, form.orgId());
        return "assessment/scheme-form";
    }

    private void addOrgName(Model model, Long orgId) {
        if (orgId != null && organizations.isVisible(orgId)) {
            model.addAttribute("orgName", organizations.find(orgId).map(o -> o.name()).orElse(""));
        }
    }

}
