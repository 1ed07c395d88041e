package org.zugong.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** Reading periods and results within the jurisdiction. */
@Service
@Transactional(readOnly = true)
class AssessmentResults {

    private final AssessmentRepository repository;
    private final AssessmentScope scope;
    private final AssessmentPeriods periods;

    AssessmentResults(AssessmentRepository repository, AssessmentScope scope, AssessmentPeriods periods) {
        this.repository = repository;
        this.scope = scope;
        this.periods = periods;
    }

    AssessmentPeriod period(long id) {
        return scope.requirePeriod(id);
    }

    AssessmentResult result(AssessmentPeriod period, long personId) {
        return scope.requireResult(period, personId);
    }

    List<AssessmentStep> steps(AssessmentPeriod period, long personId) {
        scope.requireResult(period, personId);
        return repository.steps(period.id(), personId);
    }

    /** Results in the jurisdiction, of one unit's subtree (orgId), at a stage, by name prefix. */
    PageResult<AssessmentResult> results(AssessmentPeriod period, Long orgId, AssessmentStage stage, Long exactUnit, PageRequest page) {
        SqlCondition base = periods.where(period, orgId);
        Map<String, Object> params = new HashMap<>(base.params());
        StringBuilder sql = new StringBuilder(base.sql());
        if (stage != null) {
            sql.append(" AND r.stage = :stage AND r.included");
            params.put("stage", stage.name());
        }
        if (exactUnit != null) {
            sql.append(" AND r.org_id = :exactUnit");
            params.put("exactUnit", exactUnit);
        }
        SqlCondition where = new SqlCondition(sql.toString(), params);
        List<AssessmentResult> rows = repository.results(period.id(), where, "o.path, r.included DESC, p.name, r.person_id",
                page.size(), (int) page.offset());
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.countResults(period.id(), where);
        return PageResult.of(rows, page, total);
    }
}
