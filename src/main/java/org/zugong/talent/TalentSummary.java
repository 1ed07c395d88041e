package org.zugong.talent;

import java.time.LocalDate;

/**
 * A registry record as other modules and the API see it. {@code orgId} is the employer unit that scopes
 * the record; {@code employerName} is the 工作单位 as written when it differs (a firm outside the tree).
 */
public record TalentSummary(long id, long personId, String personName, long orgId, String orgName, String tierCode, String tierName,
                            String category, String field, String employerName, String introductionMode, LocalDate introducedOn,
                            TalentStatus status, LocalDate recognizedOn, LocalDate validUntil, String note, int version) {

    public String statusLabel() {
        return status.label();
    }

    public String tierLabel() {
        return tierCode + "类 " + tierName;
    }

    /** Recognized and not past its validity on the given day. */
    public boolean validOn(LocalDate day) {
        return status == TalentStatus.RECOGNIZED && (validUntil == null || !validUntil.isBefore(day));
    }
}
