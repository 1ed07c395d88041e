package org.zugong.talent;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 公示 lasts the rule's 5 working days by the calendar table of the assessment module
 * ({@code assessment_calendar_day}): weekends are skipped, public holidays too, and a weekend day worked in
 * exchange (调休) counts. The recognition is possible from the day after its end.
 */
class RecognitionPublicityTests extends RecognitionFixture {

    private static int ago(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(day, TODAY);
    }

    /** An application through the committee, its steps a week before {@code start}, then its 公示 from {@code start}. */
    private long publicityFrom(LocalDate start) throws Exception {
        long id = apply("E", ago(start) + 10);
        step("unit1", id, "employer", decision(ago(start) + 9, true, null, version(id))).andExpect(status().isOk());
        step("talentoffice", id, "review", decision(ago(start) + 8, true, null, version(id))).andExpect(status().isOk());
        step("talentoffice", id, "committee", votes(ago(start) + 7, 5, 5, 0, 0, "E", version(id))).andExpect(status().isOk());
        step("talentoffice", id, "publicity", dated(ago(start), version(id))).andExpect(status().isOk());
        return id;
    }

    private LocalDate end(long id) {
        return jdbc.sql("SELECT publicity_end FROM talent_application WHERE id = :id").param("id", id).query(LocalDate.class).single();
    }

    @Test
    void aPublicityStartingOnAFridaySkipsTheWeekend() throws Exception {
        // Friday 13 November 2026: Fri, Mon, Tue, Wed, Thu
        assertThat(end(publicityFrom(LocalDate.of(2026, 11, 13)))).isEqualTo(LocalDate.of(2026, 11, 19));
        // starting on a Saturday, it counts from the Monday
        assertThat(end(publicityFrom(LocalDate.of(2026, 11, 14)))).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void aPublicityOverTheNationalDayHolidaySkipsItAndCountsTheWorkedSaturday() throws Exception {
        // Wed 30 Sep 2026 (1), 1–7 Oct holiday, Thu 8 (2), Fri 9 (3), Sat 10 worked in exchange (4), Mon 12 (5)
        long id = publicityFrom(LocalDate.of(2026, 9, 30));
        assertThat(end(id)).isEqualTo(LocalDate.of(2026, 10, 12));
        // not on its last day, but the day after
        step("talentoffice", id, "recognize", "{\"date\": \"2026-10-12\", \"version\": " + version(id) + "}").andExpect(status().isBadRequest());
        step("talentoffice", id, "recognize", "{\"date\": \"2026-10-13\", \"version\": " + version(id) + "}")
                .andExpect(jsonPath("$.stage").value("RECOGNIZED")).andExpect(jsonPath("$.recognizedOn").value("2026-10-13"));
    }
}
