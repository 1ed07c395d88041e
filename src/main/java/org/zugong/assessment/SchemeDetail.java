package org.zugong.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A scheme as its page shows it: with the version for editing, where it was copied from, and whether the user may change it. */
public record SchemeDetail(Scheme scheme, int version, Long copiedFrom, String copiedFromName, boolean editable,
                           String updatedBy, OffsetDateTime updatedAt) {

    /** 未生效 / 有效 / 已结束 on a day. */
    public String statusOn(LocalDate day) {
        return SchemeRow.status(scheme.validFrom(), scheme.validTo(), day);
    }
}
