package org.zugong.assessment;

import java.time.LocalDate;

/** A scheme in the list. */
public record SchemeRow(long id, String name, long orgId, String orgName, SchemeUnitCategory unitCategory,
                        SchemePostType postType, LocalDate validFrom, LocalDate validTo, int indicatorCount, boolean editable) {

    public String statusOn(LocalDate day) {
        return status(validFrom, validTo, day);
    }

    static String status(LocalDate from, LocalDate to, LocalDate day) {
        if (from.isAfter(day)) {
            return "未生效";
        }
        return to != null && to.isBefore(day) ? "已结束" : "有效";
    }
}
