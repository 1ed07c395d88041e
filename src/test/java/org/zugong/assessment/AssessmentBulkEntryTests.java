package org.zugong.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

/** 批量录入: the Excel template of a unit and its upload, applied all rows or none. */
class AssessmentBulkEntryTests extends IntegrationTest {

    private static final int YEAR = LocalDate.now().getYear();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DataFormatter FORMAT = new DataFormatter();

    /** A unit of the county with at least {@code min} cadre files and no period of this year yet. */
    private long unitWithCadres(int county, int min) {
        return jdbc.sql("""
                SELECT c.org_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :county) || '%'
                  AND NOT EXISTS (SELECT 1 FROM assessment_period a WHERE a.org_id = o.id AND a.year = :y)
                GROUP BY c.org_id HAVING count(*) >= :min ORDER BY count(*) DESC, c.org_id LIMIT 1""")
                .param("county", county(county)).param("y", YEAR).param("min", min).query(Long.class).single();
    }

    private long open(String user, long orgId) throws Exception {
        String body = mvc.perform(post("/api/v1/assessment/periods").header(HttpHeaders.AUTHORIZATION, bearer(user))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"ANNUAL\",\"year\":" + YEAR + ",\"orgId\":" + orgId + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("\\D", ""));
    }

    private List<Long> people(long period, long orgId) {
        return jdbc.sql("SELECT person_id FROM assessment_result WHERE period_id = :p AND org_id = :o AND included ORDER BY person_id")
                .param("p", period).param("o", orgId).query(Long.class).list();
    }

    private String base(long period, long unit) {
        return "/assessment/periods/" + period + "/units/" + unit;
    }

    private XSSFWorkbook template(String user, long period, long unit) throws Exception {
        byte[] xlsx = mvc.perform(get(base(period, unit) + "/template.xlsx").session(session(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static int column(XSSFSheet sheet, String header) {
        for (var cell : sheet.getRow(1)) {
            if (header.equals(FORMAT.formatCellValue(cell))) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    /** Fills 等次 (and 理由) of every data row. */
    private static byte[] filled(XSSFWorkbook wb, String grade) throws Exception {
        XSSFSheet sheet = wb.getSheetAt(0);
        int g = column(sheet, "等次");
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            sheet.getRow(i).getCell(g).setCellValue(grade);
        }
        return bytes(wb);
    }

    private static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private ResultActions apiUpload(String user, long period, long unit, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1" + base(period, unit) + "/upload").file(new MockMultipartFile("file", name, XLSX, content))
                .header(HttpHeaders.AUTHORIZATION, bearer(user)));
    }

    private long count(String sql, long period, long unit) {
        return jdbc.sql(sql).param("p", period).param("o", unit).query(Long.class).single();
    }

    private long stepsOf(long period, long unit) {
        return count("""
                SELECT count(*) FROM assessment_step s JOIN assessment_result r ON r.period_id = s.period_id AND r.person_id = s.person_id
                WHERE s.period_id = :p AND r.org_id = :o""", period, unit);
    }

    private long inPublicity(long period, long unit) {
        return count("SELECT count(*) FROM assessment_result WHERE period_id = :p AND org_id = :o AND stage = 'PUBLICITY'", period, unit);
    }

    @Test
    void theTemplateListsTheUnitsPeopleWithTheColumnsAndADropDownAndIsAudited() throws Exception {
        long unit = unitWithCadres(1, 3);
        long period = open("county1", unit);
        List<Long> people = people(period, unit);
        long before = auditCount("ASSESSMENT_TEMPLATE");
        try (XSSFWorkbook wb = template("county1", period, unit)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(FORMAT.formatCellValue(sheet.getRow(0).getCell(0))).contains("填写说明").contains("理由");
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(c -> headers.add(FORMAT.formatCellValue(c)));
            assertThat(headers).containsExactly("序号", "人员编号", "姓名", "身份证号", "现环节", "平时考核建议", "等次", "理由");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(people.size());
            List<Long> ids = new ArrayList<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                ids.add(Long.parseLong(FORMAT.formatCellValue(row.getCell(1))));
                assertThat(FORMAT.formatCellValue(row.getCell(0))).isEqualTo(Integer.toString(i - 1));
                assertThat(FORMAT.formatCellValue(row.getCell(3))).contains("********");
                assertThat(FORMAT.formatCellValue(row.getCell(4))).isEqualTo("个人小结");
                assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
                assertThat(row.getCell(6).getCellStyle().getLocked()).isFalse();
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(people);
            assertThat(sheet.getDataValidations()).hasSize(1);
            assertThat(sheet.getDataValidations().getFirst().getValidationConstraint().getExplicitListValues())
                    .contains("优秀", "称职", "基本称职", "不称职", "不定等次（试用期）");
            assertThat(sheet.getColumnWidth(7)).isGreaterThan(sheet.getColumnWidth(0));
            assertThat(sheet.getProtect()).isTrue();
        }
        assertThat(auditCount("ASSESSMENT_TEMPLATE")).isEqualTo(before + 1);
        // The unit page offers it to a manager.
        mvc.perform(get(base(period, unit)).session(session("county1"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("id=\"bulk-upload\""), Matchers.containsString("template.xlsx"))));
    }

    @Test
    void aFilledUploadAppliesEveryRowAndTheSameFileAgainChangesNothing() throws Exception {
        long unit = unitWithCadres(2, 3);
        long period = open("county2", unit);
        List<Long> people = people(period, unit);
        byte[] file;
        try (XSSFWorkbook wb = template("county2", period, unit)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            int g = column(sheet, "等次");
            int r = column(sheet, "理由");
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                sheet.getRow(i).getCell(g).setCellValue("称职");
            }
            // Codes are accepted as well as names; 不定等次 needs its reason.
            sheet.getRow(3).getCell(g).setCellValue("2");
            sheet.getRow(2).getCell(g).setCellValue("不定等次（试用期）");
            sheet.getRow(2).getCell(r).setCellValue("新录用试用期内");
            file = bytes(wb);
        }
        long audited = auditCount("ASSESSMENT_BULK_ENTRY");
        apiUpload("county2", period, unit, "批量录入.xlsx", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(people.size())).andExpect(jsonPath("$.unchanged").value(0));
        assertThat(inPublicity(period, unit)).isEqualTo(people.size());
        assertThat(count("SELECT count(*) FROM assessment_result WHERE period_id = :p AND org_id = :o AND grade = '2'", period, unit))
                .isEqualTo(people.size() - 1);
        assertThat(count("SELECT count(*) FROM assessment_result WHERE period_id = :p AND org_id = :o AND grade = '5A' AND grade_reason = '新录用试用期内'",
                period, unit)).isOne();
        assertThat(count("""
                SELECT count(*) FROM assessment_step s JOIN assessment_result r ON r.period_id = s.period_id AND r.person_id = s.person_id
                WHERE s.period_id = :p AND r.org_id = :o AND s.note LIKE '批量录入：%' AND s.done_by = 'county2'""", period, unit))
                .isEqualTo(people.size());
        assertThat(auditCount("ASSESSMENT_BULK_ENTRY")).isEqualTo(audited + 1);
        // A double submit: nothing is applied twice.
        long steps = stepsOf(period, unit);
        apiUpload("county2", period, unit, "批量录入.xlsx", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0)).andExpect(jsonPath("$.unchanged").value(people.size()));
        assertThat(stepsOf(period, unit)).isEqualTo(steps);
        // Once 公示 has started the rows are refused.
        jdbc.sql("UPDATE assessment_result SET publicity_from = CURRENT_DATE, publicity_to = CURRENT_DATE + 7 WHERE period_id = :p AND org_id = :o")
                .param("p", period).param("o", unit).update();
        apiUpload("county2", period, unit, "批量录入.xlsx", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("公示")));
    }

    @Test
    void oneBadRowStoresNothingAndTheReportNamesItsRowAndColumn() throws Exception {
        long unit = unitWithCadres(3, 3);
        long period = open("county3", unit);
        byte[] file;
        try (XSSFWorkbook wb = template("county3", period, unit)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            filled(wb, "称职");
            sheet.getRow(3).getCell(column(sheet, "等次")).setCellValue("很好"); // Excel row 4
            file = bytes(wb);
        }
        long steps = stepsOf(period, unit);
        apiUpload("county3", period, unit, "a.xlsx", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("等次"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("很好")));
        assertThat(inPublicity(period, unit)).isZero();
        assertThat(stepsOf(period, unit)).isEqualTo(steps);
        // The page shows the same report on the unit page.
        var session = session("county3");
        var result = mvc.perform(multipart(base(period, unit) + "/upload").file(new MockMultipartFile("file", "a.xlsx", XLSX, file))
                        .session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", Matchers.containsString("共 1 处错误")))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<AssessmentBulkEntry.RowError> errors = (List<AssessmentBulkEntry.RowError>) result.getFlashMap().get("bulkErrors");
        assertThat(errors).containsExactly(new AssessmentBulkEntry.RowError(4, "等次", errors.getFirst().message()));
        mvc.perform(get(base(period, unit)).session(session).flashAttrs(result.getFlashMap())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        Matchers.containsString("id=\"bulk-errors\"")));
        assertThat(inPublicity(period, unit)).isZero();
        // A missing reason for 不定等次 names the 理由 column.
        try (XSSFWorkbook wb = template("county3", period, unit)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            filled(wb, "称职");
            sheet.getRow(2).getCell(column(sheet, "等次")).setCellValue("5B");
            file = bytes(wb);
        }
        apiUpload("county3", period, unit, "a.xlsx", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("理由"));
        assertThat(inPublicity(period, unit)).isZero();
    }

    @Test
    void aRowNamingAPersonOfAnotherUnitOrTwiceTheSamePersonIsRefused() throws Exception {
        long unit = unitWithCadres(4, 3);
        long period = open("county4", unit);
        byte[] file;
        try (XSSFWorkbook wb = template("county4", period, unit)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            filled(wb, "称职");
            int id = column(sheet, "人员编号");
            int name = column(sheet, "姓名");
            sheet.getRow(2).getCell(id).setCellValue(Long.toString(personInCounty(5)));
            sheet.getRow(2).getCell(name).setCellValue("");
            sheet.getRow(4).getCell(id).setCellValue(FORMAT.formatCellValue(sheet.getRow(3).getCell(id)));
            sheet.getRow(4).getCell(name).setCellValue(FORMAT.formatCellValue(sheet.getRow(3).getCell(name)));
            file = bytes(wb);
        }
        apiUpload("county4", period, unit, "a.xlsx", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("人员编号"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不是")))
                .andExpect(jsonPath("$.errors[1].row").value(5)).andExpect(jsonPath("$.errors[1].message").value(Matchers.containsString("第 4 行")));
        assertThat(inPublicity(period, unit)).isZero();
    }

    @Test
    void aFileThatIsNotAnXlsxWorkbookGetsAClearError() throws Exception {
        long unit = unitWithCadres(5, 3);
        long period = open("county5", unit);
        apiUpload("county5", period, unit, "grades.csv", "人员编号,等次\n1,称职\n".getBytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(".xlsx")));
        apiUpload("county5", period, unit, "grades.xlsx", "this is not a workbook".getBytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("无法读取")));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not excel".getBytes());
        }
        apiUpload("county5", period, unit, "grades.xlsx", zip.toByteArray()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("无法读取")));
        // A truncated template is corrupt too.
        byte[] good;
        try (XSSFWorkbook wb = template("county5", period, unit)) {
            good = filled(wb, "称职");
        }
        apiUpload("county5", period, unit, "grades.xlsx", java.util.Arrays.copyOf(good, good.length / 2))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("无法读取")));
        // A sheet without the template's header.
        byte[] other;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("姓名");
            other = bytes(wb);
        }
        apiUpload("county5", period, unit, "grades.xlsx", other).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("表头")));
        // The page says the same as a flash message.
        mvc.perform(multipart(base(period, unit) + "/upload").file(new MockMultipartFile("file", "grades.doc", "application/msword", new byte[10]))
                        .session(session("county5")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", Matchers.containsString(".xlsx")));
        assertThat(inPublicity(period, unit)).isZero();
    }

    @Test
    void anotherCountyGets404AndTheAttemptIsAudited() throws Exception {
        long unit = unitWithCadres(1, 3);
        long period = open("county1", unit);
        byte[] file;
        try (XSSFWorkbook wb = template("county1", period, unit)) {
            file = filled(wb, "称职");
        }
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get(base(period, unit) + "/template.xlsx").session(session("county2"))).andExpect(status().isNotFound());
        apiUpload("county2", period, unit, "a.xlsx", file).andExpect(status().isNotFound());
        mvc.perform(multipart(base(period, unit) + "/upload").file(new MockMultipartFile("file", "a.xlsx", XLSX, file))
                .session(session("county2")).with(csrf())).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThanOrEqualTo(denied + 3);
        assertThat(inPublicity(period, unit)).isZero();
    }

    @Test
    void anUploadOverTheExcellentQuotaIsRefusedWithTheExcess() throws Exception {
        long unit = unitWithCadres(6, 5);
        long period = open("county6", unit);
        int n = people(period, unit).size();
        int allowed = AssessmentRules.allowed(n, 20);
        byte[] file;
        try (XSSFWorkbook wb = template("county6", period, unit)) {
            file = filled(wb, "优秀");
        }
        apiUpload("county6", period, unit, "a.xlsx", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("超出名额 " + (n - allowed) + " 人")));
        assertThat(inPublicity(period, unit)).isZero();
        // Within the quota it goes through.
        try (XSSFWorkbook wb = template("county6", period, unit)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            filled(wb, "称职");
            for (int i = 0; i < allowed; i++) {
                sheet.getRow(2 + i).getCell(column(sheet, "等次")).setCellValue("优秀");
            }
            file = bytes(wb);
        }
        apiUpload("county6", period, unit, "a.xlsx", file).andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(n));
        assertThat(count("SELECT count(*) FROM assessment_result WHERE period_id = :p AND org_id = :o AND grade = '1'", period, unit))
                .isEqualTo(allowed);
    }
}
