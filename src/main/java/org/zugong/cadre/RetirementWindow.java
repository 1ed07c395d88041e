package org.zugong.cadre;

import java.time.YearMonth;

/** 退休提醒的时间范围: which retirement months a list covers, counted from the current month. */
public enum RetirementWindow {

    THIS_MONTH("本月退休"),
    NEXT_MONTH("下月退休"),
    THIS_YEAR("本年度退休"),
    /** The current month and the eleven after it. */
    WITHIN_12_MONTHS("12个月内退休"),
    /** From and to months chosen by the user. */
    CUSTOM("自定义月份");

    /** A custom window longer than this is a data dump, not a reminder. */
    static final int MAX_CUSTOM_MONTHS = 120;

    private final String label;

    RetirementWindow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** First and last retirement month of the window (both included). */
    public record Months(YearMonth from, YearMonth to) {

        public boolean contains(YearMonth month) {
            return !month.isBefore(from) && !month.isAfter(to);
        }
    }

    /** The months of a fixed window; for {@link #CUSTOM} the given ones. */
    Months months(YearMonth current, YearMonth customFrom, YearMonth customTo) {
        return switch (this) {
            case THIS_MONTH -> new Months(current, current);
            case NEXT_MONTH -> new Months(current.plusMonths(1), current.plusMonths(1));
            case THIS_YEAR -> new Months(YearMonth.of(current.getYear(), 1), YearMonth.of(current.getYear(), 12));
            case WITHIN_12_MONTHS -> new Months(current, current.plusMonths(11));
            case CUSTOM -> new Months(customFrom, customTo);
        };
    }
}
