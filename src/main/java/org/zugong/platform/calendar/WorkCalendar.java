package org.zugong.platform.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Working days (for 公示 and other deadlines counted in 工作日): Monday to Friday, except official
 * holidays, plus the weekend days worked in exchange (调休) — both from the calendar table
 * {@code assessment_calendar_day} (created with the assessment module, kept here for everyone), which
 * an administrator extends every year.
 *
 * <p>The table holds a few dozen rows a year, and an audit asks for working days once per record (100,000
 * records in one run), so the whole table is kept in memory and read again after {@link #REFRESH}: a year's
 * holidays added by SQL take effect within minutes, without a restart.
 */
@Component
public class WorkCalendar {

    static final Duration REFRESH = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /** The calendar's exceptions: day → true for a working weekend day, false for a holiday; and when it was read. */
    private record Snapshot(Map<LocalDate, Boolean> exceptions, Instant readAt) {
    }

    @Autowired
    WorkCalendar(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    WorkCalendar(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Map<LocalDate, Boolean> exceptions() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.readAt().plus(REFRESH).isBefore(now)) {
            Map<LocalDate, Boolean> map = new HashMap<>();
            jdbc.sql("SELECT day, kind FROM assessment_calendar_day").query(rs -> {
                map.put(rs.getObject(1, LocalDate.class), "WORKDAY".equals(rs.getString(2)));
            });
            s = new Snapshot(Map.copyOf(map), now);
            snapshot = s;
        }
        return s.exceptions();
    }

    static boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> exceptions) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, exceptions());
    }

    /** The first working day on or after {@code day}. */
    public LocalDate firstWorkingDayFrom(LocalDate day) {
        Map<LocalDate, Boolean> exceptions = exceptions();
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
        Map<LocalDate, Boolean> exceptions = exceptions();
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
        Map<LocalDate, Boolean> exceptions = exceptions();
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
