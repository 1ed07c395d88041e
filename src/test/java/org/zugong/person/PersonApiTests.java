package org.zugong.person;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The person API: contract shape, validation that stores nothing, uniqueness, optimistic locking. */
class PersonApiTests extends IntegrationTest {

    private String body(long orgId, String name, String sex, String birth, String idNumber, Integer version) {
        return """
                {"orgId": %d, "name": "%s", "sex": "%s", "birthDate": "%s", "ethnicity": "01", "idNumber": "%s",
                 "education": "21", "politicalStatus": "13", "phone": "13812345678" %s}
                """.formatted(orgId, name, sex, birth, idNumber, version == null ? "" : ", \"version\": " + version);
    }

    private long personCount() {
        return jdbc.sql("SELECT count(*) FROM person_person").query(Long.class).single();
    }

    @Test
    void searchReturnsThePromisedPageShapeWithMaskedIdNumbers() throws Exception {
        mvc.perform(get("/api/v1/persons").param("orgId", String.valueOf(county(1))).param("page", "0").param("size", "5")
                        .header("Authorization", bearer("county1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.content[0].id").isNumber())
                .andExpect(jsonPath("$.content[0].name").isString())
                .andExpect(jsonPath("$.content[0].orgId").isNumber())
                .andExpect(jsonPath("$.content[0].idNumber", matchesPattern("^\\d{6}\\*{8}[0-9X]{4}$")))
                .andExpect(jsonPath("$.page.size").value(5))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.totalElements").isNumber())
                .andExpect(jsonPath("$.page.totalPages").isNumber());
    }

    @Test
    void wrongCheckDigitIsRefusedOnTheFieldAndNothingIsStored() throws Exception {
        long before = personCount();
        long auditBefore = auditCount("PERSON_CREATE");
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "校验位错", "1", "1990-01-01", "430104199001011231", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message", containsString("校验位错误")))
                .andExpect(jsonPath("$.detail", containsString("校验位错误")));
        assertThat(personCount()).isEqualTo(before);
        assertThat(auditCount("PERSON_CREATE")).isEqualTo(auditBefore);
    }

    @Test
    void birthDateAndSexMustAgreeWithTheIdNumber() throws Exception {
        String id = IdNumber.withCheckDigit("43010419900101123").value(); // male, 1990-01-01
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "不一致", "2", "1990-01-02", id, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.message =~ /.*出生日期.*/)]").exists())
                .andExpect(jsonPath("$.errors[?(@.message =~ /.*性别不一致.*/)]").exists());
    }

    @Test
    void sameIdNumberCannotBeRegisteredTwice() throws Exception {
        String id = IdNumber.withCheckDigit("43010419850505321").value();
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "甲某", "1", "1985-05-05", id, null)))
                .andExpect(status().isCreated());
        long before = personCount();
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(2), "乙某", "1", "1985-05-05", id.toLowerCase(), null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("已登记")));
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void exactIdNumberLookupFindsThePersonThroughTheBlindIndex() throws Exception {
        String id = IdNumber.withCheckDigit("43010419770707442").value();
        String created = mvc.perform(post("/api/v1/persons").header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "丙某", "2", "1977-07-07", id, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long personId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/persons/by-id-number").param("idNumber", id).header("Authorization", bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(personId))
                .andExpect(jsonPath("$.maskedIdNumber").value(IdNumber.mask(id)));
        mvc.perform(get("/api/v1/persons/by-id-number").param("idNumber", id).header("Authorization", bearer("county2")))
                .andExpect(status().isNotFound());
        String stored = jdbc.sql("SELECT encode(id_number_cipher, 'escape') FROM person_person WHERE id = :id").param("id", personId)
                .query(String.class).single();
        assertThat(stored).doesNotContain(id);
    }

    @Test
    void secondEditFromTheSameVersionGetsAConflictAndTheFirstIsKept() throws Exception {
        String id = IdNumber.withCheckDigit("43010419920202551").value();
        String created = mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "丁某", "1", "1992-02-02", id, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long personId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(put("/api/v1/persons/" + personId).header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "丁某甲", "1", "1992-02-02", "", 0)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/persons/" + personId).header("Authorization", bearer("city")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(county(1), "丁某乙", "1", "1992-02-02", "", 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        assertThat(jdbc.sql("SELECT name FROM person_person WHERE id = :id").param("id", personId).query(String.class).single())
                .isEqualTo("丁某甲");
    }

    @Test
    void aStaleEditOnThePageIsA409WithTheMessageAndKeepsTheFirst() throws Exception {
        long person = personInCounty(3);
        var p = jdbc.sql("SELECT org_id, name, sex, birth_date, version FROM person_person WHERE id = :id").param("id", person).query().singleRow();
        var county3 = session("county3");
        var edit = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/persons/" + person).session(county3)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("orgId", p.get("org_id").toString()).param("sex", p.get("sex").toString())
                .param("birthDate", p.get("birth_date").toString()).param("version", p.get("version").toString());
        mvc.perform(edit.param("name", "先存者")).andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/persons/" + person).session(county3)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("orgId", p.get("org_id").toString()).param("sex", p.get("sex").toString())
                        .param("birthDate", p.get("birth_date").toString()).param("version", p.get("version").toString())
                        .param("name", "后存者"))
                .andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("已被他人修改")));
        assertThat(jdbc.sql("SELECT name FROM person_person WHERE id = :id").param("id", person).query(String.class).single()).isEqualTo("先存者");
    }

    @Test
    void malformedJsonAndDatesGetAChineseProblem() throws Exception {
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orgId\": 1, \"name\": \"x\", \"birthDate\": \"1990-13-45\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("日期格式")));
    }

    @Test
    void requestsWithoutTokenGet401AndBadTokenToo() throws Exception {
        mvc.perform(get("/api/v1/persons")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons").header("Authorization", "Bearer not-a-valid-token-at-all-xxxxxxxx"))
                .andExpect(status().isUnauthorized());
    }
}
