package org.zugong.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A 考核方案 as other parts of the application use it: owned by an organization (its subtree may use
 * it), for one unit category and post type, valid from {@code validFrom} to {@code validTo} (null: open),
 * with its indicators in order.
 */
public record Scheme(long id, String name, long orgId, String orgName, SchemeUnitCategory unitCategory,
                     SchemePostType postType, LocalDate validFrom, LocalDate validTo, List<Indicator> indicators) {

    public Scheme {
        indicators = List.copyOf(indicators);
    }

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public java.math.BigDecimal totalWeight() {
        return indicators.stream().map(Indicator::weight).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }
}
