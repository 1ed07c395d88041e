package org.zugong.talent;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
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
import org.zugong.access.TalentAccounts;
import org.zugong.person.PersonDetailTab;
import org.zugong.person.Persons;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageCaching;
import org.zugong.platform.web.PageRequest;

/**
 * {@code /talent-applications}: the 认定申请 list (filters, paging, audited export), one application with its
 * evidence, timeline and the form of the next step for whoever takes it, the new-application form on a person's
 * behalf, the applicant's account, the 认定申请 tab of the person page and the 认定记录 section of the talent page.
 */
@Controller
@RequestMapping("/talent-applications")
class RecognitionPages {

    static final String ANY_STAFF = "hasAnyAuthority('talent:read', 'talent:employer', 'talent:review', 'talent:committee')";

    private final TalentRecognitions recognitions;
    private final TalentRegistry registry;
    private final Persons persons;
    private final TalentAccounts accounts;

    RecognitionPages(TalentRecognitions recognitions, TalentRegistry registry, Persons persons, TalentAccounts accounts) {
        this.recognitions = recognitions;
        this.registry = registry;
        this.persons = persons;
        this.accounts = accounts;
    }

    @Bean
    static PersonDetailTab recognitionPersonTab() {
        return new PersonDetailTab("talent-applications", "人才认定", "/talent-applications/person-tab/{id}", Permissions.TALENT_READ, 61);
    }

    @Bean
    static TalentDetailSection recognitionTalentSection() {
        return new TalentDetailSection("recognition", "认定记录", "/talent-applications/talent-section/{id}", Permissions.TALENT_READ, 10);
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("tiers", registry.tiers());
        model.addAttribute("categories", TalentRegistry.CATEGORIES);
        model.addAttribute("modes", TalentRegistry.MODES);
        model.addAttribute("stages", RecognitionStage.values());
        model.addAttribute("evidenceKinds", TalentRecognitions.EVIDENCE_KINDS);
    }

    @GetMapping
    @PreAuthorize(ANY_STAFF)
    String list(@RequestParam(required = false) RecognitionStage stage, @RequestParam(required = false) String tier,
                @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String name, @RequestParam(required = false) String source,
                @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        var criteria = new RecognitionRepository.Criteria(stage, tier, orgId, year, name, source);
        model.addAttribute("criteria", criteria);
        model.addAttribute("counties", recognitions.counties());
        model.addAttribute("result", recognitions.search(criteria, PageRequest.of(page, 20)));
        return "talent/recognition/list";
    }

    @GetMapping("/export")
    @PreAuthorize(ANY_STAFF)
    void export(@RequestParam(required = false) RecognitionStage stage, @RequestParam(required = false) String tier,
                @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String name, @RequestParam(required = false) String source,
                HttpServletResponse response) throws IOException {
        recognitions.export(new RecognitionRepository.Criteria(stage, tier, orgId, year, name, source), response);
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyAuthority('talent:write', 'talent:employer')")
    String createForm(@RequestParam(required = false) Long personId, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("form", TalentApplicationForm.empty(personId));
        addPerson(model, personId);
        return "talent/recognition/form";
    }

    @PostMapping
    @PreAuthorize("hasAnyAuthority('talent:write', 'talent:employer')")
    String create(@ModelAttribute("form") TalentApplicationForm form, BindingResult binding,
                  @RequestParam(required = false) List<String> evidenceKind, @RequestParam(required = false) List<String> evidenceDescription,
                  @RequestParam(required = false) List<MultipartFile> evidenceFile, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            long id = createWithEvidence(recognitions, form, evidenceKind, evidenceDescription, evidenceFile);
            redirect.addFlashAttribute("message", "认定申请已提交");
            return "redirect:/talent-applications/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        }
        addPerson(model, form.personId());
        return "talent/recognition/form";
    }

    /** Files the application with its evidence rows (each with its optional file) in one transaction: a refused file leaves nothing. */
    static long createWithEvidence(TalentRecognitions recognitions, TalentApplicationForm form, List<String> kinds, List<String> descriptions,
                                   List<MultipartFile> files) {
        return recognitions.createWithFiles(form, kinds, descriptions, files);
    }

    @GetMapping("/{id}")
    @PreAuthorize(ANY_STAFF)
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        TalentApplication a = recognitions.view(id);
        model.addAttribute("a", a);
        model.addAttribute("evidence", recognitions.evidence(id));
        model.addAttribute("steps", recognitions.steps(id));
        model.addAttribute("rule", recognitions.rule());
        model.addAttribute("account", accounts.ofPerson(a.personId()).orElse(null));
        model.addAttribute("today", java.time.LocalDate.now());
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute("stepForm", RecognitionStepForm.of(java.time.LocalDate.now(), null, null, a.version()));
        }
        return "talent/recognition/detail";
    }

    @PostMapping("/{id}/steps/{step}")
    @PreAuthorize("hasAnyAuthority('talent:employer', 'talent:review', 'talent:committee', 'talent:write')")
    String step(@PathVariable long id, @PathVariable String step, @ModelAttribute("stepForm") RecognitionStepForm form,
                BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TalentApplication a = recognitions.take(id, step, form);
            redirect.addFlashAttribute("message", "已办理，申请当前为“" + a.stageLabel() + "”");
            return "redirect:/talent-applications/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
            response.setStatus(400);
            model.addAttribute("error", e.summary());
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        } catch (EditConflictException e) {
            response.setStatus(409);
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("failedStep", step);
        String page = detail(id, model, response);
        return page;
    }

    @PostMapping("/{id}/evidence")
    @PreAuthorize("hasAnyAuthority('talent:write', 'talent:employer')")
    String addEvidence(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                       @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return addEvidence(recognitions, id, kind, description, file, redirect, "/talent-applications/" + id);
    }

    /** 补充证明材料 (staff page and portal): back to the application with the outcome or the Chinese reason. */
    static String addEvidence(TalentRecognitions recognitions, long id, String kind, String description, MultipartFile file,
                              RedirectAttributes redirect, String back) {
        try {
            recognitions.addEvidence(id, kind, description, file);
            redirect.addFlashAttribute("message", "已补充证明材料");
        } catch (FieldErrors | BusinessRuleException e) {
            redirect.addFlashAttribute("error", e instanceof FieldErrors f ? f.summary() : e.getMessage());
        }
        return "redirect:" + back;
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @PreAuthorize(ANY_STAFF)
    void evidenceFile(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
        sendFile(recognitions.evidenceFile(id, evidenceId), response);
    }

    static void sendFile(StoredFile file, HttpServletResponse response) throws IOException {
        PageCaching.noStore(response);
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(file.content());
    }

    /** 开通申请人账号: the initial password is shown on this answer only (never redirected). */
    @PostMapping("/{id}/account")
    @PreAuthorize("hasAuthority('talent:write')")
    String openAccount(@PathVariable long id, Model model, HttpServletResponse response) {
        TalentApplication a = recognitions.requireVisible(id);
        TalentPages.openAccount(accounts, a.personId(), a.orgId(), a.personName(), "申请人账号", model, response);
        return detail(id, model, response);
    }

    /** The 人才认定 tab of the person page: the person's applications, a new one on their behalf, their applicant account. */
    @GetMapping("/person-tab/{personId}")
    @PreAuthorize("hasAuthority('talent:read')")
    String personTab(@PathVariable long personId, Model model) {
        model.addAttribute("person", persons.requireVisible(personId));
        model.addAttribute("applications", recognitions.ofPerson(personId));
        model.addAttribute("account", accounts.ofPerson(personId).orElse(null));
        return "talent/recognition/person-tab :: tab";
    }

    /** 开通申请人账号 from the person page, for a person who has no registry record yet. */
    @PostMapping("/person-tab/{personId}/account")
    @PreAuthorize("hasAuthority('talent:write')")
    String openPersonAccount(@PathVariable long personId, Model model, HttpServletResponse response) {
        var person = persons.requireVisible(personId);
        try {
            TalentAccounts.Issued issued = accounts.open(personId, person.orgId(), person.name());
            model.addAttribute("issued", issued);
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        }
        return personTab(personId, model);
    }

    /** The 认定记录 section of the talent page (by talent id). */
    @GetMapping("/talent-section/{talentId}")
    @PreAuthorize("hasAuthority('talent:read')")
    String talentSection(@PathVariable long talentId, Model model) {
        TalentSummary t = registry.requireVisible(talentId);
        model.addAttribute("applications", recognitions.ofPerson(t.personId()));
        return "talent/recognition/person-tab :: section";
    }

    private void addPerson(Model model, Long personId) {
        if (personId != null && persons.isVisible(personId)) {
            model.addAttribute("person", persons.requireVisible(personId));
        }
    }
}
