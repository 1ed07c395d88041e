package org.zugong.assessment;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * What the caller may see of assessments: results whose assessing unit lies in the jurisdiction, and
 * periods whose subtree meets it (a county works in the city's period on its own units only). Anything
 * else answers 404 and the attempt is audited.
 */
@Component
class AssessmentScope {

    private final Organizations organizations;
    private final AssessmentRepository repository;
    private final AuditLog audit;

    AssessmentScope(Organizations organizations, AssessmentRepository repository, AuditLog audit) {
        this.organizations = organizations;
        this.repository = repository;
        this.audit = audit;
    }

    Jurisdiction jurisdiction() {
        return organizations.jurisdiction();
    }

    /** The jurisdiction over {@code org_organization o}, always-true for everything. */
    SqlCondition condition() {
        return jurisdiction().orgCondition("o.path", "o.id", "j");
    }

    boolean periodVisible(AssessmentPeriod p) {
        Jurisdiction j = jurisdiction();
        return j.all() || j.covers(p.orgPath(), p.orgId()) || j.paths().stream().anyMatch(path -> path.startsWith(p.orgPath()))
                || j.orgIds().stream().anyMatch(id -> organizations.path(id).map(path -> path.startsWith(p.orgPath())).orElse(false));
    }

    AssessmentPeriod requirePeriod(long id) {
        Optional<AssessmentPeriod> period = repository.period(id);
        if (period.isEmpty() || !periodVisible(period.get())) {
            audit.recordAlone("ACCESS_DENIED", "assessment_period", id, "考核周期不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("考核周期", id);
        }
        return period.get();
    }

    /** A unit (or subtree) of a period the caller may work on: visible, and inside the period's subtree. */
    OrganizationSummary requireUnit(AssessmentPeriod period, long orgId) {
        OrganizationSummary org = organizations.requireVisible(orgId);
        if (!org.path().startsWith(period.orgPath())) {
            throw new RecordNotFoundException("考核单位", orgId);
        }
        return org;
    }

    AssessmentResult requireResult(AssessmentPeriod period, long personId) {
        Jurisdiction j = jurisdiction();
        Optional<AssessmentResult> result = repository.result(period.id(), personId);
        boolean visible = result.isPresent() && repository.resultOrgPath(period.id(), personId)
                .map(path -> j.covers(path, result.get().orgId())).orElse(false);
        if (!visible) {
            audit.recordAlone("ACCESS_DENIED", "assessment_result", period.id() + "/" + personId, "考核结果不存在或不在管辖范围内",
                    AuditOutcome.DENIED);
            throw new RecordNotFoundException("考核结果", personId);
        }
        return result.get();
    }
}
