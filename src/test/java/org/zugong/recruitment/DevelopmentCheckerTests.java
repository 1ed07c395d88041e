package org.zugong.recruitment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zugong.platform.web.FieldErrors;
import org.zugong.recruitment.Timeline.Extension;
import org.zugong.recruitment.Timeline.Introducer;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.Meeting;
import org.zugong.recruitment.Timeline.PoliticalReview;
import org.zugong.recruitment.Timeline.PreReview;
import org.zugong.recruitment.Timeline.PreReviewLevel;
import org.zugong.recruitment.Timeline.PublicNotice;
import org.zugong.recruitment.Timeline.Training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.recruitment.TimelineFixture.d;
import static org.zugong.recruitment.TimelineFixture.meeting;

/** Every rule of the checker on both sides of its boundary (working days: Monday to Friday, no holidays). */
class DevelopmentCheckerTests {

    private final DevelopmentChecker checker = new DevelopmentChecker((from, to) -> {
        int n = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    });

    private CheckResult check(TimelineFixture f) {
        return checker.check(f.build());
    }

    private static TimelineFixture admittedOn(String date) {
        TimelineFixture f = TimelineFixture.valid();
        f.admission = meeting(date);
        f.approval = null;
        f.conversion = null;
        f.conversionApproval = null;
        return f;
    }

    @Test
    void aWholeValidDevelopmentHasNoViolation() {
        CheckResult result = check(TimelineFixture.valid());
        assertThat(result.violations()).isEmpty();
        assertThat(result.ruleSet()).isEqualTo("细则2014");
        assertThat(result.probationEnd()).isEqualTo(d("2024-05-31"));
        assertThat(result.fullMemberFrom()).isEqualTo(d("2024-06-01"));
    }

    @Test
    void anEmptyTimelineHasNoViolationAndNoProbation() {
        CheckResult result = checker.check(Timeline.empty());
        assertThat(result.violations()).isEmpty();
        assertThat(result.probationEnd()).isNull();
        assertThat(result.fullMemberFrom()).isNull();
    }

    // Art.5 — Period: born on a leap day 2004-02-29, 18 on 2022-03-01 (on 2022-02-28: 17 years 11 months 30 days).
    @ParameterizedTest
    @CsvSource({"2004-02-29, 2022-02-28, true", "2004-02-29, 2022-03-01, false", "2004-06-15, 2022-06-14, true",
            "2004-06-15, 2022-06-15, false", "2004-06-15, 2021-12-31, true"})
    void age(String birth, String application, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.birth = d(birth);
        f.application = d(application);
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.AGE_UNDER_18)).isEqualTo(violated);
        if (violated) {
            assertThat(result.violations().getFirst().article()).isEqualTo("第五条");
            assertThat(result.violations().getFirst().message()).startsWith("第五条：").contains(application).contains(birth).contains("十八周岁");
        }
    }

    // Art.7 — talk within 1 month: 01-31 + 1 month = 02-28 (2023) / 02-29 (2024).
    @ParameterizedTest
    @CsvSource({"2023-01-31, 2023-02-28, , false", "2023-01-31, 2023-03-01, , true", "2024-01-31, 2024-02-29, , false",
            "2024-01-31, 2024-03-01, , true", "2023-03-15, 2023-04-15, , false", "2023-03-15, 2023-04-16, , true",
            "2023-03-15, , , false", "2023-03-15, , 2023-03-20, true"})
    void talk(String application, String talk, String activist, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.application = d(application);
        f.talk = d(talk);
        f.activist = d(activist);
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.TALK_LATE)).isEqualTo(violated);
        if (violated) {
            assertThat(result.violations().getFirst().message()).startsWith("第七条：").contains(application);
        }
    }

    // Art.11 — gaps between activist date, assessments and development-target date at most 6 months.
    @ParameterizedTest
    @CsvSource({"2022-03-01, 2022-09-01, , false", "2022-03-01, 2022-09-02, , true", "2022-08-31, 2023-02-28, , false",
            "2022-08-31, 2023-03-01, , true", "2022-03-01, 2022-09-01, 2023-03-01, false", "2022-03-01, 2022-09-01, 2023-03-02, true",
            "2022-03-01, , 2022-09-02, true"})
    void assessmentGap(String activist, String assessment, String target, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.activist = d(activist);
        f.application = d("2022-01-01");
        f.talk = d("2022-01-05");
        if (assessment != null) {
            f.assessments.add(d(assessment));
        }
        f.target = d(target);
        assertThat(check(f).hasViolation(DevelopmentRule.ACTIVIST_ASSESSMENT_GAP)).isEqualTo(violated);
    }

    // Art.13 — at least one year from activist to development target.
    @ParameterizedTest
    @CsvSource({"2023-03-01, 2024-03-01, false", "2023-03-01, 2024-02-29, true", "2023-03-01, 2024-02-28, true",
            "2024-02-29, 2025-02-28, false", "2024-02-29, 2025-02-27, true"})
    void activistYear(String activist, String target, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.activist = d(activist);
        f.target = d(target);
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.ACTIVIST_LESS_THAN_ONE_YEAR)).isEqualTo(violated);
    }

    @Test
    void activistYearMessageNamesArticleAndDates() {
        TimelineFixture f = new TimelineFixture();
        f.activist = d("2023-03-01");
        f.assessments.add(d("2023-09-01"));
        f.target = d("2024-02-28");
        assertThat(check(f).violations()).extracting(CheckResult.Violation::message)
                .contains("第十三条：确定为入党积极分子（2023-03-01）至确定为发展对象（2024-02-28）不满一年");
    }

    // Art.14 — exactly two introducers once the admission meeting is reached.
    @ParameterizedTest
    @CsvSource({"1, true, true", "2, true, false", "3, true, true", "0, false, false", "1, false, false"})
    void introducerCount(int count, boolean admitted, boolean violated) {
        TimelineFixture f = TimelineFixture.valid();
        f.introducers.clear();
        for (int i = 0; i < count; i++) {
            f.introducers.add(new Introducer(IntroducerStatus.FULL));
        }
        if (!admitted) {
            f.admission = null;
            f.approval = null;
            f.conversion = null;
            f.conversionApproval = null;
        }
        assertThat(check(f).hasViolation(DevelopmentRule.INTRODUCER_COUNT)).isEqualTo(violated);
    }

    @ParameterizedTest
    @CsvSource({"FULL, false", "PROBATIONARY, true", "UNDER_PROBATION_SANCTION, true"})
    void introducerStatus(IntroducerStatus status, boolean violated) {
        TimelineFixture f = TimelineFixture.valid();
        f.introducers.set(1, new Introducer(status));
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.INTRODUCER_NOT_FULL_MEMBER)).isEqualTo(violated);
        assertThat(result.violations()).hasSize(violated ? 1 : 0);
    }

    // Art.16 — a passed written conclusion on or before the admission meeting (2023-06-01).
    @ParameterizedTest
    @CsvSource({"2023-06-01, true, false", "2023-06-02, true, true", "2023-05-01, false, true", ", , true"})
    void politicalReview(String date, Boolean passed, boolean violated) {
        TimelineFixture f = admittedOn("2023-06-01");
        f.review = date == null ? null : new PoliticalReview(d(date), passed);
        assertThat(check(f).hasViolation(DevelopmentRule.POLITICAL_REVIEW_MISSING)).isEqualTo(violated);
    }

    // Art.17 — 3 days or 24 class hours, either suffices.
    @ParameterizedTest
    @CsvSource({"3, 0, false", "0, 24, false", "2, 24, false", "3, 23, false", "2, 23, true", ", , true", "3, , false"})
    void training(Integer days, Integer hours, boolean violated) {
        TimelineFixture f = TimelineFixture.valid();
        f.training = new Training(days, hours);
        assertThat(check(f).hasViolation(DevelopmentRule.TRAINING_INSUFFICIENT)).isEqualTo(violated);
    }

    @Test
    void noTrainingBeforeAdmissionIsInsufficient() {
        TimelineFixture f = TimelineFixture.valid();
        f.training = null;
        assertThat(check(f).hasViolation(DevelopmentRule.TRAINING_INSUFFICIENT)).isTrue();
    }

    // 公示 — 5 working days; across a weekend (2025-09-20/21). Holidays: see RecruitmentApiTests (calendar table).
    @ParameterizedTest
    @CsvSource({"2025-09-17, 2025-09-23, false", "2025-09-17, 2025-09-22, true", "2025-09-15, 2025-09-19, false",
            "2025-09-16, 2025-09-21, true"})
    void publicNotice(String start, String end, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.notice = new PublicNotice(d(start), d(end));
        assertThat(check(f).hasViolation(DevelopmentRule.PUBLIC_NOTICE_SHORT)).isEqualTo(violated);
    }

    @Test
    void noNoticeBeforeAdmissionIsShort() {
        TimelineFixture f = TimelineFixture.valid();
        f.notice = null;
        assertThat(check(f).hasViolation(DevelopmentRule.PUBLIC_NOTICE_SHORT)).isTrue();
    }

    // Art.19 and 双重预审: both levels, passed, on or before the admission meeting (2023-06-01).
    @ParameterizedTest
    @CsvSource({"2023-05-20, true, 2023-05-25, true, 0", "2023-06-01, true, 2023-06-01, true, 0",
            "2023-06-02, true, 2023-05-25, true, 1", "2023-05-20, false, 2023-05-25, true, 1", ", , 2023-05-25, true, 1",
            "2023-05-20, true, , , 1", ", , , , 2", "2023-05-20, false, 2023-06-02, true, 2"})
    void preReview(String committee, Boolean committeePassed, String county, Boolean countyPassed, int violations) {
        TimelineFixture f = admittedOn("2023-06-01");
        f.preReviews.clear();
        if (committee != null) {
            f.preReviews.add(new PreReview(PreReviewLevel.PARTY_COMMITTEE, d(committee), committeePassed));
        }
        if (county != null) {
            f.preReviews.add(new PreReview(PreReviewLevel.COUNTY_DEPARTMENT, d(county), countyPassed));
        }
        assertThat(check(f).violations()).filteredOn(v -> v.rule() == DevelopmentRule.PRE_REVIEW_MISSING).hasSize(violations);
    }

    // Art.20 — present > half of due voters: exactly half refused.
    @ParameterizedTest
    @CsvSource({"20, 10, true", "20, 11, false", "21, 10, true", "21, 11, false", "3, 2, false", "2, 1, true"})
    void quorum(int due, int present, boolean violated) {
        TimelineFixture f = admittedOn("2023-06-01");
        f.admission = new Meeting(d("2023-06-01"), due, present, present, 0);
        assertThat(check(f).hasViolation(DevelopmentRule.QUORUM_NOT_MET)).isEqualTo(violated);
    }

    @Test
    void quorumAppliesToTheConversionMeetingToo() {
        TimelineFixture f = TimelineFixture.valid();
        f.conversion = new Meeting(d("2024-06-05"), 20, 10, 10, 1);
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.QUORUM_NOT_MET)).isTrue();
        assertThat(result.hasViolation(DevelopmentRule.VOTE_NOT_PASSED)).isFalse();
        assertThat(result.violations().getFirst().message()).contains("讨论预备党员转正的支部大会（2024-06-05）");
    }

    // Art.21 — votes for plus written opinions for > half of due voters: exactly half refused.
    @ParameterizedTest
    @CsvSource({"20, 15, 10, 0, true", "20, 15, 11, 0, false", "20, 15, 9, 1, true", "20, 15, 10, 1, false",
            "21, 15, 10, 0, true", "21, 15, 10, 1, false"})
    void vote(int due, int present, int votesFor, int writtenFor, boolean violated) {
        TimelineFixture f = admittedOn("2023-06-01");
        f.admission = new Meeting(d("2023-06-01"), due, present, votesFor, writtenFor);
        assertThat(check(f).hasViolation(DevelopmentRule.VOTE_NOT_PASSED)).isEqualTo(violated);
    }

    // Approval within 3 months of the admission meeting.
    @ParameterizedTest
    @CsvSource({"2023-06-01, 2023-09-01, false", "2023-06-01, 2023-09-02, true", "2023-11-30, 2024-02-29, false",
            "2023-11-30, 2024-03-01, true"})
    void approval(String admission, String approval, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.admission = meeting(admission);
        f.approval = d(approval);
        assertThat(check(f).hasViolation(DevelopmentRule.APPROVAL_LATE)).isEqualTo(violated);
    }

    // 特殊情况, recorded with its reason: up to 6 months; a blank reason is no reason.
    @ParameterizedTest
    @CsvSource({"2023-06-01, 2023-09-02, 上级党委换届, false", "2023-06-01, 2023-12-01, 上级党委换届, false",
            "2023-06-01, 2023-12-02, 上级党委换届, true", "2023-08-31, 2024-02-29, 上级党委换届, false",
            "2023-08-31, 2024-03-01, 上级党委换届, true", "2023-06-01, 2023-09-02, ' ', true"})
    void specialApproval(String admission, String approval, String reason, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.admission = meeting(admission);
        f.approval = d(approval);
        f.approvalSpecialReason = reason;
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.APPROVAL_LATE)).isEqualTo(violated);
        if (violated) {
            assertThat(result.violations()).filteredOn(v -> v.rule() == DevelopmentRule.APPROVAL_LATE).first()
                    .extracting(CheckResult.Violation::message).asString().contains(approval).contains(admission);
        }
    }

    // Art.32 — at most one extension of 6–12 months.
    @ParameterizedTest
    @CsvSource({"5, true", "6, false", "12, false", "13, true", "6;6, true", "'', false"})
    void extension(String months, boolean violated) {
        TimelineFixture f = admittedOn("2023-06-01");
        if (!months.isEmpty()) {
            Arrays.stream(months.split(";")).map(m -> new Extension(Integer.parseInt(m))).forEach(f.extensions::add);
        }
        assertThat(check(f).hasViolation(DevelopmentRule.PROBATION_EXTENSION_INVALID)).isEqualTo(violated);
    }

    // Art.32/34 — probationEnd = D.plusMonths(12 + ext) − 1 day, fullMemberFrom the day after (once approved).
    @ParameterizedTest
    @CsvSource({"2024-02-29, 0, 2025-02-27, 2025-02-28", "2023-07-01, 0, 2024-06-30, 2024-07-01",
            "2024-02-29, 6, 2025-08-28, 2025-08-29", "2023-07-01, 12, 2025-06-30, 2025-07-01",
            "2023-08-31, 6, 2025-02-27, 2025-02-28"})
    void probationEnd(String admission, int extension, String end, String fullFrom) {
        TimelineFixture f = new TimelineFixture();
        f.admission = meeting(admission);
        if (extension > 0) {
            f.extensions.add(new Extension(extension));
        }
        assertThat(check(f).probationEnd()).isEqualTo(d(end));
        assertThat(check(f).fullMemberFrom()).isNull();
        f.conversion = meeting(fullFrom);
        f.conversionApproval = d(fullFrom).plusDays(10);
        CheckResult result = check(f);
        assertThat(result.probationEnd()).isEqualTo(d(end));
        assertThat(result.fullMemberFrom()).isEqualTo(d(fullFrom));
        assertThat(result.violations()).extracting(CheckResult.Violation::rule).doesNotContain(DevelopmentRule.CONVERSION_EARLY,
                DevelopmentRule.CONVERSION_APPROVAL_LATE, DevelopmentRule.PROBATION_EXTENSION_INVALID);
    }

    // Conversion meeting: on the last day of probation is one day early; the day after is on time.
    @ParameterizedTest
    @CsvSource({"2023-07-01, 2024-06-30, true", "2023-07-01, 2024-07-01, false", "2024-02-29, 2025-02-27, true",
            "2024-02-29, 2025-02-28, false"})
    void conversionEarly(String admission, String conversion, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.admission = meeting(admission);
        f.conversion = meeting(conversion);
        assertThat(check(f).hasViolation(DevelopmentRule.CONVERSION_EARLY)).isEqualTo(violated);
    }

    // Art.34 — approval within 3 months of the end of probation (2024-06-30 → 2024-09-30).
    @ParameterizedTest
    @CsvSource({"2024-09-30, false", "2024-10-01, true"})
    void conversionApproval(String approval, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.admission = meeting("2023-07-01");
        f.conversion = meeting("2024-07-01");
        f.conversionApproval = d(approval);
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.CONVERSION_APPROVAL_LATE)).isEqualTo(violated);
        assertThat(result.fullMemberFrom()).isEqualTo(d("2024-07-01"));
    }

    // Steps out of order, or a later step without the earlier one.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-01-10|2023-01-09|          |          |          |          |true",
            "2023-01-10|2023-01-10|          |          |          |          |false",
            "2023-01-10|2023-01-20|2023-01-09|          |          |          |true",
            "2023-01-10|2023-01-20|2023-02-01|2023-01-31|          |          |true",
            "2023-01-10|2023-01-20|2023-02-01|2024-02-01|2024-01-31|          |true",
            "2023-01-10|2023-01-20|2023-02-01|2024-02-01|2024-06-01|2024-05-31|true",
            "2023-01-10|2023-01-20|2023-02-01|2024-02-01|2024-06-01|2024-06-01|false",
            "          |          |2023-02-01|          |          |          |true",
            "2023-01-10|2023-01-20|          |2024-02-01|          |          |true"})
    void order(String application, String talk, String activist, String target, String admission, String approval, boolean violated) {
        TimelineFixture f = new TimelineFixture();
        f.application = d(application);
        f.talk = d(talk);
        f.activist = d(activist);
        f.target = d(target);
        f.admission = admission == null ? null : meeting(admission);
        f.approval = d(approval);
        assertThat(check(f).hasViolation(DevelopmentRule.ORDER_INVALID)).isEqualTo(violated);
    }

    @Test
    void conversionBeforeAdmissionIsOutOfOrder() {
        TimelineFixture f = TimelineFixture.valid();
        f.conversion = meeting("2023-05-31");
        f.conversionApproval = null;
        CheckResult result = check(f);
        assertThat(result.hasViolation(DevelopmentRule.ORDER_INVALID)).isTrue();
        assertThat(result.violations()).extracting(CheckResult.Violation::message)
                .contains("发展程序（第二章至第六章）：支部大会讨论转正（2023-05-31）早于支部大会讨论接收（2023-06-01）");
    }

    @Test
    void everyViolationCitesItsArticle() {
        TimelineFixture f = TimelineFixture.valid();
        f.birth = d("2005-01-11");
        f.talk = d("2022-02-11");
        f.training = new Training(1, 1);
        f.extensions.add(new Extension(13));
        f.extensions.add(new Extension(6));
        CheckResult result = check(f);
        assertThat(result.violations()).extracting(CheckResult.Violation::rule).contains(DevelopmentRule.AGE_UNDER_18,
                DevelopmentRule.TALK_LATE, DevelopmentRule.TRAINING_INSUFFICIENT, DevelopmentRule.PROBATION_EXTENSION_INVALID);
        assertThat(result.violations()).allSatisfy(v -> assertThat(v.message()).startsWith(v.article() + "："));
    }

    @ParameterizedTest
    @CsvSource({"2015", "../recruitment-2014", "''"})
    void unknownRuleSetIsRefused(String ruleSet) {
        TimelineFixture f = new TimelineFixture();
        f.ruleSet = ruleSet.isEmpty() ? "x/y" : ruleSet;
        assertThatThrownBy(() -> check(f)).isInstanceOf(FieldErrors.class).hasMessageContaining("未知的发展党员规则版本");
    }

    @Test
    void explicitDefaultRuleSet() {
        TimelineFixture f = TimelineFixture.valid();
        f.ruleSet = "2014";
        assertThat(check(f).violations()).isEmpty();
    }

    @Test
    void impossibleNumbersAreRefused() {
        TimelineFixture f = TimelineFixture.valid();
        f.training = new Training(-1, 24);
        assertThatThrownBy(() -> check(f)).isInstanceOf(FieldErrors.class).hasMessageContaining("不能为负数");
        TimelineFixture g = TimelineFixture.valid();
        g.admission = new Meeting(d("2023-06-01"), 10, 11, 5, 0);
        assertThatThrownBy(() -> check(g)).isInstanceOf(FieldErrors.class).hasMessageContaining("多于应到会人数");
        TimelineFixture h = TimelineFixture.valid();
        h.extensions.add(new Extension(-6));
        assertThatThrownBy(() -> check(h)).isInstanceOf(FieldErrors.class).hasMessageContaining("不能为负数");
    }

    @Test
    void ruleSetIsData() {
        RecruitmentRuleSet rules = RecruitmentRuleSet.load("2014").orElseThrow();
        assertThat(rules.name()).isEqualTo("细则2014");
        assertThat(List.of(rules.minAgeYears(), rules.talkWithinMonths(), rules.assessmentIntervalMonths(), rules.activistMinYears(),
                rules.introducerCount(), rules.trainingMinDays(), rules.trainingMinHours(), rules.publicNoticeWorkingDays(),
                rules.approvalWithinMonths(), rules.probationYears(), rules.extensionMaxCount(), rules.extensionMinMonths(),
                rules.extensionMaxMonths(), rules.conversionApprovalWithinMonths())).containsExactly(18, 1, 6, 1, 2, 3, 24, 5, 3, 1, 1, 6, 12, 3);
        assertThat(rules.requiredPreReviews()).containsExactly(PreReviewLevel.PARTY_COMMITTEE, PreReviewLevel.COUNTY_DEPARTMENT);
        assertThat(rules.article(DevelopmentRule.ACTIVIST_LESS_THAN_ONE_YEAR)).isEqualTo("第十三条");
        assertThat(rules.articleTexts()).containsKey("第三十二条");
        assertThat(RecruitmentRuleSet.load("1999")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1, 一", "10, 十", "12, 十二", "18, 十八", "24, 二十四", "100, 100"})
    void chineseNumbers(int n, String text) {
        assertThat(DevelopmentChecker.cn(n)).isEqualTo(text);
    }
}
