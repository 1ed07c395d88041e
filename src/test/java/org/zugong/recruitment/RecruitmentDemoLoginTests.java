package org.zugong.recruitment;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 6 item 9 with the demo logins: {@code branch1} (a 党支部's clerk, scoped to the branch's unit) enters the
 * branch's steps, {@code committee1} (the township's 党委) approves and gives the committee's pre-review, the
 * county department gives the county pre-review; each is refused the others' steps.
 */
class RecruitmentDemoLoginTests extends IntegrationTest {

    private long orgOf(String user) {
        return jdbc.sql("SELECT org_id FROM access_user WHERE username = :u").param("u", user).query(Long.class).single();
    }

    private String pathOf(long org) {
        return jdbc.sql("SELECT path FROM org_organization WHERE id = :o").param("o", org).query(String.class).single();
    }

    /** A demo record kept by a branch in branch1's unit. */
    private long branchRecord() {
        return jdbc.sql("""
                SELECT c.id FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id
                WHERE c.created_by = 'demo' AND b.path LIKE :p ORDER BY c.id LIMIT 1""")
                .param("p", pathOf(orgOf("branch1")) + "%").query(Long.class).single();
    }

    private ResultActions step(String user, long id, String step, String json) throws Exception {
        return mvc.perform(post("/api/v1/recruitment/candidates/" + id + "/steps/" + step).header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theBranchLoginSeesTheRecordsOfItsUnitOnlyAndTheCommitteeThoseOfItsTownship() throws Exception {
        String unit = pathOf(orgOf("branch1"));
        String township = pathOf(orgOf("committee1"));
        assertThat(unit).startsWith(township);
        List<String> branchPaths = jdbc.sql("""
                SELECT b.path FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id
                WHERE c.created_by = 'demo' AND b.path LIKE :p""").param("p", township + "%").query(String.class).list();
        String body = mvc.perform(get("/api/v1/recruitment/candidates").param("size", "200").header("Authorization", bearer("branch1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long seenByBranch = jdbc.sql("""
                SELECT count(*) FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id WHERE b.path LIKE :p""")
                .param("p", unit + "%").query(Long.class).single();
        assertThat(seenByBranch).isPositive();
        assertThat(body.split("\"branchOrgId\"").length - 1).isEqualTo((int) seenByBranch);
        mvc.perform(get("/api/v1/recruitment/candidates").header("Authorization", bearer("committee1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(
                        jdbc.sql("""
                                SELECT count(*) FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id
                                WHERE b.path LIKE :p""").param("p", township + "%").query(Integer.class).single()));
        assertThat(branchPaths).isNotEmpty();
        // A record of another county is not there for either of them.
        long elsewhere = jdbc.sql("""
                SELECT c.id FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id
                WHERE b.path NOT LIKE :p ORDER BY c.id LIMIT 1""").param("p", township + "%").query(Long.class).single();
        mvc.perform(get("/api/v1/recruitment/candidates/" + elsewhere).header("Authorization", bearer("branch1"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recruitment/candidates/" + elsewhere).header("Authorization", bearer("committee1"))).andExpect(status().isNotFound());
    }

    @Test
    void theListIsPagedAndFilteredByNameWithTheTotalOfTheWholeScope() throws Exception {
        long total = jdbc.sql("SELECT count(*) FROM recruitment_candidate").query(Long.class).single();
        mvc.perform(get("/api/v1/recruitment/candidates").param("size", "5").param("page", "1").header("Authorization", bearer("city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.page.number").value(1))
                .andExpect(jsonPath("$.page.totalElements").value(total));
        String name = jdbc.sql("""
                SELECT p.name FROM recruitment_candidate c JOIN person_person p ON p.id = c.person_id WHERE c.created_by = 'demo'
                ORDER BY c.id LIMIT 1""").query(String.class).single();
        long named = jdbc.sql("""
                SELECT count(*) FROM recruitment_candidate c JOIN person_person p ON p.id = c.person_id WHERE p.name LIKE :n""")
                .param("n", name + "%").query(Long.class).single();
        mvc.perform(get("/api/v1/recruitment/candidates").param("name", name).header("Authorization", bearer("city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(named))
                .andExpect(jsonPath("$.content[0].personName").value(org.hamcrest.Matchers.startsWith(name)));
        // Another county as the organization filter: 404, on the API and on the page.
        mvc.perform(get("/api/v1/recruitment/candidates").param("orgId", Long.toString(county(2))).header("Authorization", bearer("county1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/recruitment").param("orgId", Long.toString(county(2))).session(session("county1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/recruitment").param("name", name).session(session("city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("zg-pager")));
    }

    @Test
    void theStageCountsFollowTheOrganizationFilter() throws Exception {
        long township = orgOf("committee1");
        long expected = jdbc.sql("""
                SELECT count(*) FROM recruitment_candidate c JOIN org_organization b ON b.id = c.branch_org_id WHERE b.path LIKE :p""")
                .param("p", pathOf(township) + "%").query(Long.class).single();
        String page = mvc.perform(get("/recruitment").param("orgId", Long.toString(township)).session(session("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long counted = java.util.regex.Pattern.compile("<span class=\"badge text-bg-secondary\">(\\d+)</span>").matcher(page).results()
                .mapToLong(m -> Long.parseLong(m.group(1))).sum();
        long all = jdbc.sql("SELECT count(*) FROM recruitment_candidate").query(Long.class).single();
        assertThat(expected).isLessThan(all);
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void theBranchCannotApproveOrPreReviewAndTheCommitteeCannotEnterTheBranchsStepsNorTheCountyPreReview() throws Exception {
        long id = branchRecord();
        String version = jdbc.sql("SELECT version FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single();
        step("branch1", id, "approval", "{\"date\":\"2025-01-02\"}").andExpect(status().isForbidden());
        step("branch1", id, "pre-review", "{\"date\":\"2025-01-02\",\"level\":\"PARTY_COMMITTEE\",\"passed\":true}").andExpect(status().isForbidden());
        step("branch1", id, "conversion-approval", "{\"date\":\"2025-01-02\"}").andExpect(status().isForbidden());
        step("committee1", id, "talk", "{\"date\":\"2025-01-02\"}").andExpect(status().isForbidden());
        step("committee1", id, "admission", "{\"date\":\"2025-01-02\",\"dueVoters\":10,\"present\":9,\"votesFor\":8}").andExpect(status().isForbidden());
        step("committee1", id, "pre-review", "{\"date\":\"2025-01-02\",\"level\":\"COUNTY_DEPARTMENT\",\"passed\":true}")
                .andExpect(status().isForbidden());
        // Refusals change nothing.
        assertThat(jdbc.sql("SELECT version FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(version);
    }

    @Test
    void theCommitteesApprovalAndPreReviewPassAuthorizationAndMeetTheStepRulesInstead() throws Exception {
        String unit = pathOf(orgOf("branch1"));
        long applicant = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE :p AND p.active AND p.political_status IN ('13', '03') AND p.birth_date < DATE '2000-01-01'
                  AND p.id NOT IN (SELECT person_id FROM recruitment_candidate) ORDER BY p.id DESC LIMIT 1""")
                .param("p", unit + "%").query(Long.class).single();
        long branch = jdbc.sql("""
                SELECT id FROM org_organization WHERE kind IN ('PARTY_BRANCH', 'PARTY_JOINT_BRANCH') AND active AND path LIKE :p
                ORDER BY id LIMIT 1""").param("p", unit + "%").query(Long.class).single();
        String location = mvc.perform(post("/api/v1/recruitment/candidates").header("Authorization", bearer("branch1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + applicant + ",\"branchOrgId\":" + branch + ",\"applicationDate\":\"2024-05-06\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        try {
            // An applicant's record: the committee may try to approve or pre-review, and is told the stage is wrong (422), not 403.
            step("committee1", id, "approval", "{\"date\":\"2025-01-02\"}").andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value(containsString("阶段")));
            step("committee1", id, "pre-review", "{\"date\":\"2025-01-02\",\"level\":\"PARTY_COMMITTEE\",\"passed\":true}")
                    .andExpect(status().isUnprocessableContent());
        } finally {
            jdbc.sql("DELETE FROM recruitment_candidate WHERE id = :id").param("id", id).update();
        }
    }

    @Test
    void theBranchRegistersAnApplicantOfItsUnitFromThePersonPageAndChoosesIntroducersAmongItsUnitsMembers() throws Exception {
        String unit = pathOf(orgOf("branch1"));
        long applicant = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE :p AND p.active AND p.political_status IN ('13', '03') AND p.birth_date < DATE '2000-01-01'
                  AND p.id NOT IN (SELECT person_id FROM recruitment_candidate) ORDER BY p.id LIMIT 1""")
                .param("p", unit + "%").query(Long.class).single();
        var session = session("branch1");
        mvc.perform(get("/recruitment/person-tab/" + applicant).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"recruitment-register-form\"")))
                .andExpect(content().string(containsString("党支部")));
        long branch = jdbc.sql("""
                SELECT id FROM org_organization WHERE kind IN ('PARTY_BRANCH', 'PARTY_JOINT_BRANCH') AND active AND path LIKE :p
                ORDER BY name, id LIMIT 1""").param("p", unit + "%").query(Long.class).single();
        String location = mvc.perform(post("/recruitment").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("personId", Long.toString(applicant)).param("branchOrgId", Long.toString(branch))
                        .param("applicationDate", "2024-03-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        try {
            step("branch1", id, "talk", "{\"date\":\"2024-03-15\"}").andExpect(status().isOk());
            List<Long> unitMembers = jdbc.sql("""
                    SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                    WHERE o.path LIKE :p AND p.active AND p.political_status = '01'""").param("p", unit + "%").query(Long.class).list();
            String page = mvc.perform(get("/recruitment/" + id).session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            // The 培养联系人 choice lists the unit's full members, and nobody else.
            assertThat(page).contains("id=\"contact\"");
            List<Long> offered = java.util.regex.Pattern.compile("<option value=\"(\\d+)\"").matcher(
                    page.substring(page.indexOf("id=\"contact\""), page.indexOf("</select>", page.indexOf("id=\"contact\""))))
                    .results().map(m -> Long.parseLong(m.group(1))).toList();
            assertThat(offered).isNotEmpty().allMatch(unitMembers::contains);
            // A 群众 named as 培养联系人 is refused with the article; the record is unchanged.
            step("branch1", id, "activist", "{\"date\":\"2024-04-01\",\"contacts\":[{\"personId\":" + applicant + "}]}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("不是中共党员")));
            assertThat(jdbc.sql("SELECT stage FROM recruitment_candidate WHERE id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("APPLICANT");
            step("branch1", id, "activist", "{\"date\":\"2024-04-01\",\"contacts\":[{\"personId\":" + offered.getFirst() + "}]}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.candidate.contacts[0].status").value("FULL"));
        } finally {
            for (String table : List.of("recruitment_contact", "recruitment_assessment", "recruitment_pre_review")) {
                jdbc.sql("DELETE FROM " + table + " WHERE candidate_id = :id").param("id", id).update();
            }
            jdbc.sql("DELETE FROM recruitment_candidate WHERE id = :id").param("id", id).update();
        }
    }
}
