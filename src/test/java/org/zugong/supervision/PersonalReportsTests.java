package org.zugong.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;

/** Personal-matters reports: who reports, encrypted items, the reproducible draw, checks and 凡提必核. */
class PersonalReportsTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.zugong.platform.crypto.FieldCipher cipher;

    private SupervisionFixture fixture;
    private long unit;
    private final int year = LocalDate.now().getYear();

    @BeforeEach
    void setUp() {
        fixture = new SupervisionFixture(jdbc, cipher);
        unit = fixture.unit(county(1), "报告测试局" + System.nanoTime());
    }

    @AfterEach
    void tearDown() {
        fixture.cleanup();
    }

    @Test
    void theSameSeedOverTheSameCandidatesDrawsTheSamePersons() {
        List<Long> candidates = new ArrayList<>();
        for (long i = 1; i <= 200; i++) {
            candidates.add(1000 + i * 7);
        }
        List<Long> drawn = SpotCheckDraw.draw(candidates, 42L, 20);
        assertThat(drawn).hasSize(20).isSorted().doesNotHaveDuplicates().allMatch(candidates::contains);
        List<Long> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled);
        assertThat(SpotCheckDraw.draw(shuffled, 42L, 20)).isEqualTo(drawn);
        assertThat(SpotCheckDraw.draw(candidates, 43L, 20)).isNotEqualTo(drawn);
        assertThat(PersonalReportRules.drawSize(200, 10)).isEqualTo(20);
        assertThat(PersonalReportRules.drawSize(7, 10)).isEqualTo(1);
        assertThat(PersonalReportRules.drawSize(0, 10)).isZero();
    }

    @Test
    void reportsAreListedEncryptedAtRestAndTheDrawIsRecordedAndReproducible() throws Exception {
        long deputy = fixture.cadre(unit, "报告甲", "县处级副职", "公务员");
        long section = fixture.cadre(unit, "报告乙", "乡科级正职", "公务员");   // need not report
        long enterprise = fixture.cadre(unit, "报告丙", null, "国企");
        long principal = fixture.cadre(unit, "报告丁", "县处级正职", "参公");
        String auth = bearer("county1");
        String plain = "本人房产：青溪县城关镇幸福路12号住宅一套，面积120平方米";
        mvc.perform(put("/api/v1/supervision/reports/" + deputy + "/" + year).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"submittedOn\":\"" + LocalDate.of(year, 1, 15)
                                + "\",\"items\":[{\"kind\":\"房产\",\"content\":\"" + plain + "\"},{\"kind\":\"婚姻\",\"content\":\"已婚\"}]}"))
                .andExpect(status().isNoContent());
        byte[] stored = jdbc.sql("SELECT i.content_cipher FROM supervision_report_item i JOIN supervision_report r ON r.id = i.report_id "
                + "WHERE r.person_id = :p AND i.item_kind = '房产'").param("p", deputy).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("幸福路");
        assertThat(indexOf(stored, plain.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(indexOf(stored, "幸福路".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        long views = auditCount("SUPERVISION_REPORT_VIEW");
        mvc.perform(get("/api/v1/supervision/reports/" + deputy + "/" + year).header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(jsonPath("$.items[0].kind").value("房产")).andExpect(jsonPath("$.items[0].content").value(plain));
        assertThat(auditCount("SUPERVISION_REPORT_VIEW")).isEqualTo(views + 1);
        // An unknown item kind is refused.
        mvc.perform(put("/api/v1/supervision/reports/" + principal + "/" + year).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"submittedOn\":\"" + LocalDate.now() + "\",\"items\":[{\"kind\":\"彩票\",\"content\":\"x\"}]}"))
                .andExpect(status().isBadRequest());
        // County 2 cannot enter or read it.
        mvc.perform(get("/api/v1/supervision/reports/" + deputy + "/" + year).header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isNotFound());

        LocalDate due = LocalDate.of(year, 1, 31);
        String late = LocalDate.now().isAfter(due) ? "逾期" : "未报告";
        mvc.perform(get("/api/v1/supervision/reports").param("year", Integer.toString(year)).param("orgId", Long.toString(unit))
                        .header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[*].personId", Matchers.contains((int) deputy, (int) enterprise, (int) principal)))
                .andExpect(jsonPath("$[0].status").value("已报告")).andExpect(jsonPath("$[1].status").value(late))
                .andExpect(jsonPath("$[0].dueDate").value(due.toString()));
        assertThat(section).isPositive();

        // The draw: recorded seed and candidates; redoing it gives the same persons; checks for the drawn.
        String body = mvc.perform(post("/api/v1/supervision/reports/" + year + "/draws").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"orgId\":" + unit + ",\"ratePercent\":50,\"seed\":20260131}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seed").value(20260131))
                .andExpect(jsonPath("$.candidates", Matchers.contains((int) deputy, (int) enterprise, (int) principal)))
                .andExpect(jsonPath("$.drawn.length()").value(2)).andReturn().getResponse().getContentAsString();
        List<Long> expected = SpotCheckDraw.draw(List.of(deputy, enterprise, principal), 20260131L, 2);
        assertThat(body).contains("\"drawn\":[" + expected.get(0) + "," + expected.get(1) + "]");
        assertThat(jdbc.sql("SELECT person_id FROM supervision_report_check WHERE draw_id IS NOT NULL AND org_id = :u ORDER BY person_id")
                .param("u", unit).query(Long.class).list()).isEqualTo(expected);
        // One draw per year and subtree.
        mvc.perform(post("/api/v1/supervision/reports/" + year + "/draws").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"orgId\":" + unit + "}"))
                .andExpect(status().isUnprocessableContent());
        // Result entry of a drawn check; the page shows it.
        long checkId = jdbc.sql("SELECT id FROM supervision_report_check WHERE org_id = :u ORDER BY id LIMIT 1").param("u", unit)
                .query(Long.class).single();
        mvc.perform(patch("/api/v1/supervision/checks/" + checkId).header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"漏报\",\"checkedOn\":\"" + LocalDate.now() + "\",\"note\":\"漏报股票\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(patch("/api/v1/supervision/checks/" + checkId).header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"如实\",\"checkedOn\":\"" + LocalDate.now() + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/supervision/reports").param("year", Integer.toString(year)).param("orgId", Long.toString(unit))
                        .session(session("county1")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.allOf(Matchers.containsString("报告甲"),
                        Matchers.containsString("随机抽查：漏报"), Matchers.containsString("种子 20260131"))));
    }

    @Test
    void theReportPageEntersAReport() throws Exception {
        long cadre = fixture.cadre(unit, "报告戊", "县处级副职", "公务员");
        var session = session("county1");
        mvc.perform(get("/supervision/reports/" + cadre + "/" + year).session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("经商办企业"), Matchers.containsString("尚未报告"))));
        mvc.perform(post("/supervision/reports/" + cadre + "/" + year).session(session).with(csrf())
                        .param("submittedOn", LocalDate.now().toString()).param("items[0].kind", "婚姻").param("items[0].content", "已婚")
                        .param("items[1].kind", "房产").param("items[1].content", ""))
                .andExpect(flash().attribute("message", "已保存" + year + "年度个人有关事项报告"));
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_report_item i JOIN supervision_report r ON r.id = i.report_id WHERE r.person_id = :p")
                .param("p", cadre).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/supervision/reports/" + cadre + "/" + year).session(session))
                .andExpect(content().string(Matchers.containsString("已婚")));
    }

    @Test
    void aPromotionProposalNeedsARecentCheck() throws Exception {
        long cadre = fixture.cadre(unit, "提拔甲", "乡科级正职", "公务员");
        String auth = bearer("county1");
        String proposal = "{\"proposedPost\":\"县发改局副局长\",\"postLevel\":\"县处级副职\",\"proposedOn\":\"" + LocalDate.now() + "\"}";
        long proposed = auditCount("CADRE_PROMOTION_PROPOSE");
        mvc.perform(post("/api/v1/cadres/" + cadre + "/promotion-proposals").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(proposal))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", Matchers.containsString("凡提必核")));
        // An old check is not enough: the message names the rule and the last check date.
        LocalDate old = LocalDate.now().minusMonths(14);
        mvc.perform(post("/api/v1/supervision/checks").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\":[" + cadre + "],\"year\":" + old.getYear() + ",\"result\":\"如实\",\"checkedOn\":\"" + old + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/cadres/" + cadre + "/promotion-proposals").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(proposal))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("凡提必核：该干部最近一次个人有关事项报告核查为" + old + "，已超过12个月，请先完成核查"));
        mvc.perform(post("/cadres/" + cadre + "/promotion-proposals").session(session("county1")).with(csrf())
                        .param("proposedPost", "县发改局副局长").param("postLevel", "县处级副职"))
                .andExpect(flash().attribute("error", Matchers.containsString("凡提必核")));
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_promotion_proposal WHERE person_id = :p").param("p", cadre).query(Long.class).single())
                .isZero();
        assertThat(auditCount("CADRE_PROMOTION_PROPOSE")).isEqualTo(proposed);

        // "Check everyone about to be promoted": a pending check, then its result; now the proposal is accepted.
        String ids = mvc.perform(post("/api/v1/supervision/checks").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\":[" + cadre + "]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long checkId = Long.parseLong(ids.replaceAll("\\D+", " ").strip());
        mvc.perform(post("/api/v1/cadres/" + cadre + "/promotion-proposals").header(HttpHeaders.AUTHORIZATION, auth)
                .contentType(MediaType.APPLICATION_JSON).content(proposal)).andExpect(status().isUnprocessableContent());
        mvc.perform(patch("/api/v1/supervision/checks/" + checkId).header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"如实\",\"checkedOn\":\"" + LocalDate.now().minusDays(3) + "\"}")).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/cadres/" + cadre + "/promotion-proposals").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content(proposal))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("拟提拔"))
                .andExpect(jsonPath("$.postLevel").value("县处级副职"));
        assertThat(auditCount("CADRE_PROMOTION_PROPOSE")).isEqualTo(proposed + 1);
        mvc.perform(get("/cadres/" + cadre).session(session("county1")))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("提拔建议（凡提必核）"), Matchers.containsString("县发改局副局长"))));
        // Validation comes first and stores nothing.
        mvc.perform(post("/api/v1/cadres/" + cadre + "/promotion-proposals").header(HttpHeaders.AUTHORIZATION, auth)
                .contentType(MediaType.APPLICATION_JSON).content("{\"postLevel\":\"大官\"}")).andExpect(status().isBadRequest());
        // Another county: 404.
        mvc.perform(post("/api/v1/cadres/" + cadre + "/promotion-proposals").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                .contentType(MediaType.APPLICATION_JSON).content(proposal)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_promotion_proposal WHERE person_id = :p").param("p", cadre).query(Long.class).single())
                .isEqualTo(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
