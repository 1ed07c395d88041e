package org.zugong.cadre;

import java.time.Instant;
import java.time.LocalDate;

/**
 * F25: one 「三将干部」 record — a cadre's service on an urgent, difficult, dangerous or heavy front
 * line (急难险重一线), recommended by a unit and recognized (已认定) or not. {@code endDate} is null
 * while the task goes on; {@code recognizedOn} and {@code document} are set when 已认定.
 */
public record FrontlineRecord(long id, long personId, String task, FrontlineTaskKind taskKind, LocalDate startDate,
                              LocalDate endDate, String performance, String evidence, long recommendingOrgId,
                              String recommendingOrgName, FrontlineOutcome outcome, LocalDate recognizedOn, String document,
                              int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public boolean ongoing() {
        return endDate == null;
    }

    public boolean recognized() {
        return outcome == FrontlineOutcome.已认定;
    }
}
