package org.zugong.cadre;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The month (yyyyMM) and day (yyyyMMdd) formats of LRMX, read leniently and written exactly. */
final class LrmxDates {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})[.\\-/．]?(\\d{2})(?:[.\\-/．]?\\d{2})?");
    private static final Pattern DAY = Pattern.compile("(\\d{4})[.\\-/．]?(\\d{2})[.\\-/．]?(\\d{2})");
    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd");

    private LrmxDates() {
    }

    /** yyyyMM, also yyyy.MM / yyyy-MM and a trailing day, which is dropped. */
    static Optional<YearMonth> month(String text) {
        Matcher m = MONTH.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** yyyyMMdd, also with . - / separators. */
    static Optional<LocalDate> day(String text) {
        Matcher m = DAY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String format(YearMonth month) {
        return month == null ? null : month.format(MONTH_FORMAT);
    }

    static String format(LocalDate day) {
        return day == null ? null : day.format(DAY_FORMAT);
    }
}
