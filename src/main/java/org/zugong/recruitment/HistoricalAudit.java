package org.zugong.recruitment;

import static org.zugong.recruitment.HistoricalAuditWorkbook.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;
import org.zugong.platform.upload.Xlsx;
import org.zugong.platform.web.FieldErrors;
import org.zugong.recruitment.HistoricalAuditReport.Finding;
import org.zugong.recruitment.HistoricalAuditReport.GroupCount;
import org.zugong.recruitment.HistoricalAuditReport.RowError;
import org.zugong.recruitment.HistoricalAuditReport.RuleCount;
import org.zugong.recruitment.HistoricalAuditReport.ViolatingRow;
import org.zugong.recruitment.HistoricalAuditWorkbook.Line;
import org.zugong.recruitment.HistoricalAuditWorkbook.Refused;
import org.zugong.recruitment.Timeline.Introducer;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.Meeting;
import org.zugong.recruitment.Timeline.PreReview;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * 排查整顿 (issue 6 F42): an Excel workbook of historical development records, each row converted to a
 * {@link Timeline} and checked by the {@link DevelopmentChecker}. A malformed cell is a row error naming
 * the row and the column (that row is not audited, the others are). Nothing is stored but the audit log
 * entry of the run.
 */
@Service
public class HistoricalAudit {

    public static final long MAX_BYTES = 20L * 1024 * 1024; // a fully filled 100,000-row file is about 14.5 MB
    public static final int MAX_ROWS = 200_000;
    /** The upload is streamed from a temporary file of this name, deleted when the audit ends (success or not). */
    static final String TEMP_PREFIX = "zugong-audit-";

    private final DevelopmentChecker checker;
    private final AuditLog audit;

    HistoricalAudit(DevelopmentChecker checker, AuditLog audit) {
        this.checker = checker;
        this.audit = audit;
    }

    /** Audits an upload; a file refused as a whole is a FieldErrors on {@code file} (400 in the API). Audited. */
    public HistoricalAuditReport audit(MultipartFile file) {
        String fileName = Upload.name(file);
        try {
            check(file, fileName);
            Path temp = Files.createTempFile(TEMP_PREFIX, ".xlsx");
            try {
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Xlsx.requireWorkbookParts(temp);
                HistoricalAuditReport report = run(checker, temp, fileName);
                audit.record("RECRUITMENT_AUDIT", "recruitment_audit", null, describe(report));
                return report;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (Refused | UploadRefused e) {
            audit.recordAlone("RECRUITMENT_AUDIT", "recruitment_audit", null,
                    "党员发展档案排查未进行：" + fileName + "；" + e.getMessage(), AuditOutcome.FAILURE);
            throw FieldErrors.of("file", e.getMessage());
        } catch (IOException e) {
            throw FieldErrors.of("file", "文件读取失败，请重新上传");
        }
    }

    static String describe(HistoricalAuditReport r) {
        return "党员发展档案排查（" + r.ruleSet() + "）：" + r.fileName() + "，共 " + r.rows() + " 行，排查 " + r.audited() + " 行，"
                + r.rowsWithViolations() + " 行不符合规定（" + r.violations() + " 处），" + r.rowErrors().size() + " 行格式有误未排查";
    }

    private static void check(MultipartFile file, String fileName) {
        if (file == null || file.isEmpty()) {
            throw new Refused("请选择要上传的 Excel 文件（.xlsx）");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new Refused("文件超过 20MB，请分批上传");
        }
        Upload.requireName(fileName, "文件", FileType.XLSX);
    }

    /** Reads and checks a workbook on disk (the upload path without the web layer, used by the benchmark). */
    public static HistoricalAuditReport run(DevelopmentChecker checker, Path file, String fileName) {
        Tally tally = new Tally(checker.ruleSet(null));
        HistoricalAuditWorkbook.read(file, MAX_ROWS, line -> tally.add(line, checker));
        return tally.report(fileName);
    }

    // ---- one row --------------------------------------------------------------------------------

    /** A malformed cell. */
    static final class CellError extends RuntimeException {
        final String column;

        CellError(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.0+)?");

    static LocalDate date(Line line, String column) {
        return date(line.get(column), column);
    }

    static LocalDate date(String value, String column) {
        if (value.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(value);
        }
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new CellError(column, "日期“" + value + "”不存在");
            }
        }
        throw new CellError(column, "日期格式有误：“" + value + "”，应为 yyyy-MM-dd（如 2023-06-01）或 Excel 日期");
    }

    static Integer number(Line line, String column) {
        String value = line.get(column);
        if (value.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(value).matches() || value.length() > 9) {
            throw new CellError(column, "应填写不小于 0 的整数：“" + value + "”");
        }
        return Integer.parseInt(value.replaceAll("\\..*", ""));
    }

    static Boolean conclusion(Line line, String column) {
        return switch (line.get(column)) {
            case "" -> null;
            case "合格", "通过", "是" -> true;
            case "不合格", "不通过", "否" -> false;
            default -> throw new CellError(column, "应填写“合格”或“不合格”：“" + line.get(column) + "”");
        };
    }

    static IntroducerStatus introducer(Line line, String column) {
        return switch (line.get(column)) {
            case "" -> null;
            case "正式党员", "FULL" -> IntroducerStatus.FULL;
            case "预备党员", "PROBATIONARY" -> IntroducerStatus.PROBATIONARY;
            case "受留党察看处分", "留党察看", "UNDER_PROBATION_SANCTION" -> IntroducerStatus.UNDER_PROBATION_SANCTION;
            default -> throw new CellError(column, "应填写“正式党员”“预备党员”或“受留党察看处分”：“" + line.get(column) + "”");
        };
    }

    /** The timeline of a row; a malformed cell is a {@link CellError}. */
    static Timeline timeline(Line l) {
        List<LocalDate> assessments = new ArrayList<>();
        for (String part : l.get(ASSESSMENTS).split("[；;，,、\\s]+")) {
            if (!part.isBlank()) {
                assessments.add(date(part.strip(), ASSESSMENTS));
            }
        }
        List<Introducer> introducers = new ArrayList<>();
        for (String column : List.of(INTRODUCER_1, INTRODUCER_2)) {
            IntroducerStatus s = introducer(l, column);
            if (s != null) {
                introducers.add(new Introducer(s));
            }
        }
        LocalDate reviewDate = date(l, REVIEW_DATE);
        Boolean reviewPassed = conclusion(l, REVIEW_RESULT);
        Integer days = number(l, TRAINING_DAYS);
        Integer hours = number(l, TRAINING_HOURS);
        LocalDate noticeStart = date(l, NOTICE_START);
        LocalDate noticeEnd = date(l, NOTICE_END);
        if ((noticeStart == null) != (noticeEnd == null)) {
            throw new CellError(noticeStart == null ? NOTICE_START : NOTICE_END, "公示须同时填写开始和结束日期");
        }
        if (noticeStart != null && noticeEnd.isBefore(noticeStart)) {
            throw new CellError(NOTICE_END, "公示结束日期（" + noticeEnd + "）早于开始日期（" + noticeStart + "）");
        }
        List<PreReview> preReviews = new ArrayList<>();
        preReview(l, PreReviewLevel.PARTY_COMMITTEE, COMMITTEE_DATE, COMMITTEE_RESULT, preReviews);
        preReview(l, PreReviewLevel.COUNTY_DEPARTMENT, COUNTY_DATE, COUNTY_RESULT, preReviews);
        Meeting admission = meeting(l, ADMISSION, DUE, PRESENT, FOR, WRITTEN);
        Integer extension = number(l, EXTENSION);
        Meeting conversion = meeting(l, CONVERSION, C_DUE, C_PRESENT, C_FOR, C_WRITTEN);
        return new Timeline(null, date(l, BIRTH), date(l, APPLICATION), date(l, TALK), date(l, ACTIVIST), assessments, date(l, TARGET),
                introducers, reviewDate == null && reviewPassed == null ? null : new Timeline.PoliticalReview(reviewDate, reviewPassed),
                days == null && hours == null ? null : new Timeline.Training(days, hours),
                noticeStart == null ? null : new Timeline.PublicNotice(noticeStart, noticeEnd), preReviews, admission,
                date(l, APPROVAL), extension == null || extension == 0 ? List.of() : List.of(new Timeline.Extension(extension)),
                conversion, date(l, CONVERSION_APPROVAL));
    }

    private static void preReview(Line l, PreReviewLevel level, String dateColumn, String resultColumn, List<PreReview> into) {
        LocalDate date = date(l, dateColumn);
        Boolean passed = conclusion(l, resultColumn);
        if (date == null && passed != null) {
            throw new CellError(dateColumn, "已填写预审结论，请填写预审日期");
        }
        if (date != null) {
            into.add(new PreReview(level, date, passed));
        }
    }

    private static Meeting meeting(Line l, String dateColumn, String due, String present, String votesFor, String written) {
        LocalDate date = date(l, dateColumn);
        Integer d = number(l, due);
        Integer p = number(l, present);
        Integer f = number(l, votesFor);
        Integer w = number(l, written);
        if (date == null && d == null && p == null && f == null && w == null) {
            return null;
        }
        String[] columns = {dateColumn, due, present, votesFor};
        Object[] values = {date, d, p, f};
        for (int i = 0; i < columns.length; i++) {
            if (values[i] == null) {
                throw new CellError(columns[i], "支部大会须填写日期、应到、实到和赞成人数");
            }
        }
        if (p > d) {
            throw new CellError(present, "实到人数（" + p + "）多于应到人数（" + d + "）");
        }
        return new Meeting(date, d, p, f, w == null ? 0 : w);
    }

    /** The column of a field the checker refused (its validation, for what the row conversion let through). */
    static String column(String field) {
        if (field.startsWith("training.hours")) {
            return TRAINING_HOURS;
        } else if (field.startsWith("training")) {
            return TRAINING_DAYS;
        } else if (field.startsWith("admissionMeeting.present")) {
            return PRESENT;
        } else if (field.startsWith("admissionMeeting.votesFor")) {
            return FOR;
        } else if (field.startsWith("admissionMeeting.writtenFor")) {
            return WRITTEN;
        } else if (field.startsWith("admissionMeeting")) {
            return DUE;
        } else if (field.startsWith("conversionMeeting.present")) {
            return C_PRESENT;
        } else if (field.startsWith("conversionMeeting.votesFor")) {
            return C_FOR;
        } else if (field.startsWith("conversionMeeting.writtenFor")) {
            return C_WRITTEN;
        } else if (field.startsWith("conversionMeeting")) {
            return C_DUE;
        } else if (field.startsWith("probationExtensions")) {
            return EXTENSION;
        } else if (field.startsWith("introducers[1]")) {
            return INTRODUCER_2;
        } else if (field.startsWith("introducers")) {
            return INTRODUCER_1;
        } else if (field.startsWith("publicNotice")) {
            return NOTICE_END;
        } else if (field.startsWith("preReviews")) {
            return COMMITTEE_DATE;
        }
        return null;
    }

    // ---- the tally ------------------------------------------------------------------------------

    private static final class Group {
        int audited;
        int rowsWithViolations;
        int violations;
    }

    private static final class Tally {
        final RecruitmentRuleSet rules;
        int rows;
        int audited;
        int rowsWithViolations;
        int violations;
        final Map<DevelopmentRule, int[]> byRule = new EnumMap<>(DevelopmentRule.class);
        final Map<String, Group> byBranch = new TreeMap<>();
        final Map<String, Group> byYear = new TreeMap<>();
        final List<ViolatingRow> violating = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();

        Tally(RecruitmentRuleSet rules) {
            this.rules = rules;
        }

        void add(Line line, DevelopmentChecker checker) {
            rows++;
            CheckResult result;
            String year;
            Timeline timeline;
            try {
                timeline = timeline(line);
                year = line.get(YEAR);
                if (!year.isEmpty() && !year.matches("(19|20)\\d{2}")) {
                    throw new CellError(YEAR, "应填写四位年份（如 2023）：“" + year + "”");
                }
                result = checker.check(timeline);
            } catch (CellError e) {
                errors.add(new RowError(line.row(), e.column, e.getMessage()));
                return;
            } catch (FieldErrors e) {
                FieldErrors.FieldError first = e.errors().getFirst();
                errors.add(new RowError(line.row(), column(first.field()), first.message()));
                return;
            }
            if (year.isEmpty()) {
                year = timeline.admissionMeeting() == null ? "未填年度" : Integer.toString(timeline.admissionMeeting().date().getYear());
            }
            String branch = line.get(BRANCH).isEmpty() ? "未填党支部" : line.get(BRANCH);
            audited++;
            int n = result.violations().size();
            Group b = byBranch.computeIfAbsent(branch, k -> new Group());
            Group y = byYear.computeIfAbsent(year, k -> new Group());
            b.audited++;
            y.audited++;
            if (n == 0) {
                return;
            }
            rowsWithViolations++;
            violations += n;
            b.rowsWithViolations++;
            b.violations += n;
            y.rowsWithViolations++;
            y.violations += n;
            List<Finding> findings = new ArrayList<>(n);
            java.util.EnumSet<DevelopmentRule> seen = java.util.EnumSet.noneOf(DevelopmentRule.class);
            for (CheckResult.Violation v : result.violations()) {
                int[] count = byRule.computeIfAbsent(v.rule(), k -> new int[2]);
                count[0]++;
                if (seen.add(v.rule())) {
                    count[1]++;
                }
                findings.add(new Finding(v.rule(), v.article(), v.message()));
            }
            violating.add(new ViolatingRow(line.row(), line.get(SEQ), line.get(NAME), branch, year, findings));
        }

        HistoricalAuditReport report(String fileName) {
            List<RuleCount> rules = new ArrayList<>();
            byRule.forEach((rule, c) -> rules.add(new RuleCount(rule, this.rules.article(rule), c[0], c[1])));
            rules.sort((a, b) -> Integer.compare(b.violations(), a.violations()));
            return new HistoricalAuditReport(fileName, this.rules.name(), rows, audited, rowsWithViolations, violations, rules,
                    groups(byBranch), groups(byYear), violating, errors);
        }

        private static List<GroupCount> groups(Map<String, Group> groups) {
            List<GroupCount> list = new ArrayList<>();
            groups.forEach((name, g) -> list.add(new GroupCount(name, g.audited, g.rowsWithViolations, g.violations)));
            return list;
        }
    }
}
