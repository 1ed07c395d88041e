package org.zugong.audit;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;
import org.zugong.person.IdNumber;
import org.zugong.platform.db.OwnerDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the checklist asks the audit log to hold, and that it is part of the operation: views of a cadre file and of a
 * full ID number are recorded with time, user, IP, action, target and outcome; a change whose audit record cannot be
 * written does not happen.
 */
class AuditCoverageTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private long cadreOfCounty1() {
        return jdbc.sql("""
                SELECT f.person_id FROM cadre_profile f JOIN org_organization o ON o.id = f.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY f.person_id LIMIT 1""")
                .param("c", county(1)).query(Long.class).single();
    }

    private Map<String, Object> lastAudit(String action, long target) {
        return jdbc.sql("""
                SELECT occurred_at, username, client_ip, action, target_type, target_id, outcome FROM audit_event
                WHERE action = :a AND target_id = :t ORDER BY id DESC LIMIT 1""")
                .param("a", action).param("t", String.valueOf(target)).query().singleRow();
    }

    @Test
    void everyViewOfACadreFileOnThePageOrThroughTheApiIsRecordedWithUserIpTargetAndOutcome() throws Exception {
        long cadre = cadreOfCounty1();
        long before = auditCount("CADRE_VIEW");
        mvc.perform(get("/cadres/" + cadre).session(session("county1"))).andExpect(status().isOk());
        assertThat(auditCount("CADRE_VIEW")).isEqualTo(before + 1);
        Map<String, Object> row = lastAudit("CADRE_VIEW", cadre);
        assertThat(row.get("occurred_at")).isNotNull();
        assertThat(row).containsEntry("username", "county1").containsEntry("target_type", "cadre").containsEntry("outcome", "SUCCESS");
        assertThat((String) row.get("client_ip")).isNotBlank();
        mvc.perform(get("/api/v1/cadres/" + cadre).header("Authorization", bearer("county1"))).andExpect(status().isOk());
        assertThat(auditCount("CADRE_VIEW")).isEqualTo(before + 2);
    }

    @Test
    void viewingAFullIdNumberIsRecordedAndOtherwiseNumbersAndPhonesAreMasked() throws Exception {
        String idNumber = IdNumber.withCheckDigit("430199" + "19880512" + "731").value();
        String created = mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgId": %d, "name": "审计覆盖", "sex": "1", "birthDate": "1988-05-12", "ethnicity": "01", "idNumber": "%s",
                                 "education": "21", "politicalStatus": "13", "phone": "13812345678"}""".formatted(county(1), idNumber)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        try {
            mvc.perform(get("/api/v1/persons/" + id).header("Authorization", bearer("county1"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.phone").value("138****5678"))
                    .andExpect(jsonPath("$.idNumber").value(IdNumber.mask(idNumber)));
            var session = session("county1");
            mvc.perform(get("/persons/" + id).session(session)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("138****5678")))
                    .andExpect(content().string(not(containsString("13812345678"))))
                    .andExpect(content().string(not(containsString(idNumber))));
            long before = auditCount("PERSON_ID_VIEW");
            mvc.perform(post("/persons/" + id + "/id-number").session(session).with(csrf())).andExpect(status().isOk())
                    .andExpect(content().string(idNumber));
            assertThat(auditCount("PERSON_ID_VIEW")).isEqualTo(before + 1);
            assertThat(lastAudit("PERSON_ID_VIEW", id)).containsEntry("username", "county1").containsEntry("outcome", "SUCCESS");
        } finally {
            org.zugong.TestPersons.delete(jdbc, java.util.List.of(id));
        }
    }

    private static String personJson(long orgId, String name, String idNumber, String version) {
        return """
                {"orgId": %d, "name": "%s", "sex": "1", "birthDate": "1988-05-12", "ethnicity": "01", "idNumber": "%s",
                 "education": "21", "politicalStatus": "13", "phone": "13812345678"%s}""".formatted(orgId, name, idNumber,
                version == null ? "" : ", \"version\": " + version);
    }

    @Test
    void aChangeWhoseAuditRecordCannotBeWrittenDoesNotHappen() throws Exception {
        String idNumber = IdNumber.withCheckDigit("430199" + "19880512" + "751").value();
        String created = mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(personJson(county(1), "审计演练", idNumber, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long person = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        try {
            Map<String, Object> before = jdbc.sql("SELECT name, version, updated_at FROM person_person WHERE id = :id").param("id", person)
                    .query().singleRow();
            // The audit table refuses this one record, as a full disk or a broken audit connection would.
            OwnerDatabase.inTransaction(context, owner -> owner.execute("""
                    CREATE FUNCTION audit_refuse_drill() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.detail LIKE '%审计故障演练%' THEN RAISE EXCEPTION 'audit write failed (drill)'; END IF; RETURN NEW; END $$;
                    CREATE TRIGGER audit_refuse_drill BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_refuse_drill();"""));
            try {
                int status = mvc.perform(put("/api/v1/persons/" + person).header("Authorization", bearer("county1"))
                                .contentType(MediaType.APPLICATION_JSON).content(personJson(county(1), "审计故障演练", idNumber, "0")))
                        .andReturn().getResponse().getStatus();
                assertThat(status).as("the update fails with its audit record").isGreaterThanOrEqualTo(500);
            } finally {
                OwnerDatabase.inTransaction(context, owner -> owner.execute(
                        "DROP TRIGGER audit_refuse_drill ON audit_event; DROP FUNCTION audit_refuse_drill();"));
            }
            assertThat(jdbc.sql("SELECT name, version, updated_at FROM person_person WHERE id = :id").param("id", person).query().singleRow())
                    .isEqualTo(before);
            // Without the drill the same update goes through: the refusal above was the audit's.
            mvc.perform(put("/api/v1/persons/" + person).header("Authorization", bearer("county1"))
                    .contentType(MediaType.APPLICATION_JSON).content(personJson(county(1), "审计故障演练", idNumber, "0")))
                    .andExpect(status().isOk());
        } finally {
            org.zugong.TestPersons.delete(jdbc, java.util.List.of(person));
        }
    }

    @Autowired
    AuditChain chain;

    private java.util.List<Long> visibleCadres(int n) throws Exception {
        String body = mvc.perform(get("/api/v1/cadres").param("size", Integer.toString(n)).header("Authorization", bearer("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<Long> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":(\\d+)").matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        assertThat(ids).hasSize(n);
        return ids;
    }

    private long views(java.util.List<Long> cadres) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'CADRE_VIEW' AND target_id IN (:ids)")
                .param("ids", cadres.stream().map(String::valueOf).toList()).query(Long.class).single();
    }

    @Test
    void concurrentViewsOfCadreFilesAreEachOnRecordInOneUnbrokenChain() throws Exception {
        java.util.List<Long> cadres = visibleCadres(6);
        long before = views(cadres);
        String token = bearer("city");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                long cadre = cadres.get(i % cadres.size());
                answers.add(pool.submit(() -> mvc.perform(get("/api/v1/cadres/" + cadre).header("Authorization", token))
                        .andReturn().getResponse().getStatus()));
            }
            for (java.util.concurrent.Future<Integer> a : answers) {
                assertThat(a.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(views(cadres)).isEqualTo(before + 48);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aCadreFileWhoseViewCannotBeRecordedIsNotShown() throws Exception {
        long cadre = visibleCadres(1).getFirst();
        long before = views(java.util.List.of(cadre));
        OwnerDatabase.inTransaction(context, owner -> owner.execute("""
                CREATE FUNCTION audit_refuse_views() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.action = 'CADRE_VIEW' THEN RAISE EXCEPTION 'audit write failed (drill)'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER audit_refuse_views BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_refuse_views();"""));
        try {
            var refused = mvc.perform(get("/api/v1/cadres/" + cadre).header("Authorization", bearer("city"))).andReturn().getResponse();
            assertThat(refused.getStatus()).as("the view fails with its audit record").isGreaterThanOrEqualTo(500);
            assertThat(refused.getContentAsString()).doesNotContain("\"personId\"").doesNotContain("\"birthDate\"");
        } finally {
            OwnerDatabase.inTransaction(context, owner -> owner.execute(
                    "DROP TRIGGER audit_refuse_views ON audit_event; DROP FUNCTION audit_refuse_views();"));
        }
        assertThat(views(java.util.List.of(cadre))).isEqualTo(before);
        mvc.perform(get("/api/v1/cadres/" + cadre).header("Authorization", bearer("city"))).andExpect(status().isOk());
        assertThat(views(java.util.List.of(cadre))).isEqualTo(before + 1);
    }
}
