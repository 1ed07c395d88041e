package org.zugong.platform.db;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every connection of the application's pool is set to before it serves a request (DatabaseConfiguration). */
class PooledConnectionSettingsTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void poolConnectionsPlanEachSubtreeQueryForItsPrefixAndStartNoParallelWorkers() throws Exception {
        // An API request first: its caller lookup relaxes the plan mode for its own transaction only (SET LOCAL).
        mvc.perform(get("/api/v1/organizations").header("Authorization", bearer("city"))).andExpect(status().isOk());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        assertThat(jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isEqualTo("0");
    }
}
