package org.zugong.talent;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The escalation run reads the overdue requests, then raises each one's level: a request accepted in between (its
 * completion clock not overdue) is not escalated, because the UPDATE itself checks the status and the due day.
 */
class ServiceRequestEscalationRaceTests extends IntegrationTest {

    @Autowired
    ServiceRequestRepository repository;

    private int level(long id) {
        return jdbc.sql("SELECT escalation_level FROM talent_service_request WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    void aRequestAcceptedAfterTheRunReadItIsNotEscalated() throws Exception {
        String body = mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer("talent1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeCode\":\"SPOUSE_JOB\",\"title\":\"督办竞态测试\",\"content\":\"请协助。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.request.id")).longValue();
        LocalDate today = LocalDate.now();
        jdbc.sql("UPDATE talent_service_request SET accept_due = :d WHERE id = :id").param("d", today.minusDays(1)).param("id", id).update();

        // the run reads it: SUBMITTED, acceptance overdue, level 0
        ServiceRequestView read = repository.overdueForEscalation(today).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(read.status()).isEqualTo(ServiceRequestStatus.SUBMITTED);
        // meanwhile the officer accepts it: the completion clock starts, not overdue, level 0
        mvc.perform(post("/api/v1/talent-services/" + id + "/accept").header("Authorization", bearer("service1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isOk());

        assertThat(repository.escalate(id, read.status(), read.escalationLevel(), 1, today)).isFalse();
        assertThat(level(id)).isZero();
        // a request still overdue as read is raised
        long other = ((Number) JsonPath.read(mvc.perform(post("/api/v1/talent-services").header("Authorization", bearer("talent1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"typeCode\":\"SPOUSE_JOB\",\"title\":\"督办竞态测试：仍超期\",\"content\":\"请协助。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.request.id")).longValue();
        jdbc.sql("UPDATE talent_service_request SET accept_due = :d WHERE id = :id").param("d", today.minusDays(1)).param("id", other).update();
        assertThat(repository.escalate(other, ServiceRequestStatus.SUBMITTED, 0, 1, today)).isTrue();
        assertThat(level(other)).isEqualTo(1);
    }
}
