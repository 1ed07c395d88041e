package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;
import org.zugong.supervision.SpotCheckDraw;

/** The demo supervision data: records per county, this year's reports, a reproducible city-wide draw. */
class DemoSupervisionTests extends IntegrationTest {

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void eachCountyHasRecordsAndTheCityReportsAndADraw() throws Exception {
        assertThat(count("SELECT count(*) FROM supervision_record WHERE created_by = 'demo' AND kind = 'REMINDER_TALK'")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM supervision_record WHERE created_by = 'demo' AND kind = 'INQUIRY_LETTER' "
                + "AND status = 'PENDING' AND deadline < current_date")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM supervision_record WHERE created_by = 'demo' AND kind = 'PETITION' AND status = 'INVESTIGATING'"))
                .isEqualTo(6);
        int year = LocalDate.now().getYear();
        assertThat(count("SELECT count(*) FROM supervision_report WHERE created_by = 'demo' AND year = " + year)).isGreaterThan(20);
        var draw = jdbc.sql("SELECT seed, candidate_ids, drawn_ids FROM supervision_spot_check WHERE created_by = 'demo'").query().singleRow();
        List<Long> candidates = Arrays.stream((Long[]) ((java.sql.Array) draw.get("candidate_ids")).getArray()).toList();
        List<Long> drawn = Arrays.stream((Long[]) ((java.sql.Array) draw.get("drawn_ids")).getArray()).toList();
        assertThat(drawn).isNotEmpty();
        assertThat(SpotCheckDraw.draw(candidates, (Long) draw.get("seed"), drawn.size())).isEqualTo(drawn);
        assertThat(count("SELECT count(*) FROM supervision_report_check WHERE created_by = 'demo' AND result IS NOT NULL")).isEqualTo(2);

        mvc.perform(get("/supervision").param("open", "true").session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("逾期未回复"), Matchers.containsString("调查中"))));
        mvc.perform(get("/supervision/reports").session(session("city"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("已报告"), Matchers.containsString("随机抽查："))));
    }
}
