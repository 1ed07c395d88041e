package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 退休2025 (rules.md §7): the schedule per birth month across the reform's start, the worked examples and the caps. */
class RetirementScheduleTests {

    private final RetirementSchedule schedule = RetirementSchedule.load();

    static Stream<Arguments> birthMonthsAcrossTheReformStart() {
        return Stream.of(
                months(RetirementGroup.MALE_60, "1964-09", "1966-06"),
                months(RetirementGroup.FEMALE_55, "1969-09", "1971-06"),
                months(RetirementGroup.FEMALE_50, "1974-09", "1976-06")).flatMap(s -> s);
    }

    private static Stream<Arguments> months(RetirementGroup group, String first, String last) {
        YearMonth end = YearMonth.parse(last);
        return Stream.iterate(YearMonth.parse(first), m -> !m.isAfter(end), m -> m.plusMonths(1))
                .map(m -> Arguments.of(group, m));
    }

    @ParameterizedTest(name = "{0} born {1}")
    @MethodSource("birthMonthsAcrossTheReformStart")
    void matchesThePlainFormula(RetirementGroup group, YearMonth birth) {
        int oldAge = switch (group) {
            case MALE_60 -> 60;
            case FEMALE_55 -> 55;
            case FEMALE_50 -> 50;
        };
        int per = group == RetirementGroup.FEMALE_50 ? 2 : 4;
        int max = group == RetirementGroup.FEMALE_50 ? 60 : 36;
        // months numbered year*12 + (month-1); January 2025 is month 1 of the count
        int oldRetirementIndex = (birth.getYear() + oldAge) * 12 + birth.getMonthValue() - 1;
        int count = oldRetirementIndex - (2025 * 12) + 1;
        int delay = count <= 0 ? 0 : Math.min(max, (count + per - 1) / per);
        int newIndex = oldRetirementIndex + delay;
        YearMonth expectedMonth = YearMonth.of(newIndex / 12, newIndex % 12 + 1);
        Period expectedAge = Period.of(oldAge + delay / 12, delay % 12, 0);

        RetirementDate date = schedule.compute(birth, group);

        assertThat(date.delayMonths()).isEqualTo(delay);
        assertThat(date.retirementMonth()).isEqualTo(expectedMonth);
        assertThat(date.ageAtRetirement()).isEqualTo(expectedAge);
        assertThat(date.ruleSet()).isEqualTo("退休2025");
    }

    @Test
    void workedExampleManBorn1965January() {
        RetirementDate date = schedule.compute(YearMonth.of(1965, 1), RetirementGroup.MALE_60);
        assertThat(date).isEqualTo(new RetirementDate(YearMonth.of(2025, 2), 1, Period.of(60, 1, 0), "退休2025"));
    }

    @Test
    void workedExampleWomanCadreBorn1971April() {
        RetirementDate date = schedule.compute(YearMonth.of(1971, 4), RetirementGroup.FEMALE_55);
        assertThat(date).isEqualTo(new RetirementDate(YearMonth.of(2026, 8), 4, Period.of(55, 4, 0), "退休2025"));
    }

    /** Both sides of the reform start and of the cap (the cap is first reached at count 141 resp. 119). */
    @ParameterizedTest(name = "{0} born {1}: delay {2}, retires {3} at {4}y{5}m")
    @CsvSource({
            // reform start: the last unaffected and the first affected birth month
            "MALE_60,   1964-12, 0,  2024-12, 60, 0",
            "MALE_60,   1965-01, 1,  2025-02, 60, 1",
            "FEMALE_55, 1969-12, 0,  2024-12, 55, 0",
            "FEMALE_55, 1970-01, 1,  2025-02, 55, 1",
            "FEMALE_50, 1974-12, 0,  2024-12, 50, 0",
            "FEMALE_50, 1975-01, 1,  2025-02, 50, 1",
            // men: 63 years from 1976-09 on (count 141 -> ceil(141/4) = 36)
            "MALE_60,   1976-08, 35, 2039-07, 62, 11",
            "MALE_60,   1976-09, 36, 2039-09, 63, 0",
            "MALE_60,   1976-12, 36, 2039-12, 63, 0",
            "MALE_60,   1977-01, 36, 2040-01, 63, 0",
            "MALE_60,   1990-06, 36, 2053-06, 63, 0",
            // women (old age 55): 58 years from 1981-09 on
            "FEMALE_55, 1981-08, 35, 2039-07, 57, 11",
            "FEMALE_55, 1981-09, 36, 2039-09, 58, 0",
            "FEMALE_55, 1981-12, 36, 2039-12, 58, 0",
            // women (old age 50): 55 years from 1984-11 on (count 119 -> ceil(119/2) = 60)
            "FEMALE_50, 1984-10, 59, 2039-09, 54, 11",
            "FEMALE_50, 1984-11, 60, 2039-11, 55, 0",
            "FEMALE_50, 1984-12, 60, 2039-12, 55, 0",
            "FEMALE_50, 1985-01, 60, 2040-01, 55, 0",
            "FEMALE_50, 1995-03, 60, 2050-03, 55, 0",
    })
    void boundaries(RetirementGroup group, YearMonth birth, int delay, YearMonth month, int years, int months) {
        assertThat(schedule.compute(birth, group))
                .isEqualTo(new RetirementDate(month, delay, Period.of(years, months, 0), "退休2025"));
    }

    @Test
    void ruleSetCarriesTheArticleReference() {
        assertThat(schedule.reference()).contains("关于实施渐进式延迟法定退休年龄的决定");
        for (RetirementGroup group : RetirementGroup.values()) {
            assertThat(schedule.rule(group).article()).contains("2024-09-13");
            assertThat(schedule.rule(group).reformStart()).isEqualTo(YearMonth.of(2025, 1));
        }
        assertThat(schedule.rule(RetirementGroup.FEMALE_50).monthsPerDelay()).isEqualTo(2);
        assertThat(schedule.rule(RetirementGroup.FEMALE_50).maxDelayMonths()).isEqualTo(60);
    }
}
