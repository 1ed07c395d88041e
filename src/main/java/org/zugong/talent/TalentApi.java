package org.zugong.talent;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * {@code /api/v1/talents}: the registry search (the list's filters: name, tier, category, mode, year, status;
 * paged, newest first, {@code totalElements} known only as far as the next page) and one record (audited view).
 */
@RestController
@RequestMapping("/api/v1/talents")
class TalentApi {

    private final TalentRegistry registry;

    TalentApi(TalentRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:read')")
    PageResult<TalentSummary> search(@ModelAttribute TalentCriteria criteria, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return registry.search(criteria, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('talent:read')")
    TalentSummary get(@PathVariable long id) {
        return registry.view(id);
    }
}
