package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zugong.recruitment.CheckResult;
import org.zugong.recruitment.DevelopmentChecker;
import org.zugong.recruitment.DevelopmentRule;
import org.zugong.recruitment.Timeline;

/** The demo development records: every non-seeded timeline passes the checker, each seeded one breaks exactly its rule. */
class DemoRecruitmentTests {

    private static final DevelopmentChecker CHECKER = new DevelopmentChecker((from, to) -> {
        int n = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    });

    static Stream<LocalDate> days() {
        return Stream.of(LocalDate.of(2026, 11, 26), LocalDate.of(2028, 2, 29), LocalDate.of(2027, 1, 31), LocalDate.now());
    }

    private static List<DemoRecruitment.Plan> plans(LocalDate today, List<DemoPerson> people, DemoCity city) {
        return new DemoRecruitment(new Random(20_260_101L + 2), today, city, people).plan();
    }

    private static List<DemoPerson> people(Random random, LocalDate today, DemoCity city) {
        return new DemoPeople(random, today, DemoNames.load(), DemoIdentityTests.regions()).generate(city.organizations());
    }

    static Timeline timeline(DemoRecruitment.Plan p) {
        List<Timeline.PreReview> reviews = new ArrayList<>();
        if (p.committeeReview() != null) {
            reviews.add(new Timeline.PreReview(Timeline.PreReviewLevel.PARTY_COMMITTEE, p.committeeReview(), true));
        }
        if (p.countyReview() != null) {
            reviews.add(new Timeline.PreReview(Timeline.PreReviewLevel.COUNTY_DEPARTMENT, p.countyReview(), true));
        }
        return new Timeline(null, p.birthDate(), p.application(), p.talk(), p.activist(), p.assessments(), p.target(),
                p.introducers().stream().map(i -> new Timeline.Introducer(Timeline.IntroducerStatus.FULL)).toList(),
                p.review() == null ? null : new Timeline.PoliticalReview(p.review(), true),
                p.trainingDays() == null ? null : new Timeline.Training(p.trainingDays(), p.trainingHours()),
                p.noticeStart() == null ? null : new Timeline.PublicNotice(p.noticeStart(), p.noticeEnd()), reviews,
                meeting(p.admission()), p.approval(), List.of(), meeting(p.conversion()), p.conversionApproval());
    }

    private static Timeline.Meeting meeting(DemoRecruitment.Meeting m) {
        return m == null ? null : new Timeline.Meeting(m.date(), m.due(), m.present(), m.votesFor(), 0);
    }

    @ParameterizedTest
    @MethodSource("days")
    void validTimelinesPassTheCheckerAndEachSeededOneBreaksExactlyItsRule(LocalDate today) {
        Random random = new Random(20_260_101L);
        DemoCity city = DemoCity.plan(random, today);
        List<DemoPerson> people = people(random, today, city);
        List<DemoRecruitment.Plan> plans = plans(today, people, city);

        assertThat(plans).hasSizeBetween(35, 45);
        List<DemoRecruitment.Seeded> seeded = new ArrayList<>();
        for (DemoRecruitment.Plan p : plans) {
            CheckResult result = CHECKER.check(timeline(p));
            if (p.seeded() == DemoRecruitment.Seeded.NONE) {
                assertThat(result.violations()).as(p.toString()).isEmpty();
            } else {
                seeded.add(p.seeded());
                assertThat(result.violations()).as(p.toString()).extracting(CheckResult.Violation::rule)
                        .containsExactly(DevelopmentRule.valueOf(p.seeded().name()));
            }
            if (p.stage() == DemoRecruitment.Stage.FULL_MEMBER) {
                assertThat(result.fullMemberFrom()).isEqualTo(p.fullMemberFrom());
            }
            Stream.of(p.application(), p.talk(), p.activist(), p.target(), p.review(), p.noticeEnd(), p.committeeReview(),
                            p.countyReview(), p.approval(), p.conversionApproval())
                    .filter(java.util.Objects::nonNull).forEach(d -> assertThat(d).as(p.toString()).isBefore(today));
            assertThat(p.assessments()).allMatch(d -> d.isBefore(today));
            String status = people.get(p.personIndex()).politicalStatus();
            assertThat(status).isIn("13", "03");
            assertThat(p.contacts()).allMatch(i -> "01".equals(people.get(i).politicalStatus()));
            assertThat(p.introducers()).allMatch(i -> "01".equals(people.get(i).politicalStatus()));
        }
        assertThat(seeded).containsExactlyInAnyOrder(DemoRecruitment.Seeded.ACTIVIST_LESS_THAN_ONE_YEAR, DemoRecruitment.Seeded.TALK_LATE,
                DemoRecruitment.Seeded.TRAINING_INSUFFICIENT, DemoRecruitment.Seeded.PRE_REVIEW_MISSING,
                DemoRecruitment.Seeded.VOTE_NOT_PASSED);
        assertThat(plans.stream().map(DemoRecruitment.Plan::stage).distinct()).hasSameSizeAs(EnumSet.allOf(DemoRecruitment.Stage.class));
        assertThat(plans.stream().map(DemoRecruitment.Plan::county).distinct()).hasSize(6);
        assertThat(plans.stream().map(DemoRecruitment.Plan::personIndex).toList()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(plans.stream().map(p -> city.organizations().get(p.branchKey())).toList())).allMatch(OrgSpec::isBranch);
        // both pre-reviews on every record that reached the admission meeting, but for the seeded one
        assertThat(plans.stream().filter(p -> p.admission() != null && p.seeded() != DemoRecruitment.Seeded.PRE_REVIEW_MISSING))
                .allMatch(p -> p.committeeReview() != null && p.countyReview() != null);
    }
}
