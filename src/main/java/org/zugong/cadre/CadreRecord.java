package org.zugong.cadre;

import java.time.LocalDate;

/**
 * A reward or a measure (奖惩). A measure is in force from {@code effectStart} (or the decision) to
 * {@code effectEnd} inclusive; an open end (立案审查 under way) lasts until it is closed.
 */
public record CadreRecord(long id, long personId, CadreRecordKind kind, String title, String authority, LocalDate decidedOn,
                          LocalDate effectStart, LocalDate effectEnd, String note) {

    public LocalDate effectiveFrom() {
        return effectStart != null ? effectStart : decidedOn;
    }

    public boolean inForce(LocalDate day) {
        return kind.isMeasure() && !day.isBefore(effectiveFrom()) && (effectEnd == null || !day.isAfter(effectEnd));
    }

    /** The promotion restriction of a measure, or null for a reward. */
    public RankRestriction restriction() {
        return kind.isMeasure() ? new RankRestriction(kind.restriction(), effectiveFrom(), effectEnd) : null;
    }
}
