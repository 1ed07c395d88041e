package org.zugong.cadre;

import java.time.LocalDate;

/** 职务: a post held (current while {@code endDate} is null); {@code probationEnd} when appointed on 试用期. */
public record CadrePost(long id, long personId, long orgId, String orgName, String title, RankLeadingPost postLevel,
                        AppointmentMethod method, LocalDate startDate, LocalDate endDate, LocalDate probationEnd,
                        String note, int version) {

    public boolean current() {
        return endDate == null;
    }

    public boolean onProbation(LocalDate day) {
        return probationEnd != null && !day.isAfter(probationEnd);
    }
}
