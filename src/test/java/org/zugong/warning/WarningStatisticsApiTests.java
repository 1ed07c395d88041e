package org.zugong.warning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/warnings/statistics}: an integration reads the statistics page's figures, for the caller's
 * jurisdiction only.
 */
class WarningStatisticsApiTests extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCountyUserReadsTheOpenWarningsOfItsCountyByColourAndTheLastTwelveMonths() throws Exception {
        JsonNode body = statistics("county1");

        Map<WarningColour, Long> expected = new EnumMap<>(WarningColour.class);
        for (WarningColour c : WarningColour.values()) {
            expected.put(c, 0L);
        }
        jdbc.sql("""
                SELECT w.colour, count(*) FROM warning w JOIN org_organization o ON o.id = w.org_id
                WHERE w.status <> 'CLOSED' AND (o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                                                OR lower(w.handler) = 'county1')
                GROUP BY w.colour""").param("c", county(1)).query(rs -> {
                    expected.put(WarningColour.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Map<WarningColour, Long> served = new EnumMap<>(WarningColour.class);
        body.get("openByColour").properties().forEach(e -> served.put(WarningColour.valueOf(e.getKey()), e.getValue().asLong()));
        assertThat(served).isEqualTo(expected);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).as("demo warnings in county 1").isPositive();

        assertThat(body.get("months")).hasSize(12);
        assertThat(body.get("months").get(11).get("month").asText()).isEqualTo(YearMonth.now().toString());
        assertThat(body.get("rules")).isNotEmpty();
        assertThat(body.get("units").get(0).get("open").asLong()).isPositive();
    }

    @Test
    void theCityUserSeesMoreThanOneOfItsCounties() throws Exception {
        assertThat(openTotal(statistics("city"))).isGreaterThan(openTotal(statistics("county1")));
    }

    private JsonNode statistics(String user) throws Exception {
        String body = mvc.perform(get("/api/v1/warnings/statistics").header(HttpHeaders.AUTHORIZATION, bearer(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static long openTotal(JsonNode body) {
        long sum = 0;
        for (JsonNode n : body.get("openByColour")) {
            sum += n.asLong();
        }
        return sum;
    }
}
