package org.zugong.talent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 人才统计 by county: for the city, every county's figures equal a hand count of the registry rows whose unit lies under it. */
class TalentStatisticsCountyTests extends IntegrationTest {

    private record Node(String name, String path) {
    }

    @Test
    void theCountyDimensionCountsEachTalentUnderTheCountyItsUnitLiesInAndTheRestAsCityLevel() throws Exception {
        List<Node> counties = jdbc.sql("SELECT name, path FROM org_organization WHERE kind = 'COUNTY'")
                .query((rs, n) -> new Node(rs.getString(1), rs.getString(2))).list();
        List<Object[]> talents = jdbc.sql("SELECT o.path, extract(year FROM t.introduced_on)::int FROM talent t JOIN org_organization o ON o.id = t.org_id")
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getInt(2)}).list();
        int year = talents.stream().mapToInt(t -> (Integer) t[1]).max().orElseThrow();
        Map<String, long[]> byCounty = new HashMap<>();
        for (Object[] t : talents) {
            int y = (Integer) t[1];
            if (y != year && y != year - 1) {
                continue;
            }
            String label = counties.stream().filter(c -> ((String) t[0]).startsWith(c.path())).map(Node::name).findFirst().orElse("市直");
            byCounty.computeIfAbsent(label, k -> new long[2])[y == year ? 0 : 1]++;
        }
        assertThat(byCounty.keySet()).hasSizeGreaterThan(1);
        String body = mvc.perform(get("/api/v1/talents/statistics").header("Authorization", bearer("city")).param("year", Integer.toString(year)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String county = body.substring(body.indexOf("\"县（市、区）\""));
        for (var e : byCounty.entrySet()) {
            assertThat(county).contains("{\"label\":\"" + e.getKey() + "\",\"count\":" + e.getValue()[0] + ",\"previous\":" + e.getValue()[1]);
        }
    }
}
