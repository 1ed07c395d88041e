package org.zugong.person;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.organization.Organizations;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;

/** The person pages: list with filters and export, detail with tabs, create and edit forms. */
@Controller
@RequestMapping("/persons")
class PersonPages {

    private static final long MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private final PersonRegistry registry;
    private final PersonExport export;
    private final Organizations organizations;
    private final CodeTables codes;
    private final List<PersonDetailTab> tabs;

    PersonPages(PersonRegistry registry, PersonExport export, Organizations organizations, CodeTables codes,
                List<PersonDetailTab> tabs) {
        this.registry = registry;
        this.export = export;
        this.organizations = organizations;
        this.codes = codes;
        this.tabs = tabs.stream().sorted(Comparator.comparingInt(PersonDetailTab::order)).toList();
    }

    @ModelAttribute("codes")
    CodeTables codes() {
        return codes;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('person:read')")
    String list(@ModelAttribute("criteria") PersonCriteria criteria, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("result", registry.search(criteria, PageRequest.of(page, size), sort));
        model.addAttribute("sort", sort == null ? "" : sort);
        if (criteria.orgId() != null) {
            model.addAttribute("orgName", organizations.requireVisible(criteria.orgId()).name());
        }
        return htmx != null ? "person/list :: results" : "person/list";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('person:export')")
    void export(@ModelAttribute PersonCriteria criteria, @RequestParam(defaultValue = "false") boolean fullIdNumbers,
                HttpServletResponse response) throws IOException {
        if (fullIdNumbers && !Actor.require().can(Permissions.PERSON_ID_FULL)) {
            throw new AccessDeniedException("无权导出完整身份证号");
        }
        registry.where(criteria); // checks the chosen organization before any byte is written
        export.write(criteria, fullIdNumbers, response);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('person:read')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        PersonRecord p = registry.detail(id);
        model.addAttribute("person", p);
        model.addAttribute("age", p.age(LocalDate.now()));
        model.addAttribute("ancestry", organizations.ancestry(p.orgId()));
        Actor actor = Actor.require();
        model.addAttribute("tabs", tabs.stream().filter(t -> t.permission() == null || actor.can(t.permission())).toList());
        return "person/detail";
    }

    /** The full ID number, replacing the masked one on the page; needs the permission and is audited. */
    @PostMapping("/{id}/id-number")
    @PreAuthorize("hasAuthority('person:id-full')")
    @ResponseBody
    ResponseEntity<String> revealIdNumber(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_PLAIN)
                .body(registry.revealIdNumber(id));
    }

    @GetMapping("/{id}/photo")
    @PreAuthorize("hasAuthority('person:read')")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        registry.detail(id);
        return registry.photo(id)
                .map(ph -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .contentType(MediaType.parseMediaType(ph.contentType())).body(ph.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/photo")
    @PreAuthorize("hasAuthority('person:write')")
    String uploadPhoto(@PathVariable long id, @RequestParam("photo") MultipartFile file, RedirectAttributes redirect) throws IOException {
        registry.detail(id); // outside the jurisdiction: 404 and audited, before the file is looked at
        try {
            Upload photo = Upload.accept(file, "照片", MAX_PHOTO_BYTES, FileType.JPEG, FileType.PNG);
            registry.savePhoto(id, photo.type() == FileType.JPEG ? "image/jpeg" : "image/png", photo.content());
            redirect.addFlashAttribute("message", "照片已更新");
        } catch (UploadRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/persons/" + id;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('person:write')")
    String newForm(@RequestParam(required = false) Long orgId, Model model) {
        PersonForm form = PersonForm.blank(orgId);
        model.addAttribute("form", form);
        addOrgName(model, orgId);
        return "person/form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('person:write')")
    String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                long id = registry.register(form);
                redirect.addFlashAttribute("message", "已为“" + form.name().trim() + "”建档");
                return "redirect:/persons/" + id;
            } catch (FieldErrors e) {
                e.copyTo(binding);
            }
        }
        addOrgName(model, form.orgId());
        return "person/form";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('person:write')")
    String editForm(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        PersonRecord p = registry.detail(id);
        model.addAttribute("person", p);
        model.addAttribute("form", p.form());
        addOrgName(model, p.orgId());
        return "person/form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('person:write')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        PersonRecord p = registry.detail(id);
        if (!binding.hasErrors()) {
            try {
                registry.update(id, form);
                redirect.addFlashAttribute("message", "已保存");
                return "redirect:/persons/" + id;
            } catch (FieldErrors e) {
                e.copyTo(binding);
            } catch (EditConflictException e) {
                e.showOn(binding, response);
            }
        }
        model.addAttribute("person", p);
        addOrgName(model, form.orgId());
        return "person/form";
    }

    private void addOrgName(Model model, Long orgId) {
        if (orgId != null && organizations.isVisible(orgId)) {
            model.addAttribute("orgName", organizations.find(orgId).map(o -> o.name()).orElse(""));
        }
    }

}
