package org.zugong.cadre;

import java.time.LocalDate;

/** A cadre of the retirement list with the date computed by the retirement rule set. */
public record RetirementRow(long personId, String name, String sex, String sexName, LocalDate birthDate, long orgId,
                            String orgName, String currentPost, RetirementGroup group, RetirementDate retirement) {

    /** 出生年月 the way the national forms print it: {@code 1965.03}. */
    public String birthMonthText() {
        return birthDate == null ? "" : String.format("%d.%02d", birthDate.getYear(), birthDate.getMonthValue());
    }
}
