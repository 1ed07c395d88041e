package org.zugong.cadre;

import java.time.Period;
import java.time.YearMonth;

/**
 * 退休时间: the result of {@link RetirementSchedule#compute}.
 *
 * @param retirementMonth 改革后法定退休月份 (old retirement month plus the delay)
 * @param delayMonths     延迟月数
 * @param ageAtRetirement 改革后法定退休年龄, in years and months
 * @param ruleSet         the rule set that produced it (e.g. 退休2025)
 */
public record RetirementDate(YearMonth retirementMonth, int delayMonths, Period ageAtRetirement, String ruleSet) {

    /** {@code 2031年5月}. */
    public String monthText() {
        return RetirementFormat.month(retirementMonth);
    }

    /** {@code 60岁3个月}. */
    public String ageText() {
        return RetirementFormat.age(ageAtRetirement);
    }

    /** {@code 2031年5月（63岁，延迟36个月）}. */
    public String description() {
        return RetirementFormat.describe(this);
    }
}
