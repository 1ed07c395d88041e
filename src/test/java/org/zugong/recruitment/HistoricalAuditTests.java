package org.zugong.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.zugong.IntegrationTest;

/** 排查整顿: the template round trip through the API and the page, refused files, permissions. */
class HistoricalAuditTests extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The valid development of TimelineFixture.valid(), by column. */
    static Map<String, String> valid() {
        return new java.util.HashMap<>(Map.ofEntries(Map.entry("姓名", "张三"), Map.entry("所在党支部", "第一党支部"),
                Map.entry("出生日期", "1990-05-10"), Map.entry("递交申请书日期", "2022-01-10"), Map.entry("谈话日期", "2022-01-20"),
                Map.entry("确定积极分子日期", "2022-03-01"), Map.entry("考察日期（多个用；分隔）", "2022-09-01；2023-03-01"),
                Map.entry("确定发展对象日期", "2023-03-06"), Map.entry("入党介绍人1身份", "正式党员"), Map.entry("入党介绍人2身份", "正式党员"),
                Map.entry("政审日期", "2023-05-10"), Map.entry("政审结论", "合格"), Map.entry("培训天数", "3"), Map.entry("培训学时", "24"),
                Map.entry("公示开始", "2023-03-06"), Map.entry("公示结束", "2023-03-10"), Map.entry("党委预审日期", "2023-05-20"),
                Map.entry("党委预审结论", "合格"), Map.entry("县委组织部预审日期", "2023-05-25"), Map.entry("县委组织部预审结论", "合格"),
                Map.entry("支部大会日期", "2023-06-01"), Map.entry("应到", "20"), Map.entry("实到", "18"), Map.entry("赞成", "17"),
                Map.entry("书面赞成", "1"), Map.entry("审批日期", "2023-07-15"), Map.entry("转正大会日期", "2024-06-05"),
                Map.entry("转正应到", "20"), Map.entry("转正实到", "19"), Map.entry("转正赞成", "19"), Map.entry("转正书面赞成", "0"),
                Map.entry("转正审批日期", "2024-06-20")));
    }

    /** The downloaded template with three rows: valid (birth as an Excel date), activist under a year, a malformed talk date. */
    private byte[] filledTemplate(MockHttpSession session) throws Exception {
        byte[] template = mvc.perform(get("/recruitment/audit/template.xlsx").session(session))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("yyyy-MM-dd");
            List<String> columns = HistoricalAuditWorkbook.COLUMNS;
            for (int i = 0; i < columns.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(columns.get(i));
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy年m月d日"));
            Map<String, String> bad = valid();
            bad.put("确定积极分子日期", "2022-03-10");
            bad.put("姓名", "李四");
            bad.put("所在党支部", "第二党支部");
            Map<String, String> malformed = valid();
            malformed.put("谈话日期", "20.01.2022");
            malformed.put("姓名", "王五");
            List<Map<String, String>> rows = List.of(valid(), bad, malformed);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(2 + r);
                row.createCell(0).setCellValue(r + 1);
                for (Map.Entry<String, String> e : rows.get(r).entrySet()) {
                    row.createCell(columns.indexOf(e.getKey())).setCellValue(e.getValue());
                }
            }
            // An Excel date (not text) is accepted as well.
            var birth = sheet.getRow(2).createCell(columns.indexOf("出生日期"));
            birth.setCellValue(LocalDate.of(1990, 5, 10));
            birth.setCellStyle(date);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void templateRoundTripThroughTheApi() throws Exception {
        byte[] filled = filledTemplate(session("county1"));
        long before = auditCount("RECRUITMENT_AUDIT");
        mvc.perform(multipart("/api/v1/recruitment/audit").file(new MockMultipartFile("file", "排查.xlsx", XLSX, filled))
                        .header("Authorization", bearer("county1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.audited").value(2))
                .andExpect(jsonPath("$.rowsWithViolations").value(1))
                .andExpect(jsonPath("$.violations").value(1))
                .andExpect(jsonPath("$.rowErrors", hasSize(1)))
                .andExpect(jsonPath("$.rowErrors[0].row").value(5))
                .andExpect(jsonPath("$.rowErrors[0].column").value("谈话日期"))
                .andExpect(jsonPath("$.rowErrors[0].message", containsString("20.01.2022")))
                .andExpect(jsonPath("$.byRule", hasSize(1)))
                .andExpect(jsonPath("$.byRule[0].rule").value("ACTIVIST_LESS_THAN_ONE_YEAR"))
                .andExpect(jsonPath("$.byRule[0].article").value("第十三条"))
                .andExpect(jsonPath("$.byRule[0].violations").value(1))
                .andExpect(jsonPath("$.byBranch", hasSize(2)))
                .andExpect(jsonPath("$.byBranch[1].name").value("第二党支部"))
                .andExpect(jsonPath("$.byBranch[1].rowsWithViolations").value(1))
                .andExpect(jsonPath("$.byYear[0].name").value("2023"))
                .andExpect(jsonPath("$.byYear[0].audited").value(2))
                .andExpect(jsonPath("$.violatingRows[0].row").value(4))
                .andExpect(jsonPath("$.violatingRows[0].name").value("李四"))
                .andExpect(jsonPath("$.violatingRows[0].findings[0].message", containsString("2022-03-10")));
        assertThat(auditCount("RECRUITMENT_AUDIT")).isEqualTo(before + 1);
    }

    @Test
    void templateRoundTripThroughThePageAndExport() throws Exception {
        MockHttpSession session = session("county1");
        byte[] filled = filledTemplate(session);
        String page = mvc.perform(multipart("/recruitment/audit").file(new MockMultipartFile("file", "排查.xlsx", XLSX, filled))
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("共 3 行：排查 2 行，其中 1 行不符合规定", "ACTIVIST_LESS_THAN_ONE_YEAR", "第十三条", "谈话日期", "李四");
        long exports = auditCount("RECRUITMENT_AUDIT_EXPORT");
        byte[] export = mvc.perform(get("/recruitment/audit/export").session(session))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX)).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("李四");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("第十三条");
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).contains("谈话日期");
        }
        assertThat(auditCount("RECRUITMENT_AUDIT_EXPORT")).isEqualTo(exports + 1);
    }

    @Test
    void aFileThatIsNoXlsxIsRefusedClearly() throws Exception {
        mvc.perform(multipart("/api/v1/recruitment/audit")
                        .file(new MockMultipartFile("file", "名单.csv", "text/csv", "姓名,出生日期\n张三,1990-05-10\n".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", bearer("county1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("只能上传 .xlsx")));
        mvc.perform(multipart("/api/v1/recruitment/audit")
                        .file(new MockMultipartFile("file", "伪装.xlsx", XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", bearer("county1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不是有效的 .xlsx")));
        String page = mvc.perform(multipart("/recruitment/audit")
                        .file(new MockMultipartFile("file", "旧版.xls", "application/vnd.ms-excel", new byte[]{1, 2, 3}))
                        .session(session("county1")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("排查未进行", "旧版 .xls 请另存为 .xlsx");
    }

    @Test
    void sysadminHasNoAccess() throws Exception {
        mvc.perform(multipart("/api/v1/recruitment/audit").file(new MockMultipartFile("file", "a.xlsx", XLSX, new byte[]{1}))
                .header("Authorization", bearer("sysadmin"))).andExpect(status().isForbidden());
        MockHttpSession admin = session("sysadmin");
        mvc.perform(get("/recruitment/audit/template.xlsx").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/recruitment/audit").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/recruitment/audit/export").session(admin)).andExpect(status().isForbidden());
    }

    @Test
    void aWorkbookOverTheRowLimitIsRefusedAndExportByPostAuditsAtOnce() throws Exception {
        MockHttpSession session = session("county1");
        byte[] filled = filledTemplate(session);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("audit-test-", ".xlsx");
        try {
            java.nio.file.Files.write(file, filled);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoricalAuditWorkbook.read(file, 2, line -> { }))
                    .isInstanceOf(HistoricalAuditWorkbook.Refused.class).hasMessageContaining("行数过多");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        byte[] export = mvc.perform(multipart("/recruitment/audit/export").file(new MockMultipartFile("file", "排查.xlsx", XLSX, filled))
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX)).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void cellsAreReadAsDatesNumbersAndChoices() {
        assertThat(HistoricalAudit.date("2023/6/1", "x")).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(HistoricalAudit.date("20230601", "x")).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(HistoricalAudit.date("2023年6月1日", "x")).isEqualTo(LocalDate.of(2023, 6, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoricalAudit.date("2023-02-30", "谈话日期"))
                .hasMessageContaining("不存在");
    }
}
