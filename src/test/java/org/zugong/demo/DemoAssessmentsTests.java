package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zugong.assessment.AssessmentStage;
import org.zugong.assessment.PeriodKind;
import org.zugong.assessment.RoutineGrade;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.CadreRecordKind;
import org.zugong.demo.DemoAssessments.Period;
import org.zugong.demo.DemoAssessments.Result;

/** The generated assessments, without a database: complete, consistent with the cadre files, within the quota. */
class DemoAssessmentsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final Random random = new Random(20_260_101L);
    private final DemoCity city = DemoCity.plan(random, TODAY);
    private final DemoNames names = DemoNames.load();
    private final List<DemoPerson> people = new DemoPeople(random, TODAY, names, DemoIdentityTests.regions())
            .generate(city.organizations());
    private final List<DemoCadreFile> original = new DemoCadres(random, TODAY, names, city.organizations()).generate(people);
    private final DemoAssessments.Plan plan = new DemoAssessments(new Random(7), TODAY, city.organizations(), people).plan(original);

    @Test
    void suggestionRule() {
        assertThat(DemoAssessments.suggestedGrade(grades("好", "好", "较好", "较好"))).isEqualTo("1");
        assertThat(DemoAssessments.suggestedGrade(grades("好", "较好", "较好", "较好"))).isEqualTo("2");
        assertThat(DemoAssessments.suggestedGrade(grades("好", "好", "好", "一般"))).isEqualTo("2");
        assertThat(DemoAssessments.suggestedGrade(grades("好", "好", "一般", "一般"))).isEqualTo("3");
        assertThat(DemoAssessments.suggestedGrade(grades("好", "好", "好", "较差"))).isEqualTo("3");
        assertThat(DemoAssessments.suggestedGrade(List.of())).isEqualTo("2");
    }

    @Test
    void quotaAndPublicityDates() {
        assertThat(DemoAssessments.quota(4, 20)).isZero();
        assertThat(DemoAssessments.quota(5, 20)).isEqualTo(1);
        assertThat(DemoAssessments.quota(4, 25)).isEqualTo(1);
        assertThat(DemoAssessments.quota(12, 25)).isEqualTo(3);
        for (int year : new int[] {2024, 2025}) {
            DemoAssessments.AnnualDates d = DemoAssessments.annualDates(year);
            assertThat(d.publicityFrom()).isAfter(d.proposed()).hasYear(year + 1).hasMonthValue(1);
            assertThat(d.confirmed()).isAfter(d.publicityTo());
            List<LocalDate> days = d.publicityFrom().datesUntil(d.publicityTo().plusDays(1)).toList();
            assertThat(days.stream().filter(x -> x.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue())).hasSize(5);
            assertThat(days.getFirst().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(days.getLast().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void twoYearsOfPeriodsWithAResultForEveryCadre() {
        assertThat(plan.periods()).hasSize(10);
        assertThat(plan.periods()).extracting(Period::year).containsOnly(2024, 2025);
        assertThat(plan.periods()).extracting(Period::name).contains("2025年第一季度平时考核", "2024年第四季度平时考核", "2025年度考核");
        assertThat(city.organizations().get(plan.cityKey()).kind()).isEqualTo(org.zugong.organization.OrganizationKind.CITY);
        assertThat(plan.results()).hasSize(original.size() * 10);
        assertThat(plan.files()).extracting(DemoCadreFile::personIndex)
                .containsExactlyElementsOf(original.stream().map(DemoCadreFile::personIndex).toList());
        for (Result r : plan.results()) {
            Period p = plan.periods().get(r.period());
            assertThat(r.included()).isTrue();
            assertThat(r.steps()).extracting(DemoAssessments.Step::stage).containsExactlyElementsOf(p.kind() == PeriodKind.ANNUAL
                    ? List.of(AssessmentStage.SELF_SUMMARY, AssessmentStage.EVALUATION, AssessmentStage.PROPOSAL, AssessmentStage.PUBLICITY)
                    : List.of(AssessmentStage.SELF_SUMMARY, AssessmentStage.EVALUATION, AssessmentStage.PROPOSAL));
            for (int i = 1; i < r.steps().size(); i++) {
                assertThat(r.steps().get(i).doneAt()).isAfter(r.steps().get(i - 1).doneAt());
            }
            assertThat(r.steps().getFirst().doneAt()).isAfterOrEqualTo(p.openedAt());
            assertThat(r.confirmedAt()).isAfter(r.steps().getLast().doneAt()).isBefore(p.closedAt());
            assertThat(r.score().doubleValue()).isBetween(60.0, 100.0);
            assertThat(r.selfSummary()).isNotBlank();
        }
    }

    @Test
    void annualGradesAreThoseOfTheFilesWithinTheQuotaAndFitTheQuarters() {
        Map<Integer, DemoCadreFile> byPerson = plan.files().stream().collect(Collectors.toMap(DemoCadreFile::personIndex, f -> f));
        Map<String, List<RoutineGrade>> quarters = new HashMap<>();
        for (Result r : plan.results()) {
            Period p = plan.periods().get(r.period());
            if (p.kind() == PeriodKind.ROUTINE) {
                quarters.computeIfAbsent(r.personIndex() + "/" + p.year(), k -> new ArrayList<>()).add(RoutineGrade.valueOf(r.grade()));
            }
        }
        Map<String, int[]> units = new HashMap<>(); // period/org → assessed, excellent
        int deviating = 0;
        int annual = 0;
        for (Result r : plan.results()) {
            Period p = plan.periods().get(r.period());
            if (p.kind() != PeriodKind.ANNUAL) {
                continue;
            }
            annual++;
            DemoCadreFile f = byPerson.get(r.personIndex());
            String inFile = f.annual().stream().filter(a -> a.year() == p.year()).findFirst().orElseThrow().grade().code();
            assertThat(r.grade()).isEqualTo(inFile);
            assertThat(f.annualText()).isEqualTo(DemoCadres.annualText(f.annual()));
            String suggested = DemoAssessments.suggestedGrade(quarters.get(r.personIndex() + "/" + p.year()));
            assertThat(r.suggestedGrade()).startsWith(suggested);
            assertThat(r.gradeReason() != null).as(r.toString()).isEqualTo(!r.grade().equals(r.suggestedGrade()));
            if (!r.grade().equals(r.suggestedGrade()) && !r.grade().startsWith("5")) {
                deviating++;
            }
            if (r.grade().equals("1")) {
                assertThat(quarters.get(r.personIndex() + "/" + p.year())).doesNotContain(RoutineGrade.较差);
            }
            assertThat(r.publicityFrom()).isEqualTo(DemoAssessments.annualDates(p.year()).publicityFrom());
            int[] unit = units.computeIfAbsent(r.period() + "/" + r.orgKey(), k -> new int[2]);
            unit[0] += DemoAssessments.countsForQuota(r.grade()) ? 1 : 0;
            unit[1] += r.grade().equals("1") ? 1 : 0;
        }
        assertThat(deviating / (double) annual).isBetween(0.05, 0.20);
        Map<String, Integer> approved = plan.approvals().stream()
                .collect(Collectors.toMap(a -> a.period() + "/" + a.orgKey(), DemoAssessments.QuotaApproval::percent));
        assertThat(approved).isNotEmpty();
        units.forEach((key, u) -> {
            int percent = approved.getOrDefault(key, 20);
            assertThat(u[1]).as(key).isLessThanOrEqualTo(u[0] * percent / 100);
            if (approved.containsKey(key)) {
                assertThat(u[1]).as("the approval is needed: " + key).isGreaterThan(u[0] * 20 / 100);
            }
        });
        long excellent = plan.results().stream().filter(r -> "1".equals(r.grade())).count();
        assertThat(excellent / (double) annual).isBetween(0.06, 0.15);
    }

    @Test
    void loweredExcellentYearsLoseTheirRewards() {
        int changed = 0;
        for (int i = 0; i < original.size(); i++) {
            DemoCadreFile before = original.get(i);
            DemoCadreFile after = plan.files().get(i);
            assertThat(after.rewardsText()).isEqualTo(DemoCadres.rewardsText(after.records()));
            for (DemoCadreFile.Annual a : after.annual()) {
                DemoCadreFile.Annual was = before.annual().stream().filter(x -> x.year() == a.year()).findFirst().orElseThrow();
                if (a.grade() != was.grade()) {
                    changed++;
                    assertThat(was.grade()).isEqualTo(AnnualGrade.EXCELLENT);
                    assertThat(a.year()).isGreaterThanOrEqualTo(TODAY.getYear() - 2);
                    assertThat(after.records()).noneMatch(r -> r.kind() == CadreRecordKind.奖励 && r.title().equals(a.year() + "年度嘉奖"));
                }
            }
            for (DemoCadreFile.Record r : after.records()) {
                if (r.kind() == CadreRecordKind.奖励) {
                    int year = Integer.parseInt(r.title().substring(0, 4));
                    int run = r.title().endsWith("三等功") ? 3 : 1;
                    for (int y = year - run + 1; y <= year; y++) {
                        int yy = y;
                        assertThat(after.annual()).as(r.title()).anyMatch(a -> a.year() == yy && a.grade() == AnnualGrade.EXCELLENT);
                    }
                }
            }
        }
        assertThat(changed).isPositive();
    }

    @Test
    void routineGradesAreDistributedRealistically() {
        Map<String, Long> counts = plan.results().stream().filter(r -> plan.periods().get(r.period()).kind() == PeriodKind.ROUTINE)
                .collect(Collectors.groupingBy(Result::grade, Collectors.counting()));
        double n = counts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(counts.get("好") / n).isBetween(0.30, 0.40);
        assertThat(counts.get("较好") / n).isBetween(0.40, 0.52);
        assertThat(counts.get("一般") / n).isBetween(0.10, 0.20);
        assertThat(counts.get("较差") / n).isBetween(0.002, 0.02);
        // the score follows the grade
        for (Result r : plan.results()) {
            if (plan.periods().get(r.period()).kind() == PeriodKind.ROUTINE) {
                double s = r.score().doubleValue();
                switch (RoutineGrade.valueOf(r.grade())) {
                    case 好 -> assertThat(s).isBetween(90.0, 98.0);
                    case 较好 -> assertThat(s).isBetween(82.0, 90.0);
                    case 一般 -> assertThat(s).isBetween(72.0, 80.0);
                    case 较差 -> assertThat(s).isBetween(60.0, 70.0);
                }
            }
        }
    }

    private static List<RoutineGrade> grades(String... names) {
        return java.util.Arrays.stream(names).map(RoutineGrade::valueOf).toList();
    }
}
