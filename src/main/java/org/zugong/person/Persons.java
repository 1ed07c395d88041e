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
    private final AuditLog audit;

    Persons(PersonScope scope, PersonRepository repository, AuditLog audit) {
        this.scope = scope;
        this.repository = repository;
        this.audit = audit;
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
