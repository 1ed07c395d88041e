package org.zugong.talent;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * {@code /api/v1/talent-services} (F72): with a talent's token its own requests (list, file, detail, attachments,
 * comment, withdraw, rate); with a staff token the queues, the detail and each action (accept, reject, comment,
 * finish, reassign) and the SLA statistics. Another talent's or another county's request answers 404 (audited).
 */
@RestController
@RequestMapping("/api/v1/talent-services")
class ServiceRequestApi {

    private static final String ANY = "hasAnyAuthority('talent:self', 'talent:read', 'talent:service')";

    private final ServiceRequests requests;
    private final ServiceSlaStatistics statistics;

    ServiceRequestApi(ServiceRequests requests, ServiceSlaStatistics statistics) {
        this.requests = requests;
        this.statistics = statistics;
    }

    /** A talent: its own requests (one page, newest first). Staff: a queue with its filters, paged. */
    @GetMapping
    @PreAuthorize(ANY)
    PageResult<ServiceRequestView> list(@ModelAttribute ServiceQueueCriteria criteria, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        if (Actor.require().can(Permissions.TALENT_SELF)) {
            List<ServiceRequestView> mine = requests.mine();
            return PageResult.of(mine, new PageRequest(0, Math.max(1, mine.size())), mine.size());
        }
        return requests.queue(criteria, PageRequest.of(page, size));
    }

    @GetMapping("/types")
    @PreAuthorize(ANY)
    List<ServiceType> types() {
        return requests.types().stream().filter(ServiceType::active).toList();
    }

    /** The types with the caller's county's own departments and their versions. */
    @GetMapping("/types/settings")
    @PreAuthorize("hasAuthority('talent:read')")
    List<ServiceRequests.TypeSetting> typeSettings() {
        return requests.typeSettings();
    }

    /** {"department","acceptDays","finishDays","active","version","countyDepartment"}: the talent office maintains a type. */
    @org.springframework.web.bind.annotation.PutMapping("/types/{code}")
    @PreAuthorize("hasAuthority('talent:write')")
    List<ServiceRequests.TypeSetting> updateType(@PathVariable String code, @RequestBody ServiceTypeForm form) {
        requests.updateType(code, form);
        return requests.typeSettings();
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('talent:read')")
    ServiceSlaStatistics.Report stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.report(from, to);
    }

    @GetMapping("/stats.xlsx")
    @PreAuthorize("hasAuthority('talent:read')")
    void statsExport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     HttpServletResponse response) throws IOException {
        statistics.export(from, to, response);
    }

    /** 提交服务申请 {"typeCode","title","content"} → 201 with the detail; attachments follow via {@code /{id}/attachments}. */
    @PostMapping
    @PreAuthorize("hasAuthority('talent:self')")
    ResponseEntity<ServiceRequestDetail> create(@RequestBody ServiceRequestForm form) {
        long id = requests.file(form, List.of());
        return ResponseEntity.created(URI.create("/api/v1/talent-services/" + id)).body(detail(id));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ANY)
    ServiceRequestDetail get(@PathVariable long id) {
        ServiceRequestView r = requests.view(id);
        return new ServiceRequestDetail(r, requests.events(r), requests.attachments(r));
    }

    private ServiceRequestDetail detail(long id) {
        ServiceRequestView r = requests.require(id);
        return new ServiceRequestDetail(r, requests.events(r), requests.attachments(r));
    }

    /** multipart {@code files}: PDF/JPG/PNG/DOCX/XLSX, at most 5 MB each and 5 per request, while 待受理. */
    @PostMapping("/{id}/attachments")
    @PreAuthorize("hasAuthority('talent:self')")
    ServiceRequestDetail attach(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        requests.attach(id, files);
        return detail(id);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize(ANY)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return ServiceRequestPages.download(requests, id, attachmentId);
    }

    /** {"text","visible"}: a talent's comment is always visible; staff choose (default internal). */
    @PostMapping("/{id}/comments")
    @PreAuthorize("hasAnyAuthority('talent:self', 'talent:service')")
    ServiceRequestDetail comment(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.comment(id, action);
        return detail(id);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('talent:self')")
    ServiceRequestDetail withdraw(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.withdraw(id, action);
        return detail(id);
    }

    /** {"version","rating":1–5,"text"}: closes a finished request. */
    @PostMapping("/{id}/rating")
    @PreAuthorize("hasAuthority('talent:self')")
    ServiceRequestDetail rate(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.rate(id, action);
        return detail(id);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('talent:service')")
    ServiceRequestDetail accept(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.accept(id, action);
        return detail(id);
    }

    /** {"version","text"}: the reason. */
    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('talent:service')")
    ServiceRequestDetail reject(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.reject(id, action);
        return detail(id);
    }

    /** {"version","text"}: the result. */
    @PostMapping("/{id}/finish")
    @PreAuthorize("hasAuthority('talent:service')")
    ServiceRequestDetail finish(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.finish(id, action);
        return detail(id);
    }

    /** {"version","officerId"}: the talent office moves the request to another officer of its county. */
    @PostMapping("/{id}/reassign")
    @PreAuthorize("hasAuthority('talent:write')")
    ServiceRequestDetail reassign(@PathVariable long id, @RequestBody ServiceRequestAction action) {
        requests.reassign(id, action);
        return detail(id);
    }
}
