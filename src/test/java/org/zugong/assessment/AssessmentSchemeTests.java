package org.zugong.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.zugong.IntegrationTest;
import org.zugong.platform.web.FieldErrors;

/**
 * 考核方案 (F20): validation, copy, overlapping validity, the facade the workflow uses, and who sees
 * and changes which scheme. Each test works on its own organizations or category so that the order
 * of the tests does not matter.
 */
class AssessmentSchemeTests extends IntegrationTest {

    private static final String FIVE_SCORES = """
            [{"name":"德","weight":20,"method":"SCORE","minScore":0,"maxScore":100},
             {"name":"能","weight":20,"method":"SCORE","minScore":0,"maxScore":100},
             {"name":"勤","weight":15,"method":"SCORE","minScore":0,"maxScore":100},
             {"name":"绩","weight":35,"method":"SCORE","minScore":0,"maxScore":100},
             {"name":"廉","weight":10,"method":"SCORE","minScore":0,"maxScore":100}]""";

    @Autowired
    AssessmentSchemes schemes;

    /** The n-th organ (机关) in the n-th county's subtree. */
    private long organIn(int county, int n) {
        return jdbc.sql("""
                SELECT id FROM org_organization
                WHERE path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND kind = 'ORGAN'
                ORDER BY id OFFSET :o LIMIT 1""").param("c", county(county)).param("o", n).query(Long.class).single();
    }

    /** A child organization of this one (the unit's Party organization, say). */
    private long childOf(long orgId) {
        return jdbc.sql("SELECT id FROM org_organization WHERE parent_id = :p ORDER BY id LIMIT 1").param("p", orgId)
                .query(Long.class).single();
    }

    private long demoScheme(String postType) {
        return jdbc.sql("SELECT id FROM assessment_scheme WHERE created_by = 'demo' AND post_type = :p").param("p", postType)
                .query(Long.class).single();
    }

    private static String json(long orgId, String name, String category, String postType, String from, String to, String indicators) {
        return "{\"orgId\":" + orgId + ",\"name\":\"" + name + "\",\"unitCategory\":\"" + category + "\",\"postType\":\"" + postType
                + "\",\"validFrom\":\"" + from + "\"" + (to == null ? "" : ",\"validTo\":\"" + to + "\"")
                + ",\"indicators\":" + indicators + "}";
    }

    private long create(String user, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, bearer(user))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(response.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    private long count(String name) {
        return jdbc.sql("SELECT count(*) FROM assessment_scheme WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void theDemoHasTheCitysSchemes() {
        Scheme general = schemes.find(demoScheme("综合管理类")).orElseThrow();
        assertThat(general.indicators()).extracting(Indicator::name).containsExactly("德", "能", "勤", "绩", "廉");
        assertThat(general.indicators()).extracting(i -> i.weight().intValue()).containsExactly(20, 20, 15, 35, 10);
        assertThat(general.orgId()).isEqualTo(orgIdByName("湘云市"));
        assertThat(schemes.find(demoScheme("行政执法类")).orElseThrow().indicators()).extracting(Indicator::name).contains("执法规范");
        Scheme technical = schemes.find(demoScheme("专业技术类")).orElseThrow();
        assertThat(technical.unitCategory()).isEqualTo(SchemeUnitCategory.事业单位);
        assertThat(technical.indicators()).allMatch(i -> i.method() == IndicatorMethod.LEVELS && i.levels().size() == 4);
        assertThat(demoScheme("领导班子成员")).isPositive();
    }

    @Test
    void aSchemeWithValidIndicatorsIsCreatedFromThePageAndAudited() throws Exception {
        long org = organIn(6, 0);
        long audits = auditCount("ASSESSMENT_SCHEME_CREATE");
        MockHttpSession city = session("city");
        var request = post("/assessment/schemes/new").session(city).with(csrf())
                .param("orgId", Long.toString(org)).param("name", "国企领导班子考核方案（测试）")
                .param("unitCategory", "国有企业").param("postType", "领导班子成员").param("validFrom", "2021-01-01")
                .param("indicators[0].name", "经营业绩").param("indicators[0].weight", "60").param("indicators[0].method", "SCORE")
                .param("indicators[0].minScore", "0").param("indicators[0].maxScore", "100")
                .param("indicators[1].name", "党建工作").param("indicators[1].weight", "40").param("indicators[1].method", "LEVELS")
                .param("indicators[1].levels", "好=100；较好=80；一般=60")
                .param("indicators[2].name", "").param("indicators[2].weight", "").param("indicators[2].method", "SCORE");
        String location = mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/assessment/schemes/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Scheme s = schemes.find(id).orElseThrow();
        assertThat(s.indicators()).hasSize(2);
        assertThat(s.indicators().get(1).levels()).extracting(Level::name).containsExactly("好", "较好", "一般");
        assertThat(jdbc.sql("SELECT levels FROM assessment_indicator WHERE scheme_id = :id AND seq = 2").param("id", id)
                .query(String.class).single()).isEqualTo("好=100;较好=80;一般=60");
        assertThat(auditCount("ASSESSMENT_SCHEME_CREATE")).isEqualTo(audits + 1);
        mvc.perform(get(location).session(city)).andExpect(status().isOk())
                .andExpect(content().string(containsString("经营业绩"))).andExpect(content().string(containsString("好=100；较好=80；一般=60")));
        mvc.perform(get("/assessment/schemes").session(city).param("orgId", Long.toString(org)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("国企领导班子考核方案（测试）")));
    }

    @Test
    void theFormOffersBlankRowsAndAddsMoreWithoutSaving() throws Exception {
        MockHttpSession city = session("city");
        mvc.perform(get("/assessment/schemes/new").session(city).param("orgId", Long.toString(county(1)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"indicators[4].name\"")))
                .andExpect(content().string(containsString("青溪县")));
        mvc.perform(get("/assessment/schemes").session(city).param("unitCategory", "事业单位").param("postType", "专业技术类")
                        .param("validOn", "2025-06-30"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("湘云市事业单位专业技术人员考核方案")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("湘云市机关综合管理类公务员考核方案"))));
        mvc.perform(get("/assessment/schemes/" + demoScheme("综合管理类") + "/edit").session(city)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"indicators[7].name\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"indicators[8].name\""))));
        mvc.perform(post("/assessment/schemes/new").session(city).with(csrf()).param("addRows", "true")
                        .param("name", "加行测试").param("indicators[0].name", "德"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"indicators[3].name\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"indicators[4].name\""))));
        assertThat(count("加行测试")).isZero();
    }

    @Test
    void weightsNotAddingUpToHundredAreRefusedAndNothingIsStored() throws Exception {
        String body = json(organIn(5, 1), "权重不足方案", "机关", "综合管理类", "2021-01-01", null, """
                [{"name":"德","weight":20,"method":"SCORE","minScore":0,"maxScore":100},
                 {"name":"绩","weight":70,"method":"SCORE","minScore":0,"maxScore":100}]""");
        mvc.perform(post("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, bearer("city"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators")))
                .andExpect(jsonPath("$.errors[0].message", containsString("权重之和应为100%，现为90%")));
        assertThat(count("权重不足方案")).isZero();
        mvc.perform(post("/assessment/schemes/new").session(session("city")).with(csrf())
                        .param("orgId", Long.toString(organIn(5, 1))).param("name", "权重不足方案").param("unitCategory", "机关")
                        .param("postType", "综合管理类").param("validFrom", "2021-01-01")
                        .param("indicators[0].name", "德").param("indicators[0].weight", "20").param("indicators[0].minScore", "0")
                        .param("indicators[0].maxScore", "100").param("indicators[1].name", "绩").param("indicators[1].weight", "甲")
                        .param("indicators[1].minScore", "90").param("indicators[1].maxScore", "60"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第2行“绩”的权重应为数字")))
                .andExpect(content().string(containsString("第2行“绩”的最高分应大于最低分")));
        assertThat(count("权重不足方案")).isZero();
    }

    @Test
    void otherRulesNameTheirFields() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 31; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"指标").append(i).append("\",\"weight\":1,\"minScore\":0,\"maxScore\":10}");
        }
        many.append("]");
        String auth = bearer("city");
        mvc.perform(post("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(json(organIn(5, 1), "", "机关", "综合管理类", "2021-01-01", "2020-12-31", many.toString())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message", hasItem("请填写方案名称")))
                .andExpect(jsonPath("$.errors[?(@.field == 'validTo')].message", hasItem("失效日期不能早于生效日期")))
                .andExpect(jsonPath("$.errors[?(@.field == 'indicators')].message", hasItem("考核指标不能超过30项（现有31项）")));
        mvc.perform(post("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(json(organIn(5, 1), "等级不全", "机关", "综合管理类", "2021-01-01", null,
                                "[{\"name\":\"德\",\"weight\":100,\"method\":\"LEVELS\",\"levels\":\"优秀=100\"}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicators[0].levels"))
                .andExpect(jsonPath("$.errors[0].message").value("第1行“德”：至少需要两个名称不同的等级"));
    }

    @Test
    void levelsAreParsedLeniently() {
        assertThat(SchemeLevels.parse("优秀＝100；良好=85.5\n一般=70"))
                .containsExactly(new Level("优秀", new BigDecimal("100")), new Level("良好", new BigDecimal("85.5")), new Level("一般", new BigDecimal("70")));
        assertThat(SchemeLevels.format(SchemeLevels.parse(" 优秀 = 100 ;良好=85.50"))).isEqualTo("优秀=100;良好=85.5");
        assertThatThrownBy(() -> SchemeLevels.parse("优秀=100;优秀=90")).hasMessageContaining("重复");
        assertThatThrownBy(() -> SchemeLevels.parse("优秀=甲;良好=80")).hasMessageContaining("不是数字");
        assertThatThrownBy(() -> SchemeLevels.parse("优秀;良好=80")).hasMessageContaining("名称=分值");
        assertThatThrownBy(() -> SchemeLevels.parse("")).hasMessageContaining("请填写等级");
    }

    @Test
    void weightedScoreChecksEveryIndicatorAndRounds() {
        Indicator de = new Indicator(1, 1, "德", null, new BigDecimal("33.33"), IndicatorMethod.SCORE, BigDecimal.ZERO, new BigDecimal("100"), List.of());
        Indicator ji = new Indicator(2, 2, "绩", null, new BigDecimal("66.67"), IndicatorMethod.LEVELS, null, null,
                SchemeLevels.parse("优秀=100;良好=85;一般=70;较差=50"));
        Scheme s = new Scheme(9, "测试", 1, "湘云市", SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2021, 1, 1), null, List.of(de, ji));
        // 33.33 × 91.5 / 100 + 66.67 × 85 / 100 = 30.497 + 56.6695 = 87.1665
        assertThat(schemes.weightedScore(s, Map.of(1L, new BigDecimal("91.5"), 2L, new BigDecimal("85")))).isEqualByComparingTo("87.17");
        assertThat(schemes.weightedScore(s, Map.of(1L, new BigDecimal("100"), 2L, new BigDecimal("100")))).isEqualTo(new BigDecimal("100.00"));

        assertThatThrownBy(() -> schemes.weightedScore(s, Map.of(1L, new BigDecimal("90"))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldErrors.FieldError("scores[2]", "请为指标“绩”评分")));
        assertThatThrownBy(() -> schemes.weightedScore(s, Map.of(1L, new BigDecimal("101"), 2L, new BigDecimal("80"))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> {
                    assertThat(e.errors()).extracting(FieldErrors.FieldError::field).containsExactly("scores[1]", "scores[2]");
                    assertThat(e.errors().get(0).message()).contains("德", "0–100分", "101");
                    assertThat(e.errors().get(1).message()).contains("绩", "良好=85");
                });

        Scheme demo = schemes.find(demoScheme("专业技术类")).orElseThrow();
        Map<Long, BigDecimal> good = new java.util.HashMap<>();
        demo.indicators().forEach(i -> good.put(i.id(), new BigDecimal("85")));
        assertThat(schemes.weightedScore(demo, good)).isEqualByComparingTo("85.00");
    }

    @Test
    void copyTakesTheIndicatorsUnderANewNameAndDate() throws Exception {
        long source = demoScheme("专业技术类");
        long copies = auditCount("ASSESSMENT_SCHEME_COPY");
        String response = mvc.perform(post("/api/v1/assessment/schemes/" + source + "/copy").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"云阳区专业技术人员考核方案\",\"validFrom\":\"2030-01-01\",\"orgId\":" + county(2) + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.copiedFrom").value(source))
                .andExpect(jsonPath("$.orgId").value(county(2)))
                .andExpect(jsonPath("$.editable").value(true))
                .andExpect(jsonPath("$.validTo").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long copy = Long.parseLong(response.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        Scheme a = schemes.find(source).orElseThrow();
        Scheme b = schemes.find(copy).orElseThrow();
        assertThat(b.validFrom()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(b.unitCategory()).isEqualTo(a.unitCategory());
        assertThat(b.indicators()).extracting(Indicator::name, Indicator::weight, Indicator::levels)
                .isEqualTo(a.indicators().stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.name(), i.weight(), i.levels())).toList());
        assertThat(b.indicators()).extracting(Indicator::id).doesNotContainAnyElementsOf(a.indicators().stream().map(Indicator::id).toList());
        assertThat(auditCount("ASSESSMENT_SCHEME_COPY")).isEqualTo(copies + 1);
        // Without an organization of its own, a county cannot copy into the city's: the source's organization is not theirs.
        mvc.perform(post("/api/v1/assessment/schemes/" + source + "/copy").header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"无组织\",\"validFrom\":\"2031-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
    }

    @Test
    void overlappingValidityIsRefusedUntilTheOldSchemeEnds() throws Exception {
        long org = organIn(5, 2);
        long first = create("city", json(org, "参公综合2022", "参公事业单位", "综合管理类", "2022-01-01", null, FIVE_SCORES));
        mvc.perform(post("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, bearer("city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(org, "参公综合2024", "参公事业单位", "综合管理类", "2024-01-01", null, FIVE_SCORES)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("“参公综合2022”（2022-01-01 至 长期）重叠")));
        assertThat(count("参公综合2024")).isZero();
        // Another post type or another organization does not overlap.
        create("city", json(org, "参公执法2024", "参公事业单位", "行政执法类", "2024-01-01", null, FIVE_SCORES));
        create("city", json(organIn(5, 3), "参公综合2024（另一单位）", "参公事业单位", "综合管理类", "2024-01-01", null, FIVE_SCORES));
        // Copying with "end the source" closes the old one the day before.
        MockHttpSession county5 = session("county5");
        mvc.perform(post("/assessment/schemes/" + first + "/copy").session(county5).with(csrf())
                        .param("name", "参公综合2024").param("validFrom", "2024-01-01").param("endSource", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(schemes.find(first).orElseThrow().validTo()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(count("参公综合2024")).isOne();
        // Ending is refused before the first day; a stale version is a conflict.
        int version = jdbc.sql("SELECT version FROM assessment_scheme WHERE id = :id").param("id", first).query(Integer.class).single();
        mvc.perform(post("/api/v1/assessment/schemes/" + first + "/end").header(HttpHeaders.AUTHORIZATION, bearer("county5"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validTo\":\"2021-06-30\",\"version\":" + version + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validTo"));
        mvc.perform(post("/api/v1/assessment/schemes/" + first + "/end").header(HttpHeaders.AUTHORIZATION, bearer("county5"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validTo\":\"2023-06-30\",\"version\":" + (version - 1) + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/assessment/schemes/" + first + "/end").header(HttpHeaders.AUTHORIZATION, bearer("county5"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"validTo\":\"2023-06-30\",\"version\":" + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.validTo").value("2023-06-30"));
    }

    @Test
    void applicablePicksTheNearestOrganizationsSchemeValidOnTheDay() throws Exception {
        long unit = organIn(3, 0);
        long below = childOf(unit);
        long countyScheme = create("county3", json(county(3), "白石县机关综合2019", "机关", "综合管理类", "2019-01-01", "2020-12-31", FIVE_SCORES));
        long unitScheme = create("county3", json(unit, "单位机关综合2020上半年", "机关", "综合管理类", "2020-01-01", "2020-06-30", FIVE_SCORES));
        long city = demoScheme("综合管理类");

        assertThat(schemes.applicable(below, SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2020, 3, 1)))
                .map(Scheme::id).contains(unitScheme);
        assertThat(schemes.applicable(unit, SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2020, 6, 30)))
                .map(Scheme::id).contains(unitScheme);
        assertThat(schemes.applicable(below, SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2020, 7, 1)))
                .map(Scheme::id).contains(countyScheme);
        assertThat(schemes.applicable(below, SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2022, 1, 1)))
                .map(Scheme::id).contains(city);
        assertThat(schemes.applicable(organIn(4, 0), SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2020, 3, 1))).isEmpty();
        assertThat(schemes.applicable(below, SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2018, 12, 31))).isEmpty();
        assertThat(schemes.applicable(below, SchemeUnitCategory.机关, SchemePostType.综合管理类, LocalDate.of(2020, 3, 1)).orElseThrow()
                .indicators()).hasSize(5);
    }

    @Test
    void aCountySeesTheCitysSchemesReadOnly() throws Exception {
        long city = demoScheme("行政执法类");
        MockHttpSession county1 = session("county1");
        mvc.perform(get("/assessment/schemes").session(county1)).andExpect(status().isOk())
                .andExpect(content().string(containsString("湘云市机关行政执法类公务员考核方案")));
        mvc.perform(get("/assessment/schemes/" + city).session(county1)).andExpect(status().isOk())
                .andExpect(content().string(containsString("本级只能查看")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"edit-scheme\""))));
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/assessment/schemes/" + city + "/edit").session(county1)).andExpect(status().isForbidden());
        mvc.perform(post("/assessment/schemes/" + city + "/edit").session(county1).with(csrf())
                .param("orgId", Long.toString(county(1))).param("name", "改名").param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/assessment/schemes/" + city + "/end").session(county1).with(csrf()).param("validTo", "2025-12-31"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/assessment/schemes/" + city).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(county(1), "改名", "机关", "行政执法类", "2021-01-01", null, FIVE_SCORES).replace("}", ",\"version\":0}")))
                .andExpect(status().isForbidden());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThanOrEqualTo(denied + 4);
        Scheme unchanged = schemes.find(city).orElseThrow();
        assertThat(unchanged.name()).isEqualTo("湘云市机关行政执法类公务员考核方案");
        assertThat(unchanged.validTo()).isNull();
        mvc.perform(get("/api/v1/assessment/schemes/" + city).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.editable").value(false));
    }

    @Test
    void aCountyCannotSeeAnotherCountysSchemes() throws Exception {
        long foreign = create("city", json(organIn(2, 1), "云阳区某局考核方案", "机关", "专业技术类", "2021-01-01", null, FIVE_SCORES));
        MockHttpSession county1 = session("county1");
        for (var request : List.of(get("/assessment/schemes/" + foreign).session(county1),
                get("/assessment/schemes/" + foreign + "/edit").session(county1),
                post("/assessment/schemes/" + foreign + "/copy").session(county1).with(csrf()).param("name", "偷").param("validFrom", "2030-01-01")
                        .param("orgId", Long.toString(county(1))),
                get("/assessment/schemes").session(county1).param("orgId", Long.toString(county(2))),
                get("/api/v1/assessment/schemes/" + foreign).header(HttpHeaders.AUTHORIZATION, bearer("county1")))) {
            long denied = auditCount("ACCESS_DENIED");
            var result = mvc.perform(request).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(404);
            assertThat(auditCount("ACCESS_DENIED")).as(result.getRequest().getRequestURI()).isGreaterThan(denied);
        }
        mvc.perform(get("/assessment/schemes").session(county1)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("云阳区某局考核方案"))));
        // Nor create one there.
        mvc.perform(post("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content(json(county(2), "越界方案", "机关", "综合管理类", "2021-01-01", null, FIVE_SCORES)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
        assertThat(count("越界方案")).isZero();
    }

    @Test
    void theApiCreatesReadsListsAndUpdatesWithVersions() throws Exception {
        String auth = bearer("county4");
        long org = organIn(4, 1);
        long id = create("county4", json(org, "临江县某局综合管理类方案", "机关", "综合管理类", "2026-01-01", null, FIVE_SCORES));
        mvc.perform(get("/api/v1/assessment/schemes/" + id).header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("临江县某局综合管理类方案"))
                .andExpect(jsonPath("$.unitCategory").value("机关"))
                .andExpect(jsonPath("$.indicators.length()").value(5))
                .andExpect(jsonPath("$.indicators[3].name").value("绩"))
                .andExpect(jsonPath("$.indicators[3].weight").value(35.0))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/v1/assessment/schemes").header(HttpHeaders.AUTHORIZATION, auth)
                        .param("orgId", Long.toString(org)).param("postType", "综合管理类").param("validOn", "2026-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].name", hasItem("临江县某局综合管理类方案")))
                .andExpect(jsonPath("$.content[*].name", hasItem("湘云市机关综合管理类公务员考核方案")));
        String changed = json(org, "临江县某局综合管理类方案（修订）", "机关", "综合管理类", "2026-01-01", null, """
                [{"name":"德","weight":"30","method":"SCORE","minScore":"0","maxScore":"100"},
                 {"name":"绩","weight":"70","method":"LEVELS","levels":"优秀=100;称职=80;不称职=40"}]""");
        mvc.perform(put("/api/v1/assessment/schemes/" + id).header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(changed.replaceFirst("}$", ",\"version\":0}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.indicators[1].levels[1].name").value("称职"));
        mvc.perform(put("/api/v1/assessment/schemes/" + id).header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content(changed.replaceFirst("}$", ",\"version\":0}")))
                .andExpect(status().isConflict());
        assertThat(auditCount("ASSESSMENT_SCHEME_UPDATE")).isPositive();
    }
}
