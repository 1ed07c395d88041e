package org.zugong.cadre;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 退休提醒 (F15): windows, the SQL prefilter against the Java computation, jurisdiction, page, API and export. */
class RetirementListTests extends IntegrationTest {

    @Autowired
    FieldCipher cipher;
    @Autowired
    RetirementList list;
    @Autowired
    ObjectMapper json;

    private final RetirementSchedule schedule = RetirementSchedule.load();
    private CadreFixture fixture;
    private final YearMonth current = YearMonth.now();

    @BeforeEach
    void setUp() {
        fixture = new CadreFixture(jdbc, cipher);
    }

    @AfterEach
    void tearDown() {
        fixture.cleanup();
        SecurityContextHolder.clearContext();
    }

    /** A group and a birth date whose retirement month is {@code target} (a group may skip a month: try each). */
    private Map.Entry<RetirementGroup, LocalDate> bornToRetireIn(YearMonth target) {
        for (RetirementGroup g : RetirementGroup.values()) {
            for (YearMonth b = target.minusYears(70); b.isBefore(target.minusYears(40)); b = b.plusMonths(1)) {
                if (schedule.compute(b, g).retirementMonth().equals(target)) {
                    return Map.entry(g, b.atDay(Math.min(15, b.lengthOfMonth())));
                }
            }
        }
        throw new IllegalStateException("no birth month retires in " + target);
    }

    private long cadreRetiringIn(long unit, String name, YearMonth target) {
        var born = bornToRetireIn(target);
        return fixture.cadre(unit, name, born.getKey() == RetirementGroup.MALE_60 ? "1" : "2", born.getValue(), born.getKey());
    }

    private Set<Long> apiIds(String user, String... params) throws Exception {
        var request = get("/api/v1/cadres/retirements").header("Authorization", bearer(user)).param("size", "200");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Set<Long> ids = new java.util.HashSet<>();
        for (JsonNode row : json.readTree(body).get("content")) {
            ids.add(row.get("personId").asLong());
        }
        return ids;
    }

    @Test
    void eachCadreAppearsInExactlyTheWindowsOfItsRetirementMonth() throws Exception {
        long unit = fixture.unit(county(1), "退休测试单位");
        long thisMonth = cadreRetiringIn(unit, "退测本月", current);
        long nextMonth = cadreRetiringIn(unit, "退测下月", current.plusMonths(1));
        long in11 = cadreRetiringIn(unit, "退测十一", current.plusMonths(11));
        long in13 = cadreRetiringIn(unit, "退测十三", current.plusMonths(13));
        String org = String.valueOf(unit);

        assertThat(apiIds("city", "window", "THIS_MONTH", "orgId", org)).containsExactly(thisMonth);
        assertThat(apiIds("city", "window", "NEXT_MONTH", "orgId", org)).containsExactly(nextMonth);
        assertThat(apiIds("city", "window", "WITHIN_12_MONTHS", "orgId", org)).containsExactlyInAnyOrder(thisMonth, nextMonth, in11);
        Map<Long, YearMonth> months = Map.of(thisMonth, current, nextMonth, current.plusMonths(1), in11, current.plusMonths(11),
                in13, current.plusMonths(13));
        Set<Long> thisYear = months.entrySet().stream().filter(e -> e.getValue().getYear() == current.getYear())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(apiIds("city", "window", "THIS_YEAR", "orgId", org)).isEqualTo(thisYear);
        assertThat(apiIds("city", "window", "CUSTOM", "from", current.plusMonths(12).toString(),
                "to", current.plusMonths(13).toString(), "orgId", org)).containsExactly(in13);

        String body = mvc.perform(get("/api/v1/cadres/retirements").header("Authorization", bearer("city"))
                .param("window", "THIS_MONTH").param("orgId", org)).andReturn().getResponse().getContentAsString();
        JsonNode row = json.readTree(body).get("content").get(0);
        assertThat(row.get("retirementMonth").asString()).isEqualTo(current.toString());
        assertThat(row.get("retirementText").asString()).startsWith(RetirementFormat.month(current) + "（");
    }

    @Test
    void sqlPrefilterReturnsExactlyWhatTheJavaComputationSays() {
        long unit = fixture.unit(county(1), "退休核对单位");
        // Every birth month 1962–1978 in every group, on the first, the 15th and the last day in turn.
        Map<Long, RetirementDate> expected = new HashMap<>();
        int n = 0;
        for (RetirementGroup g : RetirementGroup.values()) {
            for (YearMonth b = YearMonth.of(1962, 1); b.isBefore(YearMonth.of(1979, 1)); b = b.plusMonths(1), n++) {
                int day = switch (n % 3) { case 0 -> 1; case 1 -> 15; default -> b.lengthOfMonth(); };
                long id = fixture.cadre(unit, "核对" + n, g == RetirementGroup.MALE_60 ? "1" : "2", b.atDay(day), g);
                expected.put(id, schedule.compute(b, g));
            }
        }
        actAsCityUser();
        List<RetirementCriteria> windows = new ArrayList<>();
        for (RetirementWindow w : List.of(RetirementWindow.THIS_MONTH, RetirementWindow.NEXT_MONTH, RetirementWindow.THIS_YEAR,
                RetirementWindow.WITHIN_12_MONTHS)) {
            windows.add(RetirementCriteria.of(w, unit));
        }
        windows.add(RetirementCriteria.custom(YearMonth.of(2025, 1), YearMonth.of(2034, 12), unit));
        windows.add(RetirementCriteria.custom(YearMonth.of(2031, 7), YearMonth.of(2032, 2), unit));
        windows.add(RetirementCriteria.custom(YearMonth.of(2040, 1), YearMonth.of(2041, 6), unit));
        for (RetirementCriteria c : windows) {
            RetirementWindow.Months months = c.months(current);
            Set<Long> want = expected.entrySet().stream().filter(e -> months.contains(e.getValue().retirementMonth()))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            List<RetirementRow> got = new ArrayList<>();
            PageResult<RetirementRow> page;
            int number = 0;
            do {
                page = list.search(c, new PageRequest(number++, 50), current);
                got.addAll(page.content());
            } while (page.hasNext());
            assertThat(got.stream().map(RetirementRow::personId).collect(Collectors.toSet())).as("window %s", months).isEqualTo(want);
            assertThat(got).hasSize(want.size());
            assertThat(page.page().totalElements()).isEqualTo(want.size());
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).retirement()).isEqualTo(expected.get(got.get(i).personId()));
                if (i > 0) {
                    assertThat(got.get(i).retirement().retirementMonth()).isAfterOrEqualTo(got.get(i - 1).retirement().retirementMonth());
                }
            }
        }
    }

    @Test
    void countyUserSeesOnlyCadresOfItsCountyInListApiAndExport() throws Exception {
        long mine = fixture.unit(county(1), "退休辖区一");
        long other = fixture.unit(county(2), "退休辖区二");
        long own = cadreRetiringIn(mine, "辖内退休甲", current.plusMonths(2));
        long foreign = cadreRetiringIn(other, "辖外退休乙", current.plusMonths(2));

        Set<Long> api = apiIds("county1", "window", "WITHIN_12_MONTHS");
        assertThat(api).contains(own).doesNotContain(foreign);
        assertThat(apiIds("city", "window", "WITHIN_12_MONTHS")).contains(own, foreign);
        List<Long> county2Orgs = jdbc.sql("""
                SELECT o.id FROM org_organization o WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'""")
                .param("c", county(2)).query(Long.class).list();
        List<Long> seenOrgs = jdbc.sql("SELECT org_id FROM cadre_profile WHERE person_id IN (:ids)").param("ids", api)
                .query(Long.class).list();
        assertThat(seenOrgs).doesNotContainAnyElementsOf(county2Orgs);

        String page = mvc.perform(get("/cadres/retirements").param("window", "WITHIN_12_MONTHS").param("size", "200")
                .session(session("county1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("辖内退休甲").doesNotContain("辖外退休乙");

        long before = auditCount("CADRE_EXPORT");
        byte[] xlsx = mvc.perform(get("/cadres/retirements/export").param("window", "WITHIN_12_MONTHS").session(session("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Sheet sheet = new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
        List<String> names = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            names.add(sheet.getRow(r).getCell(1).getStringCellValue());
        }
        assertThat(names).contains("辖内退休甲").doesNotContain("辖外退休乙");
        assertThat(auditCount("CADRE_EXPORT")).isEqualTo(before + 1);

        // Asking for the other county's unit is not found, in every form.
        mvc.perform(get("/api/v1/cadres/retirements").param("orgId", String.valueOf(other)).header("Authorization", bearer("county1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/retirements").param("orgId", String.valueOf(other)).session(session("county1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/retirements/export").param("orgId", String.valueOf(other)).session(session("county1")))
                .andExpect(status().isNotFound());
        assertThat(auditCount("CADRE_EXPORT")).isEqualTo(before + 1);
    }

    @Test
    void pageRendersForTheCityUserWithTheNamesAndBadInputIsExplained() throws Exception {
        long unit = fixture.unit(county(3), "退休页面单位");
        cadreRetiringIn(unit, "页面退休丙", current.plusMonths(1));
        String page = mvc.perform(get("/cadres/retirements").param("window", "NEXT_MONTH").param("orgId", String.valueOf(unit))
                .session(session("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("页面退休丙").contains("页面退休丙的现任职务").contains(RetirementFormat.month(current.plusMonths(1)))
                .contains("退休页面单位");
        String fragment = mvc.perform(get("/cadres/retirements").param("window", "NEXT_MONTH").param("orgId", String.valueOf(unit))
                .header("HX-Request", "true").session(session("city"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(fragment).contains("页面退休丙").doesNotContain("<html");
        mvc.perform(get("/cadres/retirements").session(session("city"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cadres/retirements").param("window", "CUSTOM").param("from", "2030-05").param("to", "2029-01")
                .header("Authorization", bearer("city"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cadres/retirements").param("window", "SOMEDAY").header("Authorization", bearer("city")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/cadres/retirements").param("window", "CUSTOM").param("from", "2030-5x").session(session("city")))
                .andExpect(status().isBadRequest());
    }
}
