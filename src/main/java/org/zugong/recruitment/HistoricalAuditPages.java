package org.zugong.recruitment;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.audit.AuditLog;
import org.zugong.platform.excel.ExcelDownload;
import org.zugong.platform.web.FieldErrors;

/**
 * 党员发展档案排查 page: the template, the upload with its report, and the Excel export of the violations
 * (GET: the last report of the session; POST: a workbook audited and exported at once), and the same check over
 * the stored records ({@code /recruitment/audit/records}).
 */
@Controller
@RequestMapping("/recruitment/audit")
class HistoricalAuditPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final String SESSION_REPORT = "recruitment.audit.report";
    /** At most this many violating rows and row errors are shown on the page (all are exported). */
    static final int SHOWN = 500;

    private final HistoricalAudit audit;
    private final RecordAudit records;
    private final AuditLog log;

    HistoricalAuditPages(HistoricalAudit audit, RecordAudit records, AuditLog log) {
        this.audit = audit;
        this.records = records;
        this.log = log;
    }

    /** The checker over the stored records of the jurisdiction (F42), under one organization when given. */
    @GetMapping("/records")
    @PreAuthorize("hasAuthority('recruitment:read')")
    String records(@RequestParam(required = false) Long orgId, Model model) {
        model.addAttribute("report", records.audit(orgId));
        model.addAttribute("orgId", orgId);
        return "recruitment/audit-records";
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    String page(Model model, HttpSession session) {
        model.addAttribute("shown", SHOWN);
        return "recruitment/audit";
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize("hasAuthority('recruitment:read')")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode("党员发展档案排查模板.xlsx", StandardCharsets.UTF_8).replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(HistoricalAuditWorkbook.template());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model, HttpSession session) {
        model.addAttribute("shown", SHOWN);
        try {
            HistoricalAuditReport report = audit.audit(file);
            session.setAttribute(SESSION_REPORT, report);
            model.addAttribute("report", report);
        } catch (FieldErrors e) {
            session.removeAttribute(SESSION_REPORT);
            model.addAttribute("error", "排查未进行：" + e.errors().getFirst().message());
        }
        return "recruitment/audit";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('recruitment:read')")
    void exportLast(HttpSession session, HttpServletResponse response) throws IOException {
        if (!(session.getAttribute(SESSION_REPORT) instanceof HistoricalAuditReport report)) {
            response.sendRedirect(response.encodeRedirectURL("/recruitment/audit"));
            return;
        }
        export(report, response);
    }

    @PostMapping("/export")
    @PreAuthorize("hasAuthority('recruitment:read')")
    void exportUpload(@RequestParam(value = "file", required = false) MultipartFile file, HttpServletResponse response) throws IOException {
        export(audit.audit(file), response);
    }

    private void export(HistoricalAuditReport report, HttpServletResponse response) throws IOException {
        log.record("RECRUITMENT_AUDIT_EXPORT", "recruitment_audit", null, "导出党员发展档案排查问题清单：" + report.fileName() + "，"
                + report.rowsWithViolations() + " 行不符合规定，" + report.rowErrors().size() + " 行格式有误");
        try (ExcelDownload x = ExcelDownload.start(response, "党员发展档案排查问题清单", "行号", "序号", "姓名", "所在党支部", "年度",
                "问题类型", "规则", "依据条款", "问题说明")) {
            for (HistoricalAuditReport.ViolatingRow row : report.violatingRows()) {
                for (HistoricalAuditReport.Finding f : row.findings()) {
                    x.row(row.row(), row.seq(), row.name(), row.branch(), row.year(), "不符合规定", f.rule().name(), f.article(), f.message());
                }
            }
            for (HistoricalAuditReport.RowError e : report.rowErrors()) {
                x.row(e.row(), "", "", "", "", "格式有误未排查", "", "", (e.column() == null ? "" : "“" + e.column() + "”列：") + e.message());
            }
            x.finish();
        }
    }
}
