package org.zugong.recruitment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;
import org.zugong.platform.calendar.WorkCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/v1/recruitment/check} over the real application, with the holiday calendar of the database. */
class RecruitmentApiTests extends IntegrationTest {

    private static final String VALID = """
            {"ruleSet":"2014","birthDate":"1990-05-10","applicationDate":"2022-01-10","talkDate":"2022-01-20",
             "activistDate":"2022-03-01","activistAssessments":["2022-09-01","2023-03-01"],"developmentTargetDate":"2023-03-06",
             "introducers":[{"status":"FULL"},{"status":"FULL"}],"politicalReview":{"date":"2023-05-10","passed":true},
             "training":{"days":3,"hours":24},"publicNotice":{"start":"2023-03-06","end":"2023-03-10"},
             "preReviews":[{"level":"PARTY_COMMITTEE","date":"2023-05-20","passed":true},
                           {"level":"COUNTY_DEPARTMENT","date":"2023-05-25","passed":true}],
             "admissionMeeting":{"date":"2023-06-01","dueVoters":20,"present":18,"votesFor":17,"writtenFor":1},
             "approvalDate":"2023-07-15","probationExtensions":[],
             "conversionMeeting":{"date":"2024-06-05","dueVoters":20,"present":19,"votesFor":19,"writtenFor":0},
             "conversionApprovalDate":"2024-06-20"}
            """;

    @Autowired
    DevelopmentChecker checker;

    @Autowired
    WorkCalendar calendar;

    private org.springframework.test.web.servlet.ResultActions check(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/recruitment/check").header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aValidTimelineHasNoViolation() throws Exception {
        check("county1", VALID).andExpect(status().isOk())
                .andExpect(jsonPath("$.violations", hasSize(0)))
                .andExpect(jsonPath("$.ruleSet").value("细则2014"))
                .andExpect(jsonPath("$.probationEnd").value("2024-05-31"))
                .andExpect(jsonPath("$.fullMemberFrom").value("2024-06-01"));
    }

    @Test
    void anApprovalAfterThreeMonthsPassesOnlyAsASpecialCaseWithItsReason() throws Exception {
        String late = VALID.replace("\"approvalDate\":\"2023-07-15\"", "\"approvalDate\":\"2023-10-15\"");
        check("county1", late).andExpect(status().isOk())
                .andExpect(jsonPath("$.violations[0].rule").value("APPROVAL_LATE"))
                .andExpect(jsonPath("$.violations[0].message", containsString("特殊情况")));
        check("county1", late.replace("\"approvalDate\":", "\"approvalSpecialReason\":\"上级党委换届\",\"approvalDate\":"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violations", hasSize(0)));
    }

    @Test
    void withoutRuleSetTheDefaultApplies() throws Exception {
        check("city", VALID.replace("\"ruleSet\":\"2014\",", "").replace("\"talkDate\":\"2022-01-20\"", "\"talkDate\":\"2022-02-11\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violations", hasSize(1)))
                .andExpect(jsonPath("$.violations[0].rule").value("TALK_LATE"))
                .andExpect(jsonPath("$.violations[0].article").value("第七条"))
                .andExpect(jsonPath("$.violations[0].message", containsString("2022-01-10")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"talkDate\":\"2022-01-20\"|\"talkDate\":\"2022-02-30\"",
            "\"talkDate\":\"2022-01-20\"|\"talkDate\":\"20.01.2022\"",
            "\"status\":\"FULL\"}]|\"status\":\"MEMBER\"}]",
            "\"days\":3|\"days\":\"three\"",
            "\"conversionApprovalDate\":\"2024-06-20\"}|\"conversionApprovalDate\":\"2024-06-20\""})
    void malformedTimelinesAre400(String from, String to) throws Exception {
        check("county1", VALID.replace(from, to)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", containsString("日期格式")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"days\":3|\"days\":-3|不能为负数", "\"present\":18|\"present\":21|多于应到会人数",
            "\"probationExtensions\":[]|\"probationExtensions\":[{\"months\":-6}]|不能为负数"})
    void impossibleNumbersAre400(String from, String to, String detail) throws Exception {
        check("county1", VALID.replace(from, to)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }

    @Test
    void brokenJsonIs400() throws Exception {
        check("county1", "{\"applicationDate\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求格式错误"));
    }

    @ParameterizedTest
    @CsvSource({"2015", "../secret"})
    void unknownRuleSetIs400(String ruleSet) throws Exception {
        check("county1", VALID.replace("\"ruleSet\":\"2014\"", "\"ruleSet\":\"" + ruleSet + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("未知的发展党员规则版本")));
    }

    @Test
    void theSystemAdministratorMayNotCheck() throws Exception {
        check("sysadmin", VALID).andExpect(status().isForbidden());
    }

    // 公示 across the National Day holiday 2025-10-01..08 (调休 workdays 2025-09-28 Sunday and 2025-10-11 Saturday).
    @ParameterizedTest
    @CsvSource({"2025-09-29, 2025-10-09, 3, true", "2025-09-28, 2025-10-09, 4, true", "2025-09-29, 2025-10-10, 4, true",
            "2025-09-28, 2025-10-10, 5, false", "2025-09-29, 2025-10-11, 5, false", "2025-09-26, 2025-10-09, 5, false",
            "2025-09-17, 2025-09-22, 4, true", "2025-09-17, 2025-09-23, 5, false"})
    void publicNoticeCountsWorkingDaysOfTheCalendar(String start, String end, int workingDays, boolean violated) {
        assertThat(calendar.count(TimelineFixture.d(start), TimelineFixture.d(end))).isEqualTo(workingDays);
        TimelineFixture f = new TimelineFixture();
        f.notice = new Timeline.PublicNotice(TimelineFixture.d(start), TimelineFixture.d(end));
        CheckResult result = checker.check(f.build());
        assertThat(result.hasViolation(DevelopmentRule.PUBLIC_NOTICE_SHORT)).isEqualTo(violated);
        if (violated) {
            assertThat(result.violations().getFirst().message()).isEqualTo("发展对象公示规定：发展对象公示（" + start + " 至 " + end + "）仅"
                    + workingDays + "个工作日，不足五个工作日");
        }
    }
}
