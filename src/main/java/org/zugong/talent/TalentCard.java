package org.zugong.talent;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One 英才卡 with its holder's name and unit (for staff pages; the public verification shows the masked name only). */
record TalentCard(long id, long talentId, String number, String tierCode, String tierName, LocalDate issuedOn, LocalDate validUntil,
                  TalentCardStatus status, Long replacesCardId, String replacesNumber, String statusReason, OffsetDateTime statusChangedAt,
                  int version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                  String personName, long orgId, String orgName) {

    public String statusLabel() {
        return status.label();
    }

    public String tierLabel() {
        return tierCode + "类 " + tierName;
    }

    /** Active and not past its validity on the day (the expiry job may not have run yet). */
    public boolean validOn(LocalDate day) {
        return status == TalentCardStatus.ACTIVE && !validUntil.isBefore(day);
    }

    /** The status a verifier sees on the day: an active card past its validity is 到期. */
    public TalentCardStatus effectiveStatus(LocalDate day) {
        return status == TalentCardStatus.ACTIVE && validUntil.isBefore(day) ? TalentCardStatus.EXPIRED : status;
    }

    /** "刘*松": the first and last character, the rest starred (two characters: "刘*"). */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
