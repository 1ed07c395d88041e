package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * F73 乡土人才积分: entries are confirmed or rejected by the office; the total counts confirmed entries only, each
 * item up to its cap; reaching the threshold (100, data) puts the person on the candidate list; 推荐认定 files an
 * application (source RURAL_POINTS, tier E, 乡土) that runs through the recognition workflow.
 */
class RuralPointTests extends RecognitionFixture {

    private long entry(long person, String item, Integer points, String evidence) throws Exception {
        String answer = mvc.perform(post("/api/v1/talent-points").header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": " + person + ", \"itemCode\": \"" + item + "\", \"earnedOn\": \"" + TODAY.minusDays(30) + "\""
                                + (points == null ? "" : ", \"points\": " + points) + (evidence == null ? "" : ", \"evidence\": \"" + evidence + "\"") + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(answer.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    private void confirm(long entry, boolean confirmed, String reason) throws Exception {
        int version = jdbc.sql("SELECT version FROM talent_point_entry WHERE id = :id").param("id", entry).query(Integer.class).single();
        mvc.perform(post("/api/v1/talent-points/{id}/review", entry).header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"confirmed\": " + confirmed + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + ", \"version\": " + version + "}"))
                .andExpect(status().isOk());
    }

    private int total(long person) throws Exception {
        String body = mvc.perform(get("/api/v1/talent-points/totals").header("Authorization", bearer("talentoffice")).param("size", "200"))
                .andReturn().getResponse().getContentAsString();
        var m = java.util.regex.Pattern.compile("\"personId\":" + person + ",\"personName\":\"[^\"]*\",\"orgName\":\"[^\"]*\",\"total\":(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private boolean candidate(long person) throws Exception {
        return mvc.perform(get("/api/v1/talent-points/candidates").header("Authorization", bearer("talentoffice")).param("size", "200"))
                .andReturn().getResponse().getContentAsString().contains("\"personId\":" + person + ",");
    }

    @Test
    void theTotalCountsConfirmedEntriesOnlyEachItemUpToItsCapAndTheThresholdMakesACandidateWhoIsRecommended() throws Exception {
        long person = freshPerson(1);
        // SKILL_CITY: 20 points, cap 40 — three entries count 40
        long a = entry(person, "SKILL_CITY", null, "市技能竞赛一等奖");
        long b = entry(person, "SKILL_CITY", null, "市技能竞赛二等奖");
        long c = entry(person, "SKILL_CITY", null, "市技能竞赛三等奖");
        long d = entry(person, "RICH_HOUSEHOLD", 40, "带动 40 户增收");
        long e = entry(person, "HONOR_CITY", null, "市劳动模范");
        assertThat(total(person)).isZero(); // pending entries do not count
        for (long x : new long[]{a, b, c, d}) {
            confirm(x, true, null);
        }
        confirm(e, false, "证书为复印件，请提供原件扫描件");
        assertThat(total(person)).isEqualTo(80);
        assertThat(candidate(person)).isFalse();
        // recommending below the threshold is refused
        mvc.perform(post("/api/v1/talent-points/candidates/{p}/recommend", person).header("Authorization", bearer("talentoffice")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", containsString("未达到候选标准（100 分）")));
        long f = entry(person, "HONOR_CITY", null, "市劳动模范证书原件扫描件");
        confirm(f, true, null);
        assertThat(total(person)).isEqualTo(100);
        assertThat(candidate(person)).isTrue();
        String created = mvc.perform(post("/api/v1/talent-points/candidates/{p}/recommend", person).header("Authorization", bearer("talentoffice")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(jdbc.sql("SELECT source || ' ' || tier_code || ' ' || category || ' ' || stage FROM talent_application WHERE id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("RURAL_POINTS E 乡土 EMPLOYER_CONFIRMED");
        // it runs through the same workflow: the office's review comes next
        step("talentoffice", id, "review", decision(0, true, null, 0)).andExpect(jsonPath("$.stage").value("REVIEWED"));
        // a second recommendation while it is open is refused
        mvc.perform(post("/api/v1/talent-points/candidates/{p}/recommend", person).header("Authorization", bearer("talentoffice")))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/talent-points/candidates").session(session("talentoffice"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已推荐")));
    }

    @Test
    void theDemoHasThreeCandidatesOverTheThresholdInCounty1() throws Exception {
        String body = mvc.perform(get("/api/v1/talent-points/candidates").header("Authorization", bearer("talentoffice")).param("size", "200"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.threshold").value(100)).andReturn().getResponse().getContentAsString();
        long demoCandidates = jdbc.sql("""
                SELECT count(*) FROM (
                  SELECT x.person_id, sum(least(x.points, i.cap)) AS total FROM (
                    SELECT person_id, item_code, sum(points) AS points FROM talent_point_entry
                    WHERE status = 'CONFIRMED' AND created_by = 'demo'
                      AND org_id IN (SELECT id FROM org_organization WHERE path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%')
                    GROUP BY person_id, item_code) x JOIN talent_point_item i ON i.code = x.item_code GROUP BY x.person_id) t
                WHERE total >= 100""").param("c", county(1)).query(Long.class).single();
        assertThat(demoCandidates).isEqualTo(3);
        assertThat(body).contains("\"total\":120").contains("\"total\":105");
    }

    @Test
    void entriesAreCheckedAndADoubleConfirmationIsRefused() throws Exception {
        long person = freshPerson(1);
        mvc.perform(post("/api/v1/talent-points").header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": " + person + ", \"itemCode\": \"CERT_MASTER\", \"earnedOn\": \"" + TODAY.plusDays(1) + "\", \"points\": 99}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("取得日期不能晚于今天")))
                .andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItem(containsString("不能超过该项目的上限 25 分"))))
                .andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItem(containsString("须提供证明材料"))));
        long e = entry(person, "APPRENTICE", null, null); // 带徒: no evidence required
        confirm(e, true, null);
        mvc.perform(post("/api/v1/talent-points/{id}/review", e).header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"confirmed\": true, \"version\": 0}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/talent-points/{id}/review", e).header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"confirmed\": true, \"version\": 1}")).andExpect(status().isUnprocessableEntity());
        // another county's entry is 404 and audited
        long foreign = jdbc.sql("""
                SELECT min(e.id) FROM talent_point_entry e JOIN org_organization o ON o.id = e.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%'""").param("c", county(2)).query(Long.class).single();
        long before = auditCount("ACCESS_DENIED");
        mvc.perform(post("/api/v1/talent-points/{id}/review", foreign).header("Authorization", bearer("talentoffice")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"confirmed\": true, \"version\": 0}")).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 1);
    }
}
