package org.zugong.talent;

/**
 * 服务类型, stored as data in {@code talent_service_type}: the default responsible department (a county may name
 * its own in {@code talent_service_department}), and the SLA in working days: accept within {@code acceptDays} of
 * the submission day, finish within {@code finishDays} of the acceptance day.
 */
public record ServiceType(String code, String name, String department, int acceptDays, int finishDays, int sort, boolean active) {
}
