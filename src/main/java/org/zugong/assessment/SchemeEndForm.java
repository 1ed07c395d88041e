package org.zugong.assessment;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Ends (停用) a scheme: its last valid day, and the version the user saw. */
public record SchemeEndForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, Integer version) {
}
