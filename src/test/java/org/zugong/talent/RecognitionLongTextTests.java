package org.zugong.talent;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notes composed from a prefix, a reason and an objection of the full 1000 characters each are stored; longer input is refused. */
class RecognitionLongTextTests extends RecognitionFixture {

    private long steps(long id) {
        return jdbc.sql("SELECT count(*) FROM talent_application_step WHERE application_id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void aThousandCharacterObjectionSustainedWithAThousandCharacterReasonIsStoredAndLongerInputIsRefusedInChinese() throws Exception {
        long id = throughCommittee("D");
        step("talentoffice", id, "publicity", dated(40, version(id))).andExpect(status().isOk());
        LocalDate start = TODAY.minusDays(40);
        // 1001 characters of objection: 400 in Chinese, nothing changed
        int v = version(id);
        long before = steps(id);
        step("talentoffice", id, "objection", "{\"date\": \"" + start + "\", \"reason\": \"" + "异".repeat(1001) + "\", \"version\": " + v + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("理由不能超过 1000 个字")));
        assertThat(version(id)).isEqualTo(v);
        assertThat(steps(id)).isEqualTo(before);
        String objection = "异".repeat(1000);
        step("talentoffice", id, "objection", "{\"date\": \"" + start + "\", \"reason\": \"" + objection + "\", \"version\": " + v + "}")
                .andExpect(status().isOk());
        // a 1001-character decision: 400, the objection still pending
        v = version(id);
        before = steps(id);
        step("talentoffice", id, "objection-decision", "{\"date\": \"" + start + "\", \"sustained\": true, \"reason\": \"" + "成".repeat(1001)
                + "\", \"version\": " + v + "}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("理由不能超过 1000 个字")));
        assertThat(version(id)).isEqualTo(v);
        assertThat(steps(id)).isEqualTo(before);
        assertThat(stage(id)).isEqualTo("PUBLICITY");
        // 1000 + 1000: sustained and stored in full
        String reason = "成".repeat(1000);
        step("talentoffice", id, "objection-decision", "{\"date\": \"" + start + "\", \"sustained\": true, \"reason\": \"" + reason
                + "\", \"version\": " + v + "}").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason").value("公示期间异议成立：" + reason));
        assertThat(jdbc.sql("SELECT note FROM talent_application_step WHERE application_id = :id ORDER BY id DESC LIMIT 1").param("id", id)
                .query(String.class).single()).isEqualTo("异议成立：" + reason + "（异议：" + objection + "）");
    }

    @Test
    void aRefusingCommitteeWithAThousandCharacterReasonIsStored() throws Exception {
        long id = apply("E", 60);
        step("unit1", id, "employer", decision(58, true, null, version(id))).andExpect(status().isOk());
        step("talentoffice", id, "review", decision(56, true, null, version(id))).andExpect(status().isOk());
        String reason = "未".repeat(1000);
        step("talentoffice", id, "committee", "{\"date\": \"" + TODAY.minusDays(54) + "\", \"present\": 7, \"votesFor\": 2, \"votesAgainst\": 5,"
                + " \"votesAbstain\": 0, \"reason\": \"" + reason + "\", \"version\": " + version(id) + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason", containsString(reason)));
    }
}
