package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;
import org.zugong.person.IdNumber;

/** F11 through the API: preview, all-or-nothing batches with named errors, safe parsing, export and re-import. */
class LrmxImportApiTests extends IntegrationTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    /** A fresh valid ID number (region 430199, unused by the demo) for a person born on {@code birth}. */
    static String freshIdNumber(LocalDate birth, boolean male) {
        int serial = SERIAL.incrementAndGet();
        int seq = serial * 2 + (male ? 1 : 0);
        return IdNumber.withCheckDigit("430199" + birth.toString().replace("-", "") + String.format("%03d", seq % 1000)).value();
    }

    /** A complete form of a new cadre in a unit of the demo city. */
    static LrmxDocument form(String name, String idNumber, String currentPost) {
        IdNumber id = new IdNumber(idNumber);
        return new LrmxDocument(name, "1".equals(id.sexCode()) ? "男" : "女", YearMonth.from(id.birthDate()), "汉族", "湖南湘云",
                "湖南湘云", YearMonth.from(id.birthDate().plusYears(22)).toString().replace("-", ""),
                YearMonth.from(id.birthDate().plusYears(22)), "健康", "经济师", "财政管理",
                new LrmxEducation("大学", "经济学学士", "湖南大学经济学院", "湖南大学经济学院财政学专业"),
                new LrmxEducation("研究生", null, "中共湖南省委党校", null),
                currentPost, null, null,
                List.of(new LrmxResumeLine(YearMonth.from(id.birthDate().plusYears(18)), YearMonth.from(id.birthDate().plusYears(22)), "湖南大学经济学院财政学专业学习"),
                        new LrmxResumeLine(YearMonth.from(id.birthDate().plusYears(22)), null, currentPost)),
                "无", "2023年度考核称职，2024年度考核优秀，2025年度考核称职", "工作需要",
                List.of(new LrmxFamilyMember("妻子", "周晓兰", YearMonth.of(1990, 5), "群众", "湘云市第一中学教师")),
                "中共湘云市委组织部", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10), "干部科", idNumber, null, "3.2.1.16",
                Map.of("DaoLingNianYue", "204901"));
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private ResultActions upload(String user, String fileName, byte[] content, String... params) throws Exception {
        var request = multipart("/api/v1/cadres/lrmx").file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .header(HttpHeaders.AUTHORIZATION, bearer(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private long cadreCount() {
        return jdbc.sql("SELECT count(*) FROM cadre_profile").query(Long.class).single();
    }

    private long personCount() {
        return jdbc.sql("SELECT count(*) FROM person_person").query(Long.class).single();
    }

    private String unitName() {
        return jdbc.sql("SELECT name FROM org_organization WHERE kind NOT IN ('CITY','COUNTY','TOWNSHIP','STREET','VILLAGE','COMMUNITY') AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(1)).query(String.class).single();
    }

    @Test
    void aNewCadreIsImportedIntoTheUnitItsCurrentPostNamesAndFoundByIdNumber() throws Exception {
        String id = freshIdNumber(LocalDate.of(1984, 7, 9), true);
        String unit = unitName();
        byte[] file = LrmxWriter.write(form("孙立新", id, unit + "副局长"));

        upload("county1", "孙立新.lrmx", file, "dryRun", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.imported[0].name").value("孙立新"))
                .andExpect(jsonPath("$.imported[0].id").isEmpty())
                .andExpect(jsonPath("$.previews[0].orgName").value(unit));
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_profile c JOIN person_person p ON p.id = c.person_id WHERE p.name = '孙立新'")
                .query(Long.class).single()).isZero();

        String body = upload("county1", "孙立新.lrmx", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").isEmpty())
                .andReturn().getResponse().getContentAsString();
        long personId = Long.parseLong(body.replaceAll("(?s).*\"imported\":\\[\\{\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/cadres").param("idNumber", id).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].id").value(personId))
                .andExpect(jsonPath("$.content[0].orgName").value(unit));
        // Another county neither finds nor reads it.
        mvc.perform(get("/api/v1/cadres").param("idNumber", id).header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get("/api/v1/cadres/" + personId).header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cadres/" + personId + "/lrmx").header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isNotFound());

        // Export gives back every field, the unknown element included; re-importing it changes nothing.
        byte[] exported = mvc.perform(get("/api/v1/cadres/" + personId + "/lrmx").header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(exported).isEqualTo(file);
        upload("county1", "again.lrmx", exported, "dryRun", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.previews[0].personId").value(personId))
                .andExpect(jsonPath("$.previews[0].changes").isEmpty());
    }

    @Test
    void thePreviewOfAKnownPersonListsEachFieldThatWouldChange() throws Exception {
        String id = freshIdNumber(LocalDate.of(1979, 2, 3), false);
        String unit = unitName();
        LrmxDocument first = form("钟晓红", id, unit + "办公室主任");
        upload("city", "a.lrmx", LrmxWriter.write(first)).andExpect(status().isOk());
        LrmxDocument changed = new LrmxDocument(first.name(), first.sex(), first.birthMonth(), first.ethnicity(), first.nativePlace(),
                first.birthPlace(), first.partyJoin(), first.workStart(), first.health(), "高级经济师", first.specialty(),
                first.fullTimeEducation(), first.inServiceEducation(), unit + "副局长", first.proposedPost(), first.proposedRemoval(),
                first.resume(), first.rewardsAndPunishments(), first.annualAssessment(), first.appointmentReason(), first.family(),
                first.reportingUnit(), first.ageComputedOn(), first.filledOn(), first.filledBy(), id, null, first.version(), first.unknown());
        upload("city", "b.lrmx", LrmxWriter.write(changed), "dryRun", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.previews[0].changes.length()").value(2))
                .andExpect(jsonPath("$.previews[0].changes[0].field").value("ZhuanYeJiShuZhiWu"))
                .andExpect(jsonPath("$.previews[0].changes[0].before").value("经济师"))
                .andExpect(jsonPath("$.previews[0].changes[0].after").value("高级经济师"))
                .andExpect(jsonPath("$.previews[0].changes[1].field").value("XianRenZhiWu"));
    }

    @Test
    void aBatchWithOneInvalidIdNumberFailsWholeNamingFileAndFieldAndStoresNothing() throws Exception {
        String unit = unitName();
        String good = freshIdNumber(LocalDate.of(1982, 1, 15), true);
        String bad = freshIdNumber(LocalDate.of(1983, 4, 20), true);
        String wrongCheckDigit = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
        byte[] badFile = LrmxWriter.toXml(form("乙", bad, unit + "科员")).replace(bad, wrongCheckDigit).getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip(Map.of("ok.lrmx", LrmxWriter.write(form("甲", good, unit + "科员")), "坏/错误号码.lrmx", badFile));
        long cadres = cadreCount();
        long persons = personCount();
        upload("city", "batch.zip", zip).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.imported").isEmpty())
                .andExpect(jsonPath("$.errors[0].file").value("坏/错误号码.lrmx"))
                .andExpect(jsonPath("$.errors[0].field").value("ShenFenZheng"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(cadreCount()).isEqualTo(cadres);
        assertThat(personCount()).isEqualTo(persons);
    }

    @Test
    void aSecondFileWithTheSameIdNumberInOneBatchIsReported() throws Exception {
        String unit = unitName();
        String id = freshIdNumber(LocalDate.of(1981, 3, 3), true);
        byte[] zip = zip(new java.util.TreeMap<>(Map.of("1.lrmx", LrmxWriter.write(form("丙", id, unit + "科员")),
                "2.lrmx", LrmxWriter.write(form("丙", id, unit + "科员")))));
        upload("city", "dup.zip", zip).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].file").value("2.lrmx"))
                .andExpect(jsonPath("$.errors[0].field").value("ShenFenZheng"));
    }

    @Test
    void unsafeFilesAreRejectedWithoutReadingLocalFiles() throws Exception {
        long cadres = cadreCount();
        String xxe = upload("city", "xxe.lrmx", LrmxFixtures.bytes("xxe.lrmx")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(xxe).doesNotContain("root:").contains("xxe.lrmx");
        upload("city", "bomb.lrmx", LrmxFixtures.bytes("billion-laughs.lrmx")).andExpect(status().isUnprocessableContent());
        upload("city", "slip.zip", zip(Map.of("../../evil.lrmx", LrmxFixtures.bytes("full.lrmx"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].file").value("../../evil.lrmx"));
        upload("city", "abs.zip", zip(Map.of("/etc/evil.txt", "x".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("不安全")));
        upload("city", "junk.zip", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1))
                .andExpect(status().isUnprocessableContent());
        assertThat(cadreCount()).isEqualTo(cadres);
    }

    @Test
    void anIdNumberOfAPersonInAnotherCountyCannotBeImportedAndTheProbeIsAudited() throws Exception {
        long other = personInCounty(2);
        String id = idNumberOf(other);
        long denied = auditCount("ACCESS_DENIED");
        upload("county1", "x.lrmx", LrmxWriter.write(form("外县人员", id, unitName() + "科员")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("ShenFenZheng"));
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThan(denied);
    }

    @Test
    void aNewCadreWhoseUnitCannotBeReadNeedsATargetUnitInJurisdiction() throws Exception {
        String id = freshIdNumber(LocalDate.of(1990, 10, 10), false);
        byte[] file = LrmxWriter.write(form("无单位", id, "某某单位干部"));
        upload("county1", "u.lrmx", file, "dryRun", "true").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("XianRenZhiWu"));
        upload("county1", "u.lrmx", file, "dryRun", "true", "orgId", Long.toString(county(2)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("orgId"));
        upload("county1", "u.lrmx", file, "dryRun", "true", "orgId", Long.toString(county(1)))
                .andExpect(status().isOk());
    }

    private String idNumberOf(long personId) {
        actAsCityUser();
        try {
            return persons.requireVisibleRecord(personId).idNumber();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.zugong.person.Persons persons;
}
