package org.zugong.supervision;

import java.time.LocalDate;

/**
 * A supervision record was closed: a 函询 or 信访 已办结, or a measure ended early (提前解除) — on
 * {@code date}. A measure running out at its planned end is no event: it is a date in the facts.
 */
public record SupervisionRecordClosed(long personId, String recordId, SupervisionKind kind, LocalDate date) {
}
