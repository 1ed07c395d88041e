package org.zugong.recruitment;

import java.io.Serializable;
import java.util.List;

/**
 * What an audit of historical development records (排查整顿) found in one workbook: nothing of it is stored.
 *
 * @param rows               the filled rows read (row errors included)
 * @param audited            the rows checked (rows without a row error)
 * @param rowsWithViolations the audited rows breaking at least one rule
 * @param violations         the violations over all rows
 */
public record HistoricalAuditReport(String fileName, String ruleSet, int rows, int audited, int rowsWithViolations, int violations,
                                    List<RuleCount> byRule, List<GroupCount> byBranch, List<GroupCount> byYear,
                                    List<ViolatingRow> violatingRows, List<RowError> rowErrors) implements Serializable {

    public HistoricalAuditReport {
        byRule = List.copyOf(byRule);
        byBranch = List.copyOf(byBranch);
        byYear = List.copyOf(byYear);
        violatingRows = List.copyOf(violatingRows);
        rowErrors = List.copyOf(rowErrors);
    }

    /** A rule broken in the workbook: the article it enforces, its violations and the rows breaking it. */
    public record RuleCount(DevelopmentRule rule, String article, int violations, int rows) implements Serializable {
    }

    /** A 党支部 or a year: rows audited, rows with a violation, violations. */
    public record GroupCount(String name, int audited, int rowsWithViolations, int violations) implements Serializable {
    }

    /** One rule broken by a row, with the checker's message naming the dates (the evidence). */
    public record Finding(DevelopmentRule rule, String article, String message) implements Serializable {
    }

    /** An audited row breaking rules: its Excel row number as the user sees it and what identifies it. */
    public record ViolatingRow(int row, String seq, String name, String branch, String year, List<Finding> findings)
            implements Serializable {

        public ViolatingRow {
            findings = List.copyOf(findings);
        }
    }

    /** A row not audited: the Excel row number, the column's header (null for the whole row) and why. */
    public record RowError(int row, String column, String message) implements Serializable {

        public String describe() {
            return "第 " + row + " 行" + (column == null ? "" : "“" + column + "”列") + "：" + message;
        }
    }
}
