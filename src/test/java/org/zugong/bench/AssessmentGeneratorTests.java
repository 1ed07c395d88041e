package org.zugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessmentGeneratorTests {

    private static final SampleDataSet SAMPLE = SampleDataSet.generate(15_000, 100_000, 7);
    private static final AssessmentGenerator GENERATOR = AssessmentGenerator.over(SAMPLE.cadreSeeds(), SAMPLE.cadres(), 7);

    @Test
    void tenClosedPeriodsOfTheLastTwoYears() {
        List<AssessmentGenerator.Period> periods = GENERATOR.periodList();
        assertThat(periods).hasSize(10);
        assertThat(periods).extracting(AssessmentGenerator.Period::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(periods).filteredOn(AssessmentGenerator.Period::annual).extracting(AssessmentGenerator.Period::year)
                .containsExactly(2024, 2025);
        assertThat(periods).allSatisfy(p -> assertThat(p.closedAt().toLocalDate()).isBefore(ProvinceDataSet.AS_OF));
    }

    @Test
    void theSameSeedGivesTheSameResults() {
        AssessmentGenerator again = AssessmentGenerator.over(SAMPLE.cadreSeeds(), SAMPLE.cadres(), 7);
        for (CadreGenerator.Seed s : SAMPLE.cadreSeeds().subList(0, 1_000)) {
            assertThat(again.assess(s)).isEqualTo(GENERATOR.assess(s));
        }
        assertThat(again.loweredCount()).isEqualTo(GENERATOR.loweredCount());
    }

    /** Per unit and period: 优秀 (annual) and 好 (quarterly) at most 20 % of those graded, rounded down. */
    @Test
    void excellentAndGoodSharesStayWithinEachUnitsQuota() {
        Map<String, int[]> byUnitAndPeriod = new HashMap<>(); // graded, excellent
        int results = 0;
        for (CadreGenerator.Seed s : SAMPLE.cadreSeeds()) {
            for (AssessmentGenerator.Result r : GENERATOR.assess(s).results()) {
                results++;
                if (!r.included()) {
                    continue;
                }
                int[] n = byUnitAndPeriod.computeIfAbsent(r.orgId() + "/" + r.period().id(), k -> new int[2]);
                n[0]++;
                if (r.grade().equals("1") || r.grade().equals("好")) {
                    n[1]++;
                }
            }
        }
        assertThat(results).isGreaterThan(10_000);
        assertThat(byUnitAndPeriod.values()).allSatisfy(n -> assertThat(n[1]).isLessThanOrEqualTo(n[0] * 20 / 100));
        long excellent = byUnitAndPeriod.values().stream().mapToLong(n -> n[1]).sum();
        assertThat(excellent).isPositive();
    }

    @Test
    void annualGradesAreTheCadreFilesAfterTheQuotaAndDeviationsAreExplained() {
        for (CadreGenerator.Seed s : SAMPLE.cadreSeeds()) {
            CadreGenerator.Cadre c = SAMPLE.cadres().build(s);
            for (AssessmentGenerator.Result r : GENERATOR.assess(s).results()) {
                if (!r.period().annual() || !r.included()) {
                    continue;
                }
                String file = c.annual().stream().filter(a -> a[0].equals(Integer.toString(r.period().year()))).findFirst()
                        .map(a -> GENERATOR.loweredAnnual(s.personId(), a[0], a[1])).orElseThrow();
                assertThat(r.grade()).isEqualTo(file);
                assertThat(r.gradeReason() == null).isEqualTo(r.grade().equals(r.suggestedGrade()));
                assertThat(r.steps()).extracting(AssessmentGenerator.Step::stage)
                        .containsExactly("SELF_SUMMARY", "EVALUATION", "PROPOSAL", "PUBLICITY");
                assertThat(r.steps()).extracting(AssessmentGenerator.Step::doneAt).isSorted();
            }
        }
    }

    @Test
    void theSuggestionFollowsTheRoutineGrades() {
        assertThat(AssessmentGenerator.suggest(List.of("好", "好", "较好", "较好"))).isEqualTo("1");
        assertThat(AssessmentGenerator.suggest(List.of("好", "好", "一般", "较好"))).isEqualTo("2");
        assertThat(AssessmentGenerator.suggest(List.of("一般", "一般", "较好", "较好"))).isEqualTo("3");
        assertThat(AssessmentGenerator.suggest(List.of("较差", "好", "好", "好"))).isEqualTo("3");
        assertThat(AssessmentGenerator.suggest(List.of())).isNull();
    }
}
