package org.zugong.talent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Committee votes that overflow an int when summed, or exceed the members present one by one, are refused in Chinese and change nothing. */
class RecognitionCommitteeVoteTests extends RecognitionFixture {

    @Test
    void votesWhoseIntSumOverflowsToWithinThePresentMembersAreRefusedWithA400AndChangeNothing() throws Exception {
        long id = apply("E", 60);
        step("unit1", id, "employer", decision(58, true, null, version(id))).andExpect(status().isOk());
        step("talentoffice", id, "review", decision(56, true, null, version(id))).andExpect(status().isOk());
        int v = version(id);
        // 2147483647 + 2147483647 + 2 is 0 in int arithmetic
        step("talentoffice", id, "committee", votes(54, 5, Integer.MAX_VALUE, Integer.MAX_VALUE, 2, "E", v))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("不能超过到会委员人数")));
        step("talentoffice", id, "committee", votes(54, 5, 6, 0, 0, "E", v))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("赞成票数不能超过到会委员人数"));
        assertThat(stage(id)).isEqualTo("REVIEWED");
        assertThat(version(id)).isEqualTo(v);
        assertThat(jdbc.sql("SELECT count(*) FROM talent_application_step WHERE application_id = :id AND step = 'COMMITTEE'").param("id", id)
                .query(Long.class).single()).isZero();
        // within the limits the committee passes as before
        step("talentoffice", id, "committee", votes(54, 5, 4, 1, 0, "E", v)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("COMMITTEE_PASSED"));
    }
}
