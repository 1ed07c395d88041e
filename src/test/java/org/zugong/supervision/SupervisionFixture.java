package org.zugong.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cadres of a test in a unit of its own under a county (the database is shared by all test classes):
 * {@link #cleanup()} removes them with every record made about them.
 */
final class SupervisionFixture {

    private final JdbcClient jdbc;
    private final List<Long> units = new ArrayList<>();
    private final List<Long> persons = new ArrayList<>();

    private final byte[] idCipher;

    SupervisionFixture(JdbcClient jdbc, org.zugong.platform.crypto.FieldCipher cipher) {
        this.jdbc = jdbc;
        this.idCipher = cipher.encrypt("000000000000000000");
    }

    long unit(long parentId, String name) {
        long id = jdbc.sql("""
                INSERT INTO org_organization (parent_id, path, depth, name, kind, created_by)
                SELECT id, :tmp, depth + 1, :name, 'ORGAN', 'test' FROM org_organization WHERE id = :parent RETURNING id""")
                .param("tmp", "/tmp-" + UUID.randomUUID()).param("name", name).param("parent", parentId).query(Long.class).single();
        jdbc.sql("UPDATE org_organization SET path = (SELECT path FROM org_organization WHERE id = :parent) || :id || '/' WHERE id = :id")
                .param("parent", parentId).param("id", id).update();
        units.add(id);
        return id;
    }

    /** A cadre with a file in the unit at this post level (null: none) and category. */
    long cadre(long orgId, String name, String postLevel, String category) {
        long id = jdbc.sql("""
                INSERT INTO person_person (org_id, name, sex, birth_date, ethnicity, id_number_cipher, id_number_index,
                    education, political_status, created_by)
                VALUES (:org, :name, '1', :birth, '01', :cipher, :idx, '21', '01', 'test') RETURNING id""")
                .param("org", orgId).param("name", name).param("birth", LocalDate.of(1978, 3, 1))
                .param("cipher", idCipher).param("idx", UUID.randomUUID().toString().getBytes()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO cadre_profile (person_id, org_id, retirement_group, category, post_level, current_post_text, created_by)
                VALUES (:p, :org, 'MALE_60', :cat, :level, :post, 'test')""")
                .param("p", id).param("org", orgId).param("cat", category).param("level", postLevel).param("post", name + "的现任职务")
                .update();
        persons.add(id);
        return id;
    }

    void cleanup() {
        if (!persons.isEmpty()) {
            org.zugong.TestPersons.delete(jdbc, persons, "supervision_report_check", "supervision_report", "supervision_record",
                    "cadre_record", "cadre_promotion_proposal");
        }
        if (!units.isEmpty()) {
            jdbc.sql("DELETE FROM supervision_spot_check WHERE org_id IN (:ids)").param("ids", units).update();
            jdbc.sql("DELETE FROM org_organization WHERE id IN (:ids)").param("ids", units.reversed()).update();
        }
        persons.clear();
        units.clear();
    }
}
