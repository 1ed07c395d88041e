package org.zugong.cadre;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One group's parameters of the 渐进式延迟法定退休年龄 decision (2024-09-13), as read from the rule-set file.
 *
 * @param group          the 退休年龄组别
 * @param oldAgeYears    原法定退休年龄 in years (60, 55 or 50)
 * @param reformStart    the month counted as month 1 of the reform (2025-01)
 * @param monthsPerDelay 每N个月延迟一个月 (4, 4 or 2)
 * @param maxDelayMonths 最多延迟月数 (36, 36 or 60)
 * @param article        the article text the result cites
 */
public record RetirementRule(RetirementGroup group, int oldAgeYears, YearMonth reformStart, int monthsPerDelay,
                             int maxDelayMonths, String article) {

    public RetirementRule {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reformStart, "reformStart");
        Objects.requireNonNull(article, "article");
        if (oldAgeYears <= 0 || monthsPerDelay <= 0 || maxDelayMonths < 0) {
            throw new IllegalArgumentException("invalid retirement rule for " + group);
        }
    }

    /** 原退休月份: the month of the old retirement age birthday. */
    public YearMonth oldRetirementMonth(YearMonth birthMonth) {
        return birthMonth.plusYears(oldAgeYears);
    }

    /**
     * 延迟月数: the old retirement month counted from the reform start (month 1), divided by
     * {@link #monthsPerDelay()} rounded up, capped at {@link #maxDelayMonths()}; 0 before the reform.
     */
    public int delayMonths(YearMonth birthMonth) {
        long count = reformStart.until(oldRetirementMonth(birthMonth), ChronoUnit.MONTHS) + 1;
        if (count <= 0) {
            return 0;
        }
        long delay = Math.ceilDiv(count, monthsPerDelay);
        return (int) Math.min(delay, maxDelayMonths);
    }
}
