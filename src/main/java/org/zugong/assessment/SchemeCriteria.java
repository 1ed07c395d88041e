package org.zugong.assessment;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The list's filters: an organization (schemes owned by it, below it, or above it — those that concern
 * it), unit category, post type, and a day the scheme is valid on. All optional.
 */
public record SchemeCriteria(Long orgId, String unitCategory, String postType,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn) {
}
