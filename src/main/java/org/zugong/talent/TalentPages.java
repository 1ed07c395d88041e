package org.zugong.talent;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
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
import org.zugong.access.TalentAccounts;
import org.zugong.person.Persons;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageCaching;
import org.zugong.platform.web.PageRequest;

/**
 * {@code /talents}: the registry list (filters, paging, audited export), the detail page (person basics, tier,
 * entitlements, validity, the talent account and the sections other parts of the module contribute), and the
 * create and edit forms of a registry record.
 */
@Controller
@RequestMapping("/talents")
class TalentPages {

    private final TalentRegistry registry;
    private final Persons persons;
    private final TalentAccounts accounts;
    private final List<TalentDetailSection> sections;

    TalentPages(TalentRegistry registry, Persons persons, TalentAccounts accounts, org.springframework.beans.factory.ObjectProvider<TalentDetailSection> sections) {
        this.registry = registry;
        this.persons = persons;
        this.accounts = accounts;
        this.sections = sections.orderedStream().sorted(Comparator.comparingInt(TalentDetailSection::order)).toList();
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("tiers", registry.tiers());
        model.addAttribute("categories", TalentRegistry.CATEGORIES);
        model.addAttribute("modes", TalentRegistry.MODES);
        model.addAttribute("statuses", TalentStatus.values());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:read')")
    String list(@ModelAttribute("criteria") TalentCriteria criteria, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("result", registry.search(criteria, PageRequest.of(page, size)));
        return htmx != null ? "talent/list :: results" : "talent/list";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('talent:read')")
    void export(@ModelAttribute TalentCriteria criteria, HttpServletResponse response) throws IOException {
        registry.export(criteria, response);
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('talent:write')")
    String createForm(@RequestParam(required = false) Long personId, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("form", TalentForm.empty(personId));
        addPerson(model, personId);
        return "talent/form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('talent:write')")
    String create(@ModelAttribute("form") TalentForm form, BindingResult binding, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            long id = registry.create(form);
            redirect.addFlashAttribute("message", "已登记到人才库");
            return "redirect:/talents/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
        }
        addPerson(model, form.personId());
        return "talent/form";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('talent:read')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        TalentSummary t = registry.view(id);
        model.addAttribute("t", t);
        // The talent is in scope by its employer unit; the person's basics show when the person is in scope too.
        model.addAttribute("person", persons.isVisible(t.personId()) ? persons.requireVisible(t.personId()) : null);
        model.addAttribute("tier", registry.tiers().stream().filter(x -> x.code().equals(t.tierCode())).findFirst().orElseThrow());
        model.addAttribute("entitlements", registry.entitlements(t.tierCode()));
        model.addAttribute("account", accounts.ofPerson(t.personId()).orElse(null));
        Actor actor = Actor.require();
        model.addAttribute("sections", sections.stream().filter(s -> s.permission() == null || actor.can(s.permission())).toList());
        model.addAttribute("today", java.time.LocalDate.now());
        return "talent/detail";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('talent:write')")
    String editForm(@PathVariable long id, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        TalentSummary t = registry.requireVisible(id);
        model.addAttribute("t", t);
        model.addAttribute("form", TalentForm.of(t));
        return "talent/form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('talent:write')")
    String update(@PathVariable long id, @ModelAttribute("form") TalentForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        TalentSummary t = registry.requireVisible(id);
        try {
            registry.update(id, form);
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/talents/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
        } catch (EditConflictException e) {
            e.showOn(binding, response);
        }
        model.addAttribute("t", t);
        return "talent/form";
    }

    /**
     * 开通人才账号: the answer is the detail page itself with the initial password, shown this once — never
     * redirected, so that the password passes through no session or flash storage.
     */
    @PostMapping("/{id}/account")
    @PreAuthorize("hasAuthority('talent:write')")
    String openAccount(@PathVariable long id, Model model, HttpServletResponse response) {
        TalentSummary t = registry.requireVisible(id);
        openAccount(accounts, t.personId(), t.orgId(), t.personName(), "人才账号", model, response);
        return detail(id, model, response);
    }

    /**
     * Opens the person's account and puts the initial password into the page being answered (shown this once), or
     * the reason it cannot be opened (422). Shared by the registry's and the recognition's detail pages.
     */
    static void openAccount(TalentAccounts accounts, long personId, long orgId, String personName, String what, Model model,
                            HttpServletResponse response) {
        try {
            TalentAccounts.Issued issued = accounts.open(personId, orgId, personName);
            model.addAttribute("issued", issued);
            model.addAttribute("message", "已开通" + what + " " + issued.username() + "，请将初始密码当面交给本人，首次登录须修改密码");
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        }
    }

    /** 停用/启用人才账号. */
    @PostMapping("/{id}/account/enabled")
    @PreAuthorize("hasAuthority('talent:write')")
    String accountEnabled(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        TalentSummary t = registry.requireVisible(id);
        try {
            accounts.setEnabled(t.personId(), enabled);
            redirect.addFlashAttribute("message", enabled ? "已启用人才账号" : "已停用人才账号，其会话已全部结束");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/talents/" + id;
    }

    private void addPerson(Model model, Long personId) {
        if (personId != null && persons.isVisible(personId)) {
            model.addAttribute("person", persons.requireVisible(personId));
        }
    }
}
