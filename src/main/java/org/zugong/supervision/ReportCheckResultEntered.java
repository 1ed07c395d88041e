package org.zugong.supervision;

import java.time.LocalDate;

/** A personal-matters report check got its result (如实/漏报/瞒报/其他), for the warning rules. Published after commit. */
public record ReportCheckResultEntered(long personId, long checkId, CheckResult result, LocalDate checkedOn) {
}
