package org.zugong.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.excel.ExcelDownload;
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
        try (ExcelDownload excel = ExcelDownload.start(response, "审计日志", "编号", "时间", "用户", "IP", "操作", "对象类型", "对象", "结果", "详情")) {
            query.stream(criteria, MAX_EXPORT, e -> excel.row(e.id(), TIME.format(e.occurredAt()), e.username(), e.clientIp(),
                    e.action(), e.targetType(), e.targetId(), e.outcome().label(), e.detail()));
            log.record("AUDIT_EXPORT", "audit", null, "导出审计日志 " + excel.rows() + " 条");
            excel.finish();
        }
    }
}
