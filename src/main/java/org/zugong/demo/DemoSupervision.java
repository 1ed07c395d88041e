package org.zugong.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.supervision.SpotCheckDraw;

/**
 * A modest set of supervision data on the demo cadres (F35): per county a 提醒谈话 this year, a 函询
 * open past its deadline, a 信访 under investigation and a 函询 already resolved; this year's
 * personal-matters reports of those who must report (a few missing, so 逾期 after 31 January, and a
 * few late); and a city-wide reproducible spot-check draw (seed recorded) with two results.
 * Written straight into the tables like the rest of the demo data, created_by 'demo'.
 */
final class DemoSupervision {

    static final long DRAW_SEED = 20_260_131L;
    private static final String BY = "demo";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final LocalDate today;

    DemoSupervision(JdbcClient jdbc, FieldCipher cipher, LocalDate today) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.today = today;
    }

    /** Cadres of a subtree, ascending id; with {@code reportersOnly} those who must report (县处级副职 and above, 参公, 国企). */
    private List<Map<String, Object>> cadres(long rootId, boolean reportersOnly) {
        return jdbc.sql("""
                SELECT c.person_id, c.org_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                JOIN person_person p ON p.id = c.person_id
                WHERE p.active AND o.path LIKE (SELECT path FROM org_organization WHERE id = :root) || '%'
                  AND (NOT :reporters OR c.post_level IN ('县处级副职', '县处级正职', '厅局级副职', '厅局级正职')
                       OR c.category IN ('参公', '国企'))
                ORDER BY c.person_id""").param("root", rootId).param("reporters", reportersOnly).query().listOfRows();
    }

    int insert() {
        List<Long> counties = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id").query(Long.class).list();
        long root = jdbc.sql("SELECT id FROM org_organization WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
        int year = today.getYear();
        int written = 0;
        for (long county : counties) {
            List<Map<String, Object>> people = cadres(county, false);
            if (people.size() < 4) {
                continue;
            }
            LocalDate talk = today.minusDays(20).getYear() == year ? today.minusDays(20) : today;
            record(people.get(0), "REMINDER_TALK", talk, "工作作风不够扎实，群众反映办事拖沓，予以提醒谈话", "县委组织部", null, null, null, null);
            record(people.get(1), "INQUIRY_LETTER", today.minusDays(60), "反映其配偶在辖区内经营企业、承接工程的问题，请书面说明",
                    "县纪委监委", today.minusDays(30), "PENDING", null, null);
            record(people.get(2), "PETITION", today.minusDays(15), "群众来信反映其在征地补偿中优亲厚友", "县信访局", null,
                    "INVESTIGATING", null, null);
            record(people.get(3), "INQUIRY_LETTER", today.minusDays(200), "反映其违规操办子女婚宴的问题", "县纪委监委",
                    today.minusDays(170), "RESOLVED", "经核实，按规定报备，反映问题不属实，予以了结", today.minusDays(180));
            written += 4;
        }
        // This year's reports of everybody who must report: every fifth has not reported; every seventh reported late.
        List<Map<String, Object>> reporters = cadres(root, true);
        for (Map<String, Object> person : reporters) {
            long personId = (Long) person.get("person_id");
            if (personId % 5 == 0) {
                continue;
            }
            LocalDate due = LocalDate.of(year, 1, 31);
            LocalDate on = personId % 7 == 0 ? due.plusDays(14) : LocalDate.of(year, 1, 5 + (int) (personId % 20));
            if (on.isAfter(today)) {
                continue;
            }
            long reportId = jdbc.sql("""
                    INSERT INTO supervision_report (person_id, org_id, year, submitted_on, created_by, updated_by)
                    VALUES (:p, :o, :y, :on, :by, :by) RETURNING id""")
                    .param("p", personId).param("o", person.get("org_id")).param("y", year).param("on", on).param("by", BY)
                    .query(Long.class).single();
            item(reportId, 1, "婚姻", "已婚，配偶在本市事业单位工作");
            item(reportId, 2, "工资收入", "年工资收入约" + (12 + personId % 6) + "万元");
            item(reportId, 3, "房产", "本人与配偶共有住房一套（" + (90 + personId % 50) + "平方米）");
            written++;
        }
        if (!reporters.isEmpty()) {
            written += draw(root, reporters, year);
        }
        return written;
    }

    /** The city-wide draw at 10 % with a fixed seed; the first two drawn have results. */
    private int draw(long rootId, List<Map<String, Object>> people, int year) {
        List<Long> candidates = people.stream().map(p -> (Long) p.get("person_id")).toList();
        int size = Math.max(1, (candidates.size() * 10 + 99) / 100);
        List<Long> drawn = SpotCheckDraw.draw(candidates, DRAW_SEED, size);
        long drawId = jdbc.sql("""
                INSERT INTO supervision_spot_check (org_id, year, seed, rate_percent, candidate_ids, drawn_ids, created_by)
                VALUES (:o, :y, :s, 10, CAST(:c AS bigint[]), CAST(:d AS bigint[]), :by) RETURNING id""")
                .param("o", rootId).param("y", year).param("s", DRAW_SEED).param("c", array(candidates)).param("d", array(drawn))
                .param("by", BY).query(Long.class).single();
        for (int i = 0; i < drawn.size(); i++) {
            long personId = drawn.get(i);
            Object orgId = people.stream().filter(p -> p.get("person_id").equals(personId)).findFirst().orElseThrow().get("org_id");
            String result = i == 0 ? "如实" : i == 1 ? "漏报" : null;
            jdbc.sql("""
                    INSERT INTO supervision_report_check (person_id, org_id, year, reason, draw_id, result, checked_on, note, created_by, updated_by)
                    VALUES (:p, :o, :y, '随机抽查', :d, :r, :on, :note, :by, :by)""")
                    .param("p", personId).param("o", orgId).param("y", year).param("d", drawId).param("r", result)
                    .param("on", result == null ? null : today.minusDays(7)).param("note", i == 1 ? "漏报本人持有的股票基金" : null)
                    .param("by", BY).update();
        }
        return 1 + drawn.size();
    }

    private void record(Map<String, Object> person, String kind, LocalDate date, String summary, String authority, LocalDate deadline,
                        String status, String result, LocalDate end) {
        jdbc.sql("""
                INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, deadline, status, result,
                    end_date, created_by, updated_by)
                VALUES (:p, :o, :k, :d, :s, :a, :dl, :st, :r, :e, :by, :by)""")
                .param("p", person.get("person_id")).param("o", person.get("org_id")).param("k", kind).param("d", date)
                .param("s", summary).param("a", authority).param("dl", deadline).param("st", status).param("r", result).param("e", end)
                .param("by", BY).update();
    }

    private void item(long reportId, int seq, String kind, String content) {
        jdbc.sql("INSERT INTO supervision_report_item (report_id, seq, item_kind, content_cipher) VALUES (:r, :s, :k, :c)")
                .param("r", reportId).param("s", seq).param("k", kind).param("c", cipher.encrypt(content)).update();
    }

    private static String array(List<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }
}
