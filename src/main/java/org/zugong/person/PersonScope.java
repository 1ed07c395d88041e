package org.zugong.person;

import org.springframework.stereotype.Component;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Which person records the caller may see: those whose home organization lies in the jurisdiction,
 * plus their own record under the 仅本人 scope. A record outside answers 404 and the attempt is audited.
 */
@Component
class PersonScope {

    private final Organizations organizations;
    private final PersonRepository repository;
    private final AuditLog audit;

    PersonScope(Organizations organizations, PersonRepository repository, AuditLog audit) {
        this.organizations = organizations;
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * The organizations in scope as a condition over {@code org_organization o}; empty when the scope
     * is everything. A 仅本人 grant is not an organization: see {@link #selfPersonId()}.
     */
    java.util.Optional<SqlCondition> organizations() {
        Jurisdiction j = organizations.jurisdiction();
        if (j.all()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(j.orgCondition("o.path", "o.id", "j"));
    }

    /** The caller's own person record when a role grants 仅本人, else null. */
    Long selfPersonId() {
        Jurisdiction j = organizations.jurisdiction();
        return j.all() ? null : j.selfPersonId();
    }

    boolean covers(PersonRecord p) {
        Jurisdiction j = organizations.jurisdiction();
        return j.covers(p.orgPath(), p.orgId()) || (j.selfPersonId() != null && j.selfPersonId() == p.id());
    }

    PersonRecord requireVisible(long id) {
        var found = repository.find(id);
        if (found.isEmpty() || !covers(found.get())) {
            audit.recordAlone("ACCESS_DENIED", "person", id, "人员不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("人员", id);
        }
        return found.get();
    }
}
