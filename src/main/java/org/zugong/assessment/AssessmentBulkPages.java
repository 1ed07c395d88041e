package org.zugong.assessment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 批量录入 on a unit's page: the Excel template and its upload; the result comes back to the unit page. */
@Controller
@RequestMapping("/assessment/periods/{id}/units/{orgId}")
class AssessmentBulkPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** At most this many errors travel back to the page (the count is always given). */
    static final int SHOWN_ERRORS = 200;

    private final AssessmentBulkEntry bulk;

    AssessmentBulkPages(AssessmentBulkEntry bulk) {
        this.bulk = bulk;
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<byte[]> template(@PathVariable long id, @PathVariable long orgId) {
        AssessmentBulkEntry.Template t = bulk.template(id, orgId);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''" + URLEncoder.encode(t.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(t.content());
    }

    @PostMapping("/upload")
    @PreAuthorize("hasAuthority('assessment:manage')")
    String upload(@PathVariable long id, @PathVariable long orgId, @RequestParam(value = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) {
        AssessmentBulkEntry.Report report = bulk.upload(id, orgId, file);
        if (report.ok()) {
            redirect.addFlashAttribute("message", "已批量录入 " + report.applied() + " 人的等次，进入“公示”环节"
                    + (report.unchanged() > 0 ? "；另有 " + report.unchanged() + " 人等次和理由未变，未重复录入" : ""));
        } else if (report.errors().size() == 1 && report.errors().getFirst().row() == null) {
            redirect.addFlashAttribute("error", "批量录入未成功：" + report.errors().getFirst().message());
            redirect.addFlashAttribute("bulkErrors", List.copyOf(report.errors()));
        } else {
            redirect.addFlashAttribute("error", "批量录入未成功：共 " + report.errors().size() + " 处错误，未录入任何数据，请修改后重新上传");
            // A copy: flash attributes go into the session in the database, and a subList is not serializable.
            redirect.addFlashAttribute("bulkErrors", List.copyOf(report.errors().subList(0, Math.min(SHOWN_ERRORS, report.errors().size()))));
        }
        return "redirect:/assessment/periods/" + id + "/units/" + orgId;
    }
}
