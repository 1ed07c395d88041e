package org.zugong.cadre;

import java.time.LocalDate;

/** A measure's period of effect was ended early (提前解除): it is no longer in force after {@code effectEnd}. */
public record SanctionEnded(long personId, long recordId, CadreRecordKind kind, LocalDate effectEnd) {
}
