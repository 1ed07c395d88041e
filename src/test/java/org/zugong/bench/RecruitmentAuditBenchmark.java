package org.zugong.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntBiFunction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.zugong.recruitment.CheckResult;
import org.zugong.recruitment.DevelopmentChecker;
import org.zugong.recruitment.DevelopmentRule;
import org.zugong.recruitment.HistoricalAudit;
import org.zugong.recruitment.HistoricalAuditReport;
import org.zugong.recruitment.HistoricalAuditWorkbook;
import org.zugong.recruitment.Timeline;
import org.zugong.recruitment.Timeline.Introducer;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.Meeting;
import org.zugong.recruitment.Timeline.PreReview;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * Issue 6: the {@link DevelopmentChecker} over 100,000 deterministic timelines (seeded; ~80 % complete
 * developments, the others stopped at an earlier step; 5.5 % with one injected violation, ~5 % violating once the stopped ones are cut), and the
 * same records read through the upload path ({@link HistoricalAudit#run}: a 100,000-row .xlsx streamed
 * and checked). Working days count Monday–Friday (no database, so no holiday table). Prints figures only.
 *
 * <pre>java -cp "$CP" org.zugong.bench.RecruitmentAuditBenchmark --records 100000 --runs 5 --seed 42 [--xlsx true]</pre>
 */
public final class RecruitmentAuditBenchmark {

    private RecruitmentAuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, "records", "runs", "seed", "xlsx", "dir");
        int records = a.integer("records", 100_000);
        int runs = a.integer("runs", 5);
        long seed = a.number("seed", 42);
        ToIntBiFunction<LocalDate, LocalDate> weekdays = (from, to) -> {
            int n = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    n++;
                }
            }
            return n;
        };
        DevelopmentChecker checker = new DevelopmentChecker(weekdays);

        long t0 = System.nanoTime();
        List<Timeline> timelines = generate(records, seed);
        System.out.printf("generated %,d timelines in %.2f s (seed %d)%n", records, (System.nanoTime() - t0) / 1e9, seed);

        // The distribution once (and a warm-up).
        Map<DevelopmentRule, Integer> byRule = new EnumMap<>(DevelopmentRule.class);
        int violating = 0;
        for (Timeline t : timelines) {
            CheckResult r = checker.check(t);
            if (!r.violations().isEmpty()) {
                violating++;
            }
            r.violations().forEach(v -> byRule.merge(v.rule(), 1, Integer::sum));
        }
        System.out.printf("timelines with a violation: %,d (%.2f %%); by rule: %s%n", violating, 100.0 * violating / records, byRule);

        double[] check = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            int n = 0;
            for (Timeline t : timelines) {
                n += checker.check(t).violations().size();
            }
            check[i] = (System.nanoTime() - s) / 1e9;
            System.out.printf("checker run %d: %.3f s (%,d violations)%n", i + 1, check[i], n);
        }
        System.out.printf("checker over %,d timelines: median %.3f s of %d runs (min %.3f, max %.3f)%n", records, median(check), runs,
                Arrays.stream(check).min().orElse(0), Arrays.stream(check).max().orElse(0));

        if (Boolean.parseBoolean(a.text("xlsx", "true"))) {
            Path dir = a.path("dir", "target/bench-recruitment");
            Files.createDirectories(dir);
            Path file = dir.resolve("audit-" + records + ".xlsx");
            long w = System.nanoTime();
            write(timelines, file);
            System.out.printf("wrote %s: %,d bytes in %.2f s (the upload limit is %,d bytes)%n", file, Files.size(file),
                    (System.nanoTime() - w) / 1e9, HistoricalAudit.MAX_BYTES);
            double[] upload = new double[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                HistoricalAuditReport report = HistoricalAudit.run(checker, file, file.getFileName().toString());
                upload[i] = (System.nanoTime() - s) / 1e9;
                System.out.printf("upload path run %d: %.3f s (rows %,d, audited %,d, violating %,d, row errors %,d)%n", i + 1, upload[i],
                        report.rows(), report.audited(), report.rowsWithViolations(), report.rowErrors().size());
            }
            System.out.printf("read + check of a %,d-row .xlsx: median %.3f s of %d runs (min %.3f, max %.3f)%n", records, median(upload),
                    runs, Arrays.stream(upload).min().orElse(0), Arrays.stream(upload).max().orElse(0));
        }
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Deterministic timelines: valid by construction, 5.5 % with one injected violation, ~5 % violating once the stopped ones are cut, ~20 % stopped early. */
    static List<Timeline> generate(int n, long seed) {
        Random random = new Random(seed);
        List<Timeline> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(timeline(random));
        }
        return list;
    }

    private static Timeline timeline(Random r) {
        LocalDate application = LocalDate.of(2010, 1, 1).plusDays(r.nextInt(13 * 365));
        LocalDate birth = application.minusYears(19 + r.nextInt(30)).minusDays(r.nextInt(365));
        LocalDate talk = application.plusDays(1 + r.nextInt(25));
        LocalDate activist = talk.plusDays(10 + r.nextInt(50));
        List<LocalDate> assessments = List.of(activist.plusMonths(5), activist.plusMonths(10));
        LocalDate target = activist.plusMonths(12).plusDays(r.nextInt(40));
        List<Introducer> introducers = List.of(new Introducer(IntroducerStatus.FULL), new Introducer(IntroducerStatus.FULL));
        Timeline.PoliticalReview review = new Timeline.PoliticalReview(target.plusDays(30), true);
        Timeline.Training training = new Timeline.Training(3, 24);
        LocalDate noticeStart = target.plusDays(1);
        Timeline.PublicNotice notice = new Timeline.PublicNotice(noticeStart, noticeStart.plusDays(9));
        List<PreReview> pre = List.of(new PreReview(PreReviewLevel.PARTY_COMMITTEE, target.plusDays(40), true),
                new PreReview(PreReviewLevel.COUNTY_DEPARTMENT, target.plusDays(45), true));
        LocalDate admissionDate = target.plusDays(60 + r.nextInt(30));
        Meeting admission = new Meeting(admissionDate, 20, 18, 17, 1);
        LocalDate approval = admissionDate.plusDays(10 + r.nextInt(50));
        LocalDate conversionDate = admissionDate.plusMonths(12).plusDays(r.nextInt(30));
        Meeting conversion = new Meeting(conversionDate, 20, 19, 19, 0);
        LocalDate conversionApproval = conversionDate.plusDays(5 + r.nextInt(35));

        if (r.nextInt(1000) < 55) {
            switch (r.nextInt(7)) {
                case 0 -> talk = application.plusDays(40 + r.nextInt(60));
                case 1 -> target = activist.plusMonths(11);
                case 2 -> introducers = List.of(new Introducer(IntroducerStatus.FULL), new Introducer(IntroducerStatus.PROBATIONARY));
                case 3 -> training = new Timeline.Training(2, 16);
                case 4 -> admission = new Meeting(admissionDate, 20, 18, 8, 1);
                case 5 -> approval = admissionDate.plusMonths(4);
                default -> conversion = new Meeting(admissionDate.plusMonths(11), 20, 19, 19, 0);
            }
        }
        int stage = r.nextInt(100) < 80 ? 9 : r.nextInt(9);
        return new Timeline(null, birth, application, stage >= 1 ? talk : null, stage >= 2 ? activist : null,
                stage >= 3 ? assessments : List.of(), stage >= 3 ? target : null, stage >= 4 ? introducers : List.of(),
                stage >= 5 ? review : null, stage >= 5 ? training : null, stage >= 4 ? notice : null, stage >= 5 ? pre : List.of(),
                stage >= 6 ? admission : null, stage >= 7 ? approval : null, List.of(), stage >= 8 ? conversion : null,
                stage >= 9 ? conversionApproval : null);
    }

    /** The timelines as a filled template (text cells, shared strings), branch and year columns included. */
    static void write(List<Timeline> timelines, Path file) throws Exception {
        List<String> columns = HistoricalAuditWorkbook.COLUMNS;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 1000, true, true); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(HistoricalAuditWorkbook.SHEET);
            sheet.createRow(0).createCell(0).setCellValue(HistoricalAuditWorkbook.NOTE);
            Row header = sheet.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            int r = 2;
            for (Timeline t : timelines) {
                Row row = sheet.createRow(r);
                Object[] v = new Object[columns.size()];
                v[0] = r - 1;
                v[1] = "党员" + (r - 1);
                v[2] = "第" + ((r * 7919) % 400 + 1) + "党支部";
                v[4] = t.birthDate();
                v[5] = t.applicationDate();
                v[6] = t.talkDate();
                v[7] = t.activistDate();
                v[8] = String.join("；", t.activistAssessments().stream().map(LocalDate::toString).toList());
                v[9] = t.developmentTargetDate();
                for (int k = 0; k < t.introducers().size() && k < 2; k++) {
                    v[10 + k] = switch (t.introducers().get(k).status()) {
                        case FULL -> "正式党员";
                        case PROBATIONARY -> "预备党员";
                        case UNDER_PROBATION_SANCTION -> "受留党察看处分";
                    };
                }
                if (t.politicalReview() != null) {
                    v[12] = t.politicalReview().date();
                    v[13] = t.politicalReview().passed() ? "合格" : "不合格";
                }
                if (t.training() != null) {
                    v[14] = t.training().days();
                    v[15] = t.training().hours();
                }
                if (t.publicNotice() != null) {
                    v[16] = t.publicNotice().start();
                    v[17] = t.publicNotice().end();
                }
                for (PreReview p : t.preReviews()) {
                    int at = p.level() == PreReviewLevel.PARTY_COMMITTEE ? 18 : 20;
                    v[at] = p.date();
                    v[at + 1] = p.passed() ? "合格" : "不合格";
                }
                meeting(v, 22, t.admissionMeeting());
                v[27] = t.approvalDate();
                meeting(v, 29, t.conversionMeeting());
                v[34] = t.conversionApprovalDate();
                for (int c = 0; c < v.length; c++) {
                    if (v[c] instanceof Number num) {
                        row.createCell(c).setCellValue(num.doubleValue());
                    } else if (v[c] != null && !v[c].toString().isEmpty()) {
                        row.createCell(c).setCellValue(v[c].toString());
                    }
                }
                r++;
            }
            wb.write(out);
        }
    }

    private static void meeting(Object[] v, int at, Meeting m) {
        if (m != null) {
            v[at] = m.date();
            v[at + 1] = m.dueVoters();
            v[at + 2] = m.present();
            v[at + 3] = m.votesFor();
            v[at + 4] = m.writtenFor();
        }
    }
}
