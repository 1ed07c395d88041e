package org.zugong.talent;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zugong.platform.calendar.WorkCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * F70 人才认定: an application runs 用人单位确认 → 人才办审核 → 专家评审 → 公示 → 认定 and ends in the registry with
 * {@link TalentRecognized} published; every step may refuse with a reason; steps out of order, dated in the future
 * or before the previous step, or submitted twice are refused with Chinese messages and change nothing; the
 * employer of another unit and the staff of another county get 404, audited.
 */
@RecordApplicationEvents
class RecognitionWorkflowTests extends RecognitionFixture {

    @Autowired
    ApplicationEvents events;

    @Autowired
    WorkCalendar calendar;

    @Test
    void anApplicationRunsEveryStepToRecognitionWritesTheRegistryAndPublishesTalentRecognized() throws Exception {
        long id = apply("C", 60);
        long person = jdbc.sql("SELECT person_id FROM talent_application WHERE id = :id").param("id", id).query(Long.class).single();
        step("unit1", id, "employer", decision(58, true, null, 0)).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("EMPLOYER_CONFIRMED"));
        step("talentoffice", id, "review", decision(56, true, null, 1)).andExpect(jsonPath("$.stage").value("REVIEWED"));
        // the committee grants D, lower than the C applied for
        step("talentoffice", id, "committee", votes(54, 7, 5, 1, 1, "D", 2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("COMMITTEE_PASSED")).andExpect(jsonPath("$.grantedTierCode").value("D"));
        step("talentoffice", id, "publicity", dated(50, 3)).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("PUBLICITY"))
                .andExpect(jsonPath("$.publicityEnd").value(calendar.lastOf(calendar.firstWorkingDayFrom(TODAY.minusDays(50)), 5).toString()));
        long audited = auditCount("TALENT_RECOGNIZE");
        step("talentoffice", id, "recognize", dated(0, 4)).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("RECOGNIZED"));

        var talent = jdbc.sql("SELECT id, tier_code, status, recognized_on, valid_until FROM talent WHERE person_id = :p").param("p", person)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()})
                .single();
        assertThat(talent[1]).isEqualTo("D");
        assertThat(talent[2]).isEqualTo("RECOGNIZED");
        assertThat(talent[3]).isEqualTo(TODAY);
        assertThat(talent[4]).isEqualTo(TODAY.plusYears(3).minusDays(1)); // D: a 3-year card
        assertThat(events.stream(TalentRecognized.class))
                .containsExactly(new TalentRecognized((Long) talent[0], person, "D", TODAY, TODAY.plusYears(3).minusDays(1)));
        assertThat(auditCount("TALENT_RECOGNIZE")).isEqualTo(audited + 1);
        // the timeline has every step, the talent page shows the record
        assertThat(jdbc.sql("SELECT step FROM talent_application_step WHERE application_id = :id ORDER BY id").param("id", id)
                .query(String.class).list()).containsExactly("SUBMIT", "EMPLOYER", "REVIEW", "COMMITTEE", "PUBLICITY", "RECOGNIZE");
        mvc.perform(get("/talent-applications/talent-section/{id}", talent[0]).session(session("talentoffice")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("已认定")));
    }

    @Test
    void recognitionUpdatesAnExistingRegistryRecord() throws Exception {
        long id = throughCommittee("E");
        long person = jdbc.sql("SELECT person_id FROM talent_application WHERE id = :id").param("id", id).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO talent (person_id, org_id, tier_code, category, introduction_mode, introduced_on, status, recognized_on, valid_until, created_by)
                SELECT person_id, org_id, 'E', '科技', '全职', DATE '2019-01-01', 'EXPIRED', DATE '2019-02-01', DATE '2022-01-31', 'test'
                FROM talent_application WHERE id = :id""").param("id", id).update();
        step("talentoffice", id, "publicity", dated(50, version(id))).andExpect(status().isOk());
        step("talentoffice", id, "recognize", dated(1, version(id))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT status || ' ' || recognized_on FROM talent WHERE person_id = :p").param("p", person).query(String.class).single())
                .isEqualTo("RECOGNIZED " + TODAY.minusDays(1));
    }

    @Test
    void theEmployerRefusesWithAReasonThatTheApplicantSees() throws Exception {
        long id = apply("D", 10);
        step("unit1", id, "employer", decision(9, false, null, 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不予通过时须填写理由")));
        assertThat(stage(id)).isEqualTo("SUBMITTED");
        step("unit1", id, "employer", decision(9, false, "本单位未与其签订劳动合同", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("REFUSED")).andExpect(jsonPath("$.refusalReason").value("本单位未与其签订劳动合同"))
                .andExpect(jsonPath("$.refusedStage").value("EMPLOYER"));
    }

    @Test
    void theTalentOfficeRefusesAtItsReview() throws Exception {
        long id = apply("B", 10);
        step("unit1", id, "employer", decision(9, true, null, 0)).andExpect(status().isOk());
        step("talentoffice", id, "review", decision(8, false, "所附材料不能证明达到 B 类条件", 1))
                .andExpect(jsonPath("$.stage").value("REFUSED")).andExpect(jsonPath("$.refusedStage").value("REVIEW"));
    }

    @Test
    void theCommitteePassesAtTwoThirdsOfThePresentMembersAndNotBelow() throws Exception {
        // 6 present: 4 for is exactly 2/3 — passes
        long at = apply("C", 20);
        step("unit1", at, "employer", decision(19, true, null, 0));
        step("talentoffice", at, "review", decision(18, true, null, 1));
        step("talentoffice", at, "committee", votes(17, 6, 4, 2, 0, "C", 2)).andExpect(jsonPath("$.stage").value("COMMITTEE_PASSED"));
        // 7 present: 4 for is below 2/3 — refused, the count named in the reason
        long below = apply("C", 20);
        step("unit1", below, "employer", decision(19, true, null, 0));
        step("talentoffice", below, "review", decision(18, true, null, 1));
        step("talentoffice", below, "committee", votes(17, 7, 4, 3, 0, "C", 2)).andExpect(jsonPath("$.stage").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason", containsString("未达到到会委员的 2/3")));
        // votes beyond the members present, or a tier above the one applied for, are refused
        long wrong = apply("C", 20);
        step("unit1", wrong, "employer", decision(19, true, null, 0));
        step("talentoffice", wrong, "review", decision(18, true, null, 1));
        step("talentoffice", wrong, "committee", votes(17, 5, 4, 2, 0, "C", 2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不能超过到会委员人数")));
        step("talentoffice", wrong, "committee", votes(17, 5, 5, 0, 0, "A", 2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不能高于申报的层次")));
        assertThat(stage(wrong)).isEqualTo("REVIEWED");
    }

    @Test
    void aSustainedObjectionRefusesAndADismissedOneLetsTheRecognitionGoOn() throws Exception {
        long id = throughCommittee("D");
        step("talentoffice", id, "publicity", dated(40, version(id))).andExpect(status().isOk());
        LocalDate start = TODAY.minusDays(40);
        LocalDate end = jdbc.sql("SELECT publicity_end FROM talent_application WHERE id = :id").param("id", id).query(LocalDate.class).single();
        // an objection after the 公示 is refused
        step("talentoffice", id, "objection", "{\"date\": \"" + end.plusDays(1) + "\", \"reason\": \"迟到的异议\", \"version\": " + version(id) + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("异议须在公示期内")));
        step("talentoffice", id, "objection", "{\"date\": \"" + start + "\", \"reason\": \"反映学历造假\", \"version\": " + version(id) + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.objection").value("反映学历造假"));
        // no recognition while it is undecided
        step("talentoffice", id, "recognize", dated(0, version(id))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", containsString("异议尚未处理")));
        step("talentoffice", id, "objection-decision", "{\"date\": \"" + start + "\", \"sustained\": false, \"reason\": \"经核实学历真实\", \"version\": "
                + version(id) + "}").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("PUBLICITY"));
        step("talentoffice", id, "recognize", dated(0, version(id))).andExpect(jsonPath("$.stage").value("RECOGNIZED"));

        long other = throughCommittee("D");
        step("talentoffice", other, "publicity", dated(40, version(other)));
        step("talentoffice", other, "objection", "{\"date\": \"" + start + "\", \"reason\": \"反映证书伪造\", \"version\": " + version(other) + "}");
        step("talentoffice", other, "objection-decision", "{\"date\": \"" + start + "\", \"sustained\": true, \"reason\": \"证书编号不存在\", \"version\": "
                + version(other) + "}").andExpect(jsonPath("$.stage").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason").value("公示期间异议成立：证书编号不存在"));
    }

    @Test
    void recognitionBeforeThePublicityEndedIsRefused() throws Exception {
        long id = throughCommittee("E");
        step("talentoffice", id, "publicity", dated(0, version(id))).andExpect(status().isOk());
        int v = version(id);
        step("talentoffice", id, "recognize", dated(0, v)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("公示结束后方可认定")));
        assertThat(stage(id)).isEqualTo("PUBLICITY");
        assertThat(version(id)).isEqualTo(v);
    }

    @Test
    void stepsOutOfOrderFutureDatedBeforeThePreviousStepOrSubmittedTwiceAreRefusedAndChangeNothing() throws Exception {
        long id = apply("D", 10);
        // out of order: the review before the employer
        step("talentoffice", id, "review", decision(5, true, null, 0)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("申请当前为“待用人单位确认”，不能办理“人才办审核”"));
        // future-dated, before the application
        step("unit1", id, "employer", decision(-1, true, null, 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("日期不能晚于今天")));
        step("unit1", id, "employer", decision(11, true, null, 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不能早于上一环节的日期")));
        step("unit1", id, "employer", "{\"date\": \"" + TODAY + "\", \"passed\": true}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("缺少版本号")));
        assertThat(stage(id)).isEqualTo("SUBMITTED");
        assertThat(version(id)).isZero();
        // the first submit passes, the same one again is a conflict
        step("unit1", id, "employer", decision(5, true, null, 0)).andExpect(status().isOk());
        step("unit1", id, "employer", decision(5, true, null, 0)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        assertThat(version(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM talent_application_step WHERE application_id = :id AND step = 'EMPLOYER'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        // a step without the permission is 403: unit1 cannot review
        step("unit1", id, "review", decision(4, true, null, 1)).andExpect(status().isForbidden());
        // withdrawal is possible before the committee only
        long late = throughCommittee("E");
        step("talentoffice", late, "withdraw", dated(0, version(late))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", containsString("专家评审后不能撤回")));
        step("talentoffice", id, "withdraw", dated(0, 1)).andExpect(jsonPath("$.stage").value("WITHDRAWN"));
    }

    @Test
    void aSecondOpenApplicationOfThePersonAndInvalidInputAreRefusedInChinese() throws Exception {
        long person = freshPerson(1);
        apply(person, unitOfUnit1(), "D", 5, "talentoffice");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/talent-applications")
                        .header("Authorization", bearer("talentoffice")).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"personId\": " + person + ", \"tierCode\": \"D\", \"category\": \"科技\", \"introductionMode\": \"全职\", \"introducedOn\": \"2020-01-01\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", containsString("不能重复申请")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/talent-applications")
                        .header("Authorization", bearer("talentoffice")).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"personId\": " + freshPerson(1) + ", \"tierCode\": \"X\", \"category\": \"体育\", \"introducedOn\": \"" + TODAY.plusDays(3) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("请选择申报的人才层次")))
                .andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItem(containsString("引进日期不能晚于今天"))));
    }

    @Test
    void theEmployerOfAnotherUnitAndTheStaffOfAnotherCountyGet404AndTheProbeIsAudited() throws Exception {
        // an application of another unit of county 1: unit1 does not see it
        long otherUnit = jdbc.sql("""
                SELECT p.org_id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.org_id <> :u AND o.kind = 'ORGAN'
                ORDER BY p.id LIMIT 1""").param("c", county(1)).param("u", unitOfUnit1()).query(Long.class).single();
        long id = apply(freshPerson(1), otherUnit, "D", 5, "talentoffice");
        long before = auditCount("ACCESS_DENIED");
        step("unit1", id, "employer", decision(1, true, null, 0)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/talent-applications/{id}", id).header("Authorization", bearer("unit1"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 2);
        assertThat(stage(id)).isEqualTo("SUBMITTED");
        // county 2's staff do not see county 1's application
        mvc.perform(get("/api/v1/talent-applications/{id}", id).header("Authorization", bearer("county2"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 3);
        // unit1 sees its own unit's applications only
        String list = mvc.perform(get("/api/v1/talent-applications").header("Authorization", bearer("unit1")).param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("\"orgId\":" + otherUnit + ",");
    }

    @Test
    void theStaffPagesShowTheListTheDetailWithTheNextStepAndExportAudited() throws Exception {
        long id = apply("D", 3);
        var office = session("talentoffice");
        mvc.perform(get("/talent-applications").session(office).param("stage", "SUBMITTED")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("待用人单位确认")));
        // the office sees the application, but the employer's step is unit1's
        mvc.perform(get("/talent-applications/{id}", id).session(office)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("id=\"application-timeline\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.not(containsString("id=\"take-employer\""))));
        mvc.perform(get("/talent-applications/{id}", id).session(session("unit1"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("id=\"take-employer\"")));
        // a page step with a stale version answers 409 with the message
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/talent-applications/{id}/steps/employer", id)
                        .session(session("unit1")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("date", TODAY.toString()).param("passed", "true").param("version", "7"))
                .andExpect(status().isConflict()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("已被他人修改")));
        long exports = auditCount("TALENT_APPLICATION_EXPORT");
        mvc.perform(get("/talent-applications/export").session(office)).andExpect(status().isOk());
        assertThat(auditCount("TALENT_APPLICATION_EXPORT")).isEqualTo(exports + 1);
    }
}
