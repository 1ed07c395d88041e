package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 职级规定2019 (rules.md §4, 职务职级并行规定 Art.18–22). */
class RankEligibilityTests {

    private static final LocalDate ON = LocalDate.of(2025, 7, 1);

    private final RankEligibility eligibility = RankEligibility.standard();

    /** rules.md §4 Art.18, verbatim: target ← predecessor, minimum years. */
    static Stream<Arguments> article18() {
        return Stream.of(
                Arguments.of("一级巡视员", "厅局级副职", 4),
                Arguments.of("一级巡视员", "二级巡视员", 4),
                Arguments.of("二级巡视员", "一级调研员", 4),
                Arguments.of("一级调研员", "县处级正职", 3),
                Arguments.of("一级调研员", "二级调研员", 3),
                Arguments.of("二级调研员", "三级调研员", 2),
                Arguments.of("三级调研员", "县处级副职", 2),
                Arguments.of("三级调研员", "四级调研员", 2),
                Arguments.of("四级调研员", "一级主任科员", 2),
                Arguments.of("一级主任科员", "乡科级正职", 2),
                Arguments.of("一级主任科员", "二级主任科员", 2),
                Arguments.of("二级主任科员", "三级主任科员", 2),
                Arguments.of("三级主任科员", "乡科级副职", 2),
                Arguments.of("三级主任科员", "四级主任科员", 2),
                Arguments.of("四级主任科员", "一级科员", 2),
                Arguments.of("一级科员", "二级科员", 2));
    }

    @ParameterizedTest(name = "{1} → {0} after exactly {2} years: eligible")
    @MethodSource("article18")
    void eligibleOnTheDayTheMinimumYearsAreComplete(String target, String from, int years) {
        LocalDate since = ON.minusYears(years);
        RankEligibilityResult result = eligibility.evaluate(competent(from, since), ON);

        assertThat(result.eligible()).isTrue();
        assertThat(result.targetRank()).isEqualTo(Rank.valueOf(target));
        assertThat(result.monthsServed()).isEqualTo(years * 12);
        assertThat(result.monthsRequired()).isEqualTo(years * 12);
        assertThat(result.earliestEligibleDate()).isNull();
        assertThat(result.reasons().getFirst()).startsWith("第十八条：晋升" + target + "须任").contains(from, "已满足");
        assertThat(result.ruleSet()).isEqualTo("职级规定2019");
    }

    @ParameterizedTest(name = "{1} → {0} one day short of {2} years: not yet")
    @MethodSource("article18")
    void notEligibleOneDayBefore(String target, String from, int years) {
        LocalDate since = ON.minusYears(years).plusDays(1);
        RankEligibilityResult result = eligibility.evaluate(competent(from, since), ON);

        assertThat(result.eligible()).isFalse();
        assertThat(result.targetRank()).isEqualTo(Rank.valueOf(target));
        assertThat(result.monthsServed()).isEqualTo(years * 12 - 1);
        assertThat(result.monthsRequired()).isEqualTo(years * 12);
        assertThat(result.earliestEligibleDate()).isEqualTo(ON.plusDays(1));
        assertThat(result.reasons().getFirst()).contains("尚差1个月");
    }

    @Test
    void ruleFileHoldsExactlyTheArticle18Table() {
        RankRuleSet rules = RankRuleSet.load();
        var expected = article18().map(a -> a.get()[0] + "←" + a.get()[1] + ":" + a.get()[2]).collect(Collectors.toSet());
        var loaded = rules.rules().stream()
                .flatMap(r -> r.from().stream().map(f -> r.target().chineseName() + "←" + f.chineseName() + ":" + r.minimumYears()))
                .collect(Collectors.toSet());
        assertThat(loaded).isEqualTo(expected);
        assertThat(rules.rules()).hasSize(11).allSatisfy(r -> assertThat(r.article()).isEqualTo("第十八条"));
        assertThat(rules.excellentReductionMonths()).isEqualTo(6);
    }

    @Test
    void highestRankHasNoTarget() {
        RankEligibilityResult result = eligibility.evaluate(competent("一级巡视员", LocalDate.of(2010, 1, 1)), ON);
        assertThat(result.eligible()).isFalse();
        assertThat(result.targetRank()).isNull();
        assertThat(result.reasons()).containsExactly("第十八条：一级巡视员无规定的晋升职级");
    }

    /** Art.19: each 优秀 year shortens the requirement by 6 months; both sides of the shortened boundary. */
    @ParameterizedTest(name = "{0} since {1} on {2}, 优秀 in {3}: eligible={4}, {5}/{6} months")
    @CsvSource(delimiter = ';', value = {
            "二级科员;   2023-07-01; 2025-01-01; 2024;      true;  18; 18",
            "二级科员;   2023-07-02; 2025-01-01; 2024;      false; 17; 18",
            "二级科员;   2023-07-01; 2025-01-01; '';        false; 18; 24",
            "一级调研员; 2022-01-01; 2025-01-01; 2022 2023; true;  36; 36",
            "一级调研员; 2022-01-02; 2025-01-01; 2022 2023; false; 35; 36",
            "一级调研员; 2022-01-01; 2025-01-01; 2022;      false; 36; 42",
            "一级科员;   2022-01-01; 2024-01-01; 2022 2023; true;  24; 12",
            "一级科员;   2023-01-01; 2024-01-01; 2023;      false; 12; 18",
    })
    void excellentYearsShortenTheRequirement(String from, LocalDate since, LocalDate on, String excellentYears,
                                             boolean eligible, int served, int required) {
        Map<Integer, RankAssessmentResult> results = competentYears(since, on);
        for (String year : excellentYears.isBlank() ? new String[0] : excellentYears.split(" ")) {
            results.put(Integer.parseInt(year), RankAssessmentResult.优秀);
        }
        RankEligibilityResult result = eligibility.evaluate(candidate(from, since, results, List.of()), on);

        assertThat(result.eligible()).isEqualTo(eligible);
        assertThat(result.monthsServed()).isEqualTo(served);
        assertThat(result.monthsRequired()).isEqualTo(required);
        for (String year : excellentYears.isBlank() ? new String[0] : excellentYears.split(" ")) {
            assertThat(result.reasons()).contains("第十九条：" + year + "年度考核优秀，任职年限要求缩短6个月");
        }
    }

    /** Art.19: a year not assessed 称职 or better does not count; partial years remove only the months served in them. */
    @ParameterizedTest(name = "2023 {0}: counted {1}, eligible={2}")
    @CsvSource({
            "称职,     24, true",
            "优秀,     24, true",
            "基本称职, 12, false",
            "不称职,   12, false",
            "不定等次, 12, false",
            "未考核,   12, false",
    })
    void onlyCompetentYearsCount(RankAssessmentResult result2023, int counted, boolean eligible) {
        LocalDate since = LocalDate.of(2022, 7, 1);
        LocalDate on = LocalDate.of(2024, 7, 1);
        Map<Integer, RankAssessmentResult> results = new HashMap<>(Map.of(
                2022, RankAssessmentResult.称职, 2023, result2023));
        RankEligibilityResult result = eligibility.evaluate(candidate("二级主任科员", since, results, List.of()), on);

        assertThat(result.monthsServed()).isEqualTo(counted);
        assertThat(result.eligible()).isEqualTo(eligible || result2023 == RankAssessmentResult.优秀);
        if (!eligible) {
            String described = result2023 == RankAssessmentResult.未考核 ? "2023年度未考核" : "2023年度考核" + result2023;
            assertThat(result.reasons()).contains("第十九条：" + described + "，该年度不计入任职年限（扣除12个月）");
            // 2023 is the last year before the evaluation date: 不称职 there also lowers the rank (Art.22)
            assertThat(result.earliestEligibleDate())
                    .isEqualTo(result2023 == RankAssessmentResult.不称职 ? null : LocalDate.of(2025, 7, 1));
        }
    }

    @Test
    void basicCompetentYearIsNotCounted() {
        LocalDate since = LocalDate.of(2021, 7, 1);
        Map<Integer, RankAssessmentResult> results = new HashMap<>(competentYears(since, ON));
        results.put(2023, RankAssessmentResult.基本称职);
        RankEligibilityResult result = eligibility.evaluate(candidate("四级主任科员", since, results, List.of()), ON);

        assertThat(result.eligible()).isTrue();
        assertThat(result.monthsServed()).isEqualTo(48 - 12);
        assertThat(result.reasons()).contains("第十九条：2023年度考核基本称职，该年度不计入任职年限（扣除12个月）");
    }

    @Test
    void partialFirstYearRemovesOnlyItsMonths() {
        LocalDate since = LocalDate.of(2022, 10, 1);
        Map<Integer, RankAssessmentResult> results = new HashMap<>(competentYears(since, ON));
        results.put(2022, RankAssessmentResult.不定等次);
        RankEligibilityResult result = eligibility.evaluate(candidate("一级科员", since, results, List.of()), ON);

        assertThat(result.monthsServed()).isEqualTo(33 - 3);
        assertThat(result.eligible()).isTrue();
        assertThat(result.reasons()).contains("第十九条：2022年度考核不定等次，该年度不计入任职年限（扣除3个月）");
    }

    @Test
    void missingPastResultIsNotAssessedAndCurrentYearCountsProvisionally() {
        LocalDate since = LocalDate.of(2023, 1, 1);
        Map<Integer, RankAssessmentResult> results = new HashMap<>(Map.of(2023, RankAssessmentResult.称职));
        RankEligibilityResult result = eligibility.evaluate(candidate("一级科员", since, results, List.of()), ON);

        assertThat(result.monthsServed()).isEqualTo(12 + 6);
        assertThat(result.reasons()).contains(
                "第十九条：2024年度无考核结果，按未考核处理，该年度不计入任职年限（扣除12个月）",
                "第十九条：2025年度尚未考核，暂计入任职年限6个月");
        assertThat(result.earliestEligibleDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    /** Art.21: a period covering the date blocks; one that has ended does not. */
    @ParameterizedTest(name = "{0} {1}–{2}: eligible={3}")
    @CsvSource({
            "诫勉,     2025-01-01, 2025-12-31, false, 2026-01-01",
            "组织处理, 2024-07-01, 2025-07-01, false, 2025-07-02",
            "处分,     2024-01-01, 2025-12-31, false, 2026-01-01",
            "立案审查, 2025-06-01, ,           false, ",
            "诫勉,     2024-01-01, 2025-06-30, true,  ",
            "组织处理, 2023-07-01, 2024-06-30, true,  ",
            "处分,     2023-01-01, 2025-06-30, true,  ",
            "立案审查, 2024-01-01, 2024-12-31, true,  ",
            "处分,     2025-07-02, 2026-07-01, true,  ",
    })
    void restrictionPeriods(RankRestriction.Kind kind, LocalDate start, LocalDate end, boolean eligible,
                            LocalDate earliest) {
        LocalDate since = LocalDate.of(2022, 1, 1);
        RankCandidate candidate = candidate("三级主任科员", since, competentYears(since, ON),
                List.of(new RankRestriction(kind, start, end)));
        RankEligibilityResult result = eligibility.evaluate(candidate, ON);

        assertThat(result.eligible()).isEqualTo(eligible);
        assertThat(result.earliestEligibleDate()).isEqualTo(earliest);
        if (!eligible) {
            assertThat(result.reasons()).anyMatch(r -> r.startsWith("第二十一条：" + kind + "期间（" + start));
        } else {
            assertThat(result.reasons()).noneMatch(r -> r.startsWith("第二十一条"));
        }
    }

    /** Art.22: 不称职 in the last year lowers the rank — no promotion and no earliest date. */
    @Test
    void incompetentLastYearBlocks() {
        LocalDate since = LocalDate.of(2019, 1, 1);
        Map<Integer, RankAssessmentResult> results = new HashMap<>(competentYears(since, ON));
        results.put(2024, RankAssessmentResult.不称职);
        RankEligibilityResult result = eligibility.evaluate(candidate("二级主任科员", since, results, List.of()), ON);

        assertThat(result.eligible()).isFalse();
        assertThat(result.monthsServed()).isEqualTo(78 - 12);
        assertThat(result.earliestEligibleDate()).isNull();
        assertThat(result.reasons()).contains("第二十二条：2024年度考核不称职，应降低一个职级层次，不得晋升职级");
    }

    @Test
    void incompetentEarlierYearOnlyStopsCounting() {
        LocalDate since = LocalDate.of(2019, 1, 1);
        Map<Integer, RankAssessmentResult> results = new HashMap<>(competentYears(since, ON));
        results.put(2022, RankAssessmentResult.不称职);
        RankEligibilityResult result = eligibility.evaluate(candidate("二级主任科员", since, results, List.of()), ON);

        assertThat(result.eligible()).isTrue();
        assertThat(result.reasons()).noneMatch(r -> r.startsWith("第二十二条"));
    }

    @ParameterizedTest(name = "{0} → {1}: {2} full months")
    @CsvSource({
            "2025-01-31, 2025-02-27, 0",
            "2025-01-31, 2025-02-28, 1",
            "2025-01-15, 2025-01-14, 0",
            "2023-07-01, 2025-07-01, 24",
            "2023-07-02, 2025-07-01, 23",
    })
    void fullMonthsFromTheStartDate(LocalDate since, LocalDate on, int months) {
        assertThat(RankEligibility.completedMonths(since, on)).isEqualTo(months);
    }

    private static RankCandidate competent(String from, LocalDate since) {
        return candidate(from, since, competentYears(since, ON), List.of());
    }

    private static RankCandidate candidate(String from, LocalDate since, Map<Integer, RankAssessmentResult> results,
                                           List<RankRestriction> restrictions) {
        return new RankCandidate(RankPosition.ofChineseName(from), since, results, restrictions);
    }

    /** 称职 for every year from the start year to the year before {@code on}. */
    private static Map<Integer, RankAssessmentResult> competentYears(LocalDate since, LocalDate on) {
        Map<Integer, RankAssessmentResult> results = new HashMap<>();
        IntStream.range(since.getYear(), on.getYear()).forEach(y -> results.put(y, RankAssessmentResult.称职));
        return results;
    }
}
