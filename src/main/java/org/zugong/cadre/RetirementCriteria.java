package org.zugong.cadre;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.zugong.platform.web.FieldErrors;

/**
 * The filters of the retirement list (page, export and API): a window, its months when custom
 * ({@code yyyy-MM}), and an optional organization subtree. Bound from request parameters as text
 * and checked here, so that a wrong value answers with a Chinese message.
 */
public record RetirementCriteria(String window, String from, String to, Long orgId) {

    public static RetirementCriteria of(RetirementWindow window, Long orgId) {
        return new RetirementCriteria(window.name(), null, null, orgId);
    }

    public static RetirementCriteria custom(YearMonth from, YearMonth to, Long orgId) {
        return new RetirementCriteria(RetirementWindow.CUSTOM.name(), from.toString(), to.toString(), orgId);
    }

    /** The window chosen; 12 months when none. */
    public RetirementWindow windowValue() {
        if (window == null || window.isBlank()) {
            return RetirementWindow.WITHIN_12_MONTHS;
        }
        try {
            return RetirementWindow.valueOf(window.strip());
        } catch (IllegalArgumentException e) {
            throw FieldErrors.of("window", "退休时间范围不正确：请选择本月、下月、本年度、12个月内或自定义月份");
        }
    }

    /** The months of the window, counted from {@code current}; a custom one checked. */
    RetirementWindow.Months months(YearMonth current) {
        RetirementWindow w = windowValue();
        if (w != RetirementWindow.CUSTOM) {
            return w.months(current, null, null);
        }
        YearMonth f = month("from", from, "起始月份");
        YearMonth t = month("to", to, "截止月份");
        if (t.isBefore(f)) {
            throw FieldErrors.of("to", "截止月份不能早于起始月份");
        }
        if (f.plusMonths(RetirementWindow.MAX_CUSTOM_MONTHS).isBefore(t.plusMonths(1))) {
            throw FieldErrors.of("to", "自定义月份范围不能超过" + RetirementWindow.MAX_CUSTOM_MONTHS / 12 + "年");
        }
        return w.months(current, f, t);
    }

    private static YearMonth month(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            throw FieldErrors.of(field, "请填写" + label + "（yyyy-MM）");
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            if (m.getYear() < 1900 || m.getYear() > 2200) {
                throw FieldErrors.of(field, label + "超出范围");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw FieldErrors.of(field, label + "格式应为 yyyy-MM，例如 2026-05");
        }
    }
}
