package org.zugong.talent;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/portal/applications}: a talent account's own 认定申请 (talent:self only, like the portal pages):
 * its list, one (another talent's answers 404, audited), a new one for itself, evidence, withdrawal.
 */
@RestController
@RequestMapping("/api/v1/portal/applications")
class RecognitionPortalApi {

    record Withdrawal(Integer version, String reason) {
    }

    private final TalentRecognitions recognitions;

    RecognitionPortalApi(TalentRecognitions recognitions) {
        this.recognitions = recognitions;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:self')")
    List<TalentApplication> list() {
        return recognitions.ofSelf();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('talent:self')")
    RecognitionApi.Detail get(@PathVariable long id) {
        return new RecognitionApi.Detail(recognitions.view(id), recognitions.evidence(id), recognitions.steps(id));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('talent:self')")
    @ResponseStatus(HttpStatus.CREATED)
    RecognitionApi.Created create(@RequestBody TalentApplicationForm form) {
        return new RecognitionApi.Created(recognitions.create(form));
    }

    @PostMapping("/{id}/evidence")
    @PreAuthorize("hasAuthority('talent:self')")
    @ResponseStatus(HttpStatus.CREATED)
    RecognitionApi.Created addEvidence(@PathVariable long id, @RequestParam(required = false) String kind,
                                       @RequestParam(required = false) String description, @RequestParam(required = false) MultipartFile file) {
        return new RecognitionApi.Created(recognitions.addEvidence(id, kind, description, file));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('talent:self')")
    TalentApplication withdraw(@PathVariable long id, @RequestBody Withdrawal w) {
        return recognitions.take(id, RecognitionStep.WITHDRAW.path(), RecognitionStepForm.of(java.time.LocalDate.now(), null, w.reason(), w.version()));
    }
}
