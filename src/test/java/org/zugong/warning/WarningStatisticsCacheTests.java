package org.zugong.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page's counts are kept per jurisdiction, and still every view shows what the database holds: a
 * change made by anything — another node, SQL by hand — raises the topic's version in the same transaction, and
 * the next view computes afresh. Statements that change nothing, and changes rolled back, keep the kept counts.
 */
class WarningStatisticsCacheTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    WarningStatistics statistics;

    @Autowired
    WarningViews views;

    @Autowired
    TransactionTemplate transactions;

    private Runnable restore = () -> { };

    @AfterEach
    void cleanUp() {
        restore.run();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSecondViewWithNothingChangedServesTheKeptCounts() {
        actAs(actor("stats-all", new ScopeGrant(DataScope.ALL, Set.of())));
        WarningViews.Statistics first = statistics.of(TODAY);
        assertThat(statistics.of(TODAY)).isSameAs(first);
    }

    @Test
    void aWarningClosedElsewhereLeavesTheOpenCountsAtOnce() {
        actAs(actor("stats-all", new ScopeGrant(DataScope.ALL, Set.of())));
        WarningViews.Statistics before = statistics.of(TODAY);
        Map<String, Object> open = jdbc.sql("SELECT id, colour, version FROM warning WHERE status <> 'CLOSED' ORDER BY id LIMIT 1")
                .query().singleRow();
        long id = ((Number) open.get("id")).longValue();
        WarningColour colour = WarningColour.valueOf((String) open.get("colour"));
        String status = jdbc.sql("SELECT status FROM warning WHERE id = :id").param("id", id).query(String.class).single();
        restore = () -> jdbc.sql("UPDATE warning SET status = :s, closed_at = NULL WHERE id = :id").param("s", status).param("id", id).update();

        // As another node would: straight to the database, nothing in this node's memory is told.
        jdbc.sql("UPDATE warning SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", id).update();

        WarningViews.Statistics after = statistics.of(TODAY);
        assertThat(after.openByColour().get(colour)).isEqualTo(before.openByColour().get(colour) - 1);
        assertThat(after).isEqualTo(views.statistics(TODAY, WarningStatistics.UNITS));
    }

    @Test
    void aRenamedUnitIsShownUnderItsNewName() {
        actAs(actor("stats-all", new ScopeGrant(DataScope.ALL, Set.of())));
        WarningViews.Count top = statistics.of(TODAY).units().getFirst();
        long unit = Long.parseLong(top.key());
        restore = () -> jdbc.sql("UPDATE org_organization SET name = :n WHERE id = :id").param("n", top.label()).param("id", unit).update();

        jdbc.sql("UPDATE org_organization SET name = name || '（更名）' WHERE id = :id").param("id", unit).update();

        assertThat(statistics.of(TODAY).units()).filteredOn(c -> c.key().equals(top.key()))
                .extracting(WarningViews.Count::label).containsExactly(top.label() + "（更名）");
    }

    @Test
    void aStatementThatChangesNoRowOrARolledBackChangeKeepsTheVersion() {
        long version = version();
        jdbc.sql("UPDATE warning SET handler = handler WHERE id < 0").update();
        jdbc.sql("DELETE FROM warning_rule WHERE id < 0").update();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE org_organization SET name = name WHERE id = (SELECT min(id) FROM org_organization)").update();
            tx.setRollbackOnly();
        });
        assertThat(version()).isEqualTo(version);

        jdbc.sql("UPDATE warning_rule SET name = name WHERE id = (SELECT min(id) FROM warning_rule)").update();
        assertThat(version()).isEqualTo(version + 1);
    }

    @Test
    void aCountyUserAndAWholeInstallationUserDoNotShareCounts() {
        actAs(actor("stats-all", new ScopeGrant(DataScope.ALL, Set.of())));
        WarningViews.Statistics all = statistics.of(TODAY);
        actAs(actor("stats-county", new ScopeGrant(DataScope.CUSTOM, Set.of(county(1)))));
        WarningViews.Statistics county = statistics.of(TODAY);

        assertThat(county).isEqualTo(views.statistics(TODAY, WarningStatistics.UNITS));
        assertThat(sum(county.openByColour())).isLessThan(sum(all.openByColour()));
    }

    private long version() {
        return jdbc.sql("SELECT version FROM data_version WHERE topic = 'warning'").query(Long.class).single();
    }

    private static long sum(Map<WarningColour, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Actor actor(String username, ScopeGrant grant) {
        return new Actor(999_998, username, "统计测试", 1, "测试组织", null, Set.of("warning:read"), List.of(grant));
    }
}
