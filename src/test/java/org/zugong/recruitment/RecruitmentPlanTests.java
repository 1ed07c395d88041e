package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** F44: annual development plans of Party committees and their progress. */
class RecruitmentPlanTests extends IntegrationTest {

    /** A demo 党委 of the n-th county that has a 党支部 under it. */
    private long committee(int county) {
        return jdbc.sql("""
                SELECT k.id FROM org_organization k
                WHERE k.kind = 'PARTY_COMMITTEE' AND k.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'
                  AND EXISTS (SELECT 1 FROM org_organization b WHERE b.kind = 'PARTY_BRANCH' AND b.path LIKE k.path || '%')
                ORDER BY k.id LIMIT 1
                """).param("c", county(county)).query(Long.class).single();
    }

    private String json(long org, int year, int total, int young) {
        return "{\"partyOrgId\":" + org + ",\"year\":" + year + ",\"totalTarget\":" + total
                + ",\"targets\":{\"FRONT_LINE\":2,\"YOUNG\":" + young + ",\"HIGHLY_EDUCATED\":1,\"WOMEN\":1,\"MINORITY\":0}}";
    }

    private ResultActions create(String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/recruitment/plans").header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long planId(ResultActions r) throws Exception {
        String body = r.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*?\"plan\":\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aPlanCountsTheCandidatesAdmittedInItsYearByKeyGroup() throws Exception {
        long committee = committee(1);
        long id = planId(create("county1", json(committee, 2003, 5, 3)));

        // Fixture: a candidate of a 党支部 under the committee, admitted (meeting and approval) in 2003; one not approved.
        long branch = jdbc.sql("SELECT b.id FROM org_organization b WHERE b.kind = 'PARTY_BRANCH' AND b.path LIKE "
                + "(SELECT path FROM org_organization WHERE id = :k) || '%' ORDER BY b.id LIMIT 1").param("k", committee).query(Long.class).single();
        long person = personInCounty(1);
        jdbc.sql("""
                INSERT INTO recruitment_candidate (person_id, branch_org_id, stage, application_date, admission_date, approval_date,
                                                   created_by, updated_by)
                VALUES (:p, :b, 'PROBATIONARY', DATE '2002-01-10', DATE '2003-06-01', DATE '2003-07-01', 'test', 'test'),
                       (:p, :b, 'DEVELOPMENT_TARGET', DATE '2002-01-10', DATE '2003-06-01', NULL, 'test', 'test')
                """).param("p", person).param("b", branch).update();
        try {
            checkProgress(id, committee, person);
        } finally {
            // The shared database: other tests register this person and audit all records.
            jdbc.sql("DELETE FROM recruitment_candidate WHERE person_id = :p AND created_by = 'test' AND application_date = DATE '2002-01-10'")
                    .param("p", person).update();
        }
    }

    private void checkProgress(long id, long committee, long person) throws Exception {
        Map<String, Object> p = jdbc.sql("""
                SELECT p.sex, p.ethnicity, p.education, p.birth_date, o.kind FROM person_view p JOIN org_organization o ON o.id = p.org_id
                WHERE p.id = :id""").param("id", person).query().singleRow();
        boolean young = ((java.sql.Date) p.get("birth_date")).toLocalDate().isAfter(LocalDate.of(2003, 6, 1).minusYears(36));
        String edu = (String) p.get("education");
        boolean educated = edu != null && (edu.startsWith("1") || edu.startsWith("2"));
        boolean frontLine = java.util.List.of("VILLAGE", "COMMUNITY", "STATE_ENTERPRISE", "NEW_ORGANIZATION").contains(p.get("kind"));

        mvc.perform(get("/api/v1/recruitment/plans/" + id).header("Authorization", bearer("county1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.year").value(2003))
                .andExpect(jsonPath("$.plan.targets.YOUNG").value(3))
                .andExpect(jsonPath("$.progress.admitted").value(1))
                .andExpect(jsonPath("$.progress.byGroup.WOMEN").value("2".equals(p.get("sex")) ? 1 : 0))
                .andExpect(jsonPath("$.progress.byGroup.MINORITY").value(p.get("ethnicity") != null && !"01".equals(p.get("ethnicity")) ? 1 : 0))
                .andExpect(jsonPath("$.progress.byGroup.YOUNG").value(young ? 1 : 0))
                .andExpect(jsonPath("$.progress.byGroup.HIGHLY_EDUCATED").value(educated ? 1 : 0))
                .andExpect(jsonPath("$.progress.byGroup.FRONT_LINE").value(frontLine ? 1 : 0))
                .andExpect(jsonPath("$.lines[0].target").value(5));

        // The page shows it, and an update keeps the version.
        mvc.perform(get("/recruitment/plans/" + id).session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2003年度发展党员计划")));
        mvc.perform(get("/recruitment/plans").session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("制定年度发展党员计划")));
        mvc.perform(put("/api/v1/recruitment/plans/" + id).header("Authorization", bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(committee, 2003, 6, 4)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.totalTarget").value(6))
                .andExpect(jsonPath("$.plan.version").value(1));
    }

    @Test
    void invalidPlansAreRefusedInChineseAndStoreNothing() throws Exception {
        long committee = committee(1);
        long before = jdbc.sql("SELECT count(*) FROM recruitment_plan").query(Long.class).single();
        create("county1", json(committee, 2004, 5, -1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不能为负数")));
        create("county1", json(committee, 1990, 5, 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("计划年度应在")));
        long branch = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'PARTY_BRANCH' AND path LIKE "
                + "(SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY id LIMIT 1").param("c", county(1)).query(Long.class).single();
        create("county1", json(branch, 2004, 5, 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不是党委")));
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_plan").query(Long.class).single()).isEqualTo(before);

        planId(create("county1", json(committee, 2004, 5, 1)));
        create("county1", json(committee, 2004, 7, 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不能重复制定")));
        assertThat(jdbc.sql("SELECT count(*) FROM recruitment_plan").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT total_target FROM recruitment_plan WHERE party_org_id = :o AND year = 2004").param("o", committee)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void anotherCountyGets404AndTheSystemAdministrator403() throws Exception {
        long id = planId(create("county1", json(committee(1), 2005, 5, 1)));
        mvc.perform(get("/api/v1/recruitment/plans/" + id).header("Authorization", bearer("county2"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/recruitment/plans/" + id).header("Authorization", bearer("county2"))
                .contentType(MediaType.APPLICATION_JSON).content(json(committee(1), 2005, 9, 1))).andExpect(status().isNotFound());
        create("county2", json(committee(1), 2006, 5, 1)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recruitment/plans").header("Authorization", bearer("county2")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"id\":" + id + ","))));
        mvc.perform(get("/api/v1/recruitment/plans/" + id).header("Authorization", bearer("city"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/recruitment/plans").header("Authorization", bearer("sysadmin"))).andExpect(status().isForbidden());
        create("sysadmin", json(committee(1), 2007, 5, 1)).andExpect(status().isForbidden());
    }
}
