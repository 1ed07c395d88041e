package org.zugong.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/organizations}: the tree, children, search, CRUD and move, within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApi {

    /** One node as the API returns it. */
    record OrganizationJson(long id, String name, String kind, String kindLabel, Long parentId, String path, int depth,
                            boolean active) {
        static OrganizationJson of(OrganizationSummary s) {
            return new OrganizationJson(s.id(), s.name(), s.kind().name(), s.kind().label(), s.parentId(), s.path(), s.depth(), s.active());
        }
    }

    /** The full record of one organization. */
    record OrganizationDetailJson(long id, String name, String shortName, String kind, String kindLabel, Long parentId,
                                  String path, int depth, String regionCode, Long unitId, LocalDate termStart,
                                  LocalDate termEnd, int sortOrder, boolean active, String deactivationReason, int version) {
        static OrganizationDetailJson of(OrganizationRecord r) {
            return new OrganizationDetailJson(r.id(), r.name(), r.shortName(), r.kind().name(), r.kind().label(), r.parentId(),
                    r.path(), r.depth(), r.regionCode(), r.unitId(), r.termStart(), r.termEnd(), r.sortOrder(), r.active(),
                    r.deactivationReason(), r.version());
        }
    }

    record MoveRequest(@NotNull(message = "请指定新的上级组织") Long parentId, @NotNull(message = "缺少版本号") Integer version) {
    }

    record DeactivateRequest(String reason, @NotNull(message = "缺少版本号") Integer version) {
    }

    record MoveResult(long id, long parentId, int moved) {
    }

    private final Organizations organizations;
    private final OrganizationEditor editor;
    private final OrganizationRepository repository;

    OrganizationApi(Organizations organizations, OrganizationEditor editor, OrganizationRepository repository) {
        this.organizations = organizations;
        this.editor = editor;
        this.repository = repository;
    }

    /** Children of {@code parentId}; without it, the top nodes the caller may see. */
    @GetMapping
    @PreAuthorize("hasAuthority('org:read')")
    List<OrganizationJson> list(@RequestParam(required = false) Long parentId) {
        List<OrganizationSummary> nodes = parentId == null ? organizations.visibleRoots() : organizations.children(parentId);
        return nodes.stream().map(OrganizationJson::of).toList();
    }

    @GetMapping("/search")
    @PreAuthorize("hasAuthority('org:read')")
    List<OrganizationJson> search(@RequestParam String q) {
        if (q.isBlank()) {
            return List.of();
        }
        Jurisdiction j = organizations.jurisdiction();
        return repository.search(q.trim(), false, j.orgCondition("o.path", "o.id", "j"), 50).stream()
                .map(r -> OrganizationJson.of(r.summary())).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('org:read')")
    OrganizationDetailJson get(@PathVariable long id) {
        return OrganizationDetailJson.of(organizations.requireVisibleRecord(id));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('org:write')")
    // The insert and its read-back in one transaction: a database lost in between must not answer 503
    // ("try again") for a record already stored, which the retry would then create twice.
    @Transactional
    ResponseEntity<OrganizationDetailJson> create(@Valid @RequestBody OrganizationForm form) {
        long id = editor.create(form);
        // Read back without the jurisdiction check: a user of the 仅本组织 scope may create below it.
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id))
                .body(OrganizationDetailJson.of(repository.find(id).orElseThrow()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('org:write')")
    OrganizationDetailJson update(@PathVariable long id, @Valid @RequestBody OrganizationForm form) {
        editor.update(id, form);
        return OrganizationDetailJson.of(organizations.requireVisibleRecord(id));
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('org:write')")
    MoveResult move(@PathVariable long id, @Valid @RequestBody MoveRequest request) {
        int moved = editor.move(id, request.parentId(), request.version());
        return new MoveResult(id, request.parentId(), moved);
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAuthority('org:write')")
    OrganizationDetailJson deactivate(@PathVariable long id, @Valid @RequestBody DeactivateRequest request) {
        editor.deactivate(id, request.reason(), request.version());
        return OrganizationDetailJson.of(organizations.requireVisibleRecord(id));
    }
}
