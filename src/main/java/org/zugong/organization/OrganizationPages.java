package org.zugong.organization;

import jakarta.validation.Valid;
import java.util.List;
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
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/** The organization tree pages: lazy tree with search, detail, create, edit, move, deactivate. */
@Controller
@RequestMapping("/organizations")
class OrganizationPages {

    private final Organizations organizations;
    private final OrganizationEditor editor;
    private final OrganizationRepository repository;
    private final CodeTables codes;

    OrganizationPages(Organizations organizations, OrganizationEditor editor, OrganizationRepository repository, CodeTables codes) {
        this.organizations = organizations;
        this.editor = editor;
        this.repository = repository;
        this.codes = codes;
    }

    @ModelAttribute("kinds")
    OrganizationKind[] kinds() {
        return OrganizationKind.values();
    }

    /** The tree page; with {@code q}, the matching organizations instead of the top nodes. */
    @GetMapping
    @PreAuthorize("hasAuthority('org:read')")
    String tree(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean inactive, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("inactive", inactive);
        if (q != null && !q.isBlank()) {
            Jurisdiction j = organizations.jurisdiction();
            model.addAttribute("hits", repository.search(q.trim(), inactive, j.orgCondition("o.path", "o.id", "j"), 100));
        } else {
            model.addAttribute("roots", organizations.visibleRootRecords());
        }
        return htmx != null ? "organization/tree :: results" : "organization/tree";
    }

    /** Children of one node, as list items for the lazy tree (also used by the org picker). */
    @GetMapping("/{id}/children")
    // The picker also serves the user and role editors of the system and security administrators.
    @PreAuthorize("hasAnyAuthority('org:read', 'user:manage', 'role:manage')")
    String children(@PathVariable long id, @RequestParam(defaultValue = "false") boolean pick,
                    @RequestParam(defaultValue = "false") boolean inactive, Model model) {
        organizations.requireVisibleRecord(id);
        Jurisdiction j = organizations.jurisdiction();
        model.addAttribute("nodes", repository.children(id, inactive, j.orgCondition("o.path", "o.id", "j")));
        model.addAttribute("pick", pick);
        return "organization/nodes :: nodes";
    }

    /** The picker dialog body: top nodes, or search hits. */
    @GetMapping("/picker")
    // The picker also serves the user and role editors of the system and security administrators.
    @PreAuthorize("hasAnyAuthority('org:read', 'user:manage', 'role:manage')")
    String picker(@RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            Jurisdiction j = organizations.jurisdiction();
            model.addAttribute("nodes", repository.search(q.trim(), false, j.orgCondition("o.path", "o.id", "j"), 50));
            model.addAttribute("flat", true);
        } else {
            model.addAttribute("nodes", organizations.visibleRootRecords());
            model.addAttribute("flat", false);
        }
        model.addAttribute("pick", true);
        return "organization/nodes :: nodes";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('org:read')")
    String detail(@PathVariable long id, Model model) {
        OrganizationRecord org = organizations.requireVisibleRecord(id);
        model.addAttribute("org", org);
        model.addAttribute("ancestry", organizations.ancestry(id));
        Jurisdiction j = organizations.jurisdiction();
        model.addAttribute("children", repository.children(id, true, j.orgCondition("o.path", "o.id", "j")));
        model.addAttribute("history", repository.historyOf(id));
        model.addAttribute("unitName", org.unitId() == null ? null : repository.names(List.of(org.unitId())).get(org.unitId()));
        model.addAttribute("regionName", org.regionCode() == null ? null : codes.region().name(org.regionCode()));
        model.addAttribute("today", java.time.LocalDate.now());
        return "organization/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('org:write')")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        if (parentId != null) {
            model.addAttribute("parent", organizations.requireVisibleRecord(parentId));
        }
        model.addAttribute("form", OrganizationForm.blank(parentId));
        return "organization/form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('org:write')")
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                long id = editor.create(form);
                redirect.addFlashAttribute("message", "已新建组织“" + form.name().trim() + "”");
                return "redirect:/organizations/" + id;
            } catch (FieldErrors e) {
                e.copyTo(binding);
            }
        }
        if (form.parentId() != null) {
            model.addAttribute("parent", organizations.requireVisibleRecord(form.parentId()));
        }
        return "organization/form";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('org:write')")
    String editForm(@PathVariable long id, Model model) {
        OrganizationRecord org = organizations.requireVisibleRecord(id);
        model.addAttribute("org", org);
        model.addAttribute("form", OrganizationForm.of(org));
        return "organization/form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('org:write')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        OrganizationRecord org = organizations.requireVisibleRecord(id);
        if (!binding.hasErrors()) {
            try {
                editor.update(id, form);
                redirect.addFlashAttribute("message", "已保存");
                return "redirect:/organizations/" + id;
            } catch (FieldErrors e) {
                e.copyTo(binding);
            } catch (EditConflictException e) {
                e.showOn(binding, response);
            }
        }
        model.addAttribute("org", org);
        return "organization/form";
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('org:write')")
    String move(@PathVariable long id, @RequestParam(required = false) Long parentId, @RequestParam int version,
                RedirectAttributes redirect) {
        organizations.requireVisibleRecord(id); // outside the jurisdiction: 404 and audited, before any input check
        try {
            if (parentId == null) {
                throw FieldErrors.of("parentId", "请选择新的上级组织");
            }
            int moved = editor.move(id, parentId, version);
            redirect.addFlashAttribute("message", "已移动，共 " + moved + " 个组织随之调整");
        } catch (FieldErrors | BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizations/" + id;
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAuthority('org:write')")
    String deactivate(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam int version,
                      RedirectAttributes redirect) {
        try {
            editor.deactivate(id, reason, version);
            redirect.addFlashAttribute("message", "已撤销，历史记录保留");
        } catch (FieldErrors | BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizations/" + id;
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasAuthority('org:write')")
    String reactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            editor.reactivate(id, version);
            redirect.addFlashAttribute("message", "已恢复");
        } catch (BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizations/" + id;
    }
}
