package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.AppointmentMethod;
import org.zugong.cadre.CadreCategory;
import org.zugong.cadre.CadreRecordKind;
import org.zugong.cadre.Rank;
import org.zugong.cadre.RankLeadingPost;
import org.zugong.cadre.RetirementGroup;
import org.zugong.cadre.RetirementSchedule;
import org.zugong.demo.DemoCadreFile.Post;
import org.zugong.demo.DemoCadreFile.RankRow;
import org.zugong.demo.DemoCadreFile.ResumeLine;

/** The generated cadre files, without a database: consistent with the persons and with themselves. */
class DemoCadresTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final LocalDate PARALLEL_RANKS = LocalDate.of(2019, 6, 1);

    private final Random random = new Random(20_260_101L);
    private final DemoCity city = DemoCity.plan(random, TODAY);
    private final DemoNames names = DemoNames.load();
    private final List<DemoPerson> people = new DemoPeople(random, TODAY, names, DemoIdentityTests.regions())
            .generate(city.organizations());
    private final List<DemoCadreFile> files = new DemoCadres(random, TODAY, names, city.organizations()).generate(people);
    private final List<OrgSpec> orgs = city.organizations();

    @Test
    void everyCadreHasOneFileInTheirOwnUnit() {
        assertThat(files).extracting(DemoCadreFile::personIndex)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, people.size())
                        .filter(i -> people.get(i).cadre()).boxed().toList());
        assertThat(files.size()).isBetween(500, 700);
        for (DemoCadreFile f : files) {
            DemoPerson p = people.get(f.personIndex());
            assertThat(f.orgKey()).isEqualTo(p.orgKey());
            assertThat(f.retirementGroup()).isEqualTo("1".equals(p.sex()) ? RetirementGroup.MALE_60 : RetirementGroup.FEMALE_55);
            assertThat(f.currentPostText()).as(f.currentPostText()).startsWith(orgs.get(f.orgKey()).name());
            if (p.partyJoinDate() != null) {
                assertThat(f.partyJoinText()).isEqualTo(String.format("%d%02d", p.partyJoinDate().getYear(), p.partyJoinDate().getMonthValue()));
            } else {
                assertThat(f.partyJoinText()).isNull();
            }
        }
    }

    @Test
    void postsAreConsistentAndTheCurrentValuesAreThoseOfTheLeadingPost() {
        for (DemoCadreFile f : files) {
            DemoPerson p = people.get(f.personIndex());
            List<Post> current = f.posts().stream().filter(x -> x.end() == null).toList();
            List<Post> ended = f.posts().stream().filter(x -> x.end() != null).toList();
            assertThat(current).as(f.currentPostText()).hasSizeBetween(1, 2);
            assertThat(ended).as(f.currentPostText()).hasSizeBetween(1, 3);
            String titles = f.currentPostText().substring(orgs.get(f.orgKey()).name().length());
            assertThat(titles.split("、")).containsExactlyInAnyOrderElementsOf(
                    current.stream().flatMap(x -> java.util.Arrays.stream(x.title().split("、"))).toList());
            for (Post x : f.posts()) {
                assertThat(x.start()).as(f.currentPostText()).isAfterOrEqualTo(p.workStartDate()).isBeforeOrEqualTo(TODAY);
                if (x.end() != null) {
                    assertThat(x.end()).isAfterOrEqualTo(x.start()).isBefore(TODAY);
                }
                if (x.probationEnd() != null) {
                    assertThat(x.probationEnd()).isEqualTo(x.start().plusYears(1));
                    assertThat(x.end() == null ? x.start().isAfter(TODAY.minusYears(1)) : !x.end().isBefore(x.probationEnd())).isTrue();
                }
            }
            Post leading = current.stream().filter(x -> x.level() != null)
                    .min(Comparator.comparing((Post x) -> x.level().ordinal()).thenComparing(Post::start)).orElse(null);
            assertThat(f.postLevel()).isEqualTo(leading == null ? null : leading.level());
            assertThat(f.postSince()).isEqualTo(leading == null ? null : leading.start());
        }
        List<Post> all = files.stream().flatMap(f -> f.posts().stream()).toList();
        assertThat(all).anyMatch(x -> x.method() == AppointmentMethod.选任 && x.end() == null);
        long probation = all.stream().filter(x -> x.probationEnd() != null && x.end() == null).count();
        assertThat(probation).isBetween(5L, 60L);
        assertThat(files).anyMatch(f -> f.postLevel() == RankLeadingPost.县处级正职)
                .anyMatch(f -> f.postLevel() == RankLeadingPost.乡科级副职)
                .anyMatch(f -> f.currentPostText().contains("、"));
    }

    @Test
    void ranksFollowEachOtherFrom2019AndTheOpenOneIsOnTheProfile() {
        int eligible = 0;
        int ranked = 0;
        for (DemoCadreFile f : files) {
            boolean civil = f.category() == CadreCategory.公务员 || f.category() == CadreCategory.参公;
            if (!civil || f.jobClass() != org.zugong.cadre.JobClass.综合管理类) {
                assertThat(f.ranks()).isEmpty();
                assertThat(f.rank()).isNull();
                continue;
            }
            ranked++;
            List<RankRow> ranks = f.ranks();
            assertThat(ranks).hasSizeBetween(1, 3);
            for (int i = 0; i < ranks.size(); i++) {
                RankRow r = ranks.get(i);
                assertThat(r.start()).isAfterOrEqualTo(PARALLEL_RANKS).isBefore(TODAY);
                if (i > 0) {
                    assertThat(r.start()).isEqualTo(ranks.get(i - 1).end().plusDays(1));
                    assertThat(r.rank().ordinal()).isLessThan(ranks.get(i - 1).rank().ordinal());
                    assertThat(r.start()).isAfterOrEqualTo(ranks.get(i - 1).start().plusYears(2));
                }
                assertThat(r.end() == null).isEqualTo(i == ranks.size() - 1);
            }
            RankRow open = ranks.getLast();
            assertThat(f.rank()).isEqualTo(open.rank());
            assertThat(f.rankSince()).isEqualTo(open.start());
            if (!open.start().plusYears(2).isAfter(TODAY)) {
                eligible++;
            }
        }
        assertThat(ranked).isGreaterThan(300);
        assertThat((double) eligible / ranked).isBetween(0.3, 0.75);
        assertThat(files).anyMatch(f -> f.rank() == Rank.一级调研员).anyMatch(f -> f.rank() == Rank.四级主任科员);
    }

    @Test
    void resumeEducationAnnualResultsRecordsAndFamily() {
        int inService = 0;
        int rewarded = 0;
        int measures = 0;
        for (DemoCadreFile f : files) {
            DemoPerson p = people.get(f.personIndex());
            List<ResumeLine> resume = f.resume();
            assertThat(resume).as(f.currentPostText()).hasSizeBetween(4, 8);
            for (int i = 0; i < resume.size(); i++) {
                ResumeLine l = resume.get(i);
                assertThat(l.to() == null).isEqualTo(i == resume.size() - 1);
                if (l.to() != null) {
                    assertThat(l.to()).isAfterOrEqualTo(l.from());
                    assertThat(resume.get(i + 1).from()).isAfterOrEqualTo(l.to());
                }
            }
            assertThat(resume.getLast().text()).isEqualTo(f.currentPostText());
            assertThat(resume.getFirst().from()).isAfter(YearMonth.from(p.birthDate().plusYears(16)));

            String fullTime = f.education().getFirst().qualification();
            String highest = f.education().stream().map(DemoCadreFile.Education::qualification)
                    .map(DemoCadresTests::educationCode).min(Comparator.naturalOrder()).orElseThrow();
            assertThat(highest).as(fullTime).isEqualTo(p.education());
            if (f.education().size() > 1) {
                inService++;
            }

            int from = Math.max(2021, p.workStartDate().getYear());
            assertThat(f.annual()).extracting(DemoCadreFile.Annual::year)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(from, TODAY.getYear()).boxed().toList());
            assertThat(f.annualText()).isEqualTo(f.annual().subList(Math.max(0, f.annual().size() - 3), f.annual().size()).stream()
                    .map(a -> a.year() + "年度考核" + a.grade().printedName()).collect(Collectors.joining("，")));

            if (f.records().stream().anyMatch(r -> r.kind() == CadreRecordKind.奖励)) {
                rewarded++;
            }
            if (f.records().stream().anyMatch(r -> r.kind().isMeasure())) {
                measures++;
            }
            assertThat(f.rewardsText()).isEqualTo(f.records().isEmpty() ? "无" : f.records().stream()
                    .sorted(Comparator.comparing(DemoCadreFile.Record::decidedOn))
                    .map(DemoCadreFile.Record::printed).collect(Collectors.joining("；")));
            for (DemoCadreFile.Record r : f.records()) {
                assertThat(r.decidedOn()).isBeforeOrEqualTo(TODAY);
                if (r.kind() == CadreRecordKind.诫勉) {
                    assertThat(r.effectEnd()).isAfter(TODAY);
                }
            }
            assertThat(f.family()).hasSizeBetween(2, 4);
            assertThat(f.family()).allMatch(m -> m.name() != null && m.work() != null && !m.birthMonth().isAfter(YearMonth.from(TODAY)));
        }
        double n = files.size();
        assertThat(inService / n).isBetween(0.3, 0.5);
        assertThat(rewarded / n).isBetween(0.08, 0.18);
        assertThat(measures / n).isBetween(0.01, 0.06);
        List<AnnualGrade> grades = files.stream().flatMap(f -> f.annual().stream()).map(DemoCadreFile.Annual::grade).toList();
        long excellent = grades.stream().filter(g -> g == AnnualGrade.EXCELLENT).count();
        assertThat(excellent / (double) grades.size()).isBetween(0.13, 0.21);
        assertThat(grades).contains(AnnualGrade.BASICALLY_COMPETENT, AnnualGrade.UNGRADED_PROBATION, AnnualGrade.QUALIFIED);
        assertThat(files).anyMatch(f -> f.records().stream().anyMatch(r -> r.kind() == CadreRecordKind.立案审查 && r.effectEnd() == null));
    }

    @Test
    void someCadresRetireWithinTheNextYear() {
        RetirementSchedule schedule = RetirementSchedule.load();
        long soon = files.stream().filter(f -> {
            YearMonth retires = schedule.compute(YearMonth.from(people.get(f.personIndex()).birthDate()), f.retirementGroup())
                    .retirementMonth();
            return retires.isAfter(YearMonth.from(TODAY)) && !retires.isAfter(YearMonth.from(TODAY).plusMonths(12));
        }).count();
        assertThat(soon).isBetween(2L, 30L);
    }

    @Test
    void theSameSeedGivesTheSameFiles() {
        Random again = new Random(20_260_101L);
        DemoCity sameCity = DemoCity.plan(again, TODAY);
        List<DemoPerson> samePeople = new DemoPeople(again, TODAY, names, DemoIdentityTests.regions()).generate(sameCity.organizations());
        assertThat(new DemoCadres(again, TODAY, names, sameCity.organizations()).generate(samePeople)).isEqualTo(files);
    }

    /** As the LRMX import reads a qualification text (CadreLrmxMapping.educationCode). */
    private static String educationCode(String t) {
        if (t.contains("博士")) {
            return "11";
        }
        if (t.contains("研究生") || t.contains("硕士")) {
            return "14";
        }
        if (t.contains("大学") && !t.contains("专科") || t.contains("本科")) {
            return "21";
        }
        if (t.contains("大专") || t.contains("专科")) {
            return "31";
        }
        return "?";
    }
}
