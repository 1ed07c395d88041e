package org.zugong.cadre;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which birth months retire inside a window, per {@link RetirementGroup}: the inverse of
 * {@link RetirementSchedule#compute} found by binary search, so that a list asks the database for
 * birth-date ranges (indexed by {@code person_person_birth_idx}) instead of computing every cadre's
 * date in Java. It relies on the retirement month being non-decreasing in the birth month within a
 * group (a later birth never retires earlier), which holds for any rule of the 2025 kind: old age
 * plus a delay that never shrinks for later births.
 */
final class RetirementBirthRanges {

    /** Birth months {@code [fromBirth, toBirth)} of one group retire in the window. */
    record Range(RetirementGroup group, YearMonth fromBirth, YearMonth toBirth) {
    }

    /** One birth month and its retirement month, for ordering in SQL by the Java result. */
    record Entry(RetirementGroup group, YearMonth birth, YearMonth retirement) {
    }

    private final List<Range> ranges;
    private final List<Entry> entries;

    private RetirementBirthRanges(List<Range> ranges, List<Entry> entries) {
        this.ranges = List.copyOf(ranges);
        this.entries = List.copyOf(entries);
    }

    static RetirementBirthRanges of(RetirementSchedule schedule, RetirementWindow.Months window) {
        List<Range> ranges = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        if (window.from().isAfter(window.to())) {
            return new RetirementBirthRanges(ranges, entries);
        }
        for (RetirementGroup group : RetirementGroup.values()) {
            RetirementRule rule = schedule.rule(group);
            // r(b) >= b + oldAge and r(b) <= b + oldAge + maxDelay bound the search.
            YearMonth low = window.from().minusYears(rule.oldAgeYears()).minusMonths(rule.maxDelayMonths() + 1L);
            YearMonth high = window.to().minusYears(rule.oldAgeYears()).plusMonths(1);
            YearMonth first = firstBirthRetiringAfter(schedule, group, low, high, window.from().minusMonths(1));
            YearMonth end = firstBirthRetiringAfter(schedule, group, low, high, window.to());
            if (first.isBefore(end)) {
                ranges.add(new Range(group, first, end));
                for (YearMonth b = first; b.isBefore(end); b = b.plusMonths(1)) {
                    entries.add(new Entry(group, b, schedule.compute(b, group).retirementMonth()));
                }
            }
        }
        return new RetirementBirthRanges(ranges, entries);
    }

    /** The first birth month in {@code [low, high]} whose retirement month is after {@code month} ({@code high} if none). */
    private static YearMonth firstBirthRetiringAfter(RetirementSchedule schedule, RetirementGroup group, YearMonth low,
                                                     YearMonth high, YearMonth month) {
        long lo = index(low);
        long hi = index(high);
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (schedule.compute(month(mid), group).retirementMonth().isAfter(month)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return month(lo);
    }

    private static long index(YearMonth m) {
        return m.getYear() * 12L + m.getMonthValue() - 1;
    }

    private static YearMonth month(long index) {
        return YearMonth.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1);
    }

    List<Range> ranges() {
        return ranges;
    }

    List<Entry> entries() {
        return entries;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }
}
