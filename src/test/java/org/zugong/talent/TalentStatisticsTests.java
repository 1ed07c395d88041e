package org.zugong.talent;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 人才统计: the figures by year, tier and category against a hand count of the registry rows, within the jurisdiction. */
class TalentStatisticsTests extends IntegrationTest {

    private record Talent(String tier, String category, LocalDate introducedOn) {
    }

    /** Every registry row of county 1, counted by hand below. */
    private List<Talent> county1() {
        return jdbc.sql("""
                SELECT t.tier_code, t.category, t.introduced_on FROM talent t JOIN org_organization o ON o.id = t.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'""").param("c", county(1))
                .query((rs, n) -> new Talent(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate())).list();
    }

    @Test
    void theFiguresByYearTierAndCategoryEqualAHandCountOfTheCountysRegistry() throws Exception {
        List<Talent> all = county1();
        assertThat(all).isNotEmpty();
        int year = all.stream().map(t -> t.introducedOn().getYear()).max(Integer::compare).orElseThrow();
        long thisYear = all.stream().filter(t -> t.introducedOn().getYear() == year).count();
        long lastYear = all.stream().filter(t -> t.introducedOn().getYear() == year - 1).count();
        String body = mvc.perform(get("/api/v1/talents/statistics").header("Authorization", bearer("talentoffice")).param("year", Integer.toString(year)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(thisYear)).andExpect(jsonPath("$.previousTotal").value(lastYear))
                .andReturn().getResponse().getContentAsString();
        for (int y = year - 5; y <= year; y++) {
            int yy = y;
            long count = all.stream().filter(t -> t.introducedOn().getYear() == yy).count();
            long before = all.stream().filter(t -> t.introducedOn().getYear() == yy - 1).count();
            assertThat(body).contains("{\"label\":\"" + y + "\",\"count\":" + count + ",\"previous\":" + before);
        }
        Map<String, long[]> byCategory = new HashMap<>();
        for (Talent t : all) {
            int y = t.introducedOn().getYear();
            if (y == year || y == year - 1) {
                byCategory.computeIfAbsent(t.category(), k -> new long[2])[y == year ? 0 : 1]++;
            }
        }
        for (var e : byCategory.entrySet()) {
            assertThat(body).contains("{\"label\":\"" + e.getKey() + "\",\"count\":" + e.getValue()[0] + ",\"previous\":" + e.getValue()[1]);
        }
        // one county only: the county dimension names county 1 alone
        String county1 = jdbc.sql("SELECT name FROM org_organization WHERE id = :c").param("c", county(1)).query(String.class).single();
        String county2 = jdbc.sql("SELECT name FROM org_organization WHERE id = :c").param("c", county(2)).query(String.class).single();
        assertThat(body).contains("\"label\":\"" + county1 + "\"").doesNotContain("\"label\":\"" + county2 + "\"");
    }

    @Test
    void theTierFilterNarrowsTheFiguresAndThePageAndExportWork() throws Exception {
        List<Talent> all = county1();
        int year = all.stream().map(t -> t.introducedOn().getYear()).max(Integer::compare).orElseThrow();
        long tierE = all.stream().filter(t -> t.tier().equals("E") && t.introducedOn().getYear() == year).count();
        mvc.perform(get("/api/v1/talents/statistics").header("Authorization", bearer("talentoffice")).param("year", Integer.toString(year)).param("tier", "E"))
                .andExpect(jsonPath("$.total").value(tierE));
        var office = session("talentoffice");
        mvc.perform(get("/talents/statistics").session(office)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"stats-chart\"")))
                .andExpect(content().string(containsString("按县（市、区）")));
        long exports = auditCount("TALENT_STATISTICS_EXPORT");
        mvc.perform(get("/talents/statistics/export").session(office)).andExpect(status().isOk());
        assertThat(auditCount("TALENT_STATISTICS_EXPORT")).isEqualTo(exports + 1);
        // the city sees every county
        mvc.perform(get("/api/v1/talents/statistics").header("Authorization", bearer("talent1"))).andExpect(status().isForbidden());
    }
}
