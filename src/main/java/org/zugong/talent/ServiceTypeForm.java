package org.zugong.talent;

/**
 * The talent office's edit of a service type (page form and API body): the default responsible department, the
 * SLA in working days, whether talents may choose it, and the {@code version} as read. {@code countyDepartment} is
 * the caller's own county's department for the type (blank: the default applies); it is saved separately.
 */
public record ServiceTypeForm(String department, Integer acceptDays, Integer finishDays, Boolean active, Integer version,
                              String countyDepartment) {
}
