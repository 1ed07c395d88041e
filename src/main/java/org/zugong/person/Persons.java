package org.zugong.person;

import java.util.Optional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person module's facade for other modules: read a person within the caller's jurisdiction. */
@Service
@Transactional(readOnly = true)
public class Persons {

    private final PersonScope scope;
    private final PersonRepository repository;
    private final PersonRegistry registry;
    private final AuditLog audit;

    Persons(PersonScope scope, PersonRepository repository, PersonRegistry registry, AuditLog audit) {
        this.scope = scope;
        this.repository = repository;
        this.registry = registry;
        this.audit = audit;
    }

    /**
     * The whole record (full ID number included) if visible to the caller; otherwise audited and 404.
     * For modules that must write the person's facts out, such as the LRMX export: they audit what they show.
     */
    public PersonRecord requireVisibleRecord(long id) {
        return scope.requireVisible(id);
    }

    /**
     * Whole records by id without a jurisdiction check: for a module that has already checked its own
     * scope (a cadre file is scoped by its post's unit, not the person's home organization).
     */
    public java.util.Map<Long, PersonRecord> records(java.util.Collection<Long> ids) {
        java.util.Map<Long, PersonRecord> map = new java.util.HashMap<>();
        java.util.List<Long> all = java.util.List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            repository.findAll(all.subList(from, Math.min(all.size(), from + 500))).forEach(r -> map.put(r.id(), r));
        }
        return map;
    }

    /** Whether the caller's jurisdiction covers the person (no audit: for deciding, not for showing). */
    public boolean isVisible(long id) {
        return repository.find(id).map(scope::covers).orElse(false);
    }

    /** The id registered under this ID number anywhere, for duplicate checks before a batch writes. */
    public Optional<Long> registeredId(String idNumber) {
        return repository.findIdByIdNumber(IdNumber.normalize(idNumber));
    }

    /** Registers a person with every rule of the record checked; field errors as {@code FieldErrors}. */
    @Transactional
    public long register(PersonForm form) {
        return registry.register(form);
    }

    /** Updates a visible person (optimistic lock on {@code form.version()}). */
    @Transactional
    public void update(long id, PersonForm form) {
        registry.update(id, form);
    }

    /** Photos of these persons: person id → (content type, bytes). No jurisdiction check: see {@link #records}. */
    public java.util.Map<Long, Photo> photos(java.util.Collection<Long> ids) {
        java.util.Map<Long, Photo> map = new java.util.HashMap<>();
        java.util.List<Long> all = java.util.List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            repository.photos(all.subList(from, Math.min(all.size(), from + 500)))
                    .forEach((id, photo) -> map.put(id, new Photo(photo.contentType(), photo.content())));
        }
        return map;
    }

    /** Stores a photo checked by the caller (JPEG or PNG by its content, see {@link org.zugong.platform.upload.Upload}). */
    @Transactional
    public void savePhoto(long id, String contentType, byte[] content) {
        registry.savePhoto(id, contentType, content);
    }

    /** A stored photo. */
    public record Photo(String contentType, byte[] content) {
    }

    /**
     * The 中共党员 (full members, GB/T 4762 code 01) of an organization's subtree that the caller may see, by name,
     * at most {@link org.zugong.platform.web.PageRequest#MAX_SIZE}: the people a development record's 入党介绍人 and
     * 培养联系人 are chosen from. 404 when the organization is not visible.
     */
    public java.util.List<PersonChoice> fullPartyMembers(long orgId) {
        return registry.search(new PersonCriteria(orgId, null, null, null, null, null, "01"),
                        new org.zugong.platform.web.PageRequest(0, org.zugong.platform.web.PageRequest.MAX_SIZE), "name")
                .content().stream().map(r -> new PersonChoice(r.id(), r.name(), r.orgName())).toList();
    }

    /** The person if visible to the caller; otherwise audited and 404. */
    public PersonSummary requireVisible(long id) {
        return scope.requireVisible(id).summary();
    }

    /** Exact lookup by ID number (through the blind index), visible ones only. */
    public Optional<PersonSummary> findByIdNumber(String idNumber) {
        Optional<PersonRecord> found = repository.findIdByIdNumber(IdNumber.normalize(idNumber)).flatMap(repository::find);
        if (found.isPresent() && !scope.covers(found.get())) {
            // A hit outside the jurisdiction answers like a miss, but the probe is on record.
            audit.recordAlone("ACCESS_DENIED", "person", found.get().id(), "按身份证号查询到管辖范围外的人员", AuditOutcome.DENIED);
            return Optional.empty();
        }
        return found.map(PersonRecord::summary);
    }
}
