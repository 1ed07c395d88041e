package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zugong.IntegrationTest;

/** The cadre pages: search, saved searches, roster, the file and its edits with their events, import with confirmation, eligibility. */
@RecordApplicationEvents
class CadrePagesTests extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    LrmxImport lrmxImport;

    private String unitInCounty(int n) {
        return jdbc.sql("SELECT name FROM org_organization WHERE kind NOT IN ('CITY','COUNTY','TOWNSHIP','STREET','VILLAGE','COMMUNITY') AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(n)).query(String.class).single();
    }

    /** Imports a new cadre into a unit of the n-th county and returns the person id. */
    private long importCadre(int county, String name, LocalDate birth, boolean male) {
        String id = LrmxImportApiTests.freshIdNumber(birth, male);
        actAsCityUser();
        try {
            LrmxImportReport report = lrmxImport.run(name + ".lrmx",
                    LrmxWriter.write(LrmxImportApiTests.form(name, id, unitInCounty(county) + "副局长")), null, false);
            assertThat(report.errors()).isEmpty();
            return report.imported().getFirst().id();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theSearchPageFiltersAndTheRosterHasTheChosenColumnsInTheirFixedOrder() throws Exception {
        long id = importCadre(1, "冯志远", LocalDate.of(1980, 6, 1), true);
        MockHttpSession session = session("county1");
        mvc.perform(get("/cadres").session(session).param("name", "冯志远"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("/cadres/" + id)));
        mvc.perform(get("/cadres").session(session("county2")).param("name", "冯志远"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("/cadres/" + id))));

        byte[] xlsx = mvc.perform(get("/cadres/roster").session(session).param("name", "冯志远")
                        .param("columns", "RETIREMENT", "NAME", "UNIT", "NO_SUCH_COLUMN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("任职单位");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("退休时间");
            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) 3);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("冯志远");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("2043.06"); // born 1980-06, a man: the full 36-month delay, 63 years
        }
    }

    @Test
    void aSavedSearchKeepsOnlyTheSearchParametersAndBelongsToItsUser() throws Exception {
        MockHttpSession session = session("county1");
        mvc.perform(post("/cadres/saved-searches").session(session).with(csrf()).param("searchName", "女干部")
                        .param("sex", "2").param("ageMax", "40").param("evil", "1"))
                .andExpect(status().is3xxRedirection());
        String query = jdbc.sql("SELECT query FROM cadre_saved_search s JOIN access_user u ON u.id = s.user_id WHERE u.username = 'county1' AND s.name = '女干部'")
                .query(String.class).single();
        assertThat(query).isEqualTo("ageMax=40&sex=2");
        mvc.perform(get("/cadres").session(session)).andExpect(content().string(Matchers.containsString("女干部")));
        long savedId = jdbc.sql("SELECT id FROM cadre_saved_search WHERE name = '女干部'").query(Long.class).single();
        // Another user cannot delete it.
        mvc.perform(post("/cadres/saved-searches/" + savedId + "/delete").session(session("county2")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_saved_search WHERE id = :id").param("id", savedId).query(Long.class).single()).isOne();
        mvc.perform(post("/cadres/saved-searches/" + savedId + "/delete").session(session).with(csrf()));
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_saved_search WHERE id = :id").param("id", savedId).query(Long.class).single()).isZero();
    }

    @Test
    void theFilePageShowsEverySectionAndAnotherCountyGets404() throws Exception {
        long id = importCadre(1, "韩春明", LocalDate.of(1975, 3, 1), true);
        mvc.perform(get("/cadres/" + id).session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("韩春明"), Matchers.containsString("简历"),
                        Matchers.containsString("湖南大学经济学院财政学专业学习"), Matchers.containsString("周晓兰"),
                        Matchers.containsString("2024年度考核优秀"), Matchers.containsString("2037年10月"))));
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/cadres/" + id).session(session("county2"))).andExpect(status().isNotFound());
        mvc.perform(get("/cadres/" + id + "/lrmx").session(session("county2"))).andExpect(status().isNotFound());
        mvc.perform(post("/cadres/" + id + "/ranks").session(session("county2")).with(csrf())
                .param("rank", "一级主任科员").param("startDate", "2024-01-01")).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThanOrEqualTo(denied + 3);
    }

    @Test
    void editsPublishTheirEventsAndKeepTheCurrentValuesForSearch() throws Exception {
        long id = importCadre(1, "谭国庆", LocalDate.of(1978, 9, 1), true);
        jdbc.sql("UPDATE cadre_profile SET category = '公务员' WHERE person_id = :id").param("id", id).update();
        MockHttpSession session = session("county1");
        long unit = orgIdByName(unitInCounty(1));
        mvc.perform(post("/cadres/" + id + "/posts").session(session).with(csrf()).param("orgId", Long.toString(unit))
                        .param("title", "局长").param("postLevel", "乡科级正职").param("method", "委任").param("startDate", "2023-05-01"))
                .andExpect(flash().attribute("message", "已记录任职"));
        mvc.perform(post("/cadres/" + id + "/ranks").session(session).with(csrf()).param("rank", "一级主任科员").param("startDate", "2022-03-01"))
                .andExpect(flash().attribute("message", "已记录职级变动"));
        mvc.perform(post("/cadres/" + id + "/records").session(session).with(csrf()).param("kind", "诫勉").param("title", "诫勉谈话")
                        .param("decidedOn", LocalDate.now().minusMonths(1).toString()).param("effectEnd", LocalDate.now().plusMonths(5).toString()))
                .andExpect(flash().attribute("message", "已记录奖惩"));
        mvc.perform(post("/cadres/" + id + "/annual-results").session(session).with(csrf()).param("year", "2025").param("code", "1"))
                .andExpect(flash().attribute("message", "已记录年度考核结果"));

        assertThat(events.stream(CadreAppointed.class).filter(e -> e.personId() == id)).hasSize(1);
        assertThat(events.stream(CadreRankChanged.class).filter(e -> e.personId() == id && e.rank() == Rank.一级主任科员)).hasSize(1);
        assertThat(events.stream(SanctionRecorded.class).filter(e -> e.personId() == id && e.kind() == CadreRecordKind.诫勉)).hasSize(1);
        assertThat(events.stream(AnnualResultRecorded.class).filter(e -> e.personId() == id && e.year() == 2025 && e.grade() == AnnualGrade.EXCELLENT)).hasSize(1);

        Map<String, Object> profile = jdbc.sql("SELECT post_level, post_since, rank, rank_since, current_post_text, annual_text FROM cadre_profile WHERE person_id = :id")
                .param("id", id).query().singleRow();
        assertThat(profile.get("post_level")).isEqualTo("乡科级正职");
        assertThat(profile.get("rank")).isEqualTo("一级主任科员");
        assertThat(profile.get("current_post_text")).isEqualTo(unitInCounty(1) + "局长");
        assertThat((String) profile.get("annual_text")).endsWith("2025年度考核优秀");
        // The search finds the cadre by the new facts, including the measure in force.
        mvc.perform(get("/cadres").session(session).param("postLevel", "乡科级正职").param("sanctioned", "true").param("name", "谭国庆"))
                .andExpect(content().string(Matchers.containsString("/cadres/" + id)));
        mvc.perform(get("/cadres").session(session).param("sanctioned", "false").param("name", "谭国庆"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/cadres/" + id + "\""))));

        // Bad input: an end before the start is refused and nothing changes.
        long posts = jdbc.sql("SELECT count(*) FROM cadre_post WHERE person_id = :id AND end_date IS NULL").param("id", id).query(Long.class).single();
        long postId = jdbc.sql("SELECT id FROM cadre_post WHERE person_id = :id").param("id", id).query(Long.class).single();
        mvc.perform(post("/cadres/" + id + "/posts/" + postId + "/end").session(session).with(csrf()).param("endDate", "2020-01-01"))
                .andExpect(flash().attribute("error", Matchers.containsString("免职时间不能早于任职时间")));
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_post WHERE person_id = :id AND end_date IS NULL").param("id", id).query(Long.class).single()).isEqualTo(posts);
        mvc.perform(post("/cadres/" + id + "/posts/" + postId + "/end").session(session).with(csrf()).param("endDate", LocalDate.now().toString()))
                .andExpect(flash().attribute("message", "已记录免职"));
        // A double submit of the same dismissal is refused.
        mvc.perform(post("/cadres/" + id + "/posts/" + postId + "/end").session(session).with(csrf()).param("endDate", LocalDate.now().toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("已免去")));
        assertThat(events.stream(CadrePostEnded.class).filter(e -> e.personId() == id)).hasSize(1);
    }

    @Test
    void importIsPreviewedThenConfirmedOnceAndADoubleSubmitIsRefused() throws Exception {
        String idNumber = LrmxImportApiTests.freshIdNumber(LocalDate.of(1986, 12, 5), false);
        byte[] file = LrmxWriter.write(LrmxImportApiTests.form("邓思雨", idNumber, unitInCounty(1) + "科员"));
        MockHttpSession session = session("county1");
        String preview = mvc.perform(multipart("/cadres/import").file(new MockMultipartFile("file", "邓思雨.lrmx", "application/octet-stream", file))
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("新建人员和干部档案")))
                .andReturn().getResponse().getContentAsString();
        String batch = preview.replaceAll("(?s).*/cadres/import/([0-9a-f\\-]{36})/confirm.*", "$1");
        assertThat(jdbc.sql("SELECT count(*) FROM person_person WHERE name = '邓思雨'").query(Long.class).single()).isZero();
        mvc.perform(post("/cadres/import/" + batch + "/confirm").session(session).with(csrf()))
                .andExpect(flash().attribute("message", "已导入任免审批表 1 份"));
        // The uploaded file (personal data) is not kept once imported.
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_import_batch WHERE id = CAST(:b AS uuid)").param("b", batch).query(Long.class).single()).isZero();
        mvc.perform(post("/cadres/import/" + batch + "/confirm").session(session).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("请勿重复提交")));
        assertThat(jdbc.sql("SELECT count(*) FROM person_person WHERE name = '邓思雨'").query(Long.class).single()).isOne();
        // Someone else cannot confirm another user's batch.
        String preview2 = mvc.perform(multipart("/cadres/import").file(new MockMultipartFile("file", "x.lrmx", "application/octet-stream",
                        LrmxWriter.write(LrmxImportApiTests.form("邓思远", LrmxImportApiTests.freshIdNumber(LocalDate.of(1987, 1, 5), true), unitInCounty(1) + "科员"))))
                        .session(session).with(csrf())).andReturn().getResponse().getContentAsString();
        String batch2 = preview2.replaceAll("(?s).*/cadres/import/([0-9a-f\\-]{36})/confirm.*", "$1");
        mvc.perform(post("/cadres/import/" + batch2 + "/confirm").session(session("city")).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("已过期")));
    }

    @Test
    void eligibilityListsEachCadreWithTheReason() throws Exception {
        long id = importCadre(1, "曾繁荣", LocalDate.of(1979, 4, 1), true);
        jdbc.sql("UPDATE cadre_profile SET category = '公务员' WHERE person_id = :id").param("id", id).update();
        MockHttpSession session = session("county1");
        mvc.perform(post("/cadres/" + id + "/ranks").session(session).with(csrf()).param("rank", "二级主任科员").param("startDate", "2021-01-01"));
        for (int year = 2021; year <= 2025; year++) {
            mvc.perform(post("/cadres/" + id + "/annual-results").session(session).with(csrf()).param("year", Integer.toString(year)).param("code", "2"));
        }
        mvc.perform(get("/cadres/eligibility").session(session).param("date", "2026-11-27").param("orgId", Long.toString(orgIdByName(unitInCounty(1)))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("曾繁荣"), Matchers.containsString("一级主任科员"),
                        Matchers.containsString("符合"))));
        mvc.perform(get("/cadres/eligibility").session(session("county2")).param("orgId", Long.toString(orgIdByName(unitInCounty(1)))))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePersonPageOffersToCreateAFileAndTheFileCanBeCreated() throws Exception {
        long person = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                  AND NOT EXISTS (SELECT 1 FROM cadre_profile c WHERE c.person_id = p.id) ORDER BY p.id DESC LIMIT 1""")
                .param("c", county(3)).query(Long.class).single();
        MockHttpSession session = session("county3");
        mvc.perform(get("/cadres/person-tab/" + person).session(session)).andExpect(content().string(Matchers.containsString("建立干部档案")));
        long org = jdbc.sql("SELECT org_id FROM person_person WHERE id = :id").param("id", person).query(Long.class).single();
        mvc.perform(post("/cadres/new").session(session).with(csrf()).param("personId", Long.toString(person)).param("orgId", Long.toString(org))
                        .param("retirementGroup", "MALE_60").param("category", "事业").param("resume", "2010.07--         某单位科员"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/cadres/" + person));
        mvc.perform(get("/cadres/person-tab/" + person).session(session)).andExpect(content().string(Matchers.containsString("打开干部档案")));
        mvc.perform(get("/cadres/" + person + "/edit").session(session)).andExpect(status().isOk());
        // A bad resume is refused with the reason, and nothing changes.
        int version = jdbc.sql("SELECT version FROM cadre_profile WHERE person_id = :id").param("id", person).query(Integer.class).single();
        mvc.perform(post("/cadres/" + person + "/edit").session(session).with(csrf()).param("orgId", Long.toString(org))
                        .param("retirementGroup", "MALE_60").param("resume", "2015.13--2016.01  错误月份").param("version", Integer.toString(version)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("简历")));
        assertThat(jdbc.sql("SELECT version FROM cadre_profile WHERE person_id = :id").param("id", person).query(Integer.class).single()).isEqualTo(version);
        List<String> resume = jdbc.sql("SELECT text FROM cadre_resume WHERE person_id = :id").param("id", person).query(String.class).list();
        assertThat(resume).containsExactly("某单位科员");
    }
}
