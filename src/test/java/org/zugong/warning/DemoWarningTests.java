package org.zugong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;

/** The demo city opens with warnings of every colour, raised by the rules from the demo's own facts. */
class DemoWarningTests extends IntegrationTest {

    @Autowired
    WarningEngine engine;

    @Test
    void theDemoCityHasOpenWarningsOfEveryColourFromItsOwnFacts() {
        engine.evaluateAll(LocalDate.now(), "测试");
        List<String> colours = jdbc.sql("""
                SELECT DISTINCT w.colour FROM warning w JOIN cadre_profile c ON c.person_id = w.person_id
                WHERE w.status <> 'CLOSED' AND c.created_by = 'demo'""").query(String.class).list();
        assertThat(colours).containsExactlyInAnyOrder("RED", "ORANGE", "YELLOW", "BLUE");
    }
}
