package org.zugong.supervision;

import java.time.LocalDate;

/**
 * A supervision record was created: {@code recordId} is "SUP-n" (supervision table) or "CAD-n" (a
 * measure in the cadre file, whichever page or API recorded it); {@code date} is the record's date (a
 * measure's effect start). Published in the recording transaction; listeners of the warning engine
 * use {@code @ApplicationModuleListener}.
 */
public record SupervisionRecordCreated(long personId, String recordId, SupervisionKind kind, LocalDate date) {
}
