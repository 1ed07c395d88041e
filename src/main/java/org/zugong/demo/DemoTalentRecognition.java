package org.zugong.demo;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo 人才认定 applications and 乡土人才积分 (issue 9, F70/F73), deterministic and relative to today.
 *
 * <p>County 1 (the talentoffice's and unit1's): one application at every stage — two awaiting the employer
 * (of unit1's 财政局 when it has staff enough), one awaiting the office's review, one awaiting the committee, one
 * awaiting its 公示 (granted C for B applied), one in 公示 now, one in 公示 with an objection awaiting its decision,
 * one whose 公示 has ended (ready to be recognized today), talent1's own recognized one (a year ago), refusals by
 * the employer, the review, the committee's vote and a sustained objection, a withdrawn one, and a rural-points
 * recommendation awaiting review. County 2: one awaiting the employer and one in 公示 (for the jurisdiction checks).
 * Rural points: 15 persons of county 1 (three over the threshold of 100, one of them recommended; one at 90
 * confirmed with 25 pending) and 3 of county 2.
 */
final class DemoTalentRecognition {

    private final JdbcClient jdbc;
    private final LocalDate today;
    private final Map<LocalDate, Boolean> calendar = new HashMap<>();

    DemoTalentRecognition(JdbcClient jdbc, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    void insert() {
        jdbc.sql("SELECT day, kind FROM assessment_calendar_day").query(rs -> {
            calendar.put(rs.getObject(1, LocalDate.class), "WORKDAY".equals(rs.getString(2)));
        });
        List<Long> counties = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id").query(Long.class).list();
        if (counties.size() < 2) {
            return;
        }
        Long unit = jdbc.sql("""
                SELECT o.id FROM org_organization o WHERE o.parent_id = :c AND o.kind = 'ORGAN' AND o.name LIKE '%财政局' ORDER BY o.id LIMIT 1""")
                .param("c", counties.get(0)).query(Long.class).optional().orElse(-1L);
        List<long[]> c1 = persons(counties.get(0), unit, 32);
        List<long[]> c2 = persons(counties.get(1), -1L, 5);
        if (c1.size() < 32 || c2.size() < 5) {
            return;
        }
        LocalDate d = today;
        // awaiting the employer
        long a = app(c1.get(0), "C", "科技", "电子信息", "APPLICATION", d.minusDays(3));
        evidence(a, "学历学位", "博士研究生学历、工学博士学位证书");
        evidence(a, "职称", "正高级工程师职称证书");
        a = app(c1.get(1), "D", "教育", "职业教育", "APPLICATION", d.minusDays(1));
        evidence(a, "职称", "副高级讲师职称证书");
        // awaiting the review
        a = app(c1.get(2), "C", "卫生", "心血管内科", "APPLICATION", d.minusDays(10));
        evidence(a, "奖项", "省医学科技奖二等奖证书");
        employer(a, d.minusDays(8), true, null);
        // awaiting the committee
        a = app(c1.get(3), "B", "科技", "新材料", "APPLICATION", d.minusDays(20));
        evidence(a, "专利", "发明专利证书 3 项");
        employer(a, d.minusDays(18), true, null);
        review(a, d.minusDays(15), true, null);
        // awaiting the 公示: granted C for B applied
        a = app(c1.get(4), "B", "经营管理", "企业管理", "APPLICATION", d.minusDays(40));
        evidence(a, "薪酬", "近三年个人所得税纳税证明");
        employer(a, d.minusDays(38), true, null);
        review(a, d.minusDays(35), true, null);
        committee(a, d.minusDays(30), 7, 6, 1, 0, "C");
        // in 公示 now
        a = app(c1.get(5), "C", "技能", "数控加工", "APPLICATION", d.minusDays(40));
        evidence(a, "其他", "省技能大师工作室领办人证明");
        passedToCommittee(a, d.minusDays(38), d.minusDays(35), d.minusDays(30), "C");
        publicity(a, d.minusDays(1));
        // in 公示 with an objection awaiting its decision
        a = app(c1.get(6), "D", "文化", "非遗传承", "APPLICATION", d.minusDays(45));
        evidence(a, "奖项", "市级非物质文化遗产代表性传承人证书");
        passedToCommittee(a, d.minusDays(43), d.minusDays(40), d.minusDays(30), "D");
        publicity(a, d.minusDays(2));
        objection(a, d.minusDays(1), "群众反映申请人实际已不在本地从事非遗传承工作");
        // 公示 ended: ready to be recognized today
        a = app(c1.get(7), "D", "科技", "智能制造", "APPLICATION", d.minusDays(60));
        evidence(a, "学历学位", "博士研究生学历证书");
        passedToCommittee(a, d.minusDays(55), d.minusDays(50), d.minusDays(45), "D");
        publicity(a, d.minusDays(25));
        // talent1's own, recognized a year ago (the registry record of DemoTalents)
        var talent1 = jdbc.sql("""
                SELECT t.id, t.person_id, t.org_id, t.recognized_on, t.introduced_on FROM talent t JOIN org_organization o ON o.id = t.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' ORDER BY t.id LIMIT 1""")
                .param("c", counties.get(0))
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()})
                .optional();
        if (talent1.isPresent()) {
            Object[] t = talent1.get();
            LocalDate recognized = (LocalDate) t[3];
            long id = insert((Long) t[1], (Long) t[2], "B", "科技", "电子信息", "APPLICATION", recognized.minusDays(50), (LocalDate) t[4]);
            evidence(id, "奖项", "国家杰出青年科学基金项目批准通知");
            passedToCommittee(id, recognized.minusDays(45), recognized.minusDays(40), recognized.minusDays(30), "B");
            publicity(id, recognized.minusDays(20));
            jdbc.sql("UPDATE talent_application SET stage = 'RECOGNIZED', recognized_on = :on, talent_id = :t, last_step_on = :on WHERE id = :id")
                    .param("on", Date.valueOf(recognized)).param("t", t[0]).param("id", id).update();
            step(id, "RECOGNIZE", recognized, "DONE", "认定为 B类");
        }
        // refusals
        a = app(c1.get(8), "C", "经营管理", "电子商务", "APPLICATION", d.minusDays(30));
        evidence(a, "薪酬", "劳动合同及工资流水");
        employer(a, d.minusDays(28), false, "申请人与本单位未签订劳动合同，本单位不予确认");
        a = app(c1.get(9), "B", "教育", "基础教育", "APPLICATION", d.minusDays(50));
        evidence(a, "职称", "中小学高级教师职称证书");
        employer(a, d.minusDays(48), true, null);
        review(a, d.minusDays(45), false, "所提交的职称与申报的 B 类（领军人才）条件不符，可按 D 类重新申报");
        a = app(c1.get(10), "C", "卫生", "中医药", "APPLICATION", d.minusDays(70));
        evidence(a, "奖项", "市科技进步奖三等奖证书");
        employer(a, d.minusDays(68), true, null);
        review(a, d.minusDays(65), true, null);
        committee(a, d.minusDays(60), 7, 4, 2, 1, null);
        a = app(c1.get(11), "D", "技能", "焊接技术", "APPLICATION", d.minusDays(80));
        evidence(a, "其他", "高级技师职业资格证书");
        passedToCommittee(a, d.minusDays(78), d.minusDays(75), d.minusDays(70), "D");
        publicity(a, d.minusDays(65));
        objection(a, d.minusDays(63), "反映申请人的高级技师证书系伪造");
        sustain(a, d.minusDays(58), "经向发证机关核实，证书编号不存在，异议成立");
        // withdrawn
        a = app(c1.get(12), "E", "科技", "电子信息", "APPLICATION", d.minusDays(25));
        step(a, "WITHDRAW", d.minusDays(20), "DONE", "已调离本地工作，撤回申请");
        jdbc.sql("UPDATE talent_application SET stage = 'WITHDRAWN', last_step_on = :on WHERE id = :id")
                .param("on", Date.valueOf(d.minusDays(20))).param("id", a).update();
        // county 2
        a = app(c2.get(0), "C", "科技", "生物医药", "APPLICATION", d.minusDays(5));
        evidence(a, "专利", "发明专利证书");
        a = app(c2.get(1), "D", "教育", "学前教育", "APPLICATION", d.minusDays(40));
        evidence(a, "职称", "幼儿园高级教师职称证书");
        passedToCommittee(a, d.minusDays(38), d.minusDays(35), d.minusDays(30), "D");
        publicity(a, d.minusDays(1));
        // rural points: persons 13..27 of county 1, 2..4 of county 2
        long[] over1 = c1.get(13);
        points(over1, new String[]{"SKILL_CITY", "SKILL_CITY", "CERT_MASTER", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD", "HONOR_COUNTY"}, "CONFIRMED");
        points(c1.get(14), new String[]{"CERT_PRO", "CERT_PRO", "RICH_COOP", "APPRENTICE", "APPRENTICE", "APPRENTICE", "APPRENTICE", "APPRENTICE",
                "HONOR_CITY", "SKILL_COUNTY"}, "CONFIRMED");
        points(c1.get(15), new String[]{"SKILL_CITY", "SKILL_CITY", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD",
                "HONOR_CITY", "HONOR_CITY"}, "CONFIRMED");
        points(c1.get(16), new String[]{"SKILL_CITY", "SKILL_CITY", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD", "RICH_HOUSEHOLD",
                "HONOR_COUNTY"}, "CONFIRMED");
        points(c1.get(16), new String[]{"CERT_MASTER"}, "PENDING");
        points(c1.get(17), new String[]{"SKILL_COUNTY", "SKILL_COUNTY", "SKILL_COUNTY", "SKILL_COUNTY"}, "CONFIRMED"); // 40, capped at 30
        for (int i = 18; i < 28; i++) {
            String[] items = switch (i % 4) {
                case 0 -> new String[]{"SKILL_COUNTY", "HONOR_COUNTY"};
                case 1 -> new String[]{"CERT_PRO", "APPRENTICE", "APPRENTICE"};
                case 2 -> new String[]{"RICH_COOP"};
                default -> new String[]{"RICH_HOUSEHOLD", "CERT_PRO", "HONOR_CITY"};
            };
            points(c1.get(i), items, i % 3 == 0 ? "PENDING" : "CONFIRMED");
        }
        points(c1.get(18), new String[]{"HONOR_CITY"}, "REJECTED");
        points(c1.get(19), new String[]{"SKILL_CITY"}, "REJECTED");
        for (int i = 2; i < 5; i++) {
            points(c2.get(i), new String[]{"SKILL_COUNTY", "CERT_PRO"}, i == 2 ? "PENDING" : "CONFIRMED");
        }
        // the first over-threshold person is recommended: an application awaiting the office's review
        long rural = insert(over1[0], over1[1], "E", "乡土", "乡土人才", "RURAL_POINTS", d.minusDays(6), d.minusDays(6));
        jdbc.sql("UPDATE talent_application SET stage = 'EMPLOYER_CONFIRMED', note = '乡土人才积分 105 分，推荐认定' WHERE id = :id")
                .param("id", rural).update();
        step(rural, "SUBMIT", d.minusDays(6), "DONE", "乡土人才积分达到候选标准，推荐认定");
    }

    /** Persons of the county not in the registry, those of the unit first, in a stable order; {id, org}. */
    private List<long[]> persons(long county, long unit, int n) {
        return jdbc.sql("""
                SELECT p.id, p.org_id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.active
                  AND o.kind NOT IN ('PARTY_COMMITTEE', 'PARTY_WORKING_COMMITTEE', 'PARTY_GENERAL_BRANCH', 'PARTY_BRANCH', 'PARTY_JOINT_BRANCH')
                  AND NOT EXISTS (SELECT 1 FROM talent t WHERE t.person_id = p.id)
                ORDER BY (p.org_id = :unit) DESC, md5(p.id::text || 'recognition') LIMIT :n""")
                .param("c", county).param("unit", unit).param("n", n).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    private long app(long[] person, String tier, String category, String field, String source, LocalDate appliedOn) {
        return insert(person[0], person[1], tier, category, field, source, appliedOn, appliedOn.minusMonths(8));
    }

    private long insert(long person, long org, String tier, String category, String field, String source, LocalDate appliedOn,
                        LocalDate introducedOn) {
        long id = jdbc.sql("""
                INSERT INTO talent_application (person_id, org_id, tier_code, category, field, introduction_mode, introduced_on, source, stage,
                                                applied_on, last_step_on, created_by, updated_by)
                VALUES (:p, :o, :tier, :category, :field, '全职', :introduced, :source, 'SUBMITTED', :applied, :applied, :by, :by) RETURNING id""")
                .param("p", person).param("o", org).param("tier", tier).param("category", category).param("field", field)
                .param("introduced", Date.valueOf(introducedOn)).param("source", source).param("applied", Date.valueOf(appliedOn))
                .param("by", DemoWriter.AUTHOR).query(Long.class).single();
        if (!"RURAL_POINTS".equals(source)) {
            step(id, "SUBMIT", appliedOn, "DONE", "申报" + tier + "类");
        }
        return id;
    }

    private void evidence(long application, String kind, String description) {
        jdbc.sql("INSERT INTO talent_application_evidence (application_id, kind, description, created_by) VALUES (:a, :k, :d, :by)")
                .param("a", application).param("k", kind).param("d", description).param("by", DemoWriter.AUTHOR).update();
    }

    private void step(long application, String step, LocalDate on, String outcome, String note) {
        jdbc.sql("""
                INSERT INTO talent_application_step (application_id, step, step_on, outcome, note, created_by)
                VALUES (:a, :s, :on, :outcome, :note, :by)""")
                .param("a", application).param("s", step).param("on", Date.valueOf(on)).param("outcome", outcome).param("note", note)
                .param("by", DemoWriter.AUTHOR).update();
    }

    private void move(long application, String stage, LocalDate on, String extra, Map<String, Object> params) {
        var spec = jdbc.sql("UPDATE talent_application SET stage = :stage, last_step_on = :on, version = version + 1" + extra + " WHERE id = :id")
                .param("stage", stage).param("on", Date.valueOf(on)).param("id", application);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    private void refuse(long application, String step, LocalDate on, String reason) {
        move(application, "REFUSED", on, ", refused_stage = :rs, refusal_reason = :reason", Map.of("rs", step, "reason", reason));
        step(application, step, on, "REFUSED", reason);
    }

    private void employer(long application, LocalDate on, boolean passed, String reason) {
        if (passed) {
            move(application, "EMPLOYER_CONFIRMED", on, "", Map.of());
            step(application, "EMPLOYER", on, "PASSED", null);
        } else {
            refuse(application, "EMPLOYER", on, reason);
        }
    }

    private void review(long application, LocalDate on, boolean passed, String reason) {
        if (passed) {
            move(application, "REVIEWED", on, "", Map.of());
            step(application, "REVIEW", on, "PASSED", null);
        } else {
            refuse(application, "REVIEW", on, reason);
        }
    }

    /** A committee meeting; {@code granted} null when the vote fell short (4 of 7 &lt; 2/3). */
    private void committee(long application, LocalDate on, int present, int votesFor, int against, int abstain, String granted) {
        Map<String, Object> votes = Map.of("on2", Date.valueOf(on), "present", present, "vf", votesFor, "va", against, "vb", abstain);
        String columns = ", committee_on = :on2, committee_present = :present, votes_for = :vf, votes_against = :va, votes_abstain = :vb";
        if (granted != null) {
            Map<String, Object> p = new HashMap<>(votes);
            p.put("granted", granted);
            move(application, "COMMITTEE_PASSED", on, columns + ", granted_tier_code = :granted", p);
            step(application, "COMMITTEE", on, "PASSED", "到会委员 " + present + " 人，赞成 " + votesFor + "、反对 " + against + "、弃权 " + abstain
                    + "，评定为 " + granted + "类");
        } else {
            String reason = "专家评审未通过：到会委员 " + present + " 人，赞成 " + votesFor + " 票，未达到到会委员的 2/3";
            Map<String, Object> p = new HashMap<>(votes);
            p.put("rs", "COMMITTEE");
            p.put("reason", reason);
            move(application, "REFUSED", on, columns + ", refused_stage = :rs, refusal_reason = :reason", p);
            step(application, "COMMITTEE", on, "REFUSED", reason);
        }
    }

    private void passedToCommittee(long application, LocalDate employerOn, LocalDate reviewOn, LocalDate committeeOn, String granted) {
        employer(application, employerOn, true, null);
        review(application, reviewOn, true, null);
        committee(application, committeeOn, 7, 6, 0, 1, granted);
    }

    private void publicity(long application, LocalDate start) {
        LocalDate first = start;
        while (!workingDay(first)) {
            first = first.plusDays(1);
        }
        LocalDate end = first;
        for (int counted = 1; counted < 5; ) {
            end = end.plusDays(1);
            if (workingDay(end)) {
                counted++;
            }
        }
        move(application, "PUBLICITY", start, ", publicity_start = :s, publicity_end = :e", Map.of("s", Date.valueOf(start), "e", Date.valueOf(end)));
        step(application, "PUBLICITY", start, "DONE", "公示 5 个工作日：" + start + " 至 " + end);
    }

    private boolean workingDay(LocalDate day) {
        Boolean exception = calendar.get(day);
        return exception != null ? exception : day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private void objection(long application, LocalDate on, String text) {
        move(application, "PUBLICITY", on, ", objection = :text, objection_on = :on3", Map.of("text", text, "on3", Date.valueOf(on)));
        step(application, "OBJECTION", on, "DONE", text);
    }

    private void sustain(long application, LocalDate on, String reason) {
        move(application, "REFUSED", on, ", objection = NULL, objection_on = NULL, refused_stage = 'OBJECTION_DECISION', refusal_reason = :reason",
                Map.of("reason", "公示期间异议成立：" + reason));
        step(application, "OBJECTION_DECISION", on, "REFUSED", "异议成立：" + reason);
    }

    private int sequence;

    /** One entry per item code, dated back from today, with the item's points. */
    private void points(long[] person, String[] items, String status) {
        for (String item : items) {
            sequence++;
            LocalDate earned = today.minusDays(20 + (sequence * 37L) % 700);
            jdbc.sql("""
                    INSERT INTO talent_point_entry (person_id, org_id, item_code, earned_on, points, evidence, status, reason, reviewed_at,
                                                    reviewed_by, created_by, updated_by)
                    SELECT :p, :o, code, :earned, points, name || '证明材料', :status, :reason,
                           CASE WHEN :status = 'PENDING' THEN NULL ELSE now() END, CASE WHEN :status = 'PENDING' THEN NULL ELSE :by END, :by, :by
                    FROM talent_point_item WHERE code = :item""")
                    .param("p", person[0]).param("o", person[1]).param("earned", Date.valueOf(earned)).param("status", status)
                    .param("reason", "REJECTED".equals(status) ? "证明材料不足，请补充后重新登记" : null).param("by", DemoWriter.AUTHOR)
                    .param("item", item).update();
        }
    }
}
