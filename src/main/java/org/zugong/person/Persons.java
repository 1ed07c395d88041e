package org.zugong.person;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person module's facade for other modules: read a person within the caller's jurisdiction. */
@Service
@Transactional(readOnly = true)
public class Persons {

    private final PersonScope scope;
    private final PersonRepository repository;

    Persons(PersonScope scope, PersonRepository repository) {
        this.scope = scope;
        this.repository = repository;
    }

    /** The person if visible to the caller; otherwise audited and 404. */
    public PersonSummary requireVisible(long id) {
        return scope.requireVisible(id).summary();
    }

    /** Exact lookup by ID number (through the blind index), visible ones only. */
    public Optional<PersonSummary> findByIdNumber(String idNumber) {
        return repository.findIdByIdNumber(IdNumber.normalize(idNumber))
                .flatMap(repository::find)
                .filter(scope::covers)
                .map(PersonRecord::summary);
    }
}
