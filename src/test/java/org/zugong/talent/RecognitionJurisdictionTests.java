package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff file an application only for a person of their own jurisdiction, whatever employer unit they name; and a
 * recognition never rewrites a registry record of another jurisdiction.
 */
class RecognitionJurisdictionTests extends RecognitionFixture {

    private long[] counts() {
        return new long[]{
                jdbc.sql("SELECT count(*) FROM talent_application").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM talent").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM access_user").query(Long.class).single()};
    }

    private static String body(long person, long org) {
        return """
                {"personId": %d, "orgId": %d, "tierCode": "E", "category": "科技", "introductionMode": "全职", "introducedOn": "2020-01-01",
                 "evidence": [{"kind": "学历学位", "description": "博士研究生学历证书"}]}""".formatted(person, org);
    }

    @Test
    void theEmployerNamingItsOwnUnitCannotFileForAnotherCountysPersonThroughTheApi() throws Exception {
        long stranger = freshPerson(2);
        long[] before = counts();
        for (String as : new String[]{"unit1", "talentoffice"}) {
            mvc.perform(post("/api/v1/talent-applications").header("Authorization", bearer(as)).contentType(MediaType.APPLICATION_JSON)
                            .content(body(stranger, unitOfUnit1())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("personId")))
                    .andExpect(jsonPath("$.errors[*].message", hasItem("人员不存在或不在管辖范围内")));
        }
        assertThat(counts()).containsExactly(before);
        assertThat(jdbc.sql("SELECT count(*) FROM talent_application WHERE person_id = :p").param("p", stranger).query(Long.class).single()).isZero();
    }

    @Test
    void theEmployerNamingItsOwnUnitCannotFileForAnotherCountysPersonOnThePage() throws Exception {
        long stranger = freshPerson(2);
        long[] before = counts();
        mvc.perform(multipart("/talent-applications").session(session("unit1")).with(csrf())
                        .param("personId", Long.toString(stranger)).param("orgId", Long.toString(unitOfUnit1())).param("tierCode", "E")
                        .param("category", "科技").param("introductionMode", "全职").param("introducedOn", "2020-01-01"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("人员不存在或不在管辖范围内")));
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void recognitionRefusesToRewriteARegistryRecordOfAnotherCountyAndChangesNothing() throws Exception {
        long id = throughCommittee("E");
        long person = jdbc.sql("SELECT person_id FROM talent_application WHERE id = :id").param("id", id).query(Long.class).single();
        long county2Unit = jdbc.sql("SELECT org_id FROM person_person WHERE id = :p").param("p", personInCounty(2)).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO talent (person_id, org_id, tier_code, category, introduction_mode, introduced_on, status, recognized_on, valid_until, created_by)
                VALUES (:p, :o, 'E', '科技', '全职', DATE '2019-01-01', 'RECOGNIZED', DATE '2019-02-01', DATE '2099-01-31', 'test')""")
                .param("p", person).param("o", county2Unit).update();
        step("talentoffice", id, "publicity", dated(50, version(id))).andExpect(status().isOk());
        int v = version(id);
        step("talentoffice", id, "recognize", dated(1, v)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", containsString("不在管辖范围内")));
        assertThat(jdbc.sql("SELECT org_id || ' ' || recognized_on || ' ' || version FROM talent WHERE person_id = :p").param("p", person)
                .query(String.class).single()).isEqualTo(county2Unit + " 2019-02-01 0");
        assertThat(stage(id)).isEqualTo("PUBLICITY");
        assertThat(version(id)).isEqualTo(v);
    }
}
