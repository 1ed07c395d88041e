package org.zugong.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.cadre.AnnualGrade;
import org.zugong.organization.OrganizationSummary;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;
import org.zugong.platform.upload.Xlsx;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/**
 * 批量录入: a unit's grades of a period entered through an Excel workbook. The template lists the unit's
 * included people not yet in 公示; the upload applies every row with a 等次 through
 * {@link AssessmentWorkflow#enter} in one transaction — all rows or none — and reports each failing row
 * by its Excel row number and column. Re-uploading an unchanged row (same grade and reason) is a no-op.
 */
@Service
class AssessmentBulkEntry {

    /** Uploads larger than this are not grade sheets of one unit. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 3000;
    static final String HOW = "批量录入";
    static final String SHEET = "批量录入";

    static final String COL_SEQ = "序号";
    static final String COL_ID = "人员编号";
    static final String COL_NAME = "姓名";
    static final String COL_ID_NUMBER = "身份证号";
    static final String COL_STAGE = "现环节";
    static final String COL_SUGGESTED = "平时考核建议";
    static final String COL_GRADE = "等次";
    static final String COL_REASON = "理由";

    /** The annual grades offered in the drop-down (the codes are accepted too). */
    static final List<AnnualGrade> ANNUAL_CHOICES = List.of(AnnualGrade.EXCELLENT, AnnualGrade.COMPETENT, AnnualGrade.BASICALLY_COMPETENT,
            AnnualGrade.INCOMPETENT, AnnualGrade.UNGRADED_PROBATION, AnnualGrade.UNGRADED_INVESTIGATION, AnnualGrade.UNGRADED_SANCTION,
            AnnualGrade.NOT_ASSESSED_LEAVE, AnnualGrade.NOT_ASSESSED_OTHER);

    /** One problem of an upload: the Excel row as the user sees it and the column's header, or null for the whole file. */
    record RowError(Integer row, String column, String message) implements java.io.Serializable {
    }

    /** What an upload did: the rows applied and left unchanged, or the errors (then nothing was stored). */
    record Report(int applied, int unchanged, List<RowError> errors) {

        boolean ok() {
            return errors.isEmpty();
        }

        static Report refused(String message) {
            return new Report(0, 0, List.of(new RowError(null, null, message)));
        }
    }

    /** A workbook to send. */
    record Template(String fileName, byte[] content, int rows) {
    }

    private final AssessmentPeriods periods;
    private final AssessmentScope scope;
    private final AssessmentRepository repository;
    private final AssessmentWorkflow workflow;
    private final Persons persons;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    AssessmentBulkEntry(AssessmentPeriods periods, AssessmentScope scope, AssessmentRepository repository, AssessmentWorkflow workflow,
                        Persons persons, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.periods = periods;
        this.scope = scope;
        this.repository = repository;
        this.workflow = workflow;
        this.persons = persons;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- template -------------------------------------------------------------------------------

    /** The template of a unit: its included people not yet in 公示 or confirmed, their ID numbers masked. Audited. */
    Template template(long periodId, long orgId) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        OrganizationSummary unit = scope.requireUnit(period, orgId);
        periods.requireOpen(period);
        return transactions.execute(status -> {
            List<AssessmentResult> rows = unitResults(period, orgId).stream()
                    .filter(r -> r.included() && r.stage() != AssessmentStage.CONFIRMED && r.publicityFrom() == null).toList();
            Map<Long, PersonRecord> records = persons.records(rows.stream().map(AssessmentResult::personId).toList());
            byte[] content = workbook(period, unit, rows, records);
            audit.record("ASSESSMENT_TEMPLATE", "assessment_period", periodId,
                    unit.name() + " 下载" + period.name() + "批量录入模板（" + rows.size() + " 人，身份证号已脱敏）");
            return new Template("批量录入-" + unit.name() + "-" + period.name() + ".xlsx", content, rows.size());
        });
    }

    private static List<String> headers(AssessmentPeriod period) {
        List<String> h = new ArrayList<>(List.of(COL_SEQ, COL_ID, COL_NAME, COL_ID_NUMBER, COL_STAGE));
        if (period.annual()) {
            h.add(COL_SUGGESTED);
        }
        h.add(COL_GRADE);
        h.add(COL_REASON);
        return h;
    }

    private static List<String> gradeChoices(AssessmentPeriod period) {
        return period.annual() ? ANNUAL_CHOICES.stream().map(AnnualGrade::chineseName).toList()
                : Arrays.stream(RoutineGrade.values()).map(Enum::name).toList();
    }

    static String note(AssessmentPeriod period, OrganizationSummary unit) {
        String grades = period.annual()
                ? "优秀、称职、基本称职、不称职、不定等次（试用期/立案审查/受处分期间）、不进行考核（病事假超过半年/其他），也可填写代码 1、2、3、4、5A、5B、5C、6A、6B"
                : "好、较好、一般、较差";
        return "填写说明：本表为" + unit.name() + "“" + period.name() + "”的批量录入模板，列出尚未公示的考核对象。"
                + "请在“等次”列选择或填写等次（" + grades + "）；“等次”留空的行不录入。"
                + (period.annual() ? "不定等次、不进行考核，以及与平时考核建议不一致的等次，须在“理由”列写明理由。" : "")
                + "请勿修改“人员编号”“姓名”列。上传时逐行检查，任何一行有误则全部不录入，并列出出错的行和列；"
                + "录入后进入“公示”环节，开始公示前可修改后重新上传（等次和理由未变的行不重复录入）。";
    }

    private static byte[] workbook(AssessmentPeriod period, OrganizationSummary unit, List<AssessmentResult> rows,
                                   Map<Long, PersonRecord> records) {
        List<String> headers = headers(period);
        int gradeCol = headers.indexOf(COL_GRADE);
        int reasonCol = headers.indexOf(COL_REASON);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle noteStyle = org.zugong.platform.excel.TemplateStyles.note(wb);
            CellStyle headerStyle = org.zugong.platform.excel.TemplateStyles.header(wb);
            CellStyle locked = wb.createCellStyle();
            locked.setLocked(true);
            CellStyle input = wb.createCellStyle();
            input.setLocked(false);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input.setWrapText(true);

            Row noteRow = sheet.createRow(0);
            noteRow.setHeightInPoints(72);
            Cell noteCell = noteRow.createCell(0);
            noteCell.setCellValue(note(period, unit));
            noteCell.setCellStyle(noteStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));

            Row header = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, 256 * switch (headers.get(i)) {
                    case COL_SEQ -> 6;
                    case COL_ID -> 12;
                    case COL_NAME -> 12;
                    case COL_ID_NUMBER -> 22;
                    case COL_STAGE -> 10;
                    case COL_SUGGESTED -> 14;
                    case COL_GRADE -> 28;
                    default -> 50;
                });
            }
            int r = 2;
            for (AssessmentResult result : rows) {
                Row row = sheet.createRow(r);
                PersonRecord person = records.get(result.personId());
                List<String> values = new ArrayList<>();
                values.add(Integer.toString(r - 1));
                values.add(Long.toString(result.personId()));
                values.add(result.name());
                values.add(person == null ? "" : person.maskedIdNumber());
                values.add(result.stage().chineseName());
                if (period.annual()) {
                    values.add(result.suggestedGrade() == null ? "" : period.gradeName(result.suggestedGrade()));
                }
                boolean proposed = result.stage() == AssessmentStage.PUBLICITY && result.grade() != null;
                values.add(proposed ? period.gradeName(result.grade()) : "");
                values.add(proposed && result.gradeReason() != null ? result.gradeReason() : "");
                for (int i = 0; i < values.size(); i++) {
                    Cell c = row.createCell(i);
                    if (i == 0) {
                        c.setCellValue(r - 1);
                    } else {
                        c.setCellValue(values.get(i));
                    }
                    c.setCellStyle(i == gradeCol || i == reasonCol ? input : locked);
                }
                r++;
            }
            if (!rows.isEmpty()) {
                XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
                DataValidation validation = helper.createValidation(
                        helper.createExplicitListConstraint(gradeChoices(period).toArray(String[]::new)),
                        new CellRangeAddressList(2, r - 1, gradeCol, gradeCol));
                // A warning only: the annual codes (1, 2, 5A, …) typed in are accepted as well.
                validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                validation.createErrorBox("等次", "请从下拉列表中选择等次" + (period.annual() ? "，或填写等次代码" : ""));
                validation.setShowErrorBox(true);
                validation.setSuppressDropDownArrow(true);
                sheet.addValidationData(validation);
            }
            sheet.createFreezePane(0, 2);
            // Only 等次 and 理由 can be edited; no password (the protection guards against slips, not people).
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            sheet.protectSheet("");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** All results assessed by the unit itself (not its subtree), in the jurisdiction. */
    private List<AssessmentResult> unitResults(AssessmentPeriod period, long orgId) {
        SqlCondition base = periods.where(period, orgId);
        Map<String, Object> params = new HashMap<>(base.params());
        params.put("bulkUnit", orgId);
        return repository.results(period.id(), new SqlCondition(base.sql() + " AND r.org_id = :bulkUnit", params),
                "p.name, r.person_id", 100_000, 0);
    }

    // ---- upload ---------------------------------------------------------------------------------

    /** One filled row of the upload. */
    record Line(int row, String personId, String name, String grade, String reason) {
    }

    /**
     * Reads the upload and applies it in one transaction, all rows or none. Access to the period and unit
     * is checked first (404, audited); a file that cannot be read is refused as a whole.
     */
    Report upload(long periodId, long orgId, MultipartFile file) {
        AssessmentPeriod period = scope.requirePeriod(periodId);
        OrganizationSummary unit = scope.requireUnit(period, orgId);
        periods.requireOpen(period);
        String fileName = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        Report report;
        try {
            List<Line> lines = read(file);
            report = transactions.execute(status -> {
                Report r = apply(period, unit, lines, fileName);
                if (!r.ok()) {
                    status.setRollbackOnly();
                }
                return r;
            });
        } catch (Refused e) {
            report = Report.refused(e.getMessage());
        }
        if (!report.ok()) {
            audit.recordAlone("ASSESSMENT_BULK_ENTRY", "assessment_period", periodId,
                    unit.name() + " 批量录入未成功（" + report.errors().size() + " 处错误，未录入任何数据）：" + fileName + "；"
                            + describe(report.errors().getFirst()), AuditOutcome.FAILURE);
        }
        return report;
    }

    static String describe(RowError e) {
        return (e.row() == null ? "" : "第 " + e.row() + " 行") + (e.column() == null ? "" : "“" + e.column() + "”列") + (e.row() == null
                && e.column() == null ? "" : "：") + e.message();
    }

    /** A file refused as a whole. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static List<Line> read(MultipartFile file) {
        try {
            return lines(Upload.accept(file, "文件", MAX_BYTES, FileType.XLSX).content());
        } catch (UploadRefused e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * The filled rows of a workbook already known to be an .xlsx package (see {@link Upload#accept}).
     * Throws only {@link Refused} for a bad file (kept so by {@code AssessmentBulkReadingFuzzTests}).
     */
    static List<Line> lines(byte[] content) {
        XSSFWorkbook workbook;
        try {
            workbook = Xlsx.open(content);
        } catch (UploadRefused e) {
            throw new Refused(e.getMessage());
        }
        try (XSSFWorkbook wb = workbook) {
            return lines(wb);
        } catch (IOException e) {
            throw new Refused("文件读取失败，请重新上传");
        }
    }

    private static List<Line> lines(XSSFWorkbook wb) {
        Sheet sheet = Optional.ofNullable((Sheet) wb.getSheet(SHEET)).orElse(wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null);
        if (sheet == null) {
            throw new Refused("工作簿中没有工作表，请使用下载的模板");
        }
        DataFormatter format = new DataFormatter(Locale.CHINA);
        int headerRow = -1;
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = sheet.getFirstRowNum(); i >= 0 && i <= Math.min(sheet.getLastRowNum(), 9) && headerRow < 0; i++) {
            Row row = sheet.getRow(i);
            if (row == null) {
                continue;
            }
            Map<String, Integer> found = new LinkedHashMap<>();
            for (Cell cell : row) {
                found.putIfAbsent(format.formatCellValue(cell).strip(), cell.getColumnIndex());
            }
            if (found.containsKey(COL_ID) && found.containsKey(COL_GRADE)) {
                headerRow = i;
                columns = found;
            }
        }
        if (headerRow < 0) {
            throw new Refused("未找到表头（须有“人员编号”和“等次”列），请使用下载的模板");
        }
        if (sheet.getLastRowNum() - headerRow > MAX_ROWS) {
            throw new Refused("行数过多（超过 " + MAX_ROWS + " 行），请只填写本单位的考核对象");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = headerRow + 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (row == null) {
                continue;
            }
            String grade = text(row, columns.get(COL_GRADE), format);
            if (grade.isEmpty()) {
                continue;
            }
            lines.add(new Line(i + 1, text(row, columns.get(COL_ID), format), text(row, columns.get(COL_NAME), format), grade,
                    text(row, columns.get(COL_REASON), format)));
        }
        return lines;
    }

    private static String text(Row row, Integer column, DataFormatter format) {
        if (column == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        return cell == null ? "" : format.formatCellValue(cell).strip();
    }

    private Report apply(AssessmentPeriod period, OrganizationSummary unit, List<Line> lines, String fileName) {
        if (lines.isEmpty()) {
            return Report.refused("文件中没有填写“等次”的行，未录入任何数据");
        }
        Map<Long, AssessmentResult> results = new HashMap<>();
        for (AssessmentResult r : unitResults(period, unit.id())) {
            results.put(r.personId(), r);
        }
        UnitProgress before = periods.unit(period, unit.id());
        List<RowError> errors = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        int applied = 0;
        int unchanged = 0;
        for (Line line : lines) {
            long personId;
            try {
                personId = Long.parseLong(line.personId());
            } catch (NumberFormatException e) {
                errors.add(new RowError(line.row(), COL_ID, line.personId().isEmpty() ? "缺少人员编号" : "人员编号“" + line.personId() + "”无效"));
                continue;
            }
            Integer first = seen.putIfAbsent(personId, line.row());
            if (first != null) {
                errors.add(new RowError(line.row(), COL_ID, "与第 " + first + " 行是同一人员，每人只能填写一行"));
                continue;
            }
            AssessmentResult result = results.get(personId);
            if (result == null) {
                errors.add(new RowError(line.row(), COL_ID, "该人员不是" + unit.name() + "本次考核的对象"));
                continue;
            }
            if (!line.name().isEmpty() && !line.name().equals(result.name())) {
                errors.add(new RowError(line.row(), COL_NAME, "姓名与人员编号不符（人员编号 " + personId + " 为 " + result.name() + "）"));
                continue;
            }
            if (!result.included()) {
                errors.add(new RowError(line.row(), COL_ID, result.name() + "不参加本次考核"));
                continue;
            }
            if (result.stage() == AssessmentStage.CONFIRMED) {
                errors.add(new RowError(line.row(), COL_GRADE, result.name() + "的考核结果已确认，不能修改"));
                continue;
            }
            if (result.publicityFrom() != null) {
                errors.add(new RowError(line.row(), COL_GRADE, result.name() + "的考核结果已在公示中，不能修改（如需更改请先退回）"));
                continue;
            }
            String grade = grade(period, line.grade());
            if (grade == null) {
                errors.add(new RowError(line.row(), COL_GRADE, "等次“" + line.grade() + "”无效，应为 " + (period.annual()
                        ? "优秀、称职、基本称职、不称职、不定等次（试用期/立案审查/受处分期间）、不进行考核（病事假超过半年/其他）或代码 1、2、3、4、5A、5B、5C、6A、6B"
                        : "好、较好、一般、较差")));
                continue;
            }
            String reason = line.reason().isEmpty() ? null : line.reason();
            if (result.stage() == AssessmentStage.PUBLICITY && grade.equals(result.grade()) && Objects.equals(reason, result.gradeReason())) {
                unchanged++;
                continue;
            }
            try {
                workflow.enter(period, result, grade, reason, HOW);
                applied++;
            } catch (FieldErrors e) {
                for (FieldErrors.FieldError f : e.errors()) {
                    errors.add(new RowError(line.row(), "reason".equals(f.field()) ? COL_REASON : COL_GRADE, f.message()));
                }
            } catch (EditConflictException | BusinessRuleException e) {
                errors.add(new RowError(line.row(), COL_GRADE, e.getMessage()));
            }
        }
        if (errors.isEmpty() && applied > 0) {
            UnitProgress after = periods.unit(period, unit.id());
            if (after.overQuota() > 0 && after.excellentUsed() > before.excellentUsed()) {
                String what = period.annual() ? "优秀" : "好";
                errors.add(new RowError(null, COL_GRADE, "录入后" + unit.name() + "“" + what + "”等次将有 " + after.excellentUsed()
                        + " 人，超出名额 " + after.overQuota() + " 人（参加考核 " + after.assessed() + " 人，比例 " + after.percent() + "%，最多 "
                        + after.excellentAllowed() + " 人" + (period.annual() && !after.approved() ? "；确需提高至25%须报批" : "")
                        + "），未录入任何数据"));
            }
        }
        if (!errors.isEmpty()) {
            return new Report(0, 0, errors);
        }
        audit.record("ASSESSMENT_BULK_ENTRY", "assessment_period", period.id(),
                unit.name() + " 批量录入" + period.name() + "等次 " + applied + " 人" + (unchanged > 0 ? "（另 " + unchanged + " 人未变）" : "")
                        + "：" + fileName);
        return new Report(applied, unchanged, List.of());
    }

    /** The stored grade for what was typed or chosen: a name or (annual) a code; null if neither. */
    static String grade(AssessmentPeriod period, String typed) {
        String t = typed.strip().replace('(', '（').replace(')', '）').replace(" ", "");
        if (!period.annual()) {
            return RoutineGrade.of(t).map(Enum::name).orElse(null);
        }
        String code = t.toUpperCase(Locale.ROOT);
        return Arrays.stream(AnnualGrade.values()).filter(g -> g.chineseName().equals(t) || g.code().equals(code)).findFirst()
                .map(AnnualGrade::code).orElse(null);
    }
}
