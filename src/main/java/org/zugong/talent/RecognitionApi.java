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
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * {@code /api/v1/talent-applications}: the staff's 认定申请 list (filters as the page; the talent's own are under
 * {@code /api/v1/portal/applications}),
 * one application with its evidence and timeline (audited view), a new application (JSON), evidence with a file
 * (multipart), and each step ({@code POST …/{id}/steps/{step}}, the body a {@link RecognitionStepForm}) — the same
 * checks and Chinese messages as the pages: 400 invalid input, 409 stale version, 422 out of order, 404 out of scope.
 */
@RestController
@RequestMapping("/api/v1/talent-applications")
class RecognitionApi {

    static final String ANY = "hasAnyAuthority('talent:read', 'talent:employer', 'talent:review', 'talent:committee')";

    record Detail(TalentApplication application, List<RecognitionRepository.Evidence> evidence, List<RecognitionRepository.Step> steps) {
    }

    record Created(long id) {
    }

    private final TalentRecognitions recognitions;

    RecognitionApi(TalentRecognitions recognitions) {
        this.recognitions = recognitions;
    }

    @GetMapping
    @PreAuthorize(ANY)
    PageResult<TalentApplication> list(@RequestParam(required = false) RecognitionStage stage, @RequestParam(required = false) String tier,
                                       @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String name, @RequestParam(required = false) String source,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return recognitions.search(new RecognitionRepository.Criteria(stage, tier, orgId, year, name, source), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ANY)
    Detail get(@PathVariable long id) {
        return new Detail(recognitions.view(id), recognitions.evidence(id), recognitions.steps(id));
    }

    @PostMapping
    @PreAuthorize("hasAnyAuthority('talent:write', 'talent:employer')")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody TalentApplicationForm form) {
        return new Created(recognitions.create(form));
    }

    @PostMapping("/{id}/evidence")
    @PreAuthorize("hasAnyAuthority('talent:write', 'talent:employer')")
    @ResponseStatus(HttpStatus.CREATED)
    Created addEvidence(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                        @RequestParam(required = false) MultipartFile file) {
        return new Created(recognitions.addEvidence(id, kind, description, file));
    }

    @PostMapping("/{id}/steps/{step}")
    @PreAuthorize("hasAnyAuthority('talent:employer', 'talent:review', 'talent:committee', 'talent:write')")
    TalentApplication step(@PathVariable long id, @PathVariable String step, @RequestBody RecognitionStepForm form) {
        return recognitions.take(id, step, form);
    }
}
