package org.zugong.talent;

/**
 * The staff queues and their filters: {@code queue} PENDING (待受理), HANDLING (已受理和办理中), OVERDUE (已超期),
 * MINE (我的: assigned to me and open), or empty for all; then type, status, officer, overdue only, talent's name.
 */
public record ServiceQueueCriteria(String queue, String type, ServiceRequestStatus status, Long officerId, Boolean overdue, String name) {

    static ServiceQueueCriteria none() {
        return new ServiceQueueCriteria(null, null, null, null, null, null);
    }
}
