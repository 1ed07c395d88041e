package org.zugong.cadre;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.person.IdNumber;
import org.zugong.person.Persons;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * {@code /api/v1/cadres}: search (F13), one file, LRMX import (F11, all or nothing) and export —
 * always within the caller's jurisdiction over the cadre's unit.
 */
@RestController
@RequestMapping("/api/v1/cadres")
class CadreApi {

    /** A cadre in a list; the ID number is never part of a list. */
    record CadreListJson(long id, String name, String sex, LocalDate birthDate, int age, long orgId, String orgName,
                         String currentPost, String postLevel, LocalDate postSince, String rank, LocalDate rankSince,
                         String category, String managementLevel, boolean sanctioned, boolean frontline) {
        static CadreListJson of(CadreRow r) {
            return new CadreListJson(r.personId(), r.name(), r.sex(), r.birthDate(), r.age(LocalDate.now()), r.orgId(), r.orgName(),
                    r.currentPost(), CadreApi.name(r.postLevel()), r.postSince(), CadreApi.name(r.rank()), r.rankSince(), CadreApi.name(r.category()),
                    CadreApi.name(r.managementLevel()), r.sanctioned(), r.frontline());
        }
    }

    /** A whole file; the ID number masked (the LRMX export carries it in full, audited). */
    record CadreJson(long id, String name, String sex, LocalDate birthDate, String idNumber, long orgId, String orgName,
                     CadreProfile profile, List<CadrePost> posts, List<CadreRankEntry> ranks, List<LrmxResumeLine> resume,
                     LrmxEducation fullTimeEducation, LrmxEducation inServiceEducation, List<CadreRecord> records,
                     List<AnnualResult> annualResults, int familyMembers, String retirementMonth,
                     List<FrontlineRecord> frontline) {
        static CadreJson of(CadreDossier d) {
            var p = d.person();
            var f = d.file();
            return new CadreJson(p.id(), p.name(), p.sex(), p.birthDate(), p.maskedIdNumber(), f.profile().orgId(),
                    f.profile().orgName(), f.profile(), f.posts(), f.ranks(), f.resume(), f.fullTimeEducation(),
                    f.inServiceEducation(), f.records(), f.annualResults(), f.family().size(),
                    d.retirement().retirementMonth().toString(), f.frontline());
        }
    }

    /** A selection to export. */
    record ExportRequest(List<Long> ids) {
    }

    /** One cadre's rank-promotion answer (F14). */
    record EligibilityJson(long id, String name, long orgId, String orgName, String currentPost, String current, LocalDate since,
                           String targetRank, boolean eligible, int monthsServed, int monthsRequired,
                           LocalDate earliestEligibleDate, List<String> reasons, String ruleSet) {
        static EligibilityJson of(RankPromotionList.Entry e) {
            var r = e.result();
            return new EligibilityJson(e.cadre().personId(), e.cadre().name(), e.cadre().orgId(), e.cadre().orgName(),
                    e.cadre().currentPost(), e.current().chineseName(), e.since(),
                    r.targetRank() == null ? null : r.targetRank().chineseName(), r.eligible(), r.monthsServed(),
                    r.monthsRequired(), r.earliestEligibleDate(), r.reasons(), r.ruleSet());
        }
    }

    /** The id of what an edit created. */
    record Created(long id) {
    }

    /** 认定 of a 「三将干部」 record through the API. */
    record RecognizeRequest(LocalDate recognizedOn, String document, Integer version) {
    }

    /** 免职 through the API. */
    record EndPostRequest(LocalDate endDate, Integer version) {
    }

    private final CadreSearch search;
    private final CadreFiles files;
    private final CadreFileEditor editor;
    private final LrmxImport lrmxImport;
    private final LrmxExport lrmxExport;
    private final RankPromotionList promotions;
    private final Persons persons;
    private final CadreRoster roster;

    private final PromotionProposals proposals;

    CadreApi(PromotionProposals proposals, CadreRoster roster, CadreSearch search, CadreFiles files, CadreFileEditor editor, LrmxImport lrmxImport, LrmxExport lrmxExport,
             RankPromotionList promotions, Persons persons) {
        this.proposals = proposals;
        this.roster = roster;
        this.search = search;
        this.files = files;
        this.editor = editor;
        this.lrmxImport = lrmxImport;
        this.lrmxExport = lrmxExport;
        this.promotions = promotions;
        this.persons = persons;
    }

    /** F14: who may be promoted on {@code date} (default today), with the reasons, within the search's filters. */
    @GetMapping("/rank-eligibility")
    @PreAuthorize("hasAuthority('cadre:read')")
    List<EligibilityJson> eligibility(@ModelAttribute CadreCriteria criteria,
                                      @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate date,
                                      @RequestParam(required = false) Boolean eligibleOnly) {
        return promotions.evaluate(criteria, date == null ? LocalDate.now() : date, eligibleOnly).stream().map(EligibilityJson::of).toList();
    }

    /** 建立干部档案 for a registered person. */
    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<CadreJson> create(@PathVariable long id, @RequestBody CadreProfileForm form) {
        editor.create(id, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(CadreJson.of(files.requireVisible(id)));
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    @PreAuthorize("hasAuthority('cadre:write')")
    CadreJson update(@PathVariable long id, @RequestBody CadreProfileForm form) {
        editor.updateProfile(id, form);
        return CadreJson.of(files.requireVisible(id));
    }

    @PostMapping("/{id}/posts")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<Created> appoint(@PathVariable long id, @RequestBody CadrePostForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(editor.appoint(id, form)));
    }

    @PostMapping("/{id}/posts/{postId}/end")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<Void> endPost(@PathVariable long id, @PathVariable long postId, @RequestBody EndPostRequest request) {
        editor.endPost(id, postId, request.endDate(), request.version());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/ranks")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<Void> changeRank(@PathVariable long id, @RequestBody CadreRankForm form) {
        editor.changeRank(id, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/records")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<Created> record(@PathVariable long id, @RequestBody CadreRecordForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(editor.record(id, form)));
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/annual-results")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<Void> annualResult(@PathVariable long id, @RequestBody AnnualResultForm form) {
        editor.putAnnualResult(id, form);
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/family")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<Void> family(@PathVariable long id, @RequestBody CadreFamilyForm form) {
        editor.replaceFamily(id, form);
        return ResponseEntity.noContent().build();
    }

    /** F35 拟提拔: 422 with the reason when a precondition (凡提必核 …) refuses; nothing is stored then. */
    @PostMapping("/{id}/promotion-proposals")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<PromotionProposal> propose(@PathVariable long id, @RequestBody PromotionProposalForm form) {
        long proposalId = proposals.propose(id, form);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(proposals.list(id).stream().filter(p -> p.id() == proposalId).findFirst().orElseThrow());
    }

    @GetMapping("/{id}/promotion-proposals")
    @PreAuthorize("hasAuthority('cadre:read')")
    List<PromotionProposal> proposals(@PathVariable long id) {
        files.requireVisible(id);
        return proposals.list(id);
    }

    /** F25: the 「三将干部」 records of a cadre, in start order. */
    @GetMapping("/{id}/frontline")
    @PreAuthorize("hasAuthority('cadre:read')")
    List<FrontlineRecord> frontline(@PathVariable long id) {
        return files.requireVisible(id).file().frontline();
    }

    @PostMapping("/{id}/frontline")
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<FrontlineRecord> addFrontline(@PathVariable long id, @RequestBody FrontlineForm form) {
        long recordId = editor.addFrontline(id, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(frontlineRecord(id, recordId));
    }

    /** Replaces a record's values; {@code version} is required (409 when it changed meanwhile). */
    @org.springframework.web.bind.annotation.PutMapping("/{id}/frontline/{recordId}")
    @PreAuthorize("hasAuthority('cadre:write')")
    FrontlineRecord updateFrontline(@PathVariable long id, @PathVariable long recordId, @RequestBody FrontlineForm form) {
        editor.updateFrontline(id, recordId, form);
        return frontlineRecord(id, recordId);
    }

    @PostMapping("/{id}/frontline/{recordId}/recognize")
    @PreAuthorize("hasAuthority('cadre:write')")
    FrontlineRecord recognizeFrontline(@PathVariable long id, @PathVariable long recordId, @RequestBody RecognizeRequest request) {
        editor.recognizeFrontline(id, recordId, request.recognizedOn(), request.document(), request.version());
        return frontlineRecord(id, recordId);
    }

    private FrontlineRecord frontlineRecord(long id, long recordId) {
        return files.requireVisible(id).file().frontline().stream().filter(r -> r.id() == recordId).findFirst().orElseThrow();
    }

    /** Search with any of the F13 filters, or {@code ?idNumber=} for the exact ID number. */
    @GetMapping
    @PreAuthorize("hasAuthority('cadre:read')")
    PageResult<CadreListJson> search(@ModelAttribute CadreCriteria criteria, @RequestParam(required = false) String idNumber,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String sort) {
        PageRequest request = PageRequest.of(page, size);
        if (idNumber != null && !idNumber.isBlank()) {
            List<CadreListJson> found = files.findByIdNumber(IdNumber.normalize(idNumber))
                    .map(id -> search.search(CadreCriteria.none(), PageRequest.of(0, 1), null, id).content())
                    .orElse(List.of()).stream().map(CadreListJson::of).toList();
            return PageResult.of(found, request, found.size());
        }
        return search.search(criteria, request, sort).map(CadreListJson::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('cadre:read')")
    CadreJson one(@PathVariable long id) {
        return CadreJson.of(files.view(id));
    }

    @GetMapping(value = "/{id}/lrmx", produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize("hasAuthority('cadre:export')")
    ResponseEntity<byte[]> lrmx(@PathVariable long id) {
        LrmxDocument document = lrmxExport.one(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(LrmxZip.fileName(document) + ".lrmx"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(LrmxWriter.write(document));
    }

    /** 花名册 of a search as Excel, {@code columns} from {@link RosterColumn} (e.g. NAME, UNIT, RANK). */
    @GetMapping("/roster.xlsx")
    @PreAuthorize("hasAuthority('cadre:export')")
    void roster(@ModelAttribute CadreCriteria criteria, @RequestParam(required = false) List<String> columns,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        roster.write(criteria, columns, sort, response);
    }

    /** The forms of a selection as a zip. */
    @PostMapping(value = "/lrmx/export", produces = "application/zip")
    @PreAuthorize("hasAuthority('cadre:export')")
    ResponseEntity<byte[]> exportSelection(@RequestBody ExportRequest request) throws IOException {
        return zip(lrmxExport.zipSelection(request.ids()));
    }

    /** The forms of every cadre a search finds, as a zip. */
    @GetMapping(value = "/lrmx.zip", produces = "application/zip")
    @PreAuthorize("hasAuthority('cadre:export')")
    ResponseEntity<byte[]> exportSearch(@ModelAttribute CadreCriteria criteria) throws IOException {
        return zip(lrmxExport.zipSearch(search, criteria));
    }

    /**
     * Imports one {@code .lrmx} or a zip of them. {@code dryRun} previews; {@code orgId} is the unit for
     * new cadres whose 现任职务 does not name a unit. 422 with the report when anything failed.
     */
    @PostMapping(value = "/lrmx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('cadre:write')")
    ResponseEntity<LrmxImportReport> importLrmx(@RequestParam("file") MultipartFile file,
                                                @RequestParam(defaultValue = "false") boolean dryRun,
                                                @RequestParam(required = false) Long orgId) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传文件" : file.getOriginalFilename();
        LrmxImportReport report = lrmxImport.run(name, file.getBytes(), orgId, dryRun);
        return ResponseEntity.status(report.failed() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
    }

    static ResponseEntity<byte[]> zip(byte[] bytes) {
        String file = "任免审批表-" + LocalDate.now().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + ".zip";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
    }

    static String attachment(String file) {
        return "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
