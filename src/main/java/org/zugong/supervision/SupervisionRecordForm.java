package org.zugong.supervision;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new supervision record. {@code date}: 谈话/发函/受理/决定 date; {@code endDate}: a measure's effect
 * end (required for 诫勉 and sanctions); {@code deadline}: a 函询's reply deadline; {@code title} and
 * {@code authority}: the measure's name and deciding organ (title defaults to the summary).
 */
public record SupervisionRecordForm(Long personId, String kind,
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, String summary,
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String authority,
                                    String title, String status, String result) {
}
