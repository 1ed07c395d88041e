package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.web.PageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 班子结构 (F16): members, figures and gaps of a fixture team, the list of teams with gaps, jurisdiction, pages. */
class TeamStructureTests extends IntegrationTest {

    @Autowired
    FieldCipher cipher;
    @Autowired
    TeamAnalysis analysis;
    @Autowired
    ObjectMapper json;

    private CadreFixture fixture;
    private final LocalDate today = LocalDate.now();
    private long unit;

    @BeforeEach
    void setUp() {
        fixture = new CadreFixture(jdbc, cipher);
        unit = fixture.unit(county(1), "班子测试局");
        // 县处级 team of three men, all CPC members: 56, 48 and 41 years old.
        long a = member("班测甲", "1", 56, "01", "14", "01", "局长", RankLeadingPost.县处级正职, 5);
        fixture.post(a, unit, "党组书记", RankLeadingPost.县处级正职, today.minusYears(5), null); // a second current post: counted once
        member("班测乙", "1", 48, "03", "21", "01", "副局长", RankLeadingPost.县处级副职, 2);
        member("班测丙", "1", 41, "01", "31", "02", "副局长", RankLeadingPost.县处级副职, 1);
        // Not members: a non-leading post, an ended leading post, a leading post in another unit.
        long d = fixture.person(unit, "班测丁", "2", today.minusYears(30), "01", "21", "13");
        fixture.profile(d, unit, RetirementGroup.FEMALE_55, "科员", null);
        fixture.post(d, unit, "科员", null, today.minusYears(3), null);
        long e = fixture.person(unit, "班测戊", "2", today.minusYears(33), "01", "21", "13");
        fixture.profile(e, unit, RetirementGroup.FEMALE_55, "原副局长", null);
        fixture.post(e, unit, "副局长", RankLeadingPost.县处级副职, today.minusYears(4), today.minusMonths(2));
        long other = fixture.unit(county(1), "班子测试外单位");
        long f = fixture.person(other, "班测己", "2", today.minusYears(32), "01", "21", "13");
        fixture.profile(f, other, RetirementGroup.FEMALE_55, "主任", null);
        fixture.post(f, other, "主任", RankLeadingPost.乡科级正职, today.minusYears(1), null);
    }

    @AfterEach
    void tearDown() {
        fixture.cleanup();
        SecurityContextHolder.clearContext();
    }

    private long member(String name, String sex, int age, String ethnicity, String education, String political, String title,
                        RankLeadingPost level, int yearsInPost) {
        long id = fixture.person(unit, name, sex, today.minusYears(age).minusDays(3), ethnicity, education, political);
        fixture.profile(id, unit, "2".equals(sex) ? RetirementGroup.FEMALE_55 : RetirementGroup.MALE_60, title, name + "的专长");
        fixture.post(id, unit, title, level, today.minusYears(yearsInPost), null);
        return id;
    }

    private List<String> gapMessages(TeamStructure t) {
        return t.gaps().stream().map(TeamRules.Gap::message).toList();
    }

    @Test
    void fixtureTeamHasTheExpectedFiguresAndGaps() {
        actAsCityUser();
        TeamStructure t = analysis.analyse(unit, today);
        assertThat(t.members()).extracting(TeamMember::name).containsExactly("班测甲", "班测乙", "班测丙");
        assertThat(t.level()).isEqualTo("县处级");
        assertThat(t.youngAge()).isEqualTo(40);
        assertThat(t.averageAge()).isEqualTo(48.3);
        assertThat(t.ageBands()).containsExactly(Map.entry("35岁及以下", 0), Map.entry("36—45岁", 1), Map.entry("46—50岁", 1),
                Map.entry("51—55岁", 0), Map.entry("56岁及以上", 1));
        assertThat(t.women()).isZero();
        assertThat(t.nonParty()).isZero();
        assertThat(t.minority()).isEqualTo(1);
        assertThat(t.young()).isZero();
        assertThat(t.graduate()).isEqualTo(1);
        assertThat(t.undergraduate()).isEqualTo(1);
        assertThat(t.college()).isEqualTo(1);
        assertThat(t.members().getFirst().yearsInPost()).isEqualTo("5年");
        assertThat(t.members().getFirst().specialty()).isEqualTo("班测甲的专长");
        assertThat(gapMessages(t)).containsExactly("缺少女干部", "缺少年轻干部（40岁以下）");
        assertThat(t.gaps().getFirst().rule()).startsWith("班子结构2026（默认）：班子成员3人及以上的");
    }

    @Test
    void addingAYoungWomanRemovesBothGapsAndTheListAgrees() {
        actAsCityUser();
        var gapsBefore = analysis.teamsWithGaps(unit, new PageRequest(0, 50), today).content();
        assertThat(gapsBefore).singleElement().satisfies(row -> {
            assertThat(row.orgId()).isEqualTo(unit);
            assertThat(row.members()).isEqualTo(3);
            assertThat(row.level()).isEqualTo("县处级");
            assertThat(row.gaps()).isEqualTo(analysis.analyse(unit, today).gaps());
        });

        member("班测庚", "2", 38, "01", "21", "13", "副局长", RankLeadingPost.县处级副职, 1);
        TeamStructure t = analysis.analyse(unit, today);
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.women()).isEqualTo(1);
        assertThat(t.young()).isEqualTo(1);
        assertThat(t.nonParty()).isEqualTo(1);
        assertThat(gapMessages(t)).doesNotContain("缺少女干部").isEmpty();
        assertThat(analysis.teamsWithGaps(unit, new PageRequest(0, 50), today).content()).isEmpty();

        // A team of five without a non-CPC member lacks one (NON_PARTY.minMembers=5).
        jdbc.sql("UPDATE person_person SET political_status = '01' WHERE name = '班测庚' AND org_id = :u").param("u", unit).update();
        member("班测辛", "1", 45, "01", "21", "01", "副局长", RankLeadingPost.县处级副职, 1);
        assertThat(gapMessages(analysis.analyse(unit, today))).containsExactly("缺少党外干部");
        assertThat(analysis.teamsWithGaps(unit, new PageRequest(0, 50), today).content())
                .singleElement().satisfies(row -> assertThat(row.gapText()).isEqualTo("缺少党外干部"));
    }

    @Test
    void anotherCountysTeamIsNotFoundAndAudited() throws Exception {
        long foreign = fixture.unit(county(2), "班子他县局");
        long before = auditCount("ACCESS_DENIED");
        mvc.perform(get("/api/v1/cadres/teams/" + foreign).header("Authorization", bearer("county1"))).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 1);
        mvc.perform(get("/cadres/teams").param("orgId", String.valueOf(foreign)).session(session("county1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/teams/gaps").param("orgId", String.valueOf(foreign)).session(session("county1")))
                .andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(before + 3);

        mvc.perform(get("/api/v1/cadres/teams/" + unit).header("Authorization", bearer("county1"))).andExpect(status().isOk());
        String own = mvc.perform(get("/api/v1/cadres/teams").header("Authorization", bearer("county1")).param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("班子测试局");
        String other = mvc.perform(get("/api/v1/cadres/teams").header("Authorization", bearer("county2")).param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain("班子测试局");
    }

    @Test
    void apiAndPagesShowTheTeam() throws Exception {
        String body = mvc.perform(get("/api/v1/cadres/teams/" + unit).header("Authorization", bearer("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode team = json.readTree(body);
        assertThat(team.get("memberCount").asInt()).isEqualTo(3);
        assertThat(team.get("gaps").get(0).get("message").asString()).isEqualTo("缺少女干部");
        assertThat(team.get("members").get(0).get("name").asString()).isEqualTo("班测甲");

        String page = mvc.perform(get("/cadres/teams").param("orgId", String.valueOf(unit)).session(session("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("班测甲", "班测乙", "班测丙", "局长", "县处级正职", "缺少女干部", "缺少年轻干部（40岁以下）")
                .doesNotContain("班测丁").doesNotContain("班测戊");
        mvc.perform(get("/cadres/teams").session(session("city"))).andExpect(status().isOk());
        String gaps = mvc.perform(get("/cadres/teams/gaps").param("orgId", String.valueOf(county(1))).param("size", "200")
                .session(session("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(gaps).contains("班子测试局").contains("缺少女干部");
        String home = mvc.perform(get("/").session(session("city"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("退休提醒").contains("班子结构");
    }
}
