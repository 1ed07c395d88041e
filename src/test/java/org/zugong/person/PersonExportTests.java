package org.zugong.person;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The roster export: jurisdiction, masking by default, full numbers only by permission and audited; photos by content. */
class PersonExportTests extends IntegrationTest {

    private Sheet export(String user, String... params) throws Exception {
        var request = get("/persons/export").session(session(user));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        byte[] xlsx = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
    }

    @Test
    void exportContainsTheCountysPersonsMaskedAndIsAudited() throws Exception {
        long before = auditCount("PERSON_EXPORT");
        Sheet sheet = export("county1", "orgId", String.valueOf(county(1)));
        long expected = jdbc.sql("""
                SELECT count(*) FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE p.active AND o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                """).param("c", county(1)).query(Long.class).single();
        assertThat(sheet.getLastRowNum()).isEqualTo((int) expected);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).matches("\\d{6}\\*{8}[0-9X]{4}");
        }
        assertThat(auditCount("PERSON_EXPORT")).isEqualTo(before + 1);
    }

    @Test
    void fullIdNumbersOnlyWhenAskedAndPermitted() throws Exception {
        Sheet sheet = export("city", "orgId", String.valueOf(county(3)), "fullIdNumbers", "true");
        String id = sheet.getRow(1).getCell(5).getStringCellValue();
        assertThat(IdNumber.problem(id)).isEmpty();
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'PERSON_EXPORT' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("含完整身份证号");
        mvc.perform(get("/persons/export").param("fullIdNumbers", "true").session(session("sysadmin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void photoMustReallyBeAnImage() throws Exception {
        long person = personInCounty(1);
        var fake = new MockMultipartFile("photo", "photo.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes());
        mvc.perform(multipart("/persons/" + person + "/photo").file(fake).session(session("county1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "照片无法读取：内容与扩展名不符，不是有效的 .jpg 文件"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(multipart("/persons/" + person + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", png))
                        .session(session("county1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "照片已更新"));
        mvc.perform(get("/persons/" + person + "/photo").session(session("county1"))).andExpect(status().isOk());
        mvc.perform(get("/persons/" + person + "/photo").session(session("county2"))).andExpect(status().isNotFound());
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
        String doc = mvc.perform(get("/v3/api-docs").session(session("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/persons").contains("/api/v1/organizations").contains("/api/v1/auth/token");
    }
}
