package org.zugong.talent;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The SLA clocks of the one-stop service count working days of the shared calendar table (assessment_calendar_day):
 * weekends, public holidays and 调休 working weekend days; overdue requests are escalated by the scheduled run,
 * once per level (idempotent).
 */
class ServiceSlaTests extends IntegrationTest {

    @Autowired
    ServiceRequests requests;

    @Autowired
    ServiceSlaEscalationRun escalation;

    private ServiceType type(String code) {
        return requests.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theAcceptanceDueDaySkipsTheWeekend() {
        // 子女入学: accept within 2 working days; filed on Friday 2026-11-20 → Monday and Tuesday
        assertThat(requests.acceptDue(type("CHILD_SCHOOL"), LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 24));
        // filed on a Saturday: Monday and Tuesday as well
        assertThat(requests.acceptDue(type("CHILD_SCHOOL"), LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void theDueDaysSkipPublicHolidays() {
        // 医疗: accept within 1 working day; filed on Wednesday 2026-09-30, the 国庆节 holidays run 10-01 to 10-07
        assertThat(requests.acceptDue(type("MEDICAL"), LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
        // filed on Thursday 2026-09-24: Friday 09-25 is 中秋节, the weekend too → Monday 09-28
        assertThat(requests.acceptDue(type("MEDICAL"), LocalDate.of(2026, 9, 24))).isEqualTo(LocalDate.of(2026, 9, 28));
        // 医疗 finishes within 5 working days of an acceptance on 2026-09-29: 09-30, then 10-08, 10-09, 10-10 (调休 Saturday), 10-12
        assertThat(requests.finishDue(type("MEDICAL"), LocalDate.of(2026, 9, 29))).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void aWorkingSaturdayOfTheCalendarCounts() {
        // filed on Friday 2026-10-09: Saturday 10-10 is a 国庆节调休 working day
        assertThat(requests.acceptDue(type("MEDICAL"), LocalDate.of(2026, 10, 9))).isEqualTo(LocalDate.of(2026, 10, 10));
        // and a working Sunday (2026-09-20) after Saturday 09-19
        assertThat(requests.acceptDue(type("MEDICAL"), LocalDate.of(2026, 9, 19))).isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void anOverdueRequestIsEscalatedOncePerLevelAndTheRunIsIdempotent() throws Exception {
        String body = mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"SPOUSE_JOB\",\"title\":\"督办测试：配偶工作\",\"content\":\"请协助。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.request.id")).longValue();
        LocalDate today = LocalDate.now();
        escalation.run(today); // whatever the demo data still needed
        assertThat(level(id)).isZero();

        // due yesterday: 一级督办
        jdbc.sql("UPDATE talent_service_request SET accept_due = :d WHERE id = :id").param("d", today.minusDays(1)).param("id", id).update();
        assertThat(escalation.run(today)).isEqualTo(1);
        assertThat(level(id)).isEqualTo(1);
        assertThat(escalation.run(today)).isZero();
        assertThat(level(id)).isEqualTo(1);
        assertThat(events(id, "ESCALATED")).isEqualTo(1);

        // more than 3 working days late: 二级督办, once
        jdbc.sql("UPDATE talent_service_request SET accept_due = :d WHERE id = :id").param("d", today.minusDays(30)).param("id", id).update();
        assertThat(escalation.run(today)).isEqualTo(1);
        assertThat(escalation.run(today)).isZero();
        assertThat(level(id)).isEqualTo(2);
        assertThat(events(id, "ESCALATED")).isEqualTo(2);

        // shown in the overdue queue of the talent office, not in the talent's timeline
        assertThat(mvc.perform(get("/talent-services").param("queue", "OVERDUE").session(session("talentoffice")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("督办测试：配偶工作").contains("二级督办");
        assertThat(mvc.perform(get("/api/v1/talent-services/" + id).header("Authorization", bearer("talent1")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("ESCALATED").doesNotContain("二级督办：报人才办");
        // acceptance restarts the clock and the level
        mvc.perform(post("/api/v1/talent-services/" + id + "/accept").header("Authorization", bearer("service1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isOk());
        assertThat(level(id)).isZero();
    }

    @Test
    void theDemoSeasonHasOverdueAndEscalatedRequests() {
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_request WHERE created_by = 'demo' AND escalation_level = 2").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT type_code) FROM talent_service_request WHERE created_by = 'demo'").query(Long.class).single())
                .isEqualTo(7);
        assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM talent_service_request WHERE created_by = 'demo'").query(Long.class).single())
                .isEqualTo(7);
    }

    @Test
    void anInstallationWideTalentOfficeMaintainsTheSlaAndACountysTalentOfficeItsOwnDepartment() throws Exception {
        String settings = mvc.perform(get("/api/v1/talent-services/types/settings").header("Authorization", bearer("talentoffice")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int version = com.jayway.jsonpath.JsonPath.<java.util.List<Integer>>read(settings, "$[?(@.type.code == 'OTHER')].version").getFirst();
        String city = ServiceRequestTypeScopeTests.installationTalentOffice(jdbc);
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/talent-services/types/OTHER")
                            .header("Authorization", bearer(city)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"department\":\"县委人才办\",\"acceptDays\":0,\"finishDays\":15,\"version\":" + version + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].message")
                            .value("受理时限须为 1 至 30 个工作日"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/talent-services/types/OTHER")
                    .header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"department\":\"县委人才办\",\"acceptDays\":5,\"finishDays\":15,\"version\":" + version + "}"))
                    .andExpect(status().isForbidden());
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/talent-services/types/OTHER")
                    .header("Authorization", bearer(city)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"department\":\"县委人才办\",\"acceptDays\":5,\"finishDays\":15,\"version\":" + version + "}"))
                    .andExpect(status().isOk());
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/talent-services/types/OTHER")
                    .header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\":" + (version + 1) + ",\"countyDepartment\":\"青溪县人才服务中心\"}"))
                    .andExpect(status().isOk());
            // a stale version is a conflict
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/talent-services/types/OTHER")
                    .header("Authorization", bearer(city)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"department\":\"别的部门\",\"acceptDays\":2,\"finishDays\":15,\"version\":" + version + "}"))
                    .andExpect(status().isConflict());
            // a new request of talent1 (county 1) goes to the county's department with the new SLA
            String body = mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"typeCode\":\"OTHER\",\"title\":\"类型维护测试\",\"content\":\"请协助。\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$.request.department")).isEqualTo("青溪县人才服务中心");
            assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$.request.acceptDue"))
                    .isEqualTo(requests.workingDaysAfter(LocalDate.now(), 5).toString());
            assertThat(mvc.perform(get("/talent-services/types").session(session("talentoffice"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).contains("青溪县人才服务中心");
        } finally {
            jdbc.sql("UPDATE talent_service_type SET department = '县委人才办', accept_days = 3, finish_days = 15, active = TRUE WHERE code = 'OTHER'")
                    .update();
            jdbc.sql("DELETE FROM talent_service_department WHERE type_code = 'OTHER'").update();
            ServiceRequestTypeScopeTests.drop(jdbc, city);
        }
    }

    private int level(long id) {
        return jdbc.sql("SELECT escalation_level FROM talent_service_request WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private long events(long id, String kind) {
        return jdbc.sql("SELECT count(*) FROM talent_service_event WHERE request_id = :id AND kind = :k").param("id", id).param("k", kind)
                .query(Long.class).single();
    }
}
