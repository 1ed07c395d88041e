package org.zugong.warning;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/warnings/{id}}: one warning explained (F33) and its handling (F32). Every change may
 * carry the {@code version} the caller saw; a stale one answers 409.
 */
@RestController
@RequestMapping("/api/v1/warnings/{id}")
class WarningHandlingApi {

    record AssignRequest(String handler, Integer version) {
    }

    record ActionRequest(String kind, LocalDate dueDate, String note, Integer version) {
    }

    record ActionResultRequest(String result, LocalDate doneOn, Integer version) {
    }

    record CloseRequestBody(String reason, Integer version) {
    }

    record CloseApprovalRequest(Boolean approve, String note, Integer version) {
    }

    private final WarningHandling handling;

    WarningHandlingApi(WarningHandling handling) {
        this.handling = handling;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('warning:read')")
    WarningHandling.Detail detail(@PathVariable long id) {
        return handling.detail(id);
    }

    @PostMapping("/assign")
    @PreAuthorize("hasAuthority('warning:handle')")
    WarningHandling.Detail assign(@PathVariable long id, @RequestBody AssignRequest body) {
        handling.assign(id, body.handler(), body.version());
        return handling.detail(id);
    }

    @PostMapping("/actions")
    @PreAuthorize("hasAuthority('warning:handle')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> addAction(@PathVariable long id, @RequestBody ActionRequest body) {
        return Map.of("id", handling.addAction(id, body.kind(), body.dueDate(), body.note(), body.version()));
    }

    @PatchMapping("/actions/{actionId}")
    @PreAuthorize("hasAuthority('warning:handle')")
    WarningHandling.Detail completeAction(@PathVariable long id, @PathVariable long actionId, @RequestBody ActionResultRequest body) {
        handling.completeAction(id, actionId, body.result(), body.doneOn(), body.version());
        return handling.detail(id);
    }

    @PostMapping("/close-request")
    @PreAuthorize("hasAuthority('warning:handle')")
    WarningHandling.Detail requestClose(@PathVariable long id, @RequestBody CloseRequestBody body) {
        handling.requestClose(id, body.reason(), body.version());
        return handling.detail(id);
    }

    @PostMapping("/close-approval")
    @PreAuthorize("hasAuthority('warning:handle')")
    WarningHandling.Detail approveClose(@PathVariable long id, @RequestBody CloseApprovalRequest body) {
        if (body.approve() == null) {
            throw org.zugong.platform.web.FieldErrors.of("approve", "请选择批准或退回");
        }
        handling.approveClose(id, body.approve(), body.note(), body.version());
        return handling.detail(id);
    }
}
