package org.zugong.platform.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class WorkCalendarTests extends IntegrationTest {

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void holidaysAndExchangedWorkdaysOfTheTableCountButWeekendsDoNot() {
        WorkCalendar calendar = new WorkCalendar(jdbc);
        // 2025-10-01..08 国庆中秋 holidays, 2025-09-28 (Sunday) and 2025-10-11 (Saturday) worked in exchange.
        assertThat(calendar.count(LocalDate.of(2025, 9, 27), LocalDate.of(2025, 10, 12))).isEqualTo(6);
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(calendar.firstWorkingDayFrom(LocalDate.of(2025, 10, 1))).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.lastOf(LocalDate.of(2025, 9, 29), 5)).isEqualTo(LocalDate.of(2025, 10, 11));
    }

    @Test
    void aHolidayAddedToTheTableCountsOnceTheKeptCopyIsRefreshed() {
        MovingClock clock = new MovingClock();
        WorkCalendar calendar = new WorkCalendar(jdbc, clock);
        LocalDate monday = LocalDate.of(2031, 3, 3);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        jdbc.sql("INSERT INTO assessment_calendar_day (day, kind, name) VALUES (:d, 'HOLIDAY', '测试假日')").param("d", monday).update();
        try {
            assertThat(calendar.isWorkingDay(monday)).as("kept copy still in use").isTrue();
            clock.now = clock.now.plus(WorkCalendar.REFRESH).plusSeconds(1);
            assertThat(calendar.isWorkingDay(monday)).isFalse();
            assertThat(calendar.count(monday, monday.plusDays(4))).isEqualTo(4);
        } finally {
            jdbc.sql("DELETE FROM assessment_calendar_day WHERE day = :d").param("d", monday).update();
        }
    }
}
