package org.zugong.platform.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The upload checklist of docs/security.md, proven on every upload endpoint (pages and API): a size cap with a
 * Chinese refusal, extension and content that must agree, .xlsx zip bombs and DOCTYPEs inside workbook parts
 * refused, LRMX XML without DOCTYPE, zip entries that cannot leave the target folder, and nothing stored by a
 * refused upload. Each endpoint is one row of {@link #endpoints}; each check runs over all rows it applies to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadSecurityTests extends IntegrationTest {

    private static final String PHOTO = "人员照片（页面）";
    private static final String GRADES_PAGE = "考核批量录入（页面）";
    private static final String GRADES_API = "考核批量录入（API）";
    private static final String LRMX_PAGE = "任免审批表导入（页面）";
    private static final String LRMX_API = "任免审批表导入（API）";
    private static final String AUDIT_PAGE = "党员发展档案排查（页面）";
    private static final String AUDIT_EXPORT = "党员发展档案排查导出（页面）";
    private static final String AUDIT_API = "党员发展档案排查（API）";
    private static final String EVIDENCE_PAGE = "人才认定证明材料（页面）";
    private static final String EVIDENCE_API = "人才认定证明材料（API）";
    private static final String POINTS_PAGE = "乡土人才积分证明材料（页面）";
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XML = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Person><XingMing>测试</XingMing></Person>"
            .getBytes(StandardCharsets.UTF_8);

    /** One upload endpoint: how to call it, what it takes, and a fingerprint of what it may store. */
    private record Endpoint(String name, long maxBytes, String extension, byte[] validStart, Upload call, Supplier<String> stored) {
    }

    @FunctionalInterface
    private interface Upload {
        MvcResult send(String fileName, byte[] content) throws Exception;
    }

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private MockHttpSession county1;
    private MockHttpSession county6;
    private long period;

    @BeforeAll
    void endpoints() throws Exception {
        county1 = session("county1");
        county6 = session("county6");
        long person = personInCounty(1);
        long unit = jdbc.sql("""
                SELECT c.org_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :county) || '%'
                GROUP BY c.org_id ORDER BY count(*), c.org_id LIMIT 1""").param("county", county(6)).query(Long.class).single();
        String opened = mvc.perform(post("/api/v1/assessment/periods").header(HttpHeaders.AUTHORIZATION, bearer("county6"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ROUTINE\",\"year\":" + LocalDate.now().getYear() + ",\"quarter\":2,\"orgId\":" + unit + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        period = Long.parseLong(opened.replaceAll("\\D", ""));
        String grades = "/assessment/periods/" + period + "/units/" + unit + "/upload";
        Supplier<String> results = () -> jdbc.sql("SELECT coalesce(md5(string_agg(r::text, ',' ORDER BY person_id)), '') FROM assessment_result r WHERE period_id = :p")
                .param("p", period).query(String.class).single();
        Supplier<String> cadres = () -> jdbc.sql("SELECT (SELECT count(*) FROM person_person) || '/' || (SELECT count(*) FROM cadre_import_batch)")
                .query(String.class).single();
        Supplier<String> auditTemp = () -> Long.toString(tempFiles("zugong-audit-"));
        add(new Endpoint(PHOTO, 2 * 1024 * 1024, ".jpg", UploadSamples.JPEG,
                (n, c) -> page("/persons/" + person + "/photo", "photo", n, c, county1),
                () -> jdbc.sql("SELECT coalesce(md5(string_agg(p::text, ',')), '') FROM person_photo p WHERE person_id = :p")
                        .param("p", person).query(String.class).single()));
        add(new Endpoint(GRADES_PAGE, 5 * 1024 * 1024, ".xlsx", UploadSamples.xlsx("人员编号", "等次"),
                (n, c) -> page(grades, "file", n, c, county6), results));
        add(new Endpoint(GRADES_API, 5 * 1024 * 1024, ".xlsx", UploadSamples.xlsx("人员编号", "等次"),
                (n, c) -> api("/api/v1" + grades, n, c, "county6"), results));
        add(new Endpoint(LRMX_PAGE, 5 * 1024 * 1024, ".lrmx", XML, (n, c) -> page("/cadres/import", "file", n, c, county1), cadres));
        add(new Endpoint(LRMX_API, 5 * 1024 * 1024, ".lrmx", XML, (n, c) -> api("/api/v1/cadres/lrmx", n, c, "county1"), cadres));
        add(new Endpoint(AUDIT_PAGE, 20 * 1024 * 1024, ".xlsx", UploadSamples.xlsx("姓名", "出生日期"),
                (n, c) -> page("/recruitment/audit", "file", n, c, county1), auditTemp));
        add(new Endpoint(AUDIT_EXPORT, 20 * 1024 * 1024, ".xlsx", UploadSamples.xlsx("姓名", "出生日期"),
                (n, c) -> page("/recruitment/audit/export", "file", n, c, county1), auditTemp));
        add(new Endpoint(AUDIT_API, 20 * 1024 * 1024, ".xlsx", UploadSamples.xlsx("姓名", "出生日期"),
                (n, c) -> api("/api/v1/recruitment/audit", n, c, "county1"), auditTemp));
        MockHttpSession office = session("talentoffice");
        long application = jdbc.sql("""
                SELECT min(a.id) FROM talent_application a JOIN org_organization o ON o.id = a.org_id
                WHERE a.stage = 'SUBMITTED' AND o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'""")
                .param("c", county(1)).query(Long.class).single();
        Supplier<String> evidence = () -> jdbc.sql("SELECT count(*) || '/' || coalesce(sum(length(content)), 0) FROM talent_application_evidence")
                .query(String.class).single();
        add(new Endpoint(EVIDENCE_PAGE, 5 * 1024 * 1024, ".pdf", PDF,
                (n, c) -> page("/talent-applications/" + application + "/evidence", "file", n, c, office), evidence));
        add(new Endpoint(EVIDENCE_API, 5 * 1024 * 1024, ".pdf", PDF,
                (n, c) -> api("/api/v1/talent-applications/" + application + "/evidence", n, c, "talentoffice"), evidence));
        add(new Endpoint(POINTS_PAGE, 5 * 1024 * 1024, ".png", UploadSamples.PNG,
                (n, c) -> page("/talent-points", "file", n, c, office),
                () -> jdbc.sql("SELECT count(*) FROM talent_point_entry").query(String.class).single()));
    }

    /** Leaves the demo data as it was: the period opened for the 考核批量录入 rows goes again (refusals stored nothing in it). */
    @AfterAll
    void removeThePeriod() {
        for (String table : List.of("assessment_step", "assessment_quota_approval", "assessment_result")) {
            jdbc.sql("DELETE FROM " + table + " WHERE period_id = :p").param("p", period).update();
        }
        jdbc.sql("DELETE FROM assessment_period WHERE id = :p").param("p", period).update();
    }

    private void add(Endpoint e) {
        endpoints.put(e.name(), e);
    }

    static Stream<String> all() {
        return Stream.of(PHOTO, GRADES_PAGE, GRADES_API, LRMX_PAGE, LRMX_API, AUDIT_PAGE, AUDIT_EXPORT, AUDIT_API, EVIDENCE_PAGE, EVIDENCE_API,
                POINTS_PAGE);
    }

    static Stream<String> workbooks() {
        return Stream.of(GRADES_PAGE, GRADES_API, AUDIT_PAGE, AUDIT_EXPORT, AUDIT_API);
    }

    static Stream<String> lrmx() {
        return Stream.of(LRMX_PAGE, LRMX_API);
    }

    private MvcResult page(String url, String field, String name, byte[] content, MockHttpSession session) throws Exception {
        return mvc.perform(multipart(url).file(new MockMultipartFile(field, name, "application/octet-stream", content))
                .session(session).with(csrf())).andReturn();
    }

    private MvcResult api(String url, String name, byte[] content, String user) throws Exception {
        return mvc.perform(multipart(url).file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .header(HttpHeaders.AUTHORIZATION, bearer(user))).andReturn();
    }

    /**
     * Sends the file and asserts a refusal: an error status (400/413/422), or the page again (200) or a redirect
     * with the error; the Chinese reason contains {@code reason}; nothing stored. Returns what the client saw.
     */
    private String refused(String endpoint, String fileName, byte[] content, String reason) throws Exception {
        Endpoint e = endpoints.get(endpoint);
        String before = e.stored().get();
        MvcResult result = e.call().send(fileName, content);
        String seen = seen(result);
        assertThat(result.getResponse().getStatus()).as(endpoint).isIn(200, 302, 400, 413, 422);
        assertThat(seen).as(endpoint).contains(reason).doesNotContain("已导入", "照片已更新", "已批量录入");
        assertThat(String.valueOf(result.getResponse().getContentType())).as(endpoint).doesNotContain("spreadsheetml");
        assertThat(e.stored().get()).as(endpoint + ": nothing stored").isEqualTo(before);
        return seen;
    }

    private static String seen(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8) + " " + result.getFlashMap();
    }

    static long tempFiles(String prefix) {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- every endpoint ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void aFileOverTheEndpointsLimitIsRefusedInChineseAndNothingIsStored(String endpoint) throws Exception {
        Endpoint e = endpoints.get(endpoint);
        refused(endpoint, "big" + e.extension(), UploadSamples.padded(e.validStart(), e.maxBytes() + 1), "超过 " + e.maxBytes() / (1024 * 1024) + "MB");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void aTextFileRenamedToTheAllowedExtensionIsRefused(String endpoint) throws Exception {
        refused(endpoint, "renamed" + endpoints.get(endpoint).extension(), UploadSamples.TEXT, "内容与扩展名不符");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void anExecutableRenamedToTheAllowedExtensionIsRefused(String endpoint) throws Exception {
        refused(endpoint, "setup" + endpoints.get(endpoint).extension(), UploadSamples.EXE, "内容与扩展名不符");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void anotherExtensionIsRefusedEvenWhenTheContentWouldDo(String endpoint) throws Exception {
        refused(endpoint, "setup.exe", endpoints.get(endpoint).validStart(), "只能上传");
    }

    // ---- workbooks --------------------------------------------------------------------------------

    @Test
    void poisZipBombLimitsAreOursNotTheLibraryDefaults() {
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(Xlsx.MIN_INFLATE_RATIO);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(Xlsx.MAX_ENTRY_BYTES).isLessThan(0xFFFFFFFFL);
        assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(Xlsx.MAX_TEXT_CHARS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void aZipWithoutTheWorkbookPartsIsNotAnXlsx(String endpoint) throws Exception {
        byte[] zip = UploadSamples.zip(Map.of("hello.txt", "not excel".getBytes(StandardCharsets.UTF_8)));
        refused(endpoint, "grades.xlsx", zip, "无法读取");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void anXlsxZipBombIsRefusedByPoisInflateRatioGuard(String endpoint) throws Exception {
        byte[] bomb = UploadSamples.xlsxBomb(endpoints.get(endpoint).validStart(), 40);
        assertThat(bomb.length).isLessThan(1024 * 1024); // small on the wire: only the ratio gives it away

        refused(endpoint, "bomb.xlsx", bomb, "压缩炸弹");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void anExternalEntityInsideAnXlsxPartIsRefusedAndNothingOfTheFileIsEchoed(String endpoint) throws Exception {
        String seen = refused(endpoint, "xxe.xlsx", UploadSamples.xlsxWithExternalEntity(endpoints.get(endpoint).validStart()), "无法读取");

        assertThat(seen).doesNotContain("root:", "/bin/", "nologin");
        // The control: the same hand-written sheet without the DOCTYPE is read (and refused only for its missing header).
        byte[] plain = UploadSamples.replace(endpoints.get(endpoint).validStart(), UploadSamples.SHEET, """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>""".getBytes(StandardCharsets.UTF_8));
        refused(endpoint, "plain.xlsx", plain, "表头");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void billionLaughsInsideAnXlsxPartIsRefused(String endpoint) throws Exception {
        byte[] laughs = UploadSamples.xlsxWithBillionLaughs(endpoints.get(endpoint).validStart());

        String seen = refused(endpoint, "laughs.xlsx", laughs, "无法读取");

        assertThat(seen).doesNotContain("lollol");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void aLegacyXlsFileIsToldToBeSavedAsXlsx(String endpoint) throws Exception {
        refused(endpoint, "旧版.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "另存为 .xlsx");
    }

    // ---- LRMX and zip -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("lrmx")
    void anExternalEntityInAnLrmxIsRefusedBecauseDoctypeIsDisallowedAndNothingIsEchoed(String endpoint) throws Exception {
        byte[] xxe = resource("/lrmx/xxe.lrmx");
        String single = refused(endpoint, "xxe.lrmx", xxe, "不允许 DOCTYPE");
        String zipped = refused(endpoint, "xxe.zip", UploadSamples.zip(Map.of("a/xxe.lrmx", xxe)), "不允许 DOCTYPE");

        assertThat(single + zipped).doesNotContain("root:", "/bin/", "nologin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lrmx")
    void billionLaughsInAnLrmxIsRefusedBecauseDoctypeIsDisallowed(String endpoint) throws Exception {
        byte[] laughs = resource("/lrmx/billion-laughs.lrmx");
        refused(endpoint, "laughs.lrmx", laughs, "不允许 DOCTYPE");
        refused(endpoint, "laughs.zip", UploadSamples.zip(Map.of("laughs.lrmx", laughs)), "不允许 DOCTYPE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lrmx")
    void zipEntriesThatWouldLeaveTheTargetFolderAreRefusedAndNothingIsWritten(String endpoint) throws Exception {
        byte[] form = resource("/lrmx/full.lrmx");
        for (String entry : List.of("../../evil.lrmx", "/tmp/evil.lrmx", "..\\..\\evil.lrmx", "C:/evil.lrmx", "a/../../evil.lrmx")) {
            refused(endpoint, "slip.zip", UploadSamples.zip(Map.of(entry, form)), "路径不安全");
        }
        // The archive is read in memory and never unpacked: no file named after an entry appears anywhere near.
        for (Path dir : List.of(Path.of(""), Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp"))) {
            assertThat(dir.toAbsolutePath().resolve("evil.lrmx")).doesNotExist();
            assertThat(dir.toAbsolutePath().getParent() == null ? dir : dir.toAbsolutePath().getParent().resolve("evil.lrmx")).doesNotExist();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lrmx")
    void anLrmxThatIsReallyAZipAndAZipThatIsReallyXmlAreRefused(String endpoint) throws Exception {
        refused(endpoint, "form.lrmx", UploadSamples.zip(Map.of("a.lrmx", XML)), "内容与扩展名不符");
        refused(endpoint, "forms.zip", XML, "内容与扩展名不符");
    }

    @Test
    void aZipOverItsLimitIsRefused() throws Exception {
        refused(LRMX_API, "big.zip", UploadSamples.padded(new byte[]{'P', 'K', 3, 4}, 20L * 1024 * 1024 + 1), "超过 20MB");
    }

    private static byte[] resource(String path) throws IOException {
        try (var in = UploadSecurityTests.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
