package org.zugong.supervision;

import java.time.LocalDate;

/**
 * One cadre who must report in a year: the report's status (已报告 / 未报告 / 逾期, and whether it came
 * late) and the latest check of that year (pending when {@code checkResult} is null).
 */
public record ReportRow(long personId, String name, long orgId, String orgName, String postLevel, String category, int year,
                        LocalDate dueDate, ReportStatus status, LocalDate submittedOn, boolean late, Long checkId,
                        CheckReason checkReason, CheckResult checkResult, LocalDate checkedOn, String checkNote,
                        Integer checkVersion) {
}
