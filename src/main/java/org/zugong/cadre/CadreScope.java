package org.zugong.cadre;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Which cadre files the caller may see: those whose unit (cadre_profile.org_id) lies in the
 * jurisdiction. A file outside answers 404 like a missing one, and the attempt is audited.
 */
@Component
class CadreScope {

    private final Organizations organizations;
    private final CadreRepository repository;
    private final AuditLog audit;

    CadreScope(Organizations organizations, CadreRepository repository, AuditLog audit) {
        this.organizations = organizations;
        this.repository = repository;
        this.audit = audit;
    }

    /** The jurisdiction as a condition over {@code org_organization o}; empty when it is everything. */
    Optional<SqlCondition> organizations() {
        Jurisdiction j = organizations.jurisdiction();
        return j.all() ? Optional.empty() : Optional.of(j.orgCondition("o.path", "o.id", "j"));
    }

    boolean covers(long personId) {
        Jurisdiction j = organizations.jurisdiction();
        return repository.placement(personId).map(p -> j.covers(p.orgPath(), p.orgId())).orElse(false);
    }

    /** The file's placement when visible; otherwise audited and 404. */
    CadreRepository.Placement requireVisible(long personId) {
        Jurisdiction j = organizations.jurisdiction();
        var placement = repository.placement(personId);
        if (placement.isEmpty() || !j.covers(placement.get().orgPath(), placement.get().orgId())) {
            audit.recordAlone("ACCESS_DENIED", "cadre", personId, "干部档案不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("干部档案", personId);
        }
        return placement.get();
    }
}
