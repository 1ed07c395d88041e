package org.zugong.talent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 人才库 (F70 registry): tiers as data, list and detail within the jurisdiction, audited views, changes and export. */
class TalentRegistryTests extends IntegrationTest {

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (!created.isEmpty()) {
            jdbc.sql("DELETE FROM talent WHERE id IN (:ids)").param("ids", created).update();
            created.clear();
        }
    }

    private long talentIn(int county) {
        return jdbc.sql("""
                SELECT min(t.id) FROM talent t JOIN org_organization o ON o.id = t.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'""").param("c", county(county))
                .query(Long.class).single();
    }

    private long personWithoutTalentIn(int county) {
        return jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                  AND NOT EXISTS (SELECT 1 FROM talent t WHERE t.person_id = p.id) ORDER BY p.id LIMIT 1""")
                .param("c", county(county)).query(Long.class).single();
    }

    @Test
    void demoDataHasThirtyTalentsOfEveryTierAndTheTiersAreData() {
        Map<String, Long> perTier = new java.util.TreeMap<>();
        jdbc.sql("SELECT tier_code, count(*) FROM talent WHERE created_by = 'demo' GROUP BY tier_code")
                .query(rs -> {
                    perTier.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(perTier).containsExactly(Map.entry("A", 2L), Map.entry("B", 4L), Map.entry("C", 6L), Map.entry("D", 8L),
                Map.entry("E", 10L));
        assertThat(jdbc.sql("SELECT name FROM talent_tier ORDER BY rank").query(String.class).list())
                .containsExactly("顶尖人才", "领军人才", "高级人才", "骨干人才", "青年人才");
        // higher tiers get more entitlements
        assertThat(jdbc.sql("SELECT count(*) FROM talent_entitlement WHERE tier_code = 'A'").query(Long.class).single())
                .isGreaterThan(jdbc.sql("SELECT count(*) FROM talent_entitlement WHERE tier_code = 'E'").query(Long.class).single());
        assertThat(jdbc.sql("SELECT count(DISTINCT introduction_mode) FROM talent").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theListShowsOnlyTheJurisdictionAndFilters() throws Exception {
        String county1Path = jdbc.sql("SELECT path FROM org_organization WHERE id = :c").param("c", county(1)).query(String.class).single();
        List<String> paths = jdbc.sql("SELECT o.path FROM talent t JOIN org_organization o ON o.id = t.org_id").query(String.class).list();
        long inCounty1 = paths.stream().filter(p -> p.startsWith(county1Path)).count();
        mvc.perform(get("/api/v1/talents").header("Authorization", bearer("county1")).param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value((int) inCounty1))
                .andExpect(jsonPath("$.page.totalElements").value((int) inCounty1));
        mvc.perform(get("/api/v1/talents").header("Authorization", bearer("city")).param("tier", "A"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[*].tierCode", everyItem(org.hamcrest.Matchers.is("A"))));
        mvc.perform(get("/api/v1/talents").header("Authorization", bearer("city")).param("size", "5"))
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.page.totalElements").value(6)); // known only as far as the next page
        mvc.perform(get("/talents").session(session("talentoffice")).param("mode", "柔性"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"talent-filter\"")))
                .andExpect(content().string(not(containsString(">全职</td>"))));
    }

    @Test
    void anotherCountysTalentIs404AndTheProbeIsAudited() throws Exception {
        long foreign = talentIn(2);
        long before = auditCount("ACCESS_DENIED");
        mvc.perform(get("/talents/{id}", foreign).session(session("talentoffice"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/talents/{id}", foreign).header("Authorization", bearer("county1"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 2);
    }

    @Test
    void theDetailShowsTierEntitlementsAndValidityAndIsAuditedAsAView() throws Exception {
        long own = talentIn(1);
        long before = auditCount("TALENT_VIEW");
        mvc.perform(get("/talents/{id}", own).session(session("talentoffice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"talent-entitlements\"")))
                .andExpect(content().string(containsString("子女入学")))
                .andExpect(content().string(containsString("有效期至")))
                .andExpect(content().string(containsString("id=\"talent-sections\"")));
        assertThat(auditCount("TALENT_VIEW")).isEqualTo(before + 1);
    }

    @Test
    void createAndEditARegistryRecordAreAudited() throws Exception {
        MockHttpSession office = session("talentoffice");
        long person = personWithoutTalentIn(1);
        long creates = auditCount("TALENT_CREATE");
        String location = mvc.perform(post("/talents").session(office).with(csrf()).param("personId", Long.toString(person))
                        .param("tierCode", "C").param("category", "技能").param("field", "数控加工").param("introductionMode", "全职")
                        .param("introducedOn", "2024-03-01").param("status", "RECOGNIZED").param("recognizedOn", "2024-05-01")
                        .param("validUntil", "2027-04-30"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        created.add(id);
        assertThat(auditCount("TALENT_CREATE")).isEqualTo(creates + 1);
        assertThat(jdbc.sql("SELECT created_by FROM talent WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("talentoffice");
        mvc.perform(post("/talents/{id}", id).session(office).with(csrf()).param("tierCode", "B").param("category", "技能")
                        .param("introductionMode", "柔性").param("introducedOn", "2024-03-01").param("status", "RECOGNIZED")
                        .param("recognizedOn", "2024-05-01").param("validUntil", "2029-04-30").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT tier_code || introduction_mode || version FROM talent WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("B柔性1");
        // the same version again is an edit conflict
        mvc.perform(post("/talents/{id}", id).session(office).with(csrf()).param("tierCode", "A").param("category", "技能")
                        .param("introductionMode", "柔性").param("introducedOn", "2024-03-01").param("status", "RECOGNIZED")
                        .param("recognizedOn", "2024-05-01").param("validUntil", "2029-04-30").param("version", "0"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT tier_code FROM talent WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("B");
    }

    @Test
    void validationErrorsAreInChineseAndLeaveTheRecordUnchanged() throws Exception {
        long own = talentIn(1);
        String before = jdbc.sql("SELECT t::text FROM talent t WHERE id = :id").param("id", own).query(String.class).single();
        int version = jdbc.sql("SELECT version FROM talent WHERE id = :id").param("id", own).query(Integer.class).single();
        mvc.perform(post("/talents/{id}", own).session(session("talentoffice")).with(csrf()).param("tierCode", "Z").param("category", "科技")
                        .param("introductionMode", "全职").param("introducedOn", "2024-03-01").param("status", "RECOGNIZED")
                        .param("recognizedOn", "2024-05-01").param("validUntil", "2023-01-01").param("note", "长".repeat(501))
                        .param("version", Integer.toString(version)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择人才层次")))
                .andExpect(content().string(containsString("有效期至不能早于认定日期")))
                .andExpect(content().string(containsString("备注不能超过 500 个字")));
        assertThat(jdbc.sql("SELECT t::text FROM talent t WHERE id = :id").param("id", own).query(String.class).single()).isEqualTo(before);
    }

    @Test
    void aPersonOutsideTheJurisdictionCannotBeRegistered() throws Exception {
        long foreignPerson = personWithoutTalentIn(2);
        mvc.perform(post("/talents").session(session("talentoffice")).with(csrf()).param("personId", Long.toString(foreignPerson))
                        .param("tierCode", "C").param("category", "技能").param("introductionMode", "全职")
                        .param("introducedOn", "2024-03-01").param("status", "RECOGNIZED").param("recognizedOn", "2024-05-01")
                        .param("validUntil", "2027-04-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("人员不存在或不在管辖范围内")));
        assertThat(jdbc.sql("SELECT count(*) FROM talent WHERE person_id = :p").param("p", foreignPerson).query(Long.class).single()).isZero();
    }

    @Test
    void theExportOfTheFilteredListIsAudited() throws Exception {
        long before = auditCount("TALENT_EXPORT");
        mvc.perform(get("/talents/export").session(session("talentoffice")).param("tier", "B"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        assertThat(auditCount("TALENT_EXPORT")).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'TALENT_EXPORT' ORDER BY id DESC LIMIT 1").query(String.class).single())
                .contains("层次=B");
    }

    @Test
    void thePersonPageHasATalentTab() throws Exception {
        long own = talentIn(1);
        long person = jdbc.sql("SELECT person_id FROM talent WHERE id = :id").param("id", own).query(Long.class).single();
        mvc.perform(get("/talents/person-tab/{id}", person).session(session("talentoffice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"talent-tab-record\"")));
        mvc.perform(get("/persons/{id}", person).session(session("county1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/talents/person-tab/" + person)));
    }

    @Test
    void theNavigationHasTheRegistryForStaff() throws Exception {
        mvc.perform(get("/").session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/talents\"")));
    }
}
