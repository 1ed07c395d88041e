package org.zugong.cadre;

import java.time.YearMonth;

/**
 * One period of the 简历 (resume).
 *
 * @param from start month; null only for text that had no date prefix at the top of the resume
 * @param to   end month; null for an open period (至今, written as 7 spaces)
 * @param text what the person did; continuation lines are joined with {@code \n}
 */
public record LrmxResumeLine(YearMonth from, YearMonth to, String text) {
}
