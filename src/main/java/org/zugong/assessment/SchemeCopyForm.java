package org.zugong.assessment;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Starts a new scheme from an existing one: a new name, a new first day, and the owning organization
 * (empty: the source's own, when the user may change it). {@code endSource} ends the source the day before.
 */
public record SchemeCopyForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, Long orgId,
                             Boolean endSource) {
}
