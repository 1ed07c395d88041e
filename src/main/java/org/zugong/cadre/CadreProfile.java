package org.zugong.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The cadre-level facts of a 干部档案 that are not a history: category, management level, the
 * printed fields of the 任免审批表, and the current post level and rank kept for search.
 *
 * @param orgId      任职单位: the unit whose jurisdiction covers this file
 * @param lrmxExtra  LRMX elements this application does not know, kept so that an export returns them
 */
public record CadreProfile(long personId, long orgId, String orgName, CadreCategory category, JobClass jobClass,
                           ManagementLevel managementLevel, RetirementGroup retirementGroup, String birthPlace,
                           String health, String partyJoinText, String professionalTitle, String specialty,
                           String currentPostText, String proposedPost, String proposedRemoval, String rewardsText,
                           String annualText, String appointmentReason, String reportingUnit, LocalDate ageComputedOn,
                           LocalDate filledOn, String filledBy, String lrmxVersion, Map<String, String> lrmxExtra,
                           RankLeadingPost postLevel, LocalDate postSince, Rank rank, LocalDate rankSince, int version,
                           Instant updatedAt, String updatedBy) {

    public CadreProfile {
        lrmxExtra = lrmxExtra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lrmxExtra));
    }
}
