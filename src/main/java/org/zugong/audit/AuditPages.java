package org.zugong.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.web.PageRequest;

/** The audit administrator's pages: search, export and chain verification. */
@Controller
class AuditPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int MAX_EXPORT = 100_000;

    private final AuditQuery query;
    private final AuditChain chain;
    private final AuditLog log;

    AuditPages(AuditQuery query, AuditChain chain, AuditLog log) {
        this.query = query;
        this.chain = chain;
        this.log = log;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String list(@ModelAttribute("criteria") AuditCriteria criteria, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", query.page(criteria, PageRequest.of(page, 50)));
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("time", TIME);
        return "audit/list";
    }

    @PostMapping("/audit/verify")
    @PreAuthorize("hasAuthority('audit:read')")
    String verify(RedirectAttributes redirect) {
        AuditChain.ChainVerification v = chain.verify();
        if (v.intact()) {
            redirect.addFlashAttribute("message", "审计链完整：已校验 " + v.checked() + " 条记录，未发现篡改");
        } else {
            redirect.addFlashAttribute("error", "审计链在第 " + v.firstBrokenId().get() + " 号记录处断开：" + v.reason().orElse(""));
        }
        log.record("AUDIT_VERIFY", "audit", null, v.intact() ? "完整（" + v.checked() + " 条）" : "断开于 " + v.firstBrokenId().get());
        return "redirect:/audit";
    }

    @GetMapping("/audit/export")
    @PreAuthorize("hasAuthority('audit:export')")
    void export(@ModelAttribute AuditCriteria criteria, HttpServletResponse response) throws IOException {
        String file = "审计日志-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        AtomicInteger n = new AtomicInteger();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet("审计日志");
            String[] headers = {"编号", "时间", "用户", "IP", "操作", "对象类型", "对象", "结果", "详情"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            query.stream(criteria, MAX_EXPORT, e -> {
                Row r = sheet.createRow(n.incrementAndGet());
                r.createCell(0).setCellValue(e.id());
                r.createCell(1).setCellValue(TIME.format(e.occurredAt()));
                r.createCell(2).setCellValue(e.username());
                r.createCell(3).setCellValue(e.clientIp());
                r.createCell(4).setCellValue(e.action());
                r.createCell(5).setCellValue(e.targetType() == null ? "" : e.targetType());
                r.createCell(6).setCellValue(e.targetId() == null ? "" : e.targetId());
                r.createCell(7).setCellValue(e.outcome().label());
                r.createCell(8).setCellValue(e.detail() == null ? "" : e.detail());
            });
            log.record("AUDIT_EXPORT", "audit", null, "导出审计日志 " + n.get() + " 条");
            wb.write(response.getOutputStream());
        }
    }
}
