package org.zugong.recruitment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zugong.platform.upload.Xlsx;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The Excel template of the 排查整顿 (one row per historical 党员发展 record) and its streaming reader: the
 * sheet is parsed with POI's event API (SAX), so a workbook of 100,000 rows is read without holding its
 * cells; POI's zip-bomb limits (ZipSecureFile) apply as configured.
 */
public final class HistoricalAuditWorkbook {

    public static final String SHEET = "党员发展档案排查";
    public static final String SEQ = "序号";
    public static final String NAME = "姓名";
    public static final String BRANCH = "所在党支部";
    public static final String YEAR = "年度";
    public static final String BIRTH = "出生日期";
    public static final String APPLICATION = "递交申请书日期";
    public static final String TALK = "谈话日期";
    public static final String ACTIVIST = "确定积极分子日期";
    public static final String ASSESSMENTS = "考察日期（多个用；分隔）";
    public static final String TARGET = "确定发展对象日期";
    public static final String INTRODUCER_1 = "入党介绍人1身份";
    public static final String INTRODUCER_2 = "入党介绍人2身份";
    public static final String REVIEW_DATE = "政审日期";
    public static final String REVIEW_RESULT = "政审结论";
    public static final String TRAINING_DAYS = "培训天数";
    public static final String TRAINING_HOURS = "培训学时";
    public static final String NOTICE_START = "公示开始";
    public static final String NOTICE_END = "公示结束";
    public static final String COMMITTEE_DATE = "党委预审日期";
    public static final String COMMITTEE_RESULT = "党委预审结论";
    public static final String COUNTY_DATE = "县委组织部预审日期";
    public static final String COUNTY_RESULT = "县委组织部预审结论";
    public static final String ADMISSION = "支部大会日期";
    public static final String DUE = "应到";
    public static final String PRESENT = "实到";
    public static final String FOR = "赞成";
    public static final String WRITTEN = "书面赞成";
    public static final String APPROVAL = "审批日期";
    public static final String EXTENSION = "延长预备期月数";
    public static final String CONVERSION = "转正大会日期";
    public static final String C_DUE = "转正应到";
    public static final String C_PRESENT = "转正实到";
    public static final String C_FOR = "转正赞成";
    public static final String C_WRITTEN = "转正书面赞成";
    public static final String CONVERSION_APPROVAL = "转正审批日期";

    /** The columns in template order. */
    public static final List<String> COLUMNS = List.of(SEQ, NAME, BRANCH, YEAR, BIRTH, APPLICATION, TALK, ACTIVIST, ASSESSMENTS,
            TARGET, INTRODUCER_1, INTRODUCER_2, REVIEW_DATE, REVIEW_RESULT, TRAINING_DAYS, TRAINING_HOURS, NOTICE_START, NOTICE_END,
            COMMITTEE_DATE, COMMITTEE_RESULT, COUNTY_DATE, COUNTY_RESULT, ADMISSION, DUE, PRESENT, FOR, WRITTEN, APPROVAL, EXTENSION,
            CONVERSION, C_DUE, C_PRESENT, C_FOR, C_WRITTEN, CONVERSION_APPROVAL);

    static final List<String> INTRODUCER_CHOICES = List.of("正式党员", "预备党员", "受留党察看处分");
    static final List<String> RESULT_CHOICES = List.of("合格", "不合格");

    /** The first row of data in the template (0-based): note, header, then data. */
    public static final int FIRST_DATA_ROW = 2;

    public static final String NOTE = "填写说明：每行填写一名党员的发展档案（历史记录排查）。日期填写为 yyyy-MM-dd 格式的文本（如 2023-06-01）"
            + "或 Excel 日期；“考察日期”可填写多个，用“；”分隔；入党介绍人身份填写“正式党员”“预备党员”或“受留党察看处分”；"
            + "政审和预审结论填写“合格”或“不合格”；培训天数、学时、应到、实到、赞成、书面赞成、延长预备期月数填写整数。"
            + "尚未进行的环节留空。“年度”为接收预备党员的年度（留空时按支部大会日期的年份统计）。"
            + "上传后逐行检查：格式有误的行列出行号和列名且不参加排查，其余各行照常排查。文件不超过 20MB（约十万行），只接受 .xlsx。";

    private HistoricalAuditWorkbook() {
    }

    /** The empty template. */
    public static byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle noteStyle = org.zugong.platform.excel.TemplateStyles.note(wb);
            CellStyle headerStyle = org.zugong.platform.excel.TemplateStyles.header(wb);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Row noteRow = sheet.createRow(0);
            noteRow.setHeightInPoints(90);
            Cell noteCell = noteRow.createCell(0);
            noteCell.setCellValue(NOTE);
            noteCell.setCellStyle(noteStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 15));
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(COLUMNS.get(i));
                c.setCellStyle(headerStyle);
                String name = COLUMNS.get(i);
                sheet.setColumnWidth(i, 256 * (name.equals(SEQ) ? 6 : name.equals(BRANCH) ? 24 : name.equals(ASSESSMENTS) ? 26 : 13));
                if (name.endsWith("日期") || name.startsWith("公示") || name.equals(ASSESSMENTS)) {
                    sheet.setDefaultColumnStyle(i, text);
                }
            }
            XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
            list(sheet, helper, INTRODUCER_CHOICES, INTRODUCER_1, INTRODUCER_2);
            list(sheet, helper, RESULT_CHOICES, REVIEW_RESULT, COMMITTEE_RESULT, COUNTY_RESULT);
            sheet.createFreezePane(2, FIRST_DATA_ROW);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void list(XSSFSheet sheet, XSSFDataValidationHelper helper, List<String> choices, String... columns) {
        for (String column : columns) {
            int i = COLUMNS.indexOf(column);
            DataValidation v = helper.createValidation(helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                    new CellRangeAddressList(FIRST_DATA_ROW, 200_000, i, i));
            v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            v.setShowErrorBox(true);
            v.setSuppressDropDownArrow(true);
            sheet.addValidationData(v);
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /** A filled row: its Excel row number (1-based, as the user sees it) and its cells by header. */
    public record Line(int row, Map<String, String> cells) {

        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    /** A workbook refused as a whole, with the reason for the user. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Streams the first sheet of an .xlsx file: finds the header among the first ten rows and hands every
     * non-empty row after it to {@code sink}; at most {@code maxRows} rows.
     */
    public static void read(Path file, int maxRows, Consumer<Line> sink) {
        try (OPCPackage pkg = Xlsx.open(file)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Refused("工作簿中没有工作表，请使用下载的模板");
            }
            Handler handler = new Handler(maxRows, sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
            if (handler.header == null) {
                throw new Refused("未找到表头（须有“姓名”和“出生日期”等列），请使用下载的模板");
            }
        } catch (Refused e) {
            throw e;
        } catch (SinkFailed e) {
            throw e.getCause(); // a failure of the caller's row handling is not a broken file
        } catch (Exception | LinkageError e) {
            throw new Refused(Xlsx.refusal(e).getMessage());
        }
    }

    /** Carries an exception of the row consumer through the XML parser, to be rethrown as it was. */
    private static final class SinkFailed extends RuntimeException {
        SinkFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Dates of numeric cells with a date format come out as yyyy-MM-dd, whatever their display format. */
    static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.CHINA);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int maxRows;
        private final Consumer<Line> sink;
        private Map<Integer, String> header;
        private Map<Integer, String> current = new HashMap<>();
        private int nextColumn;
        private int lines;

        Handler(int maxRows, Consumer<Line> sink) {
            this.maxRows = maxRows;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            current = new HashMap<>();
            nextColumn = 0;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            if (formattedValue != null && !formattedValue.isBlank()) {
                current.put(column, formattedValue.strip());
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                if (rowNum < 10 && current.containsValue(NAME) && current.containsValue(BIRTH)) {
                    header = new HashMap<>(current);
                }
                return;
            }
            if (current.isEmpty()) {
                return;
            }
            Map<String, String> cells = new HashMap<>();
            current.forEach((column, value) -> {
                String name = header.get(column);
                if (name != null) {
                    cells.put(name, value);
                }
            });
            if (cells.isEmpty()) {
                return;
            }
            if (++lines > maxRows) {
                throw new Refused("行数过多（超过 " + maxRows + " 行），请分批上传");
            }
            try {
                sink.accept(new Line(rowNum + 1, cells));
            } catch (RuntimeException e) {
                throw new SinkFailed(e);
            }
        }
    }
}
