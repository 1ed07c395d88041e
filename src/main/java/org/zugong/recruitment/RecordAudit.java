package org.zugong.recruitment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.zugong.audit.AuditLog;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.FieldErrors;
import org.zugong.recruitment.HistoricalAuditReport.Finding;
import org.zugong.recruitment.HistoricalAuditReport.GroupCount;
import org.zugong.recruitment.HistoricalAuditReport.RuleCount;
import org.zugong.recruitment.RecordAuditReport.RecordError;
import org.zugong.recruitment.RecordAuditReport.ViolatingRecord;

/**
 * 排查整顿 over the stored records (F42): the one {@link DevelopmentChecker} run over every development record in
 * the caller's jurisdiction (the records' 党支部 by path), optionally under one organization. The records are read
 * with one query per table, none per record. Nothing is changed; the run is audited.
 */
@Service
public class RecordAudit {

    static final String NOT_ADMITTED = "尚未接收";

    private final CandidateRepository repository;
    private final DevelopmentChecker checker;
    private final Organizations organizations;
    private final AuditLog audit;

    RecordAudit(CandidateRepository repository, DevelopmentChecker checker, Organizations organizations, AuditLog audit) {
        this.repository = repository;
        this.checker = checker;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** Audits the records of the caller's jurisdiction, under {@code orgId} when given (404 when not visible). */
    public RecordAuditReport audit(Long orgId) {
        String prefix = null;
        String scope = "管辖范围内全部党支部";
        if (orgId != null) {
            var org = organizations.requireVisible(orgId);
            prefix = org.path();
            scope = org.name();
        }
        Jurisdiction j = organizations.jurisdiction();
        List<Candidate> records = repository.loadAll(j.orgCondition("o.path", "o.id", "j"), prefix);
        RecordAuditReport report = tally(scope, records);
        audit.record("RECRUITMENT_AUDIT", "recruitment_audit", orgId, "党员发展档案排查（在库档案，" + report.ruleSet() + "）：" + scope
                + "，排查 " + report.audited() + " 份，" + report.recordsWithViolations() + " 份不符合规定（" + report.violations() + " 处）");
        return report;
    }

    private RecordAuditReport tally(String scope, List<Candidate> records) {
        RecruitmentRuleSet rules = checker.ruleSet(null);
        int audited = 0;
        int withViolations = 0;
        int violations = 0;
        Map<DevelopmentRule, int[]> byRule = new EnumMap<>(DevelopmentRule.class);
        Map<String, int[]> byBranch = new TreeMap<>();
        Map<String, int[]> byYear = new TreeMap<>();
        List<ViolatingRecord> violating = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        for (Candidate c : records) {
            CheckResult result;
            try {
                result = checker.check(c.timeline());
            } catch (FieldErrors e) {
                errors.add(new RecordError(c.id, c.personName, c.branchName, e.errors().getFirst().message()));
                continue;
            }
            audited++;
            String year = c.admission == null ? NOT_ADMITTED : Integer.toString(c.admission.date().getYear());
            int n = result.violations().size();
            int[] b = byBranch.computeIfAbsent(c.branchName, k -> new int[3]);
            int[] y = byYear.computeIfAbsent(year, k -> new int[3]);
            b[0]++;
            y[0]++;
            if (n == 0) {
                continue;
            }
            withViolations++;
            violations += n;
            b[1]++;
            b[2] += n;
            y[1]++;
            y[2] += n;
            List<Finding> findings = new ArrayList<>(n);
            EnumSet<DevelopmentRule> seen = EnumSet.noneOf(DevelopmentRule.class);
            for (CheckResult.Violation v : result.violations()) {
                int[] count = byRule.computeIfAbsent(v.rule(), k -> new int[2]);
                count[0]++;
                if (seen.add(v.rule())) {
                    count[1]++;
                }
                findings.add(new Finding(v.rule(), v.article(), v.message()));
            }
            violating.add(new ViolatingRecord(c.id, c.personName, c.branchName, year, c.stage, findings));
        }
        List<RuleCount> ruleCounts = new ArrayList<>();
        byRule.forEach((rule, count) -> ruleCounts.add(new RuleCount(rule, rules.article(rule), count[0], count[1])));
        ruleCounts.sort((a, b) -> Integer.compare(b.violations(), a.violations()));
        return new RecordAuditReport(scope, rules.name(), audited, withViolations, violations, ruleCounts, groups(byBranch),
                groups(byYear), violating, errors);
    }

    private static List<GroupCount> groups(Map<String, int[]> groups) {
        List<GroupCount> list = new ArrayList<>();
        groups.forEach((name, g) -> list.add(new GroupCount(name, g[0], g[1], g[2])));
        return list;
    }
}
