package org.zugong.cadre;

import java.time.Period;
import java.time.YearMonth;

/**
 * How a retirement date reads on pages, exports and in the API: {@code 2031年5月}, {@code 60岁3个月},
 * {@code 2031年5月（63岁，延迟36个月）}. One place, so that every list says it the same way.
 */
public final class RetirementFormat {

    private RetirementFormat() {
    }

    /** {@code 2031年5月}. */
    public static String month(YearMonth month) {
        return month == null ? "" : month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** {@code 63岁}, {@code 60岁3个月}. */
    public static String age(Period age) {
        if (age == null) {
            return "";
        }
        Period p = age.normalized();
        return p.getYears() + "岁" + (p.getMonths() == 0 ? "" : p.getMonths() + "个月");
    }

    /** {@code 2031年5月（63岁，延迟36个月）}; {@code （60岁，不延迟）} for those who retired before the reform. */
    public static String describe(RetirementDate date) {
        if (date == null) {
            return "";
        }
        return month(date.retirementMonth()) + "（" + age(date.ageAtRetirement()) + "，"
                + (date.delayMonths() == 0 ? "不延迟" : "延迟" + date.delayMonths() + "个月") + "）";
    }
}
