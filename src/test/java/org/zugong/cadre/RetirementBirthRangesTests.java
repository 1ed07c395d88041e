package org.zugong.cadre;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The birth ranges of a window are exactly the birth months whose computed retirement month lies in it. */
class RetirementBirthRangesTests {

    private final RetirementSchedule schedule = RetirementSchedule.load();

    private record Key(RetirementGroup group, YearMonth birth) {
    }

    private Set<Key> bruteForce(RetirementWindow.Months window) {
        Set<Key> keys = new HashSet<>();
        for (RetirementGroup g : RetirementGroup.values()) {
            for (YearMonth b = YearMonth.of(1930, 1); b.isBefore(YearMonth.of(2010, 1)); b = b.plusMonths(1)) {
                if (window.contains(schedule.compute(b, g).retirementMonth())) {
                    keys.add(new Key(g, b));
                }
            }
        }
        return keys;
    }

    private Set<Key> fromRanges(RetirementWindow.Months window) {
        Set<Key> keys = new HashSet<>();
        for (var r : RetirementBirthRanges.of(schedule, window).ranges()) {
            for (YearMonth b = r.fromBirth(); b.isBefore(r.toBirth()); b = b.plusMonths(1)) {
                keys.add(new Key(r.group(), b));
            }
        }
        return keys;
    }

    @Test
    void rangesMatchTheScheduleForEveryMonthAndTwelveMonthWindow() {
        for (YearMonth m = YearMonth.of(2020, 1); m.isBefore(YearMonth.of(2046, 1)); m = m.plusMonths(1)) {
            for (var window : java.util.List.of(new RetirementWindow.Months(m, m), new RetirementWindow.Months(m, m.plusMonths(11)))) {
                assertThat(fromRanges(window)).as("window %s", window).isEqualTo(bruteForce(window));
            }
        }
    }

    @Test
    void entriesCarryTheComputedMonthAndAnEmptyWindowHasNoRange() {
        var window = new RetirementWindow.Months(YearMonth.of(2027, 1), YearMonth.of(2027, 12));
        for (var e : RetirementBirthRanges.of(schedule, window).entries()) {
            assertThat(e.retirement()).isEqualTo(schedule.compute(e.birth(), e.group()).retirementMonth());
            assertThat(window.contains(e.retirement())).isTrue();
        }
        assertThat(RetirementBirthRanges.of(schedule, new RetirementWindow.Months(YearMonth.of(2027, 2), YearMonth.of(2027, 1)))
                .isEmpty()).isTrue();
    }

    @Test
    void formatReadsLikeTheForms() {
        RetirementDate d = schedule.compute(YearMonth.of(1971, 4), RetirementGroup.FEMALE_55);
        assertThat(d.monthText()).isEqualTo("2026年8月");
        assertThat(d.ageText()).isEqualTo("55岁4个月");
        assertThat(d.description()).isEqualTo("2026年8月（55岁4个月，延迟4个月）");
        RetirementDate full = schedule.compute(YearMonth.of(1980, 5), RetirementGroup.MALE_60);
        assertThat(full.description()).isEqualTo("2043年5月（63岁，延迟36个月）");
        assertThat(schedule.compute(YearMonth.of(1960, 3), RetirementGroup.MALE_60).description()).isEqualTo("2020年3月（60岁，不延迟）");
    }
}
