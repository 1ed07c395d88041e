package org.zugong.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city's 考核方案 (F20), owned by 湘云市 so every county uses them: 机关 综合管理类 and 行政执法类
 * (德能勤绩廉, scored 0–100), 事业单位 专业技术类 (graded in levels) and 机关 领导班子成员; valid from 2021.
 */
final class DemoSchemes {

    static final LocalDate VALID_FROM = LocalDate.of(2021, 1, 1);
    private static final String LEVELS = "优秀=100;良好=85;一般=70;较差=50";

    /** One indicator: {@code levels} null for a 0–100 score. */
    record Item(String name, String description, int weight, String levels) {
    }

    record Plan(String name, String unitCategory, String postType, List<Item> items) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("湘云市机关综合管理类公务员考核方案", "机关", "综合管理类", List.of(
                    new Item("德", "政治品质和道德品行，贯彻落实党的路线方针政策和决策部署", 20, null),
                    new Item("能", "履行职责的业务素质和能力", 20, null),
                    new Item("勤", "责任心、工作态度和工作作风", 15, null),
                    new Item("绩", "完成工作的数量、质量、时效和成本，产生的效益和影响", 35, null),
                    new Item("廉", "廉洁从政情况", 10, null))),
            new Plan("湘云市机关行政执法类公务员考核方案", "机关", "行政执法类", List.of(
                    new Item("德", "政治品质和道德品行", 15, null),
                    new Item("能", "执法业务素质和能力", 15, null),
                    new Item("勤", "责任心、工作态度和工作作风", 15, null),
                    new Item("绩", "执法任务完成的数量、质量和效果", 30, null),
                    new Item("执法规范", "执法程序合法、文书规范、无执法过错", 15, null),
                    new Item("廉", "廉洁执法情况", 10, null))),
            new Plan("湘云市事业单位专业技术人员考核方案", "事业单位", "专业技术类", List.of(
                    new Item("德", "职业道德和政治素质", 20, LEVELS),
                    new Item("能", "专业技术水平和创新能力", 25, LEVELS),
                    new Item("勤", "工作态度和出勤", 15, LEVELS),
                    new Item("绩", "专业技术工作的数量、质量和成果", 30, LEVELS),
                    new Item("廉", "廉洁自律情况", 10, LEVELS))),
            new Plan("湘云市机关领导班子成员考核方案", "机关", "领导班子成员", List.of(
                    new Item("德", "政治素质、理想信念和道德品行", 25, null),
                    new Item("能", "领导能力和驾驭全局能力", 20, null),
                    new Item("勤", "履职尽责和工作作风", 10, null),
                    new Item("绩", "分管工作实绩和班子目标完成情况", 30, null),
                    new Item("廉", "落实党风廉政建设责任制和个人廉洁自律", 15, null))));

    private final JdbcClient jdbc;

    DemoSchemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the plans for the city organization; returns how many. */
    int insert(long cityOrgId) {
        for (Plan plan : PLANS) {
            long id = jdbc.sql("""
                            INSERT INTO assessment_scheme (org_id, name, unit_category, post_type, valid_from, created_by, updated_by)
                            VALUES (:org, :name, :cat, :post, :from, :author, :author) RETURNING id""")
                    .param("org", cityOrgId).param("name", plan.name()).param("cat", plan.unitCategory())
                    .param("post", plan.postType()).param("from", VALID_FROM).param("author", DemoWriter.AUTHOR)
                    .query(Long.class).single();
            int seq = 1;
            for (Item item : plan.items()) {
                boolean levels = item.levels() != null;
                jdbc.sql("""
                                INSERT INTO assessment_indicator (scheme_id, seq, name, description, weight, method, min_score, max_score, levels)
                                VALUES (:scheme, :seq, :name, :description, :weight, :method, :min, :max, :levels)""")
                        .param("scheme", id).param("seq", seq++).param("name", item.name()).param("description", item.description())
                        .param("weight", BigDecimal.valueOf(item.weight())).param("method", levels ? "LEVELS" : "SCORE")
                        .param("min", levels ? null : BigDecimal.ZERO).param("max", levels ? null : new BigDecimal("100"))
                        .param("levels", item.levels())
                        .update();
            }
        }
        return PLANS.size();
    }
}
