package org.zugong.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit page. */
public record AuditCriteria(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     String username, String action, AuditOutcome outcome, String targetType, String targetId) {
}
