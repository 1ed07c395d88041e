package org.zugong.audit;

import java.time.Instant;

/** One audit row as the audit administrator reads it. */
public record AuditEntry(long id, Instant occurredAt, String username, String clientIp, String action, String targetType,
                  String targetId, String detail, AuditOutcome outcome) {
}
