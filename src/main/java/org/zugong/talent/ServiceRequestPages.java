package org.zugong.talent;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.PageCaching;
import org.zugong.platform.web.PageRequest;

/**
 * {@code /talent-services} (F72, staff): the queues (待受理, 办理中, 已超期, 我的) with filters and paging, the
 * detail with the timeline and the actions (受理, 不予受理, 留言, 办结, 改派), the SLA statistics with their Excel
 * export, and the 服务申请 section of the talent detail page.
 */
@Controller
@RequestMapping("/talent-services")
class ServiceRequestPages {

    private static final String READ = "hasAnyAuthority('talent:read', 'talent:service')";

    private final ServiceRequests requests;
    private final ServiceSlaStatistics statistics;

    ServiceRequestPages(ServiceRequests requests, ServiceSlaStatistics statistics) {
        this.requests = requests;
        this.statistics = statistics;
    }

    @GetMapping
    @PreAuthorize(READ)
    String queue(@ModelAttribute("criteria") ServiceQueueCriteria criteria, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("result", requests.queue(criteria, PageRequest.of(page, size)));
        model.addAttribute("types", requests.types());
        model.addAttribute("statuses", ServiceRequestStatus.values());
        model.addAttribute("today", LocalDate.now());
        return htmx != null ? "talent/service/list :: results" : "talent/service/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        ServiceRequestView r = requests.view(id);
        model.addAttribute("r", r);
        model.addAttribute("events", requests.events(r));
        model.addAttribute("attachments", requests.attachments(r));
        model.addAttribute("officers", Actor.require().can("talent:write") ? requests.officersFor(r) : java.util.List.of());
        model.addAttribute("today", LocalDate.now());
        return "talent/service/detail";
    }

    /** Runs an action and redirects to the detail; a refusal shows the detail again with the Chinese reason. */
    private String act(long id, Runnable action, String done, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return PageAction.run(action, done, "/talent-services/" + id, model, redirect, response, () -> detail(id, model, response));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('talent:service')")
    String accept(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return act(id, () -> requests.accept(id, action), "已受理", model, redirect, response);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('talent:service')")
    String reject(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return act(id, () -> requests.reject(id, action), "已不予受理", model, redirect, response);
    }

    @PostMapping("/{id}/comments")
    @PreAuthorize("hasAuthority('talent:service')")
    String comment(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        return act(id, () -> requests.comment(id, action), "已留言", model, redirect, response);
    }

    @PostMapping("/{id}/finish")
    @PreAuthorize("hasAuthority('talent:service')")
    String finish(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return act(id, () -> requests.finish(id, action), "已办结", model, redirect, response);
    }

    @PostMapping("/{id}/reassign")
    @PreAuthorize("hasAuthority('talent:write')")
    String reassign(@PathVariable long id, @ModelAttribute ServiceRequestAction action, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        return act(id, () -> requests.reassign(id, action), "已改派", model, redirect, response);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize(READ)
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return download(requests, id, attachmentId);
    }

    /** An attachment as a download (never rendered inline), for pages, portal and API. */
    static ResponseEntity<byte[]> download(ServiceRequests requests, long id, long attachmentId) {
        byte[] content = requests.download(id, attachmentId);
        ServiceAttachment a = requests.attachment(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Content-Type-Options", "nosniff").body(content);
    }

    /** 服务类型: defaults and the caller's county's departments; the talent office edits them. */
    @GetMapping("/types")
    @PreAuthorize("hasAuthority('talent:read')")
    String types(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("settings", requests.typeSettings());
        model.addAttribute("editGlobal", requests.coversInstallation());
        return "talent/service/types";
    }

    @PostMapping("/types/{code}")
    @PreAuthorize("hasAuthority('talent:write')")
    String updateType(@PathVariable String code, @ModelAttribute ServiceTypeForm form, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        return PageAction.run(() -> requests.updateType(code, form), "已保存服务类型", "/talent-services/types", model, redirect, response,
                () -> types(model, response));
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('talent:read')")
    String stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model,
                 HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("report", statistics.report(from, to));
        return "talent/service/stats";
    }

    @GetMapping("/stats/export")
    @PreAuthorize("hasAuthority('talent:read')")
    void statsExport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     HttpServletResponse response) throws IOException {
        statistics.export(from, to, response);
    }

    /** The 服务申请 section of the talent detail page (a fragment, loaded with htmx). */
    @GetMapping("/section/{talentId}")
    @PreAuthorize(READ)
    String section(@PathVariable long talentId, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("requests", requests.ofTalent(talentId));
        model.addAttribute("today", LocalDate.now());
        return "talent/service/section :: section";
    }
}
