package org.zugong.talent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A service request as pages and the API show it. {@code orgId} (the talent's unit at filing) scopes it;
 * {@code officerId}/{@code officerName} the assigned 人才服务专员 (null: 待分配). Dates are local days; a request is
 * overdue when its open SLA clock's due day lies before today.
 */
public record ServiceRequestView(long id, String number, long talentId, long personId, String personName, long orgId, String orgName,
                                 String typeCode, String typeName, String title, String content, ServiceRequestStatus status,
                                 String department, Long officerId, String officerName, Instant submittedAt, LocalDate submittedOn,
                                 LocalDate acceptDue, Instant acceptedAt, LocalDate acceptedOn, LocalDate finishDue, Instant finishedAt,
                                 LocalDate finishedOn, String result, String rejectReason, int escalationLevel, Instant escalatedAt,
                                 Integer rating, String ratingComment, int version) {

    public String statusLabel() {
        return status.label();
    }

    /** The due day of the clock that runs now: acceptance while 待受理, completion while 已受理/办理中; else null. */
    public LocalDate currentDue() {
        return switch (status) {
            case SUBMITTED -> acceptDue;
            case ACCEPTED, IN_PROGRESS -> finishDue;
            default -> null;
        };
    }

    public boolean overdueOn(LocalDate today) {
        LocalDate due = currentDue();
        return due != null && due.isBefore(today);
    }

    public boolean overdue() {
        return overdueOn(LocalDate.now());
    }

    /** "一级督办"/"二级督办", or empty. */
    public String escalationLabel() {
        return escalationLevel == 0 ? "" : escalationLevel == 1 ? "一级督办" : "二级督办";
    }
}
