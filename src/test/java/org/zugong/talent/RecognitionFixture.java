package org.zugong.talent;

import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Helpers of the recognition tests: fresh applicants, applications and steps through the API. */
abstract class RecognitionFixture extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now();

    /** unit1's unit (the county 1 财政局): the employer unit whose applications unit1 confirms. */
    long unitOfUnit1() {
        return jdbc.sql("SELECT org_id FROM access_user WHERE username = 'unit1'").query(Long.class).single();
    }

    /** A person of county 1 with neither a registry record, nor an application, nor an account, taken from the end. */
    long freshPerson(int county) {
        return jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.active
                  AND o.kind NOT IN ('PARTY_COMMITTEE', 'PARTY_WORKING_COMMITTEE', 'PARTY_GENERAL_BRANCH', 'PARTY_BRANCH', 'PARTY_JOINT_BRANCH')
                  AND NOT EXISTS (SELECT 1 FROM talent t WHERE t.person_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM talent_application a WHERE a.person_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM talent_point_entry e WHERE e.person_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM access_user u WHERE u.person_id = p.id)
                ORDER BY p.id DESC LIMIT 1""").param("c", county(county)).query(Long.class).single();
    }

    /** Files an application as the talent office for a fresh county 1 person, employed by unit1's unit, applied {@code daysAgo}. */
    long apply(String tier, int daysAgo) throws Exception {
        return apply(freshPerson(1), unitOfUnit1(), tier, daysAgo, "talentoffice");
    }

    long apply(long person, long org, String tier, int daysAgo, String as) throws Exception {
        String body = """
                {"personId": %d, "orgId": %d, "tierCode": "%s", "category": "科技", "field": "新材料", "introductionMode": "全职",
                 "introducedOn": "%s", "appliedOn": "%s", "evidence": [{"kind": "学历学位", "description": "博士研究生学历证书"}]}"""
                .formatted(person, org, tier, TODAY.minusDays(daysAgo + 200), TODAY.minusDays(daysAgo));
        String answer = mvc.perform(post("/api/v1/talent-applications").header("Authorization", bearer(as))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        if (!answer.contains("\"id\"")) {
            throw new IllegalStateException(answer);
        }
        return Long.parseLong(answer.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    ResultActions step(String as, long id, String step, String json) throws Exception {
        return mvc.perform(post("/api/v1/talent-applications/{id}/steps/{step}", id, step).header("Authorization", bearer(as))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    int version(long id) {
        return jdbc.sql("SELECT version FROM talent_application WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    String stage(long id) {
        return jdbc.sql("SELECT stage FROM talent_application WHERE id = :id").param("id", id).query(String.class).single();
    }

    static String decision(int daysAgo, boolean passed, String reason, int version) {
        return "{\"date\": \"" + TODAY.minusDays(daysAgo) + "\", \"passed\": " + passed
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + ", \"version\": " + version + "}";
    }

    static String dated(int daysAgo, int version) {
        return "{\"date\": \"" + TODAY.minusDays(daysAgo) + "\", \"version\": " + version + "}";
    }

    static String votes(int daysAgo, int present, int votesFor, int against, int abstain, String granted, int version) {
        return "{\"date\": \"" + TODAY.minusDays(daysAgo) + "\", \"present\": " + present + ", \"votesFor\": " + votesFor
                + ", \"votesAgainst\": " + against + ", \"votesAbstain\": " + abstain
                + (granted == null ? "" : ", \"grantedTier\": \"" + granted + "\"") + ", \"version\": " + version + "}";
    }

    /** Takes an application (applied 60 days ago) through employer, review and committee (passed, granted as applied). */
    long throughCommittee(String tier) throws Exception {
        long id = apply(tier, 60);
        step("unit1", id, "employer", decision(58, true, null, version(id))).andReturn();
        step("talentoffice", id, "review", decision(56, true, null, version(id))).andReturn();
        step("talentoffice", id, "committee", votes(54, 7, 6, 1, 0, tier, version(id))).andReturn();
        if (!"COMMITTEE_PASSED".equals(stage(id))) {
            throw new IllegalStateException("not through the committee: " + stage(id));
        }
        return id;
    }
}
