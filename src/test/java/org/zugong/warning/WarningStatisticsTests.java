package org.zugong.warning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning statistics (预警统计) count exactly the warnings the user may see — those of units in the
 * jurisdiction and those handed to the user — by rule, by unit and by month, for a county user and for a
 * whole-installation user, whatever shape the SQL takes for speed.
 */
class WarningStatisticsTests extends IntegrationTest {

    private static final String HANDLER = "stats-test";

    @Autowired
    WarningViews views;

    @AfterEach
    void cleanUp() {
        jdbc.sql("UPDATE warning SET handler = NULL WHERE handler = :h").param("h", HANDLER).update();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCountyUsersStatisticsCountTheCountysWarningsAndThoseHandedToTheUser() {
        long county1 = county(1);
        // One warning of another county handed to the user: it counts too.
        long handed = jdbc.sql("""
                SELECT min(w.id) FROM warning w JOIN org_organization o ON o.id = w.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'""").param("c", county(2)).query(Long.class).single();
        jdbc.sql("UPDATE warning SET handler = :h WHERE id = :id").param("h", HANDLER).param("id", handed).update();
        actAs(actor(new ScopeGrant(DataScope.CUSTOM, Set.of(county1))));

        String visible = """
                (o.path LIKE (SELECT path FROM org_organization WHERE id = %d) || '%%' OR lower(w.handler) = lower('%s'))"""
                .formatted(county1, HANDLER);
        assertCountsMatch(visible);
    }

    @Test
    void aWholeInstallationUsersStatisticsCountEveryWarning() {
        actAs(actor(new ScopeGrant(DataScope.ALL, Set.of())));
        assertCountsMatch("TRUE");
    }

    private void assertCountsMatch(String visible) {
        String from = " FROM warning w JOIN org_organization o ON o.id = w.org_id WHERE " + visible;
        Map<String, List<Long>> expectedByRule = new HashMap<>();
        jdbc.sql("SELECT w.rule_code, count(*) FILTER (WHERE w.status <> 'CLOSED'), count(*)" + from + " GROUP BY w.rule_code")
                .query(rs -> {
                    expectedByRule.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                });
        assertThat(expectedByRule).as("demo warnings in scope").isNotEmpty();
        assertThat(views.byRule().stream().collect(Collectors.toMap(WarningViews.Count::key, c -> List.of(c.open(), c.total()))))
                .isEqualTo(expectedByRule);

        List<List<Long>> expectedByUnit = jdbc.sql("SELECT w.org_id, count(*) FILTER (WHERE w.status <> 'CLOSED') AS open, count(*) AS total"
                        + from + " GROUP BY w.org_id ORDER BY open DESC, total DESC LIMIT 5")
                .query((rs, n) -> List.of(rs.getLong(2), rs.getLong(3))).list();
        assertThat(views.byUnit(5).stream().map(c -> List.of(c.open(), c.total())).toList()).isEqualTo(expectedByUnit);
        assertThat(views.byUnit(100_000).stream().mapToLong(WarningViews.Count::total).sum())
                .isEqualTo(jdbc.sql("SELECT count(*)" + from).query(Long.class).single());

        Map<WarningColour, Long> expectedByColour = new java.util.EnumMap<>(WarningColour.class);
        for (WarningColour c : WarningColour.values()) {
            expectedByColour.put(c, 0L);
        }
        jdbc.sql("SELECT w.colour, count(*)" + from + " AND w.status <> 'CLOSED' GROUP BY w.colour")
                .query(rs -> {
                    expectedByColour.put(WarningColour.valueOf(rs.getString(1)), rs.getLong(2));
                });
        assertThat(views.openByColour(WarningViews.Filter.empty())).isEqualTo(expectedByColour);

        LocalDate today = LocalDate.now();
        long raisedThisYear = jdbc.sql("SELECT count(*)" + from + " AND w.raised_at >= :from")
                .param("from", java.sql.Timestamp.valueOf(today.withDayOfMonth(1).minusMonths(11).atStartOfDay())).query(Long.class).single();
        assertThat(views.trend(today).months().stream().mapToLong(WarningViews.Month::raised).sum()).isEqualTo(raisedThisYear);
    }

    private static Actor actor(ScopeGrant grant) {
        return new Actor(999_999, HANDLER, "统计测试", 1, "测试组织", null, Set.of("warning:read"), List.of(grant));
    }
}
