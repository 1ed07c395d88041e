package org.zugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.recruitment.CheckResult;
import org.zugong.recruitment.DevelopmentChecker;
import org.zugong.recruitment.Timeline;

class RecruitmentGeneratorTests {

    private static final SampleDataSet SAMPLE = SampleDataSet.generate(15_000, 100_000, 42);

    @Test
    void aboutTwoPercentOfThePersonsHaveARecordAtEveryStage() {
        double share = SAMPLE.picks().size() / (double) SAMPLE.persons().size();
        assertThat(share).isBetween(0.015, 0.03);
        Map<RecruitmentGenerator.Stage, Integer> byStage = new EnumMap<>(RecruitmentGenerator.Stage.class);
        SAMPLE.picks().forEach(p -> byStage.merge(p.stage(), 1, Integer::sum));
        assertThat(byStage).containsOnlyKeys(RecruitmentGenerator.Stage.values());
        assertThat(byStage.values()).allSatisfy(n -> assertThat(n).isGreaterThan(50));
    }

    @Test
    void theSameSeedGivesTheSameRecords() {
        SampleDataSet again = SampleDataSet.generate(15_000, 100_000, 42);
        assertThat(again.picks()).isEqualTo(SAMPLE.picks());
        for (int i = 0; i < 500; i++) {
            assertThat(again.recruitment().build(again.picks().get(i))).isEqualTo(SAMPLE.recruitment().build(SAMPLE.picks().get(i)));
        }
    }

    @Test
    void recordsAgreeWithThePersonsPoliticalStatusAndJoinDate() {
        Map<Long, PersonRow> persons = new HashMap<>();
        SAMPLE.persons().forEach(p -> persons.put(p.id(), p));
        for (RecruitmentGenerator.Pick pick : SAMPLE.picks()) {
            RecruitmentGenerator.Candidate c = SAMPLE.recruitment().build(pick);
            PersonRow p = persons.get(c.personId());
            switch (c.stage()) {
                case FULL_MEMBER -> {
                    assertThat(p.politicalStatus()).isEqualTo("01");
                    assertThat(c.admission().date()).isEqualTo(p.partyJoinDate().minusMonths(12));
                }
                case PROBATIONARY -> {
                    assertThat(p.politicalStatus()).isEqualTo("02");
                    assertThat(c.admission().date()).isEqualTo(p.partyJoinDate());
                }
                default -> assertThat(p.politicalStatus()).isIn("03", "13");
            }
            assertThat(c.application()).isAfterOrEqualTo(p.birthDate().plusYears(18));
            assertThat(c.contacts()).extracting(RecruitmentGenerator.Contact::personId).doesNotHaveDuplicates()
                    .doesNotContain(c.personId()).allSatisfy(id -> assertThat(persons.get(id).politicalStatus()).isEqualTo("01"));
        }
    }

    @Test
    void stepDatesAreInOrderAndInThePast() {
        for (RecruitmentGenerator.Pick pick : SAMPLE.picks()) {
            RecruitmentGenerator.Candidate c = SAMPLE.recruitment().build(pick);
            List<LocalDate> dates = c.stepDates();
            assertThat(dates).isSorted();
            assertThat(dates.getLast()).isBefore(ProvinceDataSet.AS_OF);
            assertThat(c.assessments()).allSatisfy(d -> assertThat(d).isAfter(c.activist()).isBefore(ProvinceDataSet.AS_OF));
        }
    }

    /** The application's own checker finds nothing in the lawful records and exactly the seeded rule in the others. */
    @Test
    void theCheckerFindsExactlyTheSeededViolations() {
        DevelopmentChecker checker = new DevelopmentChecker((from, to) -> {
            int n = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    n++;
                }
            }
            return n;
        });
        Map<Long, LocalDate> births = new HashMap<>();
        SAMPLE.persons().forEach(p -> births.put(p.id(), p.birthDate()));
        int seeded = 0;
        for (RecruitmentGenerator.Pick pick : SAMPLE.picks()) {
            RecruitmentGenerator.Candidate c = SAMPLE.recruitment().build(pick);
            CheckResult result = checker.check(timeline(c, births.get(c.personId())));
            if (c.seeded() == RecruitmentGenerator.Seeded.NONE) {
                assertThat(result.violations()).as("record %d", c.id()).isEmpty();
            } else {
                seeded++;
                assertThat(result.violations()).as("record %d", c.id()).singleElement()
                        .satisfies(v -> assertThat(v.rule().name()).isEqualTo(c.seeded().name()));
            }
        }
        assertThat(seeded).isPositive();
        long admitted = SAMPLE.picks().stream().filter(p -> p.stage().ordinal() >= RecruitmentGenerator.Stage.PROBATIONARY.ordinal()).count();
        assertThat(seeded / (double) admitted).isBetween(0.01, 0.05);
    }

    /** As Candidate.timeline() reads a stored record for the checker (contacts: introducers only). */
    private static Timeline timeline(RecruitmentGenerator.Candidate c, LocalDate birth) {
        List<Timeline.Introducer> introducers = c.contacts().stream().filter(k -> k.role().equals("INTRODUCER"))
                .map(k -> new Timeline.Introducer(Timeline.IntroducerStatus.valueOf(k.status()))).toList();
        List<Timeline.PreReview> reviews = c.preReviews().stream()
                .map(p -> new Timeline.PreReview(Timeline.PreReviewLevel.valueOf(p.level()), p.date(), true)).toList();
        return new Timeline(null, birth, c.application(), c.talk(), c.activist(), c.assessments(), c.target(), introducers,
                c.review() == null ? null : new Timeline.PoliticalReview(c.review(), true),
                c.trainingDays() == null ? null : new Timeline.Training(c.trainingDays(), c.trainingHours()),
                c.noticeStart() == null ? null : new Timeline.PublicNotice(c.noticeStart(), c.noticeEnd()), reviews,
                meeting(c.admission()), c.approval(), List.of(), meeting(c.conversion()), c.conversionApproval());
    }

    private static Timeline.Meeting meeting(RecruitmentGenerator.Meeting m) {
        return m == null ? null : new Timeline.Meeting(m.date(), m.due(), m.present(), m.votesFor(), 0);
    }
}
