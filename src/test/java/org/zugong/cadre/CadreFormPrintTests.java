package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.zugong.IntegrationTest;
import org.zugong.person.IdNumber;

/** F12: the printable 干部任免审批表 and its photo, within the jurisdiction, each print on record. */
class CadreFormPrintTests extends IntegrationTest {

    private static final byte[] PHOTO = LrmxFixtures.bytes("photo.jpg");

    private String unitName(int county) {
        return jdbc.sql("SELECT name FROM org_organization WHERE kind NOT IN ('CITY','COUNTY','TOWNSHIP','STREET','VILLAGE','COMMUNITY') AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(county)).query(String.class).single();
    }

    /** A form with its own resume, family and photo; the rest as {@link LrmxImportApiTests#form}. */
    private static LrmxDocument form(String name, String idNumber, String currentPost, List<LrmxResumeLine> resume,
                                     List<LrmxFamilyMember> family, byte[] photo) {
        LrmxDocument f = LrmxImportApiTests.form(name, idNumber, currentPost);
        return new LrmxDocument(f.name(), f.sex(), f.birthMonth(), f.ethnicity(), f.nativePlace(), f.birthPlace(), f.partyJoin(),
                f.workStart(), f.health(), f.professionalTitle(), f.specialty(), f.fullTimeEducation(), f.inServiceEducation(),
                f.currentPost(), "湘云市财政局局长", currentPost, resume, "2019年被评为湘云市优秀共产党员。", f.annualAssessment(),
                f.appointmentReason(), family, f.reportingUnit(), f.ageComputedOn(), f.filledOn(), f.filledBy(), idNumber, photo,
                f.version(), f.unknown());
    }

    private long importCadre(String user, LrmxDocument document) throws Exception {
        String body = mvc.perform(multipart("/api/v1/cadres/lrmx")
                        .file(new MockMultipartFile("file", "print.lrmx", "application/octet-stream", LrmxWriter.write(document)))
                        .header(HttpHeaders.AUTHORIZATION, bearer(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"imported\":\\[\\{\"id\":(\\d+).*", "$1"));
    }

    private String printPage(String user, long id) throws Exception {
        return mvc.perform(get("/cadres/" + id + "/print").session(session(user)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Keeps a rendered page for a look in a browser when -Dzugong.print-sample-dir=… is given. */
    private static void keep(String name, String html) throws Exception {
        String dir = System.getProperty("zugong.print-sample-dir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, name), html);
        }
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void theFormOfAnImportedCadrePrintsEveryPartOnTwoPagesAndIsAudited() throws Exception {
        String unit = unitName(1);
        String idNumber = LrmxImportApiTests.freshIdNumber(LocalDate.of(1985, 3, 12), true);
        List<LrmxResumeLine> resume = List.of(
                new LrmxResumeLine(YearMonth.of(2003, 9), YearMonth.of(2007, 7), "湖南大学经济学院财政学专业学习"),
                new LrmxResumeLine(YearMonth.of(2007, 7), YearMonth.of(2012, 3), "湘云县财政局科员\n（其间：2009.09--2011.07在中共湖南省委党校在职研究生班学习）"),
                new LrmxResumeLine(YearMonth.of(2012, 3), null, unit + "副局长"));
        List<LrmxFamilyMember> family = List.of(
                new LrmxFamilyMember("妻子", "周晓兰", YearMonth.of(1990, 5), "群众", "湘云市第一中学教师"),
                new LrmxFamilyMember("父亲", "孟庆山", YearMonth.of(1958, 11), "中共党员", "湘云县农业局退休干部"));
        long id = importCadre("county1", form("孟立华", idNumber, unit + "副局长", resume, family, PHOTO));

        long prints = auditCount("CADRE_PRINT");
        String html = printPage("county1", id);
        keep("short.html", html);

        assertThat(html).contains("lang=\"zh-CN\"", "干部任免审批表", "id=\"front\"", "id=\"back\"", "孟立华", "男", "汉族")
                // 出生年月 with the age on the form's 计算年龄时间 (2026-06-01).
                .contains("1985.03", "（41岁）")
                .contains("2003.09--2007.07", "湖南大学经济学院财政学专业学习", "2007.07--2012.03", "湘云县财政局科员",
                        "（其间：2009.09--2011.07在中共湖南省委党校在职研究生班学习）")
                // An open end is printed as 7 spaces, as the editor writes it.
                .contains("2012.03--       </span>")
                .contains("大学\n经济学学士", "湖南大学经济学院\n湖南大学经济学院财政学专业", "中共湖南省委党校")
                .contains(unit + "副局长", "湘云市财政局局长", "2019年被评为湘云市优秀共产党员。")
                .contains("2023年度考核称职，2024年度考核优秀，2025年度考核称职", "工作需要")
                // Family with ages on the same day; padded to a block of 7 rows.
                .contains("周晓兰", ">36<", "湘云市第一中学教师", "孟庆山", ">67<", "中共党员")
                .contains("呈<br>报<br>单<br>位", "中共湘云市委组织部", "审批<br>机关<br>意见", "行政<br>机关<br>任免<br>意见", "（盖章）", "干部科",
                        "2026.06.10")
                .contains("/cadres/" + id + "/photo", "/css/print-form.css", "/js/zugong.js", "data-print")
                .doesNotContain("onclick", "<script>", "style=\"");
        assertThat(count(html, "family-row")).isEqualTo(7);
        assertThat(html).contains("class=\"resume fit-0\"");
        assertThat(auditCount("CADRE_PRINT")).isEqualTo(prints + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'CADRE_PRINT' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("打印任免审批表：孟立华");

        // The photo: the JPEG as imported, not cached.
        mvc.perform(get("/cadres/" + id + "/photo").session(session("county1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(content().bytes(PHOTO));
    }

    @Test
    void anotherCountyNeitherPrintsTheFormNorSeesThePhotoAndTheAttemptIsAudited() throws Exception {
        String unit = unitName(1);
        String idNumber = LrmxImportApiTests.freshIdNumber(LocalDate.of(1980, 8, 1), false);
        long id = importCadre("county1", form("邵雅琴", idNumber, unit + "科员", List.of(), List.of(), PHOTO));

        long denied = auditCount("ACCESS_DENIED");
        long prints = auditCount("CADRE_PRINT");
        String body = mvc.perform(get("/cadres/" + id + "/print").session(session("county2")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("邵雅琴");
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThan(denied);
        assertThat(auditCount("CADRE_PRINT")).isEqualTo(prints);

        long deniedBefore = auditCount("ACCESS_DENIED");
        mvc.perform(get("/cadres/" + id + "/photo").session(session("county2"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThan(deniedBefore);
        // The city sees both.
        mvc.perform(get("/cadres/" + id + "/photo").session(session("city"))).andExpect(status().isOk());
        assertThat(printPage("city", id)).contains("邵雅琴");
        // Not a cadre at all: 404.
        mvc.perform(get("/cadres/999999999/print").session(session("city"))).andExpect(status().isNotFound());
    }

    @Test
    void aLongResumeAndAManyMemberFamilyGetSmallerTextSoThatEachSideStaysOnePage() throws Exception {
        String unit = unitName(1);
        String idNumber = LrmxImportApiTests.freshIdNumber(LocalDate.of(1970, 1, 20), true);
        List<LrmxResumeLine> resume = new ArrayList<>();
        YearMonth month = YearMonth.of(1988, 9);
        for (int i = 0; i < 34; i++) {
            resume.add(new LrmxResumeLine(month, month.plusMonths(11), "湘云县某某乡人民政府党政综合办公室工作人员，负责文秘、档案和后勤保障工作第" + (i + 1) + "段"));
            month = month.plusMonths(11);
        }
        resume.add(new LrmxResumeLine(month, null, unit + "局长"));
        List<LrmxFamilyMember> family = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            family.add(new LrmxFamilyMember("亲属" + (i + 1), "成员" + (i + 1), YearMonth.of(1960 + i, 1), "群众", "湘云县某单位职工"));
        }
        long id = importCadre("county1", form("贺长征", idNumber, unit + "局长", resume, family, null));

        String html = printPage("county1", id);
        keep("long.html", html);
        assertThat(html).contains("贺长征", "第1段", "第34段", "成员12", "fam-14")
                .doesNotContain("class=\"resume fit-0\"", "class=\"resume fit-1\"");
        assertThat(count(html, "family-row")).isEqualTo(14);
        // No photo: an empty cell saying 照片, and the photo route answers 404.
        assertThat(html).contains("<span class=\"photo-empty\">照片</span>").doesNotContain("/cadres/" + id + "/photo");
        mvc.perform(get("/cadres/" + id + "/photo").session(session("county1"))).andExpect(status().isNotFound());
    }

    @Test
    void fitAgesAndMonthsAreComputedAsTheEditorPrintsThem() {
        assertThat(CadreFormSheet.age(YearMonth.of(1990, 5), LocalDate.of(2026, 6, 1))).isEqualTo(36);
        assertThat(CadreFormSheet.age(YearMonth.of(1990, 7), LocalDate.of(2026, 6, 1))).isEqualTo(35);
        assertThat(CadreFormSheet.dottedMonth("200706")).isEqualTo("2007.06");
        assertThat(CadreFormSheet.dottedMonth("200706；民盟")).isEqualTo("2007.06；民盟");
        assertThat(CadreFormSheet.dottedMonth("中国致公党")).isEqualTo("中国致公党");
        assertThat(PrintFit.fit(List.of("短"), 148, 9)).isEqualTo("fit-0");
        assertThat(PrintFit.fit(List.of("长".repeat(80)), 148, 9)).isNotEqualTo("fit-0");
        assertThat(PrintFit.ems("2003.09--2007.07")).isEqualTo(8.0);
        assertThat(IdNumber.problem(LrmxImportApiTests.freshIdNumber(LocalDate.of(1985, 3, 12), true))).isEmpty();
    }
}
