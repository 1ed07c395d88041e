package org.zugong.supervision;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** An annual report as entered: when it was submitted and its items (replacing any earlier entry of the year). */
public record ReportForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn, List<ReportItem> items) {
}
