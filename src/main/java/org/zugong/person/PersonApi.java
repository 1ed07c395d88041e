package org.zugong.person;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
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
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** {@code /api/v1/persons}: search with the list's filters, read, create and update — within jurisdiction. */
@RestController
@RequestMapping("/api/v1/persons")
class PersonApi {

    /** A person in a list: the ID number masked. */
    record PersonListJson(long id, String name, String sex, LocalDate birthDate, String idNumber, long orgId, String orgName,
                          String education, String politicalStatus) {
    }

    /** One person in full, but the ID number and phone masked. */
    record PersonJson(long id, String name, String sex, LocalDate birthDate, String ethnicity, String nativePlace,
                      String idNumber, String phone, String education, String politicalStatus, LocalDate partyJoinDate,
                      LocalDate workStartDate, long orgId, String orgName, int version) {
        static PersonJson of(PersonRecord p) {
            return new PersonJson(p.id(), p.name(), p.sex(), p.birthDate(), p.ethnicity(), p.nativePlace(), p.maskedIdNumber(),
                    p.maskedPhone(), p.education(), p.politicalStatus(), p.partyJoinDate(), p.workStartDate(), p.orgId(),
                    p.orgName(), p.version());
        }
    }

    private final PersonRegistry registry;
    private final Persons persons;

    PersonApi(PersonRegistry registry, Persons persons) {
        this.registry = registry;
        this.persons = persons;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('person:read')")
    PageResult<PersonListJson> search(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String name,
                                      @RequestParam(required = false) String sex, @RequestParam(required = false) Integer ageMin,
                                      @RequestParam(required = false) Integer ageMax, @RequestParam(required = false) String education,
                                      @RequestParam(required = false) String politicalStatus,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String sort) {
        var criteria = new PersonCriteria(orgId, name, sex, ageMin, ageMax, education, politicalStatus);
        return registry.search(criteria, PageRequest.of(page, size), sort)
                .map(r -> new PersonListJson(r.id(), r.name(), r.sex(), r.birthDate(), r.idNumber(), r.orgId(), r.orgName(),
                        r.educationName(), r.politicalStatusName()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('person:read')")
    PersonJson get(@PathVariable long id) {
        return PersonJson.of(registry.detail(id));
    }

    @GetMapping("/by-id-number")
    @PreAuthorize("hasAuthority('person:read')")
    ResponseEntity<PersonSummary> byIdNumber(@RequestParam String idNumber) {
        return persons.findByIdNumber(idNumber).map(ResponseEntity::ok)
                .orElseThrow(() -> new org.zugong.platform.web.RecordNotFoundException("人员", IdNumber.mask(IdNumber.normalize(idNumber))));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('person:write')")
    // The insert and its read-back in one transaction: a database lost in between must not answer 503
    // ("try again") for a record already stored, which the retry would then create twice.
    @Transactional
    ResponseEntity<PersonJson> create(@Valid @RequestBody PersonForm form) {
        long id = registry.register(form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(PersonJson.of(registry.detail(id)));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('person:write')")
    PersonJson update(@PathVariable long id, @Valid @RequestBody PersonForm form) {
        registry.update(id, form);
        return PersonJson.of(registry.detail(id));
    }
}
