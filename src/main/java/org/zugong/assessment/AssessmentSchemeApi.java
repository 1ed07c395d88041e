package org.zugong.assessment;

import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * {@code /api/v1/assessment/schemes}: list with the page's filters, read, create, replace, copy and end.
 * Indicator numbers may be sent as JSON numbers or strings.
 */
@RestController
@RequestMapping("/api/v1/assessment/schemes")
class AssessmentSchemeApi {

    /** A scheme in full: the facade's record plus what editing needs. */
    record SchemeJson(long id, String name, long orgId, String orgName, SchemeUnitCategory unitCategory, SchemePostType postType,
                      LocalDate validFrom, LocalDate validTo, java.util.List<Indicator> indicators, Long copiedFrom,
                      int version, boolean editable) {
        static SchemeJson of(SchemeDetail d) {
            Scheme s = d.scheme();
            return new SchemeJson(s.id(), s.name(), s.orgId(), s.orgName(), s.unitCategory(), s.postType(), s.validFrom(),
                    s.validTo(), s.indicators(), d.copiedFrom(), d.version(), d.editable());
        }
    }

    private final SchemeRegistry registry;

    AssessmentSchemeApi(SchemeRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:read')")
    PageResult<SchemeRow> search(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String unitCategory,
                                 @RequestParam(required = false) String postType,
                                 @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                         iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate validOn,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return registry.search(new SchemeCriteria(orgId, unitCategory, postType, validOn), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:read')")
    SchemeJson get(@PathVariable long id) {
        return SchemeJson.of(registry.detail(id));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<SchemeJson> create(@RequestBody SchemeForm form) {
        long id = registry.create(form);
        return ResponseEntity.created(URI.create("/api/v1/assessment/schemes/" + id)).body(SchemeJson.of(registry.detail(id)));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:manage')")
    SchemeJson update(@PathVariable long id, @RequestBody SchemeForm form) {
        registry.update(id, form);
        return SchemeJson.of(registry.detail(id));
    }

    @PostMapping("/{id}/copy")
    @PreAuthorize("hasAuthority('assessment:manage')")
    ResponseEntity<SchemeJson> copy(@PathVariable long id, @RequestBody SchemeCopyForm form) {
        long copy = registry.copy(id, form);
        return ResponseEntity.created(URI.create("/api/v1/assessment/schemes/" + copy)).body(SchemeJson.of(registry.detail(copy)));
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasAuthority('assessment:manage')")
    SchemeJson end(@PathVariable long id, @RequestBody SchemeEndForm form) {
        registry.end(id, form);
        return SchemeJson.of(registry.detail(id));
    }
}
