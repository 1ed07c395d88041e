package org.zugong.recruitment;

import java.util.List;
import org.zugong.recruitment.HistoricalAuditReport.Finding;
import org.zugong.recruitment.HistoricalAuditReport.GroupCount;
import org.zugong.recruitment.HistoricalAuditReport.RuleCount;

/**
 * What the checker found over the stored development records in a jurisdiction (排查整顿 of the records kept here,
 * F42), counted like the {@link HistoricalAuditReport} of a workbook: by rule (its {@code rows} are records), by
 * 党支部 and by year (the year of the admission meeting, {@value RecordAudit#NOT_ADMITTED} before it).
 *
 * @param scope                the organization audited (its name), or the caller's whole jurisdiction
 * @param audited              the records checked
 * @param recordsWithViolations the records breaking at least one rule
 * @param violations           the violations over all records
 * @param recordErrors         records the checker could not read (malformed stored values), not audited
 */
public record RecordAuditReport(String scope, String ruleSet, int audited, int recordsWithViolations, int violations,
                                List<RuleCount> byRule, List<GroupCount> byBranch, List<GroupCount> byYear,
                                List<ViolatingRecord> violatingRecords, List<RecordError> recordErrors) {

    public RecordAuditReport {
        byRule = List.copyOf(byRule);
        byBranch = List.copyOf(byBranch);
        byYear = List.copyOf(byYear);
        violatingRecords = List.copyOf(violatingRecords);
        recordErrors = List.copyOf(recordErrors);
    }

    /** A stored record breaking rules, with the link to it. */
    public record ViolatingRecord(long id, String name, String branch, String year, CandidateStage stage, List<Finding> findings) {

        public ViolatingRecord {
            findings = List.copyOf(findings);
        }

        public String href() {
            return "/recruitment/" + id;
        }

        public String stageLabel() {
            return stage.label();
        }
    }

    /** A stored record the checker refused to read. */
    public record RecordError(long id, String name, String branch, String message) {

        public String href() {
            return "/recruitment/" + id;
        }
    }
}
