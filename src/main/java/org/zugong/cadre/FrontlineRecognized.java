package org.zugong.cadre;

import java.time.LocalDate;

/** A 「三将干部」 record became 已认定. Published after commit to warnings and other listeners. */
public record FrontlineRecognized(long personId, long recordId, String task, LocalDate recognizedOn) {
}
