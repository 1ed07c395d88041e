package org.zugong.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.zugong.assessment.AssessmentStage;
import org.zugong.assessment.PeriodKind;
import org.zugong.assessment.RoutineGrade;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.CadreCategory;
import org.zugong.cadre.CadreRecordKind;
import org.zugong.demo.DemoCadreFile.Annual;
import org.zugong.organization.OrganizationKind;

/**
 * Two complete years of assessments for the demo cadres: for each of the years Y−2 and Y−1 (Y the
 * current year) four quarterly 平时考核 periods and one 年度考核 period, all closed, owned by the city,
 * with a confirmed result and a minimal trail of steps for every cadre file. The current year is
 * left without periods, for the demo user to open.
 *
 * <p>The annual result in the cadre file is the confirmed one, so the two agree. First the 优秀 quota
 * is applied to the files' results of those two years: per unit at most 20% of those graded 1–4
 * (so a unit of fewer than five has none), or 25% with an approval where that lets one more keep
 * 优秀; the rest are lowered to 称职 (合格 for institution staff), and a 嘉奖 or 三等功 that followed
 * from the lowered year is dropped, the printed texts rewritten. Then the quarterly grades are drawn to
 * fit each annual grade (a 优秀 mostly 好, a 基本称职 with 一般), the suggestion computed from them by
 * {@link #suggestedGrade}, and a deviation from it explained.
 */
final class DemoAssessments {

    static final int EXCELLENT_PERCENT = 20;
    static final int APPROVED_PERCENT = 25;
    static final int ANNUAL_PUBLICITY_DAYS = 5;
    static final String DEVIATION_REASON = "综合年度表现审定";
    static final String QUOTA_REASON = "受优秀等次比例限制，综合年度表现审定";
    static final String PROBATION_REASON = "试用期内，不确定等次";
    static final String UNGRADED_REASON = "按规定不确定等次或不进行考核";
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    /** A period, by its index in {@link Plan#periods()}. */
    record Period(int index, PeriodKind kind, int year, Integer quarter, String name, int publicityDays,
                  OffsetDateTime openedAt, OffsetDateTime closedAt) {
    }

    /** A completed step of a result: the stage it completed. */
    record Step(AssessmentStage stage, OffsetDateTime doneAt) {
    }

    /** One cadre's result in one period; grade null when not included. */
    record Result(int period, int personIndex, int orgKey, boolean included, String inclusionNote, String selfSummary,
                  BigDecimal score, String suggestedGrade, String grade, String gradeReason, LocalDate publicityFrom,
                  LocalDate publicityTo, OffsetDateTime confirmedAt, boolean dismissalReview, List<Step> steps) {
    }

    /** A unit's 优秀 quota raised for one annual period. */
    record QuotaApproval(int period, int orgKey, int percent, String document, String reason, OffsetDateTime approvedAt) {
    }

    /** The files with the quota applied, and what to write for the assessment module. */
    record Plan(List<DemoCadreFile> files, int cityKey, List<Period> periods, List<Result> results,
                List<QuotaApproval> approvals) {
    }

    private final Random random;
    private final LocalDate today;
    private final int cityKey;
    private final List<DemoPerson> people;

    DemoAssessments(Random random, LocalDate today, List<OrgSpec> organizations, List<DemoPerson> people) {
        this.random = random;
        this.today = today;
        this.cityKey = organizations.stream().filter(o -> o.kind() == OrganizationKind.CITY)
                .mapToInt(OrgSpec::key).findFirst().orElseThrow();
        this.people = people;
    }

    Plan plan(List<DemoCadreFile> original) {
        int first = today.getYear() - 2;
        List<Period> periods = new ArrayList<>();
        for (int year = first; year < today.getYear(); year++) {
            for (int q = 1; q <= 4; q++) {
                LocalDate opened = YearMonth.of(year, q * 3).atEndOfMonth().plusDays(3);
                periods.add(new Period(periods.size(), PeriodKind.ROUTINE, year, q,
                        year + "年第" + QUARTERS[q - 1] + "季度平时考核", 0, at(opened, 9, 0), at(opened.plusDays(10), 17, 30)));
            }
            AnnualDates d = annualDates(year);
            periods.add(new Period(periods.size(), PeriodKind.ANNUAL, year, null, year + "年度考核", ANNUAL_PUBLICITY_DAYS,
                    at(d.opened(), 9, 0), at(d.confirmed().plusDays(1), 17, 0)));
        }

        List<DemoCadreFile> files = new ArrayList<>(original);
        List<QuotaApproval> approvals = new ArrayList<>();
        Map<Integer, Map<Integer, Boolean>> lowered = new HashMap<>(); // file index → year → lowered by the quota
        for (Period p : periods) {
            if (p.kind() == PeriodKind.ANNUAL) {
                applyQuota(files, p, lowered, approvals);
            }
        }

        List<Result> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            DemoCadreFile f = files.get(i);
            for (int year = first; year < today.getYear(); year++) {
                int y = year;
                List<Period> ofYear = periods.stream().filter(p -> p.year() == y).toList();
                Annual annual = annualOf(f, year);
                boolean quotaLowered = lowered.getOrDefault(i, Map.of()).getOrDefault(year, false);
                AnnualGrade profile = quotaLowered ? AnnualGrade.EXCELLENT : annual == null ? AnnualGrade.COMPETENT : annual.grade();
                LocalDate workStart = people.get(f.personIndex()).workStartDate();
                List<RoutineGrade> routine = routineGrades(profile);
                List<RoutineGrade> counted = new ArrayList<>();
                List<BigDecimal> scores = new ArrayList<>();
                for (int q = 1; q <= 4; q++) {
                    Period p = ofYear.get(q - 1);
                    LocalDate quarterEnd = YearMonth.of(year, q * 3).atEndOfMonth();
                    if (workStart.isAfter(quarterEnd)) {
                        results.add(notIncluded(p, f, "本季度尚未参加工作"));
                        continue;
                    }
                    RoutineGrade g = routine.get(q - 1);
                    counted.add(g);
                    BigDecimal score = routineScore(g);
                    scores.add(score);
                    results.add(routineResult(p, f, g, score));
                }
                Period p = ofYear.get(4);
                if (workStart.getYear() > year) {
                    results.add(notIncluded(p, f, "当年尚未参加工作"));
                    continue;
                }
                String suggested = forCategory(suggestedGrade(counted), f.category());
                if (annual == null) {
                    // working that year but no result in the file: the confirmed result is the suggestion
                    annual = new Annual(year, AnnualGrade.ofCode(suggested).orElseThrow());
                    List<Annual> list = new ArrayList<>(f.annual());
                    list.add(annual);
                    list.sort(Comparator.comparingInt(Annual::year));
                    f = f.withAnnualAndRecords(list, f.records());
                    files.set(i, f);
                }
                Annual previous = annualOf(f, year - 1);
                boolean dismissal = isIncompetent(annual.grade()) && previous != null && isIncompetent(previous.grade());
                results.add(annualResult(p, f, annual.grade(), suggested, quotaLowered, scores, dismissal));
            }
        }
        return new Plan(List.copyOf(files), cityKey, List.copyOf(periods), results, approvals);
    }

    // ---- the 优秀 quota ----------------------------------------------------------------------------

    /** At most {@code percent} % of {@code assessed}, rounded down. */
    static int quota(int assessed, int percent) {
        return assessed * percent / 100;
    }

    /** Graded 1–4 (优秀, 称职, 基本称职, 不称职): the population the quota is counted on. */
    static boolean countsForQuota(String code) {
        return code != null && code.length() == 1 && "1234".contains(code);
    }

    private void applyQuota(List<DemoCadreFile> files, Period period, Map<Integer, Map<Integer, Boolean>> lowered,
                            List<QuotaApproval> approvals) {
        int year = period.year();
        Map<Integer, List<Integer>> byUnit = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (annualOf(files.get(i), year) != null) {
                byUnit.computeIfAbsent(files.get(i).orgKey(), k -> new ArrayList<>()).add(i);
            }
        }
        int document = 3;
        for (Map.Entry<Integer, List<Integer>> unit : byUnit.entrySet()) {
            List<Integer> members = unit.getValue();
            // those without a reward that follows from this year go first, then at random
            Map<Integer, Double> order = new HashMap<>();
            for (int i : members) {
                order.put(i, (rewardsFollowing(files.get(i), year).isEmpty() ? 0 : 1) + random.nextDouble());
            }
            List<Integer> excellent = new ArrayList<>(members.stream()
                    .filter(i -> annualOf(files.get(i), year).grade() == AnnualGrade.EXCELLENT)
                    .sorted(Comparator.comparing(order::get)).toList());
            int assessed = (int) members.stream().filter(i -> countsForQuota(annualOf(files.get(i), year).grade().code())).count();
            if (excellent.size() <= quota(assessed, EXCELLENT_PERCENT)) {
                continue;
            }
            int percent = quota(assessed, APPROVED_PERCENT) > quota(assessed, EXCELLENT_PERCENT) ? APPROVED_PERCENT : EXCELLENT_PERCENT;
            while (excellent.size() > quota(assessed, percent)) {
                int i = excellent.removeFirst();
                DemoCadreFile f = files.get(i);
                boolean civil = f.category() == CadreCategory.公务员 || f.category() == CadreCategory.参公;
                AnnualGrade lower = civil ? AnnualGrade.COMPETENT : AnnualGrade.QUALIFIED;
                if (!countsForQuota(lower.code())) {
                    assessed--;
                }
                List<Annual> annual = f.annual().stream().map(a -> a.year() == year ? new Annual(year, lower) : a).toList();
                List<DemoCadreFile.Record> dropped = rewardsFollowing(f, year);
                List<DemoCadreFile.Record> records = f.records().stream().filter(r -> !dropped.contains(r)).toList();
                files.set(i, f.withAnnualAndRecords(annual, records));
                lowered.computeIfAbsent(i, k -> new HashMap<>()).put(year, true);
            }
            if (percent == APPROVED_PERCENT && excellent.size() > quota(assessed, EXCELLENT_PERCENT)) {
                LocalDate on = annualDates(year).proposed().minusDays(2);
                approvals.add(new QuotaApproval(period.index(), unit.getKey(), APPROVED_PERCENT,
                        "湘云组干〔" + (year + 1) + "〕" + document++ + "号",
                        "该单位" + year + "年度工作实绩突出，经市委组织部批准优秀等次比例提高至" + APPROVED_PERCENT + "%", at(on, 15, 0)));
            }
        }
    }

    /** The 嘉奖 of the year and any 三等功 whose run of three 优秀 years includes it. */
    private static List<DemoCadreFile.Record> rewardsFollowing(DemoCadreFile f, int year) {
        return f.records().stream().filter(r -> r.kind() == CadreRecordKind.奖励).filter(r -> {
            int of = Integer.parseInt(r.title().substring(0, 4));
            return r.title().endsWith("嘉奖") ? of == year : of >= year && of <= year + 2;
        }).toList();
    }

    // ---- grades ------------------------------------------------------------------------------------

    /**
     * The annual grade the routine results suggest: no 一般 or 较差 and at least two 好 → 优秀 ("1");
     * any 较差 or at least two 一般 → 基本称职 ("3"); otherwise 称职 ("2").
     */
    static String suggestedGrade(List<RoutineGrade> routine) {
        long good = routine.stream().filter(g -> g == RoutineGrade.好).count();
        long fair = routine.stream().filter(g -> g == RoutineGrade.一般).count();
        boolean poor = routine.contains(RoutineGrade.较差);
        if (poor || fair >= 2) {
            return "3";
        }
        if (fair == 0 && good >= 2) {
            return "1";
        }
        return "2";
    }

    /** Institution staff are graded 合格/基本合格: the suggestion in their codes. */
    private static String forCategory(String suggested, CadreCategory category) {
        boolean civil = category == CadreCategory.公务员 || category == CadreCategory.参公;
        return civil || "1".equals(suggested) ? suggested : suggested + "B";
    }

    private static final Weighted<RoutineGrade> EXCELLENT_QUARTERS = weights(80, 20, 0, 0);
    private static final Weighted<RoutineGrade> COMPETENT_QUARTERS = weights(38, 47, 14, 1);
    private static final Weighted<RoutineGrade> BASIC_QUARTERS = weights(2, 38, 50, 10);
    private static final Weighted<RoutineGrade> INCOMPETENT_QUARTERS = weights(0, 10, 40, 50);

    private static Weighted<RoutineGrade> weights(int good, int fairlyGood, int fair, int poor) {
        Map<RoutineGrade, Integer> m = new LinkedHashMap<>();
        int[] w = {good, fairlyGood, fair, poor};
        for (RoutineGrade g : RoutineGrade.values()) {
            if (w[g.ordinal()] > 0) {
                m.put(g, w[g.ordinal()]);
            }
        }
        return Weighted.of(m);
    }

    /**
     * Four quarters that fit the annual grade: drawn until their suggestion is the annual grade's,
     * except for about one in twelve left as first drawn (a grade decided against the suggestion).
     */
    List<RoutineGrade> routineGrades(AnnualGrade annual) {
        Weighted<RoutineGrade> quarters;
        String target;
        switch (annual.forRank()) {
            case 优秀 -> { quarters = EXCELLENT_QUARTERS; target = "1"; }
            case 基本称职 -> { quarters = BASIC_QUARTERS; target = "3"; }
            case 不称职 -> { quarters = INCOMPETENT_QUARTERS; target = "3"; }
            case 称职 -> { quarters = COMPETENT_QUARTERS; target = "2"; }
            default -> { quarters = COMPETENT_QUARTERS; target = null; }
        }
        boolean asDrawn = target == null || random.nextInt(12) == 0;
        List<RoutineGrade> grades = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            grades = List.of(quarters.pick(random), quarters.pick(random), quarters.pick(random), quarters.pick(random));
            if (asDrawn || suggestedGrade(grades).equals(target)) {
                break;
            }
        }
        return grades;
    }

    private static boolean isIncompetent(AnnualGrade g) {
        return g == AnnualGrade.INCOMPETENT || g == AnnualGrade.UNQUALIFIED;
    }

    private BigDecimal routineScore(RoutineGrade g) {
        double low = switch (g) {
            case 好 -> 90;
            case 较好 -> 82;
            case 一般 -> 72;
            case 较差 -> 60;
        };
        return half(low + random.nextDouble() * (g == RoutineGrade.好 ? 8 : g == RoutineGrade.较差 ? 10 : 7.5));
    }

    private static BigDecimal half(double value) {
        return BigDecimal.valueOf(Math.round(value * 2) / 2.0).setScale(1, RoundingMode.UNNECESSARY);
    }

    // ---- results -----------------------------------------------------------------------------------

    private Result routineResult(Period p, DemoCadreFile f, RoutineGrade g, BigDecimal score) {
        LocalDate opened = p.openedAt().toLocalDate();
        List<Step> steps = List.of(
                new Step(AssessmentStage.SELF_SUMMARY, at(opened.plusDays(random.nextInt(3)), 9 + random.nextInt(8), random.nextInt(60))),
                new Step(AssessmentStage.EVALUATION, at(opened.plusDays(3 + random.nextInt(3)), 9 + random.nextInt(8), random.nextInt(60))),
                new Step(AssessmentStage.PROPOSAL, at(opened.plusDays(6 + random.nextInt(2)), 9 + random.nextInt(8), random.nextInt(60))));
        return new Result(p.index(), f.personIndex(), f.orgKey(), true, null, routineSummary(p.quarter()), score, null,
                g.name(), null, null, null, at(opened.plusDays(8), 16, 0), false, steps);
    }

    private Result annualResult(Period p, DemoCadreFile f, AnnualGrade grade, String suggested, boolean quotaLowered,
                                List<BigDecimal> routineScores, boolean dismissal) {
        AnnualDates d = annualDates(p.year());
        double mean = routineScores.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(85);
        double floor = switch (grade.forRank()) {
            case 优秀 -> 90;
            case 基本称职 -> 70;
            case 不称职 -> 60;
            default -> 78;
        };
        double ceiling = switch (grade.forRank()) {
            case 优秀 -> 98;
            case 基本称职 -> 80;
            case 不称职 -> 69.5;
            default -> 92;
        };
        BigDecimal score = half(Math.max(floor, Math.min(ceiling, mean + random.nextDouble() * 2 - 1)));
        String reason = null;
        if (grade.code().startsWith("5")) {
            reason = grade == AnnualGrade.UNGRADED_PROBATION ? PROBATION_REASON : UNGRADED_REASON;
        } else if (grade.code().startsWith("6")) {
            reason = UNGRADED_REASON;
        } else if (!grade.code().equals(suggested)) {
            reason = quotaLowered ? QUOTA_REASON : DEVIATION_REASON;
        }
        List<Step> steps = List.of(
                new Step(AssessmentStage.SELF_SUMMARY, at(d.opened().plusDays(random.nextInt(4)), 9 + random.nextInt(8), random.nextInt(60))),
                new Step(AssessmentStage.EVALUATION, at(d.opened().plusDays(6 + random.nextInt(2)), 9 + random.nextInt(8), random.nextInt(60))),
                new Step(AssessmentStage.PROPOSAL, at(d.proposed(), 9 + random.nextInt(8), random.nextInt(60))),
                new Step(AssessmentStage.PUBLICITY, at(d.confirmed(), 9, random.nextInt(60))));
        return new Result(p.index(), f.personIndex(), f.orgKey(), true, null, annualSummary(p.year()), score, suggested,
                grade.code(), reason, d.publicityFrom(), d.publicityTo(), at(d.confirmed(), 10, 0), dismissal, steps);
    }

    private static Result notIncluded(Period p, DemoCadreFile f, String note) {
        return new Result(p.index(), f.personIndex(), f.orgKey(), false, note, null, null, null, null, null, null, null,
                p.closedAt().minusHours(1), false, List.of());
    }

    private static Annual annualOf(DemoCadreFile f, int year) {
        return f.annual().stream().filter(a -> a.year() == year).findFirst().orElse(null);
    }

    // ---- dates -------------------------------------------------------------------------------------

    /** The annual period of a year runs in the following January; 公示 is five weekdays (holidays ignored). */
    record AnnualDates(LocalDate opened, LocalDate proposed, LocalDate publicityFrom, LocalDate publicityTo,
                       LocalDate confirmed) {
    }

    static AnnualDates annualDates(int year) {
        LocalDate opened = LocalDate.of(year + 1, 1, 6);
        LocalDate proposed = LocalDate.of(year + 1, 1, 15);
        LocalDate from = nextWeekday(proposed);
        LocalDate to = from;
        for (int n = 1; n < ANNUAL_PUBLICITY_DAYS; n++) {
            to = nextWeekday(to);
        }
        return new AnnualDates(opened, proposed, from, to, nextWeekday(to));
    }

    static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return OffsetDateTime.of(day, LocalTime.of(hour, minute), ZONE);
    }

    // ---- self-summaries ----------------------------------------------------------------------------

    private static final List<String> DUTIES = List.of(
            "认真履行岗位职责", "坚持以习近平新时代中国特色社会主义思想为指导，扎实做好本职工作",
            "严格遵守各项纪律规定，踏实履职尽责", "围绕单位中心工作，主动担当作为", "认真落实领导交办的各项任务",
            "坚持学思用贯通，不断提升业务能力", "按照年初工作计划，有序推进分管工作", "注重调查研究，服务基层群众");
    private static final List<String> TASKS = List.of(
            "完成了重点任务", "按时完成各项工作任务", "牵头推进的专项工作取得阶段性成效", "参与完成了重要文稿起草",
            "妥善处理了群众来信来访", "配合完成了迎检和督查工作", "推动了制度建设和流程优化", "较好完成了统计报表和信息报送");
    private static final List<String> REFLECTIONS = List.of(
            "今后将进一步加强理论学习。", "下一步将在创新工作方法上下功夫。", "存在的不足是调查研究还不够深入，将认真改进。",
            "今后将更加注重工作实效。", "将继续保持良好工作作风。", "下步将着力提升统筹协调能力。");
    private static final List<String> YEAR_OPENINGS = List.of(
            "一年来，", "本年度，", "过去一年，", "年度内，");

    private String routineSummary(int quarter) {
        return "第" + QUARTERS[quarter - 1] + "季度，" + pick(DUTIES) + "，" + pick(TASKS) + "。" + pick(REFLECTIONS);
    }

    private String annualSummary(int year) {
        String first = pick(TASKS);
        String second;
        do {
            second = pick(TASKS);
        } while (second.equals(first));
        return pick(YEAR_OPENINGS) + pick(DUTIES) + "，完成年度重点任务，" + first + "，" + second + "。" + pick(REFLECTIONS);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
