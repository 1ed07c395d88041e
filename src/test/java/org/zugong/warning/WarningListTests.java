package org.zugong.warning;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;
import org.zugong.platform.web.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning list shows, page by page, exactly the rows and total of the plain query, whatever shape its SQL takes. */
class WarningListTests extends IntegrationTest {

    @Autowired
    WarningViews views;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
    }

    private List<Long> expected(String condition, String name, int offset, int limit) {
        return jdbc.sql("""
                SELECT w.id FROM warning w JOIN person_view p ON p.id = w.person_id WHERE """ + " " + condition + """
                 AND (CAST(:name AS text) IS NULL OR p.name LIKE :name || '%')
                ORDER BY w.status = 'CLOSED', CASE w.colour WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END,
                 w.raised_at DESC, w.id DESC LIMIT :limit OFFSET :offset""")
                .param("name", name).param("limit", limit).param("offset", offset).query(Long.class).list();
    }

    @Test
    void pagesAndTotalsEqualThePlainQueryWithAndWithoutANameFilter() {
        actAs(new Actor(999_998, "list-test", "列表测试", 1, "测试组织", null, Set.of("warning:read"),
                List.of(new ScopeGrant(DataScope.ALL, Set.of()))));
        long all = jdbc.sql("SELECT count(*) FROM warning").query(Long.class).single();
        assertThat(all).as("demo warnings").isGreaterThan(10);
        for (int page = 0; page < 3; page++) {
            var result = views.list(WarningViews.Filter.empty(), PageRequest.of(page, 5));
            assertThat(result.content().stream().map(WarningViews.Row::id).toList()).isEqualTo(expected("TRUE", null, page * 5, 5));
            assertThat(result.page().totalElements()).isEqualTo(all);
            assertThat(result.content()).allSatisfy(r -> assertThat(r.personName()).isNotBlank());
        }
        String surname = jdbc.sql("SELECT left(p.name, 1) FROM warning w JOIN person_view p ON p.id = w.person_id LIMIT 1")
                .query(String.class).single();
        var byName = views.list(new WarningViews.Filter(null, null, null, null, surname, null), PageRequest.of(0, 5));
        assertThat(byName.content().stream().map(WarningViews.Row::id).toList()).isEqualTo(expected("TRUE", surname, 0, 5));
        assertThat(byName.page().totalElements()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM warning w JOIN person_view p ON p.id = w.person_id WHERE p.name LIKE :n || '%'")
                .param("n", surname).query(Long.class).single());
    }

    @Test
    void theApiListOfACountyEqualsThePlainQueryPageByPageWithAndWithoutFilters() throws Exception {
        long county = county(1);
        String under = "w.org_id IN (SELECT id FROM org_organization WHERE path LIKE (SELECT path FROM org_organization WHERE id = "
                + county + ") || '%')";
        for (String[] filter : List.of(new String[] {"", "TRUE"}, new String[] {"&status=OPEN", "w.status = 'OPEN'"},
                new String[] {"&status=CLOSED&colour=RED", "w.status = 'CLOSED' AND w.colour = 'RED'"})) {
            for (int page = 0; page < 3; page++) {
                List<Long> plain = jdbc.sql("SELECT w.id FROM warning w WHERE " + under + " AND " + filter[1]
                        + " ORDER BY w.raised_at DESC, w.id DESC LIMIT 3 OFFSET " + page * 3).query(Long.class).list();
                String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .get("/api/v1/warnings?orgId=" + county + "&size=3&page=" + page + filter[0])
                                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer("county1")))
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                        .andReturn().getResponse().getContentAsString();
                List<Long> served = new java.util.ArrayList<>();
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).forEach(w -> {
                    served.add(w.get("id").asLong());
                    assertThat(w.get("personName").asText()).isNotBlank();
                });
                assertThat(served).as("%s page %d", filter[0], page).isEqualTo(plain);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM warning w WHERE " + under).query(Long.class).single())
                .as("demo warnings in county 1, more than two pages").isGreaterThan(6);
    }
}
