package org.zugong.cadre;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 影响期: a period during which no rank promotion is allowed (职务职级并行规定 2019 Art.21).
 *
 * @param kind  诫勉, 组织处理, 处分 or 立案审查
 * @param start first day of the period
 * @param end   last day of the period, inclusive; {@code null} while it has not ended (e.g. an open 立案审查)
 */
public record RankRestriction(Kind kind, LocalDate start, LocalDate end) {

    /** The kinds of period named in Art.21. */
    public enum Kind {
        诫勉, 组织处理, 处分, 立案审查
    }

    public RankRestriction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("restriction ends before it starts");
        }
    }

    /** Whether the period covers the day (start and end inclusive). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
