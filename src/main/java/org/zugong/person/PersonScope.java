package org.zugong.person;

import java.util.HashMap;
import java.util.Map;
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
     * The scope over {@code person_person p}, as {@code p.org_id IN (organizations in scope)}: the
     * planner then walks the few organizations of a subtree through the path index and fetches their
     * persons through {@code (org_id, id)}, instead of joining every person to the tree first.
     */
    SqlCondition condition() {
        Jurisdiction j = organizations.jurisdiction();
        if (j.all()) {
            return SqlCondition.alwaysTrue();
        }
        SqlCondition orgs = j.orgCondition("jo.path", "jo.id", "j");
        Map<String, Object> params = new HashMap<>(orgs.params());
        String sql = "p.org_id IN (SELECT jo.id FROM org_organization jo WHERE " + orgs.sql() + ")";
        if (j.selfPersonId() != null) {
            params.put("selfPerson", j.selfPersonId());
            sql = "(" + sql + " OR p.id = :selfPerson)";
        }
        return new SqlCondition(sql, params);
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
