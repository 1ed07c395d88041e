package org.zugong.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Working days (for 公示 and other deadlines counted in 工作日): Monday to Friday, except official
 * holidays, plus the weekend days worked in exchange (调休) — both from the calendar table
 * {@code assessment_calendar_day} (created with the assessment module, kept here for everyone), which
 * an administrator extends every year.
 */
@Component
public class WorkCalendar {

    private final JdbcClient jdbc;

    WorkCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar's exceptions between two days: day → true for a working weekend day, false for a holiday. */
    private Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> map = new HashMap<>();
        jdbc.sql("SELECT day, kind FROM assessment_calendar_day WHERE day BETWEEN :f AND :t").param("f", from).param("t", to)
                .query(rs -> {
                    map.put(rs.getObject(1, LocalDate.class), "WORKDAY".equals(rs.getString(2)));
                });
        return map;
    }

    static boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> exceptions) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, exceptions(day, day));
    }

    /** The first working day on or after {@code day}. */
    public LocalDate firstWorkingDayFrom(LocalDate day) {
        Map<LocalDate, Boolean> exceptions = exceptions(day, day.plusDays(40));
        LocalDate d = day;
        while (!isWorkingDay(d, exceptions)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** How many working days lie in {@code [from, to]} (both included); 0 when {@code to} is before {@code from}. */
    public int count(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        Map<LocalDate, Boolean> exceptions = exceptions(from, to);
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d, exceptions)) {
                n++;
            }
        }
        return n;
    }

    /** The last day of a span of {@code n} working days starting on the working day {@code start}. */
    public LocalDate lastOf(LocalDate start, int n) {
        Map<LocalDate, Boolean> exceptions = exceptions(start, start.plusDays(n * 3L + 40));
        LocalDate d = start;
        int counted = isWorkingDay(d, exceptions) ? 1 : 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d, exceptions)) {
                counted++;
            }
        }
        return d;
    }
}
