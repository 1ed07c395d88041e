package org.zugong.recruitment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/recruitment/audit} (multipart {@code file}): the 排查整顿 report of a filled template —
 * totals, violations by rule, by 党支部 and by year, each violating row with its messages and the row
 * errors; a file refused as a whole is a 400 problem naming the reason. Nothing is stored.
 * {@code GET /api/v1/recruitment/audit/records?orgId=}: the same check over the stored records of the caller's
 * jurisdiction (under {@code orgId} when given).
 */
@RestController
class HistoricalAuditApi {

    private final HistoricalAudit audit;
    private final RecordAudit records;

    HistoricalAuditApi(HistoricalAudit audit, RecordAudit records) {
        this.audit = audit;
        this.records = records;
    }

    @GetMapping("/api/v1/recruitment/audit/records")
    @PreAuthorize("hasAuthority('recruitment:read')")
    RecordAuditReport records(@RequestParam(required = false) Long orgId) {
        return records.audit(orgId);
    }

    @PostMapping("/api/v1/recruitment/audit")
    @PreAuthorize("hasAuthority('recruitment:read')")
    HistoricalAuditReport audit(@RequestParam(value = "file", required = false) MultipartFile file) {
        return audit.audit(file);
    }
}
