package org.zugong.person;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;
import org.zugong.TestPersons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No ID number, phone or name of a person reaches the application log, on success or on refusal. */
class PersonalDataLogTests extends IntegrationTest {

    @Test
    void creatingViewingUpdatingAndExportingAPersonLogsNoneOfItsPersonalData() throws Exception {
        String idNumber = IdNumber.withCheckDigit("4301041956%02d%02d%03d".formatted(
                ThreadLocalRandom.current().nextInt(1, 13), ThreadLocalRandom.current().nextInt(1, 28),
                ThreadLocalRandom.current().nextInt(100, 999))).value();
        String birth = idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
        String sex = (idNumber.charAt(16) - '0') % 2 == 1 ? "1" : "2";
        String phone = "1390731" + "%04d".formatted(ThreadLocalRandom.current().nextInt(10_000));
        String newPhone = "1370731" + "%04d".formatted(ThreadLocalRandom.current().nextInt(10_000));
        String name = "隐名甲乙丙";
        long county = county(1);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Long personId = null;
        try {
            String created = mvc.perform(post("/api/v1/persons").header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                            .content(body(county, name, sex, birth, idNumber, phone, null)))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            personId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
            int version = Integer.parseInt(created.replaceAll(".*\"version\":(\\d+).*", "$1"));
            // Refusals and failures log too, if anything does: a duplicate, an invalid phone, another county's lookup.
            mvc.perform(post("/api/v1/persons").header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                    .content(body(county, name, sex, birth, idNumber, phone, null))).andExpect(status().is4xxClientError());
            mvc.perform(put("/api/v1/persons/" + personId).header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                    .content(body(county, name, sex, birth, idNumber, phone + "0", version))).andExpect(status().is4xxClientError());
            mvc.perform(get("/api/v1/persons/by-id-number").param("idNumber", idNumber).header("Authorization", bearer("county2")))
                    .andExpect(status().isNotFound());

            mvc.perform(get("/api/v1/persons/" + personId).header("Authorization", bearer("city"))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/persons/by-id-number").param("idNumber", idNumber).header("Authorization", bearer("city")))
                    .andExpect(status().isOk());
            mvc.perform(put("/api/v1/persons/" + personId).header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                    .content(body(county, name, sex, birth, idNumber, newPhone, version))).andExpect(status().isOk());

            var session = session("city");
            mvc.perform(get("/persons/" + personId).session(session)).andExpect(status().isOk());
            mvc.perform(get("/persons/" + personId + "/edit").session(session)).andExpect(status().isOk());
            String revealed = mvc.perform(post("/persons/" + personId + "/id-number").session(session).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(revealed).isEqualTo(idNumber);
            mvc.perform(get("/persons").param("name", name).session(session)).andExpect(status().isOk());
            mvc.perform(get("/persons/export").param("orgId", Long.toString(county)).param("name", name).param("fullIdNumbers", "true")
                    .session(session)).andExpect(status().isOk());
            Thread.sleep(500); // listeners after commit (warnings) may still be logging
            LoggerFactory.getLogger(PersonRegistry.class).info("log capture canary");
        } finally {
            root.detachAppender(captured);
            if (personId != null) {
                TestPersons.delete(jdbc, List.of(personId));
            }
        }

        String log = captured.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(log).as("the capture sees the application's log lines").contains("log capture canary");
        assertThat(log).doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 14))
                .doesNotContain(phone).doesNotContain(newPhone).doesNotContain(name);
    }

    @Test
    void sqlStatementsAndBindParametersAreNotLogged() {
        assertThat(LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.springframework.jdbc.core.simple.DefaultJdbcClient").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.springframework.jdbc.core.StatementCreatorUtils").isTraceEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.postgresql").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("com.zaxxer.hikari").isDebugEnabled()).isFalse();
        assertThat(((Logger) LoggerFactory.getLogger("org.springframework.jdbc")).getEffectiveLevel().isGreaterOrEqual(Level.INFO)).isTrue();
    }

    private static String body(long orgId, String name, String sex, String birth, String idNumber, String phone, Integer version) {
        return """
                {"orgId": %d, "name": "%s", "sex": "%s", "birthDate": "%s", "ethnicity": "01", "idNumber": "%s",
                 "education": "21", "politicalStatus": "13", "phone": "%s" %s}
                """.formatted(orgId, name, sex, birth, idNumber, phone, version == null ? "" : ", \"version\": " + version);
    }
}
