package org.zugong.cadre;

import java.time.LocalDate;
import java.time.Period;

/** A cadre in a search result: the columns of the list and of the roster (花名册). */
public record CadreRow(long personId, String name, String sex, LocalDate birthDate, String ethnicity, String nativePlace,
                       String education, String politicalStatus, LocalDate partyJoinDate, LocalDate workStartDate,
                       long orgId, String orgName, String currentPost, RankLeadingPost postLevel, LocalDate postSince,
                       Rank rank, LocalDate rankSince, CadreCategory category, ManagementLevel managementLevel,
                       String professionalTitle, RetirementGroup retirementGroup, boolean sanctioned,
                       boolean frontline) {

    public int age(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }
}
