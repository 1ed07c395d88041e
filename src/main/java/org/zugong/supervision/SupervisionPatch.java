package org.zugong.supervision;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Ending or resolving a record: {@code endDate} ends a measure early (or dates the 办结, default today);
 * {@code status} RESOLVED with {@code result} closes a 函询 or 信访, INVESTIGATING moves a 信访 on.
 */
public record SupervisionPatch(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, String status, String result,
                               Integer version) {
}
