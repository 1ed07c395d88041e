package org.zugong.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo talent registry (issue 9): {@value #PER_COUNTY} talents in each demo county — 30 over the six, of every
 * tier (A 2, B 4, C 6, D 8, E 10), every category, both introduction modes, introduced over the last five years;
 * the validity follows the tier (5 or 3 years), so the oldest lower-tier ones have expired, and one is revoked.
 * The first talent of county 1 (tier B, 全职, recognized a year ago) is the one the demo login {@code talent1} is.
 * Persons are drawn from each county by a stable hash of their id, so the choice survives other demo changes.
 */
final class DemoTalents {

    static final int PER_COUNTY = 5;
    private static final List<String> TIERS = List.of("A", "A", "B", "B", "B", "B", "C", "C", "C", "C", "C", "C",
            "D", "D", "D", "D", "D", "D", "D", "D", "E", "E", "E", "E", "E", "E", "E", "E", "E", "E");
    private static final Map<String, Integer> VALIDITY = Map.of("A", 5, "B", 5, "C", 3, "D", 3, "E", 3);
    private static final List<String> CATEGORIES = List.of("科技", "教育", "卫生", "经营管理", "技能", "乡土", "文化");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "科技", List.of("新材料", "电子信息", "生物医药", "智能制造"),
            "教育", List.of("基础教育", "职业教育", "学前教育"),
            "卫生", List.of("心血管内科", "中医药", "公共卫生"),
            "经营管理", List.of("企业管理", "现代物流", "电子商务"),
            "技能", List.of("数控加工", "焊接技术", "电工技术"),
            "乡土", List.of("特色种植", "生态养殖", "传统手工艺"),
            "文化", List.of("非遗传承", "文艺创作", "文化旅游"));

    /** One written talent, for the accounts. */
    record Written(long personId, long orgId, String name, int county) {
    }

    private final JdbcClient jdbc;
    private final Random random;
    private final LocalDate today;

    DemoTalents(JdbcClient jdbc, Random random, LocalDate today) {
        this.jdbc = jdbc;
        this.random = random;
        this.today = today;
    }

    /** Writes the talents; returns them in order (the first is county 1's, talent1). */
    List<Written> insert() {
        List<String> tiers = new ArrayList<>(TIERS);
        tiers.remove("B");
        Collections.shuffle(tiers, random);
        tiers.addFirst("B"); // talent1's
        List<Long> counties = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id").query(Long.class).list();
        List<Written> written = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < counties.size(); c++) {
            List<Object[]> persons = jdbc.sql("""
                    SELECT p.id, p.org_id, p.name FROM person_person p JOIN org_organization o ON o.id = p.org_id
                    WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND p.active
                      AND p.birth_date > :born AND o.kind NOT IN ('PARTY_COMMITTEE', 'PARTY_WORKING_COMMITTEE', 'PARTY_GENERAL_BRANCH',
                                                                  'PARTY_BRANCH', 'PARTY_JOINT_BRANCH')
                    ORDER BY md5(p.id::text) LIMIT :n""")
                    .param("c", counties.get(c)).param("born", Date.valueOf(today.minusYears(58))).param("n", PER_COUNTY)
                    .query((rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3)}).list();
            for (Object[] p : persons) {
                if (n >= tiers.size()) {
                    break;
                }
                String tier = tiers.get(n);
                boolean first = n == 0;
                String category = first ? "科技" : CATEGORIES.get(n % CATEGORIES.size());
                String field = FIELDS.get(category).get(random.nextInt(FIELDS.get(category).size()));
                String mode = first || random.nextInt(3) > 0 ? "全职" : "柔性";
                LocalDate introduced = first ? today.minusYears(1).minusDays(60) : today.minusDays(30 + random.nextInt(5 * 365 - 30));
                LocalDate recognized = first ? today.minusYears(1) : introduced.plusDays(30 + random.nextInt(150));
                if (recognized.isAfter(today)) {
                    recognized = today;
                }
                LocalDate validUntil = recognized.plusYears(VALIDITY.get(tier)).minusDays(1);
                String status = n == 17 ? "REVOKED" : validUntil.isBefore(today) ? "EXPIRED" : "RECOGNIZED";
                jdbc.sql("""
                        INSERT INTO talent (person_id, org_id, tier_code, category, field, employer_name, introduction_mode, introduced_on,
                                            status, recognized_on, valid_until, note, created_by, updated_by)
                        VALUES (:person, :org, :tier, :category, :field, :employer, :mode, :introduced, :status, :recognized, :valid, :note,
                                :by, :by)""")
                        .param("person", p[0]).param("org", p[1]).param("tier", tier).param("category", category).param("field", field)
                        .param("employer", "柔性".equals(mode) ? "省" + field + "研究院" : null).param("mode", mode)
                        .param("introduced", Date.valueOf(introduced)).param("status", status)
                        .param("recognized", Date.valueOf(recognized)).param("valid", Date.valueOf(validUntil))
                        .param("note", "REVOKED".equals(status) ? "因离开本地工作撤销认定" : null).param("by", DemoWriter.AUTHOR)
                        .update();
                written.add(new Written((Long) p[0], (Long) p[1], (String) p[2], c + 1));
                n++;
            }
        }
        return written;
    }
}
