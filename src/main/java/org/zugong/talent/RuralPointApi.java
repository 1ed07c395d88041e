package org.zugong.talent;

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
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** {@code /api/v1/talent-points}: entries, a new entry (JSON, no file), its confirmation, person totals, candidates, 推荐认定. */
@RestController
@RequestMapping("/api/v1/talent-points")
class RuralPointApi {

    record Created(long id) {
    }

    record Threshold(int threshold, PageResult<RuralPoints.Total> candidates) {
    }

    private final RuralPoints points;

    RuralPointApi(RuralPoints points) {
        this.points = points;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('talent:read')")
    PageResult<RuralPoints.Entry> entries(@RequestParam(required = false) String status, @RequestParam(required = false) String name,
                                          @RequestParam(required = false) Long personId, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return points.entries(status, name, personId, PageRequest.of(page, size));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('talent:write')")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody RuralPoints.EntryForm form) {
        return new Created(points.create(form, null));
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasAuthority('talent:review')")
    RuralPoints.Entry review(@PathVariable long id, @RequestBody RuralPoints.ReviewForm form) {
        return points.review(id, form);
    }

    @GetMapping("/totals")
    @PreAuthorize("hasAuthority('talent:read')")
    PageResult<RuralPoints.Total> totals(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return points.totals(1, PageRequest.of(page, size));
    }

    @GetMapping("/candidates")
    @PreAuthorize("hasAuthority('talent:read')")
    Threshold candidates(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return new Threshold(points.threshold(), points.candidates(PageRequest.of(page, size)));
    }

    @PostMapping("/candidates/{personId}/recommend")
    @PreAuthorize("hasAuthority('talent:review')")
    @ResponseStatus(HttpStatus.CREATED)
    Created recommend(@PathVariable long personId) {
        return new Created(points.recommend(personId));
    }
}
