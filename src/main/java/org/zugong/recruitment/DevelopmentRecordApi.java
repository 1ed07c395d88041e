package org.zugong.recruitment;

import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/** {@code /api/v1/recruitment/candidates}: development records (paged: {@code page}, {@code size}) and their steps. */
@RestController
@RequestMapping("/api/v1/recruitment/candidates")
class DevelopmentRecordApi {

    private final DevelopmentRecords records;

    DevelopmentRecordApi(DevelopmentRecords records) {
        this.records = records;
    }

    /** Registration of an 入党申请人. */
    record Registration(Long personId, Long branchOrgId, LocalDate applicationDate) {
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:write')")
    ResponseEntity<DevelopmentRecords.Detail> register(@RequestBody Registration r) {
        long id = records.register(r.personId(), r.branchOrgId(), r.applicationDate());
        return ResponseEntity.created(URI.create("/api/v1/recruitment/candidates/" + id)).body(records.detail(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    PageResult<Candidate.Row> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) CandidateStage stage,
                                   @RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return records.list(orgId, stage, name, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:read')")
    DevelopmentRecords.Detail detail(@PathVariable long id) {
        return records.detail(id);
    }

    /** 更正 the date of a recorded step, with the reason. */
    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasAnyAuthority('recruitment:write', 'recruitment:approve', 'recruitment:prereview')")
    DevelopmentRecords.Detail correct(@PathVariable long id, @RequestBody DateCorrection correction) {
        return records.correctDate(id, correction);
    }

    @PostMapping("/{id}/steps/{step}")
    // Which of the three the step needs is decided per step by DevelopmentRecords.permissionFor.
    @PreAuthorize("hasAnyAuthority('recruitment:write', 'recruitment:approve', 'recruitment:prereview')")
    DevelopmentRecords.Detail step(@PathVariable long id, @PathVariable String step, @RequestBody StepForm form) {
        DevelopmentStep s = DevelopmentStep.ofKey(step).orElseThrow(() -> new RecordNotFoundException("发展步骤", step));
        return records.step(id, s, form);
    }
}
