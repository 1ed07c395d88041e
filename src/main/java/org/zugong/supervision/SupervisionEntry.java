package org.zugong.supervision;

import java.time.LocalDate;

/**
 * One supervision record as listed, from either source: {@code id} "SUP-n" / "CAD-n", {@code source}
 * "supervision" / "cadre". For a measure {@code endDate} is the effect end; for a 函询/信访 the 办结 date.
 */
public record SupervisionEntry(String id, String source, long recordId, long personId, String personName, long orgId,
                               String orgName, SupervisionKind kind, String kindName, LocalDate date, LocalDate endDate,
                               LocalDate deadline, String summary, String title, String authority, SupervisionStatus status,
                               String statusName, String result, boolean open, boolean overdue, int version) {
}
