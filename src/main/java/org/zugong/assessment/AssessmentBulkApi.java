package org.zugong.assessment;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/assessment/periods/{id}/units/{orgId}/upload}: a filled 批量录入 template, applied all
 * or nothing — 200 {@code {"applied":n,"unchanged":m}} or 422 {@code {"errors":[{"row","column","message"}]}}
 * (row and column null for a problem of the whole file).
 */
@RestController
class AssessmentBulkApi {

    private final AssessmentBulkEntry bulk;

    AssessmentBulkApi(AssessmentBulkEntry bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v1/assessment/periods/{id}/units/{orgId}/upload")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @PathVariable long orgId,
                                               @RequestParam(value = "file", required = false) MultipartFile file) {
        AssessmentBulkEntry.Report report = bulk.upload(id, orgId, file);
        if (report.ok()) {
            return ResponseEntity.ok(Map.of("applied", report.applied(), "unchanged", report.unchanged()));
        }
        List<AssessmentBulkEntry.RowError> errors = report.errors();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("errors", errors));
    }
}
