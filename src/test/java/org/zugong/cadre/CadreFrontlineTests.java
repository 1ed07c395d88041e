package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zugong.IntegrationTest;

/** F25 「三将干部」: records on the file page and through the API, recognition and its event, the search criterion, jurisdiction. */
@RecordApplicationEvents
class CadreFrontlineTests extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    LrmxImport lrmxImport;

    private String unitInCounty(int n) {
        return jdbc.sql("SELECT name FROM org_organization WHERE kind NOT IN ('CITY','COUNTY','TOWNSHIP','STREET','VILLAGE','COMMUNITY') AND path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND name LIKE '%局' ORDER BY id LIMIT 1")
                .param("c", county(n)).query(String.class).single();
    }

    private long importCadre(String name, LocalDate birth) {
        actAsCityUser();
        try {
            LrmxImportReport report = lrmxImport.run(name + ".lrmx", LrmxWriter.write(LrmxImportApiTests.form(name,
                    LrmxImportApiTests.freshIdNumber(birth, true), unitInCounty(1) + "副局长")), null, false);
            assertThat(report.errors()).isEmpty();
            return report.imported().getFirst().id();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private long rows(long personId) {
        return jdbc.sql("SELECT count(*) FROM cadre_frontline WHERE person_id = :p").param("p", personId).query(Long.class).single();
    }

    private String json(String task, String kind, String start, String end, long orgId, String outcome, String recognizedOn, String document) {
        return "{\"task\":" + quoted(task) + ",\"taskKind\":" + quoted(kind) + ",\"startDate\":" + quoted(start)
                + ",\"endDate\":" + quoted(end) + ",\"performance\":\"连续奋战七昼夜，转移群众312人\",\"evidence\":\"县防指表扬通报\""
                + ",\"recommendingOrgId\":" + orgId + ",\"outcome\":" + quoted(outcome) + ",\"recognizedOn\":" + quoted(recognizedOn)
                + ",\"document\":" + quoted(document) + "}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void aRecordAddedOnThePageIsShownAndItsRecognitionIsAnnouncedAndAudited() throws Exception {
        long id = importCadre("贺建军", LocalDate.of(1983, 5, 1));
        long unit = orgIdByName(unitInCounty(1));
        MockHttpSession session = session("county1");
        long added = auditCount("CADRE_FRONTLINE");
        mvc.perform(post("/cadres/" + id + "/frontline").session(session).with(csrf()).param("task", "2024年资江抗洪抢险")
                        .param("taskKind", "抗洪抢险").param("startDate", "2024-06-20").param("endDate", "2024-07-10")
                        .param("performance", "带队坚守大堤").param("evidence", "县防指通报表扬").param("recommendingOrgId", Long.toString(unit)))
                .andExpect(flash().attribute("message", "已记录「三将干部」"));
        assertThat(auditCount("CADRE_FRONTLINE")).isEqualTo(added + 1);
        var row = jdbc.sql("SELECT id, outcome, version, created_by FROM cadre_frontline WHERE person_id = :p").param("p", id).query().singleRow();
        assertThat(row.get("outcome")).isEqualTo("拟认定");
        assertThat(row.get("created_by")).isEqualTo("county1");
        long recordId = ((Number) row.get("id")).longValue();
        assertThat(events.stream(FrontlineRecognized.class).filter(e -> e.personId() == id)).isEmpty();

        mvc.perform(get("/cadres/" + id).session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("「三将干部」认定记录"),
                        Matchers.containsString("2024年资江抗洪抢险"), Matchers.containsString("带队坚守大堤"),
                        Matchers.containsString("/cadres/" + id + "/frontline/" + recordId + "/recognize"))));

        // 认定 without a document number is refused and changes nothing.
        mvc.perform(post("/cadres/" + id + "/frontline/" + recordId + "/recognize").session(session).with(csrf())
                        .param("recognizedOn", "2024-08-01").param("version", row.get("version").toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("认定文号")));
        long recognized = auditCount("CADRE_FRONTLINE_RECOGNIZE");
        mvc.perform(post("/cadres/" + id + "/frontline/" + recordId + "/recognize").session(session).with(csrf())
                        .param("recognizedOn", "2024-08-01").param("document", "青组通〔2024〕18号").param("version", row.get("version").toString()))
                .andExpect(flash().attribute("message", "已认定为「三将干部」"));
        assertThat(auditCount("CADRE_FRONTLINE_RECOGNIZE")).isEqualTo(recognized + 1);
        assertThat(events.stream(FrontlineRecognized.class).filter(e -> e.personId() == id && e.recordId() == recordId
                && e.task().equals("2024年资江抗洪抢险") && e.recognizedOn().equals(LocalDate.of(2024, 8, 1)))).hasSize(1);
        // A second submit is refused.
        mvc.perform(post("/cadres/" + id + "/frontline/" + recordId + "/recognize").session(session).with(csrf())
                        .param("recognizedOn", "2024-08-01").param("document", "青组通〔2024〕18号"))
                .andExpect(flash().attribute("error", Matchers.containsString("已认定")));
        assertThat(events.stream(FrontlineRecognized.class).filter(e -> e.personId() == id)).hasSize(1);
        mvc.perform(get("/cadres/" + id).session(session))
                .andExpect(content().string(Matchers.containsString("青组通〔2024〕18号")));
    }

    @Test
    void theApiAddsListsAndUpdatesWithTheVersionAndBecoming已认定IsAnnounced() throws Exception {
        long id = importCadre("万晓东", LocalDate.of(1986, 2, 1));
        long unit = orgIdByName(unitInCounty(1));
        String auth = bearer("county1");
        String created = mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(json("疫情防控卡口值守", "疫情防控", "2022-11-01", null, unit, null, null, null)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("拟认定"))
                .andExpect(jsonPath("$.recommendingOrgName").value(unitInCounty(1)))
                .andExpect(jsonPath("$.endDate").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long recordId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].task").value("疫情防控卡口值守")).andExpect(jsonPath("$[0].version").value(0));

        // Without a version, and with a stale one, the update is refused.
        mvc.perform(put("/api/v1/cadres/" + id + "/frontline/" + recordId).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(json("疫情防控卡口值守", "疫情防控", "2022-11-01", "2022-12-31", unit, "已认定", "2023-01-15", "青组〔2023〕3号")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        String withVersion = json("疫情防控卡口值守", "疫情防控", "2022-11-01", "2022-12-31", unit, "已认定", "2023-01-15", "青组〔2023〕3号");
        withVersion = withVersion.substring(0, withVersion.length() - 1) + ",\"version\":0}";
        mvc.perform(put("/api/v1/cadres/" + id + "/frontline/" + recordId).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(withVersion))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("已认定"))
                .andExpect(jsonPath("$.document").value("青组〔2023〕3号")).andExpect(jsonPath("$.version").value(1));
        assertThat(events.stream(FrontlineRecognized.class).filter(e -> e.personId() == id && e.recordId() == recordId)).hasSize(1);
        mvc.perform(put("/api/v1/cadres/" + id + "/frontline/" + recordId).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(withVersion))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/cadres/" + id).header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(jsonPath("$.frontline[0].outcome").value("已认定"));
        // A record of another cadre is not found under this one.
        long other = importCadre("万晓西", LocalDate.of(1986, 3, 1));
        mvc.perform(put("/api/v1/cadres/" + other + "/frontline/" + recordId).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(withVersion))
                .andExpect(status().isNotFound());
    }

    @Test
    void invalidRecordsStoreNothingAndNameTheirFields() throws Exception {
        long id = importCadre("汤明辉", LocalDate.of(1984, 4, 1));
        long unit = orgIdByName(unitInCounty(1));
        String auth = bearer("county1");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(json(" ", "抢险", tomorrow, "2020-01-01", unit, "已认定", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("task", "taskKind", "startDate", "endDate",
                        "recognizedOn", "document")))
                .andExpect(jsonPath("$.errors[*].message").value(Matchers.hasItems("请填写任务名称", "开始时间不能晚于今天",
                        "结束时间不能早于开始时间", "已认定须填写认定时间", "已认定须填写认定文号")));
        mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(json("很长".repeat(101), "其他", null, null, unit, null, null, null).replace(",\"recommendingOrgId\":" + unit, "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("task", "startDate", "recommendingOrgId")));
        mvc.perform(post("/cadres/" + id + "/frontline").session(session("county1")).with(csrf()).param("taskKind", "乡村振兴")
                        .param("startDate", "2023-03-01").param("recommendingOrgId", Long.toString(unit)))
                .andExpect(flash().attribute("error", Matchers.containsString("请填写任务名称")));
        assertThat(rows(id)).isZero();
    }

    @Test
    void aRecommendingOrganizationOutsideTheJurisdictionIsRefused() throws Exception {
        long id = importCadre("尹志高", LocalDate.of(1981, 1, 1));
        long elsewhere = orgIdByName(unitInCounty(2));
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(json("重点项目征地拆迁", "重大项目", "2023-03-01", null, elsewhere, null, null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recommendingOrgId"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("管辖范围")));
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 1);
        assertThat(rows(id)).isZero();
    }

    @Test
    void theSearchFindsRecognizedCadresOnlyAndTheRosterSaysSo() throws Exception {
        long id = importCadre("龚振华", LocalDate.of(1979, 7, 1));
        long unit = orgIdByName(unitInCounty(1));
        String auth = bearer("county1");
        String body = mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(json("信访积案化解", "信访维稳", "2023-01-01", "2023-06-30", unit, null, null, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        // 拟认定 does not count.
        mvc.perform(get("/api/v1/cadres").header(HttpHeaders.AUTHORIZATION, auth).param("name", "龚振华").param("frontline", "true"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(post("/api/v1/cadres/" + id + "/frontline/" + recordId + "/recognize").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recognizedOn\":\"2023-08-01\",\"document\":\"青组〔2023〕21号\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("已认定"));
        assertThat(events.stream(FrontlineRecognized.class).filter(e -> e.recordId() == recordId)).hasSize(1);

        mvc.perform(get("/api/v1/cadres").header(HttpHeaders.AUTHORIZATION, auth).param("name", "龚振华").param("frontline", "true"))
                .andExpect(jsonPath("$.page.totalElements").value(1)).andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].frontline").value(true));
        for (String value : new String[] {"false", ""}) {
            mvc.perform(get("/api/v1/cadres").header(HttpHeaders.AUTHORIZATION, auth).param("name", "龚振华").param("frontline", value))
                    .andExpect(jsonPath("$.page.totalElements").value(1));
        }
        // Every recognized cadre the search finds has a recognized record; cadres without one are found without the filter.
        long withFilter = Long.parseLong(mvc.perform(get("/api/v1/cadres").header(HttpHeaders.AUTHORIZATION, auth).param("frontline", "true"))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"totalElements\":(\\d+).*", "$1"));
        long without = Long.parseLong(mvc.perform(get("/api/v1/cadres").header(HttpHeaders.AUTHORIZATION, auth))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"totalElements\":(\\d+).*", "$1"));
        assertThat(withFilter).isPositive().isLessThan(without);
        mvc.perform(get("/api/v1/cadres").header(HttpHeaders.AUTHORIZATION, bearer("county2")).param("name", "龚振华").param("frontline", "true"))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        MockHttpSession session = session("county1");
        mvc.perform(get("/cadres").session(session).param("name", "龚振华").param("frontline", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("/cadres/" + id)));
        mvc.perform(post("/cadres/saved-searches").session(session).with(csrf()).param("searchName", "三将干部").param("frontline", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT query FROM cadre_saved_search s JOIN access_user u ON u.id = s.user_id WHERE u.username = 'county1' AND s.name = '三将干部'")
                .query(String.class).single()).isEqualTo("frontline=true");

        byte[] xlsx = mvc.perform(get("/cadres/roster").session(session).param("name", "龚振华").param("columns", "NAME", "FRONTLINE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("三将干部");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("是");
        }
    }

    @Test
    void anotherCountyGets404AndTheAttemptIsAuditedOnEveryRoute() throws Exception {
        long id = importCadre("邹立平", LocalDate.of(1980, 10, 1));
        long unit = orgIdByName(unitInCounty(1));
        String body = mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content(json("防汛值守", "抗洪抢险", "2024-06-01", null, unit, null, null, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String other = bearer("county2");
        long ownUnit = orgIdByName(unitInCounty(2));
        String record = json("防汛值守", "抗洪抢险", "2024-06-01", null, ownUnit, "已认定", "2024-08-01", "外县文号");
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, other)).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 1);
        mvc.perform(post("/api/v1/cadres/" + id + "/frontline").header(HttpHeaders.AUTHORIZATION, other)
                .contentType(MediaType.APPLICATION_JSON).content(record)).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 2);
        mvc.perform(put("/api/v1/cadres/" + id + "/frontline/" + recordId).header(HttpHeaders.AUTHORIZATION, other)
                .contentType(MediaType.APPLICATION_JSON).content(record.replace("}", ",\"version\":0}"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 3);
        mvc.perform(post("/api/v1/cadres/" + id + "/frontline/" + recordId + "/recognize").header(HttpHeaders.AUTHORIZATION, other)
                .contentType(MediaType.APPLICATION_JSON).content("{\"recognizedOn\":\"2024-08-01\",\"document\":\"外县文号\"}"))
                .andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 4);
        MockHttpSession session = session("county2");
        mvc.perform(post("/cadres/" + id + "/frontline").session(session).with(csrf()).param("task", "防汛值守").param("taskKind", "抗洪抢险")
                .param("startDate", "2024-06-01").param("recommendingOrgId", Long.toString(ownUnit))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 5);
        mvc.perform(post("/cadres/" + id + "/frontline/" + recordId + "/recognize").session(session).with(csrf())
                .param("recognizedOn", "2024-08-01").param("document", "外县文号")).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 6);
        var row = jdbc.sql("SELECT outcome, version FROM cadre_frontline WHERE id = :id").param("id", recordId).query().singleRow();
        assertThat(row.get("outcome")).isEqualTo("拟认定");
        assertThat(row.get("version")).isEqualTo(0);
        assertThat(rows(id)).isOne();
        assertThat(events.stream(FrontlineRecognized.class).filter(e -> e.personId() == id)).isEmpty();
    }
}
