package org.zugong.supervision;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/supervision}: supervision records of both sources (ids "SUP-n" and "CAD-n"),
 * personal-matters reports, spot-check draws and checks — within the caller's jurisdiction.
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApi {

    /** A draw as answered: the seed and the candidates make it reproducible. */
    record DrawJson(long id, long orgId, String orgName, int year, long seed, int ratePercent, List<Long> candidates,
                    List<Long> drawn, String createdBy) {
        static DrawJson of(ReportRepository.Draw d) {
            return new DrawJson(d.id(), d.orgId(), d.orgName(), d.year(), d.seed(), d.ratePercent(), d.candidates(), d.drawn(),
                    d.createdBy());
        }
    }

    record DrawRequest(Long orgId, Integer ratePercent, Long seed) {
    }

    record CheckRequest(List<Long> personIds, Integer year, String result,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn, String note) {
    }

    record CheckResultRequest(String result, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn, String note,
                              Integer version) {
    }

    record Created(List<Long> ids) {
    }

    record ReportJson(long personId, int year, LocalDate submittedOn, List<ReportItem> items) {
    }

    private final SupervisionRecords records;
    private final PersonalReports reports;

    SupervisionApi(SupervisionRecords records, PersonalReports reports) {
        this.records = records;
        this.reports = reports;
    }

    @PostMapping("/records")
    @PreAuthorize("hasAuthority('supervision:write')")
    ResponseEntity<SupervisionEntry> create(@RequestBody SupervisionRecordForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(records.create(form));
    }

    @PatchMapping("/records/{id}")
    @PreAuthorize("hasAuthority('supervision:write')")
    SupervisionEntry patch(@PathVariable String id, @RequestBody SupervisionPatch patch) {
        return records.patch(id, patch);
    }

    @GetMapping("/records/{id}")
    @PreAuthorize("hasAuthority('supervision:read')")
    SupervisionEntry one(@PathVariable String id) {
        return records.require(id);
    }

    /** Both sources merged, newest first (at most 500); {@code open=true}: 函询/信访 not 已办结 and measures in force. */
    @GetMapping("/records")
    @PreAuthorize("hasAuthority('supervision:read')")
    List<SupervisionEntry> list(@RequestParam(required = false) Long personId, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) Long orgId, @RequestParam(required = false) Boolean open) {
        return records.list(personId, kind, orgId, open);
    }

    /** Everybody who must report in a year (default this year), with the report's status and the latest check. */
    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('supervision:read')")
    List<ReportRow> reports(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long orgId) {
        return reports.rows(year == null ? LocalDate.now().getYear() : year, orgId);
    }

    @PutMapping("/reports/{personId}/{year}")
    @PreAuthorize("hasAuthority('supervision:write')")
    ResponseEntity<Void> submit(@PathVariable long personId, @PathVariable int year, @RequestBody ReportForm form) {
        reports.submit(personId, year, form);
        return ResponseEntity.noContent().build();
    }

    /** The report with its items in clear text (audited). */
    @GetMapping("/reports/{personId}/{year}")
    @PreAuthorize("hasAuthority('supervision:read')")
    ReportJson report(@PathVariable long personId, @PathVariable int year) {
        var r = reports.report(personId, year);
        return new ReportJson(personId, year, r.submittedOn(), r.items());
    }

    @GetMapping("/reports/{year}/draws")
    @PreAuthorize("hasAuthority('supervision:read')")
    List<DrawJson> draws(@PathVariable int year) {
        return reports.draws(year).stream().map(DrawJson::of).toList();
    }

    /** The random spot check of a year in a subtree (rate default from the rule set; seed default random, recorded). */
    @PostMapping("/reports/{year}/draws")
    @PreAuthorize("hasAuthority('supervision:write')")
    ResponseEntity<DrawJson> draw(@PathVariable int year, @RequestBody DrawRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(DrawJson.of(reports.draw(year, request.orgId(), request.ratePercent(),
                request.seed())));
    }

    /** 凡提必核: checks of the cadres about to be promoted (with a result when already known). */
    @PostMapping("/checks")
    @PreAuthorize("hasAuthority('supervision:write')")
    ResponseEntity<Created> check(@RequestBody CheckRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(reports.checkForPromotion(request.personIds(), request.year(),
                request.result(), request.checkedOn(), request.note())));
    }

    @PatchMapping("/checks/{id}")
    @PreAuthorize("hasAuthority('supervision:write')")
    ResponseEntity<Void> result(@PathVariable long id, @RequestBody CheckResultRequest request) {
        reports.enterResult(id, request.result(), request.checkedOn(), request.note(), request.version());
        return ResponseEntity.noContent().build();
    }
}
