package org.zugong.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.calendar.WorkCalendar;

/**
 * The demo one-stop service (issue 9, F72): a season (the last ~3 months) of service requests from the demo's
 * recognized talents, across every type and state. County 1 (青溪县) has an officer, {@code service1}, who holds
 * every county-1 request (the routing's least-loaded officer, the 人才办 being only the fallback): talent1 has five
 * (closed and rated, finished awaiting its rating, in progress, accepted, and one just submitted); the others' include
 * overdue ones at 一级 and 二级督办, a refusal, a withdrawal and rated ones. The other counties have no officer: their
 * few requests wait 待分配, some overdue. SLA dates come from the working calendar like the application's.
 * Deterministic: everything follows from the talents' order and today.
 */
final class DemoTalentServices {

    private static final List<String> TYPES = List.of("CHILD_SCHOOL", "HOUSING", "MEDICAL", "HUKOU", "SPOUSE_JOB", "PROJECT", "OTHER");
    private static final Map<String, String> NAMES = Map.of("CHILD_SCHOOL", "子女入学", "HOUSING", "安居", "MEDICAL", "医疗", "HUKOU", "落户",
            "SPOUSE_JOB", "配偶就业", "PROJECT", "项目申报", "OTHER", "其他");
    private static final Map<String, String> DEPARTMENTS = Map.of("CHILD_SCHOOL", "县教育局", "HOUSING", "县住房和城乡建设局",
            "MEDICAL", "县卫生健康局", "HUKOU", "县公安局", "SPOUSE_JOB", "县人力资源和社会保障局", "PROJECT", "县科学技术局", "OTHER", "县委人才办");
    private static final Map<String, int[]> SLA = Map.of("CHILD_SCHOOL", new int[]{2, 10}, "HOUSING", new int[]{2, 15},
            "MEDICAL", new int[]{1, 5}, "HUKOU", new int[]{2, 10}, "SPOUSE_JOB", new int[]{3, 20}, "PROJECT", new int[]{3, 20},
            "OTHER", new int[]{3, 15});
    private static final Map<String, String> TITLES = Map.of("CHILD_SCHOOL", "孩子秋季入读县实验小学", "HOUSING", "申请人才公寓一套",
            "MEDICAL", "父亲住院就医绿色通道", "HUKOU", "本人及配偶户口迁入", "SPOUSE_JOB", "配偶随迁工作安置", "PROJECT", "申报县科技重点研发项目",
            "OTHER", "办理高铁站便捷通行");

    /** One planned request: who, what, how many days ago it was filed, and where it ended. */
    private record Spec(long talentId, String type, int daysAgo, String state, Integer rating, boolean late, boolean county1) {
    }

    private final JdbcClient jdbc;
    private final WorkCalendar calendar;
    private final LocalDate today;
    private final ZoneId zone = ZoneId.systemDefault();

    DemoTalentServices(JdbcClient jdbc, WorkCalendar calendar, LocalDate today) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.today = today;
    }

    /** Writes the requests; returns how many. */
    int insert() {
        Long talent1 = jdbc.sql("SELECT t.id FROM talent t JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1'")
                .query(Long.class).optional().orElse(null);
        Long service1 = jdbc.sql("SELECT id FROM access_user WHERE username = 'service1'").query(Long.class).optional().orElse(null);
        List<Long> counties = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id").query(Long.class).list();
        if (talent1 == null || counties.isEmpty()) {
            return 0;
        }
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec(talent1, "CHILD_SCHOOL", 80, "CLOSED", 5, false, true));
        specs.add(new Spec(talent1, "MEDICAL", 20, "FINISHED", null, false, true));
        specs.add(new Spec(talent1, "HOUSING", 12, "IN_PROGRESS", null, false, true));
        specs.add(new Spec(talent1, "PROJECT", 4, "ACCEPTED", null, false, true));
        specs.add(new Spec(talent1, "HUKOU", 0, "SUBMITTED", null, false, true));
        String[] states = {"CLOSED", "CLOSED", "FINISHED", "IN_PROGRESS", "SUBMITTED", "REJECTED", "WITHDRAWN", "ACCEPTED", "CLOSED",
                "SUBMITTED", "IN_PROGRESS", "CLOSED"};
        int[] ages = {85, 70, 40, 35, 14, 60, 50, 30, 55, 9, 45, 25};
        int[] ratings = {4, 3, 0, 0, 0, 0, 0, 0, 2, 0, 0, 5};
        for (int c = 0; c < counties.size(); c++) {
            List<Long> talents = jdbc.sql("""
                    SELECT t.id FROM talent t JOIN org_organization o ON o.id = t.org_id
                    WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND t.status = 'RECOGNIZED'
                      AND t.valid_until >= :today AND t.id <> :talent1 ORDER BY t.id""")
                    .param("c", counties.get(c)).param("today", Date.valueOf(today)).param("talent1", talent1).query(Long.class).list();
            if (talents.isEmpty()) {
                continue;
            }
            int n = c == 0 ? states.length : 2; // county 1 has its officer; the others' requests wait 待分配
            for (int i = 0; i < n; i++) {
                String state = c == 0 ? states[i] : "SUBMITTED";
                int age = c == 0 ? ages[i] : (i == 0 ? 12 + c : 1);
                specs.add(new Spec(talents.get(i % talents.size()), TYPES.get((i + c) % TYPES.size()), age, state,
                        ratings[i] == 0 || c > 0 ? null : ratings[i], c == 0 && (i == 3 || i == 8), c == 0));
            }
        }
        for (Spec s : specs) {
            write(s, service1);
        }
        return specs.size();
    }

    private LocalDate workingDaysAfter(LocalDate day, int n) {
        return calendar.lastOf(calendar.firstWorkingDayFrom(day.plusDays(1)), n);
    }

    private Timestamp at(LocalDate day, int hour) {
        return Timestamp.from(day.atTime(LocalTime.of(hour, 30)).atZone(zone).toInstant());
    }

    private void write(Spec s, Long service1) {
        Object[] talent = jdbc.sql("""
                SELECT t.person_id, t.org_id, p.name, o.path FROM talent t JOIN person_person p ON p.id = t.person_id
                JOIN org_organization o ON o.id = t.org_id WHERE t.id = :t""").param("t", s.talentId())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)}).single();
        Long officer = s.county1() ? service1 : null;
        int[] sla = SLA.get(s.type());
        LocalDate submitted = today.minusDays(s.daysAgo());
        LocalDate acceptDue = workingDaysAfter(submitted, sla[0]);
        String state = s.state();
        boolean accepted = List.of("ACCEPTED", "IN_PROGRESS", "FINISHED", "CLOSED").contains(state);
        boolean finished = List.of("FINISHED", "CLOSED").contains(state);
        LocalDate acceptedOn = accepted ? (s.late() ? acceptDue.plusDays(3) : calendar.firstWorkingDayFrom(submitted.plusDays(1))) : null;
        if (acceptedOn != null && acceptedOn.isAfter(today)) {
            acceptedOn = today;
        }
        LocalDate finishDue = accepted ? workingDaysAfter(acceptedOn, sla[1]) : null;
        LocalDate finishedOn = finished ? (s.late() ? finishDue.plusDays(4) : workingDaysAfter(acceptedOn, Math.max(1, sla[1] / 2))) : null;
        if (finishedOn != null && finishedOn.isAfter(today)) {
            finishedOn = today;
        }
        LocalDate due = "SUBMITTED".equals(state) ? acceptDue : List.of("ACCEPTED", "IN_PROGRESS").contains(state) ? finishDue : null;
        int level = due != null && due.isBefore(today) ? (calendar.count(due.plusDays(1), today) > 3 ? 2 : 1) : 0;
        long seq = jdbc.sql("SELECT nextval('talent_service_request_number_seq')").query(Long.class).single();
        String number = "FW" + submitted.getYear() + String.format("%06d", seq);
        String title = TITLES.get(s.type());
        long id = jdbc.sql("""
                INSERT INTO talent_service_request (number, talent_id, person_id, org_id, type_code, title, content, status, department,
                    officer_id, submitted_at, submitted_on, accept_due, accepted_at, accepted_on, finish_due, finished_at, finished_on,
                    result, reject_reason, closed_at, escalation_level, escalated_at, rating, rating_comment, rated_at,
                    created_at, created_by, updated_by)
                VALUES (:number, :talent, :person, :org, :type, :title, :content, :status, :department, :officer, :submittedAt, :submittedOn,
                    :acceptDue, :acceptedAt, :acceptedOn, :finishDue, :finishedAt, :finishedOn, :result, :reason, :closedAt, :level,
                    :escalatedAt, :rating, :ratingComment, :closedAt, :submittedAt, :by, :by)
                RETURNING id""")
                .param("number", number).param("talent", s.talentId()).param("person", talent[0]).param("org", talent[1])
                .param("type", s.type()).param("title", title).param("content", "本人为县引进人才，申请办理“" + NAMES.get(s.type()) + "”服务：" + title
                        + "。相关材料可按要求补充，请予协调办理。")
                .param("status", state).param("department", DEPARTMENTS.get(s.type())).param("officer", officer)
                .param("submittedAt", at(submitted, 9)).param("submittedOn", Date.valueOf(submitted)).param("acceptDue", Date.valueOf(acceptDue))
                .param("acceptedAt", accepted ? at(acceptedOn, 10) : null).param("acceptedOn", accepted ? Date.valueOf(acceptedOn) : null)
                .param("finishDue", finishDue == null ? null : Date.valueOf(finishDue))
                .param("finishedAt", finished ? at(finishedOn, 16) : null).param("finishedOn", finished ? Date.valueOf(finishedOn) : null)
                .param("result", finished ? "已协调" + DEPARTMENTS.get(s.type()) + "办理完毕，相关手续已办结。" : null)
                .param("reason", "REJECTED".equals(state) ? "该事项不属于人才服务范围，请向属地政务服务中心申请。" : null)
                .param("closedAt", "CLOSED".equals(state) ? at(finishedOn, 18) : null).param("level", level)
                .param("escalatedAt", level > 0 ? at(today, 7) : null).param("rating", "CLOSED".equals(state) ? s.rating() : null)
                .param("ratingComment", "CLOSED".equals(state) ? (s.rating() != null && s.rating() >= 4 ? "办理及时，服务周到。" : "办理时间偏长。") : null)
                .param("by", DemoWriter.AUTHOR).query(Long.class).single();
        String name = (String) talent[2];
        event(id, "SUBMITTED", true, NAMES.get(s.type()) + "：" + title, name, at(submitted, 9));
        event(id, "ASSIGNED", true, "责任部门：" + DEPARTMENTS.get(s.type()) + "；人才服务专员：" + (officer == null ? "待分配" : "青溪县人才服务专员"),
                "系统", at(submitted, 9));
        if ("REJECTED".equals(state)) {
            event(id, "REJECTED", true, "该事项不属于人才服务范围，请向属地政务服务中心申请。", "人才服务专员", at(workingDaysAfter(submitted, 1), 11));
        }
        if ("WITHDRAWN".equals(state)) {
            event(id, "WITHDRAWN", true, "已自行办理，撤回申请。", name, at(submitted.plusDays(1), 8));
        }
        if (accepted) {
            event(id, "ACCEPTED", true, "办结时限：" + finishDue, "人才服务专员", at(acceptedOn, 10));
        }
        if (List.of("IN_PROGRESS", "FINISHED", "CLOSED").contains(state)) {
            event(id, "COMMENT", true, "已与" + DEPARTMENTS.get(s.type()) + "对接，正在办理，请保持电话畅通。", "人才服务专员", at(acceptedOn, 15));
            event(id, "IN_PROGRESS", true, null, "人才服务专员", at(acceptedOn, 15));
            event(id, "COMMENT", false, "部门反馈材料齐全，按程序办理。", "人才服务专员", at(acceptedOn, 16));
        }
        if (finished) {
            event(id, "FINISHED", true, "已协调" + DEPARTMENTS.get(s.type()) + "办理完毕，相关手续已办结。", "人才服务专员", at(finishedOn, 16));
        }
        if ("CLOSED".equals(state)) {
            event(id, "CLOSED", true, s.rating() + " 星", name, at(finishedOn, 18));
        }
        if (level > 0) {
            event(id, "ESCALATED", false, ("SUBMITTED".equals(state) ? "受理" : "办结") + "超期（时限 " + due + "），"
                    + (level == 1 ? "一级督办：提醒人才服务专员" : "二级督办：报人才办"), "系统", at(today, 7));
        }
    }

    private void event(long requestId, String kind, boolean visible, String text, String actor, Timestamp at) {
        jdbc.sql("""
                INSERT INTO talent_service_event (request_id, kind, visible, text, actor_name, created_at, created_by)
                VALUES (:r, :kind, :visible, :text, :actor, :at, :by)""")
                .param("r", requestId).param("kind", kind).param("visible", visible).param("text", text).param("actor", actor)
                .param("at", at).param("by", DemoWriter.AUTHOR).update();
    }
}
