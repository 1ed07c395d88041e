package org.zugong.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.zugong.cadre.CadreCategory;

/**
 * Two closed years of civil-servant assessment (公务员/参公 cadres): for each of {@link #YEARS} four
 * quarterly 平时考核 periods and one 年度考核 period, owned by the province, every result confirmed
 * with its steps. The annual grade is the one in the cadre file (cadre_annual_result), after the
 * 优秀 quota: per unit at most {@value #EXCELLENT_PERCENT} % of those graded 1–4 (rounded down), the
 * excess 优秀 lowered to 称职 in the file too ({@link #loweredAnnual}). The quarters fit the final grade:
 * 好 only for a 优秀 (two to four of them), so each quarter's 好 stay within the quota as well; the
 * suggestion follows the 考核2020 rules and a deviation is explained. Shapes copy DemoAssessments
 * and DemoWriter (dates, reasons, steps) — kept in step by hand.
 */
final class AssessmentGenerator {

    static final int[] YEARS = {2024, 2025};
    static final int EXCELLENT_PERCENT = 20;
    static final int PUBLICITY_DAYS = 5;
    static final String DEVIATION_REASON = "综合年度表现审定";
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    /** A period; ids are 1… in this order (four quarters then the year, per year). */
    record Period(long id, int year, Integer quarter, String name, int publicityDays, OffsetDateTime openedAt,
                  OffsetDateTime closedAt) {
        boolean annual() {
            return quarter == null;
        }
    }

    record Step(String stage, OffsetDateTime doneAt) {
    }

    record Result(Period period, long personId, long orgId, boolean included, String inclusionNote, String selfSummary, String score,
                  String suggestedGrade, String grade, String gradeReason, LocalDate publicityFrom, LocalDate publicityTo,
                  OffsetDateTime confirmedAt, boolean dismissalReview, List<Step> steps) {
    }

    /** One cadre's results over all periods, in period order. */
    record Assessed(long personId, List<Result> results) {
    }

    private final long seed;
    private final CadreGenerator cadres;
    private final List<Period> periods;
    /** personId * 10_000 + year of the 优秀 lowered to 称职 by the unit's quota. */
    private final Set<Long> lowered;

    private AssessmentGenerator(long seed, CadreGenerator cadres, Set<Long> lowered) {
        this.seed = seed;
        this.cadres = cadres;
        this.lowered = lowered;
        this.periods = periods();
    }

    /** Applies the quota over all civil-servant cadres of the seeds (one pass, keeping only counts per unit). */
    static AssessmentGenerator over(List<CadreGenerator.Seed> seeds, CadreGenerator cadres, long seed) {
        Set<Long> lowered = new HashSet<>();
        for (int year : YEARS) {
            // graded per unit in the year's annual period [0] and each quarter [1..4] (those not yet at work are not graded)
            Map<Long, int[]> graded = new HashMap<>();
            Map<Long, List<Long>> excellent = new HashMap<>();
            for (CadreGenerator.Seed s : seeds) {
                CadreGenerator.Cadre c = cadres.build(s);
                String code = civil(c) ? annualCode(c, year) : null;
                if (code != null && "1234".contains(code)) {
                    int[] n = graded.computeIfAbsent(s.unit().id(), k -> new int[5]);
                    n[0]++;
                    for (int q = 1; q <= 4; q++) {
                        if (!workStart(s).isAfter(YearMonth.of(year, q * 3).atEndOfMonth())) {
                            n[q]++;
                        }
                    }
                    if (code.equals("1")) {
                        excellent.computeIfAbsent(s.unit().id(), k -> new ArrayList<>()).add(s.personId());
                    }
                }
            }
            for (Map.Entry<Long, List<Long>> unit : excellent.entrySet()) {
                // a 优秀 has 好 in some quarters: the smallest population of the year bounds both quotas
                int quota = java.util.Arrays.stream(graded.get(unit.getKey())).map(n -> n * EXCELLENT_PERCENT / 100).min().orElse(0);
                List<Long> ids = unit.getValue();
                // which ones keep 优秀: an order fixed by the seed, not by the registration order
                ids.sort((a, b) -> Long.compare(mix(seed, a * 31 + year), mix(seed, b * 31 + year)));
                for (int i = quota; i < ids.size(); i++) {
                    lowered.add(ids.get(i) * 10_000 + year);
                }
            }
        }
        return new AssessmentGenerator(seed, cadres, lowered);
    }

    /** As CadreGenerator.build: work starts at the latest a year before AS_OF. */
    private static LocalDate workStart(CadreGenerator.Seed s) {
        LocalDate latest = ProvinceDataSet.AS_OF.minusYears(1);
        return s.workStart().isAfter(latest) ? latest : s.workStart();
    }

    static boolean civil(CadreGenerator.Cadre c) {
        return c.category() == CadreCategory.公务员 || c.category() == CadreCategory.参公;
    }

    private static String annualCode(CadreGenerator.Cadre c, int year) {
        for (String[] a : c.annual()) {
            if (a[0].equals(Integer.toString(year))) {
                return a[1];
            }
        }
        return null;
    }

    /** The cadre file's annual result as written: the quota's lowering applied. */
    String loweredAnnual(long personId, String year, String code) {
        return "1".equals(code) && lowered.contains(personId * 10_000 + Integer.parseInt(year)) ? "2" : code;
    }

    int loweredCount() {
        return lowered.size();
    }

    List<Period> periodList() {
        return periods;
    }

    private static List<Period> periods() {
        List<Period> list = new ArrayList<>();
        for (int year : YEARS) {
            for (int q = 1; q <= 4; q++) {
                LocalDate opened = YearMonth.of(year, q * 3).atEndOfMonth().plusDays(3);
                list.add(new Period(list.size() + 1, year, q, year + "年第" + QUARTERS[q - 1] + "季度平时考核", 0,
                        at(opened, 9, 0), at(opened.plusDays(10), 17, 30)));
            }
            AnnualDates d = annualDates(year);
            list.add(new Period(list.size() + 1, year, null, year + "年度考核", PUBLICITY_DAYS, at(d.opened(), 9, 0),
                    at(d.confirmed().plusDays(1), 17, 0)));
        }
        return List.copyOf(list);
    }

    /** The results of a civil-servant cadre (none for other cadres), from a generator seeded by the seed and the person id. */
    Assessed assess(CadreGenerator.Seed s) {
        CadreGenerator.Cadre c = cadres.build(s);
        List<Result> results = new ArrayList<>();
        if (!civil(c)) {
            return new Assessed(s.personId(), results);
        }
        SplittableRandom r = new SplittableRandom(mix(seed, s.personId() ^ 0x5DEECE66DL));
        LocalDate workStart = workStart(s);
        String previous = null;
        for (int year : YEARS) {
            String code = annualCode(c, year);
            String grade = code == null ? null : loweredAnnual(s.personId(), Integer.toString(year), code);
            List<String> routine = grade == null ? List.of("较好", "较好", "较好", "较好") : routineFor(grade, r);
            List<String> counted = new ArrayList<>();
            double sum = 0;
            for (int q = 1; q <= 4; q++) {
                Period p = periods.get((year - YEARS[0]) * 5 + q - 1);
                if (workStart.isAfter(YearMonth.of(year, q * 3).atEndOfMonth())) {
                    results.add(notIncluded(p, s, "本季度尚未参加工作"));
                    continue;
                }
                String g = routine.get(q - 1);
                counted.add(g);
                double score = routineScore(g, r);
                sum += score;
                LocalDate opened = p.openedAt().toLocalDate();
                List<Step> steps = List.of(new Step("SELF_SUMMARY", at(opened.plusDays(r.nextInt(3)), 9 + r.nextInt(8), r.nextInt(60))),
                        new Step("EVALUATION", at(opened.plusDays(3 + r.nextInt(3)), 9 + r.nextInt(8), r.nextInt(60))),
                        new Step("PROPOSAL", at(opened.plusDays(6 + r.nextInt(2)), 9 + r.nextInt(8), r.nextInt(60))));
                results.add(new Result(p, s.personId(), s.unit().id(), true, null, "第" + QUARTERS[q - 1] + "季度，认真履行岗位职责，按时完成各项工作任务。",
                        String.format("%.1f", score), null, g, null, null, null, at(opened.plusDays(8), 16, 0), false, steps));
            }
            Period p = periods.get((year - YEARS[0]) * 5 + 4);
            if (grade == null) {
                results.add(notIncluded(p, s, "当年尚未参加工作"));
                previous = null;
                continue;
            }
            String suggested = suggest(counted);
            double mean = counted.isEmpty() ? 85 : sum / counted.size();
            AnnualDates d = annualDates(year);
            List<Step> steps = List.of(new Step("SELF_SUMMARY", at(d.opened().plusDays(r.nextInt(4)), 9 + r.nextInt(8), r.nextInt(60))),
                    new Step("EVALUATION", at(d.opened().plusDays(6 + r.nextInt(2)), 9 + r.nextInt(8), r.nextInt(60))),
                    new Step("PROPOSAL", at(d.proposed(), 9 + r.nextInt(8), r.nextInt(60))),
                    new Step("PUBLICITY", at(d.confirmed(), 9, r.nextInt(60))));
            boolean dismissal = "4".equals(grade) && "4".equals(previous);
            results.add(new Result(p, s.personId(), s.unit().id(), true, null, "一年来，认真履行岗位职责，完成年度重点任务。",
                    String.format("%.1f", mean), suggested, grade, grade.equals(suggested) ? null : DEVIATION_REASON,
                    d.publicityFrom(), d.publicityTo(), at(d.confirmed(), 10, 0), dismissal, steps));
            previous = grade;
        }
        return new Assessed(s.personId(), results);
    }

    /** Four quarters that fit the annual grade; 好 only for a 优秀. */
    static List<String> routineFor(String grade, SplittableRandom r) {
        List<String> q = new ArrayList<>(List.of("较好", "较好", "较好", "较好"));
        switch (grade) {
            case "1" -> {
                int good = 2 + r.nextInt(3);
                for (int i = 0; i < good; i++) {
                    q.set(i, "好");
                }
            }
            case "3" -> {
                if (r.nextBoolean()) {
                    q.set(0, "一般");
                    q.set(1, "一般");
                } else {
                    q.set(0, "较差");
                }
            }
            case "4" -> {
                q.set(0, "较差");
                q.set(1, "一般");
            }
            default -> {
                if (r.nextInt(10) == 0) {
                    q.set(0, "一般");
                }
            }
        }
        // shuffle so that the 好 and 一般 fall in any quarter
        for (int i = 3; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = q.get(i);
            q.set(i, q.get(j));
            q.set(j, t);
        }
        return q;
    }

    /** The 考核2020 suggestion (AssessmentRules.suggest): 基本称职 with two 一般 or any 较差, 优秀 with two 好 and neither, else 称职. */
    static String suggest(List<String> routine) {
        if (routine.isEmpty()) {
            return null;
        }
        long good = routine.stream().filter("好"::equals).count();
        long ordinary = routine.stream().filter("一般"::equals).count();
        if (routine.contains("较差") || ordinary >= 2) {
            return "3";
        }
        return good >= 2 && ordinary == 0 ? "1" : "2";
    }

    private static double routineScore(String g, SplittableRandom r) {
        return switch (g) {
            case "好" -> 90 + r.nextInt(17) * 0.5;
            case "较好" -> 80 + r.nextInt(19) * 0.5;
            case "一般" -> 70 + r.nextInt(19) * 0.5;
            default -> 60 + r.nextInt(19) * 0.5;
        };
    }

    private static Result notIncluded(Period p, CadreGenerator.Seed s, String note) {
        return new Result(p, s.personId(), s.unit().id(), false, note, null, null, null, null, null, null, null,
                p.closedAt().minusHours(1), false, List.of());
    }

    record AnnualDates(LocalDate opened, LocalDate proposed, LocalDate publicityFrom, LocalDate publicityTo, LocalDate confirmed) {
    }

    /** As DemoAssessments.annualDates: opened in the following January, 公示 five weekdays (holidays ignored). */
    static AnnualDates annualDates(int year) {
        LocalDate opened = LocalDate.of(year + 1, 1, 6);
        LocalDate proposed = LocalDate.of(year + 1, 1, 15);
        LocalDate from = nextWeekday(proposed);
        LocalDate to = from;
        for (int n = 1; n < PUBLICITY_DAYS; n++) {
            to = nextWeekday(to);
        }
        return new AnnualDates(opened, proposed, from, to, nextWeekday(to));
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return OffsetDateTime.of(day, LocalTime.of(hour, minute), ZONE);
    }

    private static long mix(long seed, long value) {
        long z = seed * 0x9E3779B97F4A7C15L + value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- COPY ------------------------------------------------------------------------------------

    static final String PERIOD_SQL = """
            COPY assessment_period (id, org_id, kind, year, quarter, name, status, publicity_days, excellent_percent,
                good_cap_percent, opened_at, opened_by, closed_at, closed_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String RESULT_SQL = """
            COPY assessment_result (period_id, person_id, org_id, included, inclusion_note, stage, self_summary, score,
                suggested_grade, grade, grade_reason, publicity_from, publicity_to, confirmed_at, confirmed_by,
                dismissal_review, updated_at, updated_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String STEP_SQL = """
            COPY assessment_step (period_id, person_id, stage, action, done_at, done_by) FROM STDIN WITH (FORMAT text, FREEZE true)""";

    static void period(Period p, long ownerOrgId, CopyText row) {
        row.number(p.id()).number(ownerOrgId).text(p.annual() ? "ANNUAL" : "ROUTINE").number(p.year())
                .number(p.quarter() == null ? null : p.quarter().longValue()).text(p.name()).text("CLOSED").number(p.publicityDays())
                .number(EXCELLENT_PERCENT).nothing().text(p.openedAt().toString()).text(ProvinceDataSet.CREATED_BY)
                .text(p.closedAt().toString()).text(ProvinceDataSet.CREATED_BY).endRow();
    }

    static void results(Assessed a, CopyText row) {
        for (Result r : a.results()) {
            row.number(r.period().id()).number(r.personId()).number(r.orgId()).bool(r.included()).text(r.inclusionNote())
                    .text("CONFIRMED").text(r.selfSummary()).text(r.score()).text(r.suggestedGrade()).text(r.grade())
                    .text(r.gradeReason()).date(r.publicityFrom()).date(r.publicityTo()).text(r.confirmedAt().toString())
                    .text(ProvinceDataSet.CREATED_BY).bool(r.dismissalReview()).text(r.confirmedAt().toString())
                    .text(ProvinceDataSet.CREATED_BY).endRow();
        }
    }

    static void steps(Assessed a, CopyText row) {
        for (Result r : a.results()) {
            for (Step s : r.steps()) {
                row.number(r.period().id()).number(r.personId()).text(s.stage()).text("SUBMIT").text(s.doneAt().toString())
                        .text(ProvinceDataSet.CREATED_BY).endRow();
            }
        }
    }

    record Table(String name, String sql, BiConsumer<Assessed, CopyText> encoder) {
    }

    static List<Table> tables() {
        return List.of(new Table("assessment_result", RESULT_SQL, AssessmentGenerator::results),
                new Table("assessment_step", STEP_SQL, AssessmentGenerator::steps));
    }

    Iterator<Assessed> assessed(List<CadreGenerator.Seed> seeds) {
        Iterator<CadreGenerator.Seed> it = seeds.iterator();
        return new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Assessed next() {
                return assess(it.next());
            }
        };
    }
}
