package org.zugong.cadre;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.excel.ExcelDownload;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.audit.AuditLog;

/**
 * The cadre pages: F13 search with saved searches, roster and LRMX export; the F10 file with its
 * edits; F11 import with preview and confirmation; F14 rank-promotion eligibility.
 */
@Controller
@RequestMapping("/cadres")
class CadrePages {

    private final CadreSearch search;
    private final CadreFiles files;
    private final CadreFileEditor editor;
    private final SavedSearches savedSearches;
    private final LrmxImport lrmxImport;
    private final LrmxImportBatches batches;
    private final LrmxExport lrmxExport;
    private final RankPromotionList promotions;
    private final Organizations organizations;
    private final Persons persons;
    private final CodeTables codes;
    private final AuditLog audit;
    private final CadreRoster roster;
    private final org.springframework.beans.factory.ObjectProvider<CadreBadges> badges;

    private final PromotionProposals proposals;

    CadrePages(org.springframework.beans.factory.ObjectProvider<CadreBadges> badges, CadreRoster roster, CadreSearch search, CadreFiles files,
               CadreFileEditor editor, SavedSearches savedSearches, LrmxImport lrmxImport, LrmxImportBatches batches, LrmxExport lrmxExport,
               RankPromotionList promotions, Organizations organizations, Persons persons, CodeTables codes, AuditLog audit,
               PromotionProposals proposals) {
        this.proposals = proposals;
        this.badges = badges;
        this.roster = roster;
        this.search = search;
        this.files = files;
        this.editor = editor;
        this.savedSearches = savedSearches;
        this.lrmxImport = lrmxImport;
        this.batches = batches;
        this.lrmxExport = lrmxExport;
        this.promotions = promotions;
        this.organizations = organizations;
        this.persons = persons;
        this.codes = codes;
        this.audit = audit;
    }

    @ModelAttribute("codes")
    CodeTables codes() {
        return codes;
    }

    @ModelAttribute("options")
    CadreOptions options() {
        return CadreOptions.INSTANCE;
    }

    // ---- F13 search ---------------------------------------------------------------------------------

    @GetMapping
    @PreAuthorize("hasAuthority('cadre:read')")
    String list(@ModelAttribute("criteria") CadreCriteria criteria, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        var result = search.search(criteria, PageRequest.of(page, size), sort);
        model.addAttribute("result", result);
        model.addAttribute("badges", badges(result.content().stream().map(CadreRow::personId).toList()));
        model.addAttribute("sort", sort == null ? "" : sort);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("query", query(criteria));
        if (criteria.orgId() != null) {
            model.addAttribute("orgName", organizations.requireVisible(criteria.orgId()).name());
        }
        if (htmx != null) {
            return "cadre/list :: results";
        }
        model.addAttribute("saved", savedSearches.of(Actor.require().userId()));
        model.addAttribute("columns", RosterColumn.values());
        return "cadre/list";
    }

    /** The query string of a search, rebuilt from the parsed criteria. */
    static String query(CadreCriteria c) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "orgId", c.orgId());
        add(b, "name", c.name());
        add(b, "ageMin", c.ageMin());
        add(b, "ageMax", c.ageMax());
        add(b, "sex", c.sex());
        add(b, "ethnicity", c.ethnicity());
        add(b, "education", c.education());
        add(b, "politicalStatus", c.politicalStatus());
        add(b, "rank", c.rank());
        add(b, "postLevel", c.postLevel());
        add(b, "category", c.category());
        add(b, "managementLevel", c.managementLevel());
        add(b, "yearsInPostMin", c.yearsInPostMin());
        add(b, "yearsInRankMin", c.yearsInRankMin());
        add(b, "sanctioned", c.sanctioned());
        add(b, "frontline", c.frontline());
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    @PostMapping("/saved-searches")
    @PreAuthorize("hasAuthority('cadre:read')")
    String saveSearch(@ModelAttribute CadreCriteria criteria, @RequestParam(required = false) String searchName,
                      RedirectAttributes redirect) {
        String query = query(criteria);
        try {
            savedSearches.save(Actor.require().userId(), searchName, query);
            redirect.addFlashAttribute("message", "已保存常用查询“" + searchName.strip() + "”");
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().message());
        }
        return "redirect:/cadres" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/saved-searches/{id}/delete")
    @PreAuthorize("hasAuthority('cadre:read')")
    String deleteSearch(@PathVariable long id, RedirectAttributes redirect) {
        if (savedSearches.delete(Actor.require().userId(), id)) {
            redirect.addFlashAttribute("message", "已删除常用查询");
        }
        return "redirect:/cadres";
    }

    /** 花名册: the search result as an Excel sheet with the chosen columns. */
    @GetMapping("/roster")
    @PreAuthorize("hasAuthority('cadre:export')")
    void roster(@ModelAttribute CadreCriteria criteria, @RequestParam(required = false) List<String> columns,
                @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        roster.write(criteria, columns, sort, response);
    }

    /** The 任免审批表 of every cadre the search finds, as a zip. */
    @GetMapping("/lrmx.zip")
    @PreAuthorize("hasAuthority('cadre:export')")
    ResponseEntity<byte[]> exportSearch(@ModelAttribute CadreCriteria criteria) throws IOException {
        return CadreApi.zip(lrmxExport.zipSearch(search, criteria));
    }

    /** The 任免审批表 of the ticked cadres, as a zip. */
    @PostMapping("/lrmx.zip")
    @PreAuthorize("hasAuthority('cadre:export')")
    ResponseEntity<byte[]> exportSelection(@RequestParam(required = false) List<Long> ids) throws IOException {
        return CadreApi.zip(lrmxExport.zipSelection(ids));
    }

    // ---- F10 the file -------------------------------------------------------------------------------

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('cadre:read')")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        CadreDossier dossier = files.view(id);
        model.addAttribute("d", dossier);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("measuresInForce", dossier.file().measuresInForce(LocalDate.now()));
        model.addAttribute("annualText", CadreLrmxMapping.annualText(dossier.file().profile().annualText(), dossier.file().annualResults()));
        model.addAttribute("personVisible", persons.isVisible(id));
        model.addAttribute("postForm", new CadrePostForm(dossier.file().profile().orgId(), null, null, AppointmentMethod.委任.name(),
                LocalDate.now(), null, null));
        model.addAttribute("unitName", dossier.file().profile().orgName());
        model.addAttribute("proposals", proposals.list(id));
        model.addAttribute("badge", badges(List.of(id)).get(id));
        return "cadre/detail";
    }

    @GetMapping("/{id}/lrmx")
    @PreAuthorize("hasAuthority('cadre:export')")
    ResponseEntity<byte[]> lrmx(@PathVariable long id) {
        LrmxDocument document = lrmxExport.one(id);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, CadreApi.attachment(LrmxZip.fileName(document) + ".lrmx"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(LrmxWriter.write(document));
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('cadre:write')")
    String newForm(@RequestParam long personId, Model model) {
        PersonRecord person = persons.requireVisibleRecord(personId);
        if (files.isVisible(personId)) {
            return "redirect:/cadres/" + personId;
        }
        model.addAttribute("person", person);
        model.addAttribute("form", CadreProfileForm.blank(person.orgId(), CadreLrmxMapping.defaultRetirementGroup(person.sex())));
        model.addAttribute("orgName", person.orgName());
        return "cadre/form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('cadre:write')")
    String create(@RequestParam long personId, @ModelAttribute("form") CadreProfileForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        PersonRecord person = persons.requireVisibleRecord(personId);
        try {
            editor.create(personId, form);
            redirect.addFlashAttribute("message", "已为“" + person.name() + "”建立干部档案");
            return "redirect:/cadres/" + personId;
        } catch (FieldErrors e) {
            e.copyTo(binding);
        } catch (BusinessRuleException e) {
            binding.reject("exists", e.getMessage());
        }
        model.addAttribute("person", person);
        addOrgName(model, form.orgId());
        return "cadre/form";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('cadre:write')")
    String editForm(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        CadreDossier d = files.requireVisible(id);
        model.addAttribute("person", d.person());
        model.addAttribute("dossier", d);
        model.addAttribute("form", CadreProfileForm.of(d.file()));
        model.addAttribute("orgName", d.file().profile().orgName());
        return "cadre/form";
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('cadre:write')")
    String update(@PathVariable long id, @ModelAttribute("form") CadreProfileForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CadreDossier d = files.requireVisible(id);
        try {
            editor.updateProfile(id, form);
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/cadres/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
        } catch (EditConflictException e) {
            e.showOn(binding, response);
        }
        model.addAttribute("person", d.person());
        model.addAttribute("dossier", d);
        addOrgName(model, form.orgId());
        return "cadre/form";
    }

    @PostMapping("/{id}/posts")
    @PreAuthorize("hasAuthority('cadre:write')")
    String appoint(@PathVariable long id, @ModelAttribute CadrePostForm form, RedirectAttributes redirect) {
        return act(id, redirect, "已记录任职", () -> editor.appoint(id, form));
    }

    @PostMapping("/{id}/posts/{postId}/end")
    @PreAuthorize("hasAuthority('cadre:write')")
    String endPost(@PathVariable long id, @PathVariable long postId,
                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate endDate,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, "已记录免职", () -> editor.endPost(id, postId, endDate, version));
    }

    @PostMapping("/{id}/ranks")
    @PreAuthorize("hasAuthority('cadre:write')")
    String changeRank(@PathVariable long id, @ModelAttribute CadreRankForm form, RedirectAttributes redirect) {
        return act(id, redirect, "已记录职级变动", () -> editor.changeRank(id, form));
    }

    @PostMapping("/{id}/records")
    @PreAuthorize("hasAuthority('cadre:write')")
    String record(@PathVariable long id, @ModelAttribute CadreRecordForm form, RedirectAttributes redirect) {
        return act(id, redirect, "已记录奖惩", () -> editor.record(id, form));
    }

    @PostMapping("/{id}/annual-results")
    @PreAuthorize("hasAuthority('cadre:write')")
    String annualResult(@PathVariable long id, @ModelAttribute AnnualResultForm form, RedirectAttributes redirect) {
        return act(id, redirect, "已记录年度考核结果", () -> editor.putAnnualResult(id, form));
    }

    /** F25: adds a 「三将干部」 record. */
    @PostMapping("/{id}/frontline")
    @PreAuthorize("hasAuthority('cadre:write')")
    String addFrontline(@PathVariable long id, @ModelAttribute FrontlineForm form, RedirectAttributes redirect) {
        return act(id, redirect, "已记录「三将干部」", () -> editor.addFrontline(id, form));
    }

    /** F25: 认定 — marks a 「三将干部」 record 已认定 with the date and document number. */
    @PostMapping("/{id}/frontline/{recordId}/recognize")
    @PreAuthorize("hasAuthority('cadre:write')")
    String recognizeFrontline(@PathVariable long id, @PathVariable long recordId,
                              @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate recognizedOn,
                              @RequestParam(required = false) String document, @RequestParam(required = false) Integer version,
                              RedirectAttributes redirect) {
        return act(id, redirect, "已认定为「三将干部」", () -> editor.recognizeFrontline(id, recordId, recognizedOn, document, version));
    }

    /** F35 拟提拔: refused (凡提必核 …) with the reason at the top, nothing stored. */
    @PostMapping("/{id}/promotion-proposals")
    @PreAuthorize("hasAuthority('cadre:write')")
    String propose(@PathVariable long id, @ModelAttribute PromotionProposalForm form, RedirectAttributes redirect) {
        return act(id, redirect, "已记录提拔建议", () -> proposals.propose(id, form));
    }

    /** 已任命 or 已撤回 of a proposal. */
    @PostMapping("/{id}/promotion-proposals/{proposalId}/close")
    @PreAuthorize("hasAuthority('cadre:write')")
    String closeProposal(@PathVariable long id, @PathVariable long proposalId, @RequestParam(required = false) String status,
                         @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, "已更新提拔建议", () -> proposals.close(id, proposalId, status, version));
    }

    /** Runs a small edit from the file page; its field errors come back as one message at the top. */
    private String act(long id, RedirectAttributes redirect, String done, Runnable edit) {
        return org.zugong.platform.web.PageActions.run(redirect, "/cadres/" + id, done, edit);
    }

    @GetMapping("/{id}/family")
    @PreAuthorize("hasAuthority('cadre:write')")
    String familyForm(@PathVariable long id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        CadreDossier d = files.requireVisible(id);
        model.addAttribute("d", d);
        model.addAttribute("form", CadreFamilyForm.of(d.file(), Math.max(6, d.file().family().size() + 2)));
        return "cadre/family";
    }

    @PostMapping("/{id}/family")
    @PreAuthorize("hasAuthority('cadre:write')")
    String family(@PathVariable long id, @ModelAttribute("form") CadreFamilyForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CadreDossier d = files.requireVisible(id);
        try {
            editor.replaceFamily(id, form);
            redirect.addFlashAttribute("message", "已保存家庭成员");
            return "redirect:/cadres/" + id;
        } catch (FieldErrors e) {
            e.copyTo(binding);
        } catch (EditConflictException e) {
            e.showOn(binding, response);
        }
        model.addAttribute("d", d);
        return "cadre/family";
    }

    /** The person page's 干部档案 tab: a summary with a link, or the offer to create a file. */
    @GetMapping("/person-tab/{personId}")
    @PreAuthorize("hasAuthority('cadre:read')")
    String personTab(@PathVariable long personId, Model model) {
        PersonRecord person = persons.requireVisibleRecord(personId);
        model.addAttribute("person", person);
        if (files.isVisible(personId)) {
            CadreDossier d = files.requireVisible(personId);
            model.addAttribute("d", d);
            model.addAttribute("today", LocalDate.now());
        } else {
            model.addAttribute("elsewhere", files.hasFile(personId));
        }
        return "cadre/person-tab :: tab";
    }

    // ---- F11 import ---------------------------------------------------------------------------------

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('cadre:write')")
    String importForm() {
        return "cadre/import";
    }

    /** Stores the upload and shows the preview; nothing is written to the cadre files yet. */
    @PostMapping("/import")
    @PreAuthorize("hasAuthority('cadre:write')")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Long orgId, Model model,
                  HttpServletResponse response) throws IOException {
        org.zugong.platform.web.PageCaching.noStore(response);
        if (file.isEmpty()) {
            model.addAttribute("error", "请选择 .lrmx 文件或 .zip 压缩包");
            return "cadre/import";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传文件" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        LrmxImportReport report = lrmxImport.run(name, content, orgId, true);
        model.addAttribute("report", report);
        model.addAttribute("fileName", name);
        if (!report.failed()) {
            model.addAttribute("batchId", batches.store(Actor.require().userId(), name, content, orgId));
        }
        if (orgId != null && organizations.isVisible(orgId)) {
            model.addAttribute("orgId", orgId);
            model.addAttribute("orgName", organizations.find(orgId).map(o -> o.name()).orElse(""));
        }
        return "cadre/import";
    }

    /** Imports a previewed batch; a second submit of the same batch is refused. */
    @PostMapping("/import/{batchId}/confirm")
    @PreAuthorize("hasAuthority('cadre:write')")
    String confirm(@PathVariable UUID batchId, Model model, RedirectAttributes redirect) {
        long userId = Actor.require().userId();
        var batch = batches.find(userId, batchId);
        if (batch.isEmpty() || !batches.consume(userId, batchId)) {
            redirect.addFlashAttribute("error", "该批次已导入或已过期，请勿重复提交；如需再次导入请重新上传");
            return "redirect:/cadres/import";
        }
        LrmxImportReport report = lrmxImport.run(batch.get().fileName(), batch.get().content(), batch.get().orgId(), false);
        if (report.failed()) {
            batches.release(userId, batchId);
            model.addAttribute("report", report);
            model.addAttribute("fileName", batch.get().fileName());
            return "cadre/import";
        }
        batches.delete(userId, batchId);
        redirect.addFlashAttribute("message", "已导入任免审批表 " + report.imported().size() + " 份");
        redirect.addFlashAttribute("imported", List.copyOf(report.imported()));
        return "redirect:/cadres/import";
    }

    // ---- F14 rank-promotion eligibility ------------------------------------------------------------

    @GetMapping("/eligibility")
    @PreAuthorize("hasAuthority('cadre:read')")
    String eligibility(@RequestParam(required = false) Long orgId,
                       @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate date,
                       @RequestParam(required = false) Boolean eligibleOnly, @RequestParam(required = false) Integer page,
                       Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        LocalDate on = date == null ? LocalDate.now() : date;
        List<RankPromotionList.Entry> entries = promotions.evaluate(inUnit(orgId), on, eligibleOnly);
        PageRequest request = PageRequest.of(page, 50);
        int from = (int) Math.min(entries.size(), request.offset());
        model.addAttribute("result", org.zugong.platform.web.PageResult.of(entries.subList(from, Math.min(entries.size(), from + request.size())),
                request, entries.size()));
        model.addAttribute("eligibleCount", entries.stream().filter(e -> e.result().eligible()).count());
        model.addAttribute("date", on);
        model.addAttribute("eligibleOnly", eligibleOnly);
        model.addAttribute("orgId", orgId);
        if (orgId != null) {
            model.addAttribute("orgName", organizations.requireVisible(orgId).name());
        }
        return "cadre/eligibility";
    }

    @GetMapping("/eligibility/export")
    @PreAuthorize("hasAuthority('cadre:export')")
    void eligibilityExport(@RequestParam(required = false) Long orgId,
                           @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(required = false) Boolean eligibleOnly, HttpServletResponse response) throws IOException {
        LocalDate on = date == null ? LocalDate.now() : date;
        List<RankPromotionList.Entry> entries = promotions.evaluate(inUnit(orgId), on, eligibleOnly);
        try (ExcelDownload excel = ExcelDownload.start(response, "职级晋升资格", "姓名", "单位", "现任职务", "现职级/职务层次", "起算时间",
                "拟晋升职级", "符合条件", "已计年限（月）", "所需年限（月）", "最早可晋升日期", "理由", "依据")) {
            for (RankPromotionList.Entry e : entries) {
                excel.row(e.cadre().name(), e.cadre().orgName(), e.cadre().currentPost(), e.current().chineseName(), e.since(),
                        e.result().targetRank() == null ? null : e.result().targetRank().chineseName(), e.result().eligible() ? "是" : "否",
                        e.result().monthsServed(), e.result().monthsRequired(), e.result().earliestEligibleDate(),
                        String.join("；", e.result().reasons()), e.result().ruleSet());
            }
            // In its own short transaction before the workbook is written out: the audit chain's lock is not held while the
            // file streams (the load test saw it starve the pool); if the record cannot be written, nothing is sent.
            audit.recordAlone("CADRE_EXPORT", "cadre", null, "导出职级晋升资格名单 " + excel.rows() + " 人（" + on + "）",
                    org.zugong.audit.AuditOutcome.SUCCESS);
            excel.finish();
        }
    }

    private static CadreCriteria inUnit(Long orgId) {
        return new CadreCriteria(orgId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private void addOrgName(Model model, Long orgId) {
        if (orgId != null && organizations.isVisible(orgId)) {
            model.addAttribute("orgName", organizations.find(orgId).map(o -> o.name()).orElse(""));
        }
    }

    /** The warning colours of these persons from whichever module contributes them (none: no badges). */
    private java.util.Map<Long, String> badges(List<Long> personIds) {
        java.util.Map<Long, String> colours = new java.util.HashMap<>();
        if (!personIds.isEmpty()) {
            badges.orderedStream().forEach(b -> colours.putAll(b.colours(personIds)));
        }
        return colours;
    }

}
