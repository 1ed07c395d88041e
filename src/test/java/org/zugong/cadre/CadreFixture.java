package org.zugong.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.crypto.FieldCipher;

/**
 * Cadre rows of a test, on units and persons of its own (the database is shared by all test
 * classes): everything made here is removed by {@link #cleanup()}.
 */
final class CadreFixture {

    private final JdbcClient jdbc;
    private final byte[] idCipher;
    private final List<Long> units = new ArrayList<>();
    private final List<Long> persons = new ArrayList<>();

    CadreFixture(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.idCipher = cipher.encrypt("000000000000000000");
    }

    /** A unit (机关) directly under {@code parentId}. */
    long unit(long parentId, String name) {
        long id = jdbc.sql("""
                INSERT INTO org_organization (parent_id, path, depth, name, kind, created_by)
                SELECT id, :tmp, depth + 1, :name, 'ORGAN', 'test' FROM org_organization WHERE id = :parent RETURNING id""")
                .param("tmp", "/tmp-" + UUID.randomUUID()).param("name", name).param("parent", parentId)
                .query(Long.class).single();
        jdbc.sql("UPDATE org_organization SET path = (SELECT path FROM org_organization WHERE id = :parent) || :id || '/' WHERE id = :id")
                .param("parent", parentId).param("id", id).update();
        units.add(id);
        return id;
    }

    long person(long orgId, String name, String sex, LocalDate birth, String ethnicity, String education, String political) {
        long id = jdbc.sql("""
                INSERT INTO person_person (org_id, name, sex, birth_date, ethnicity, id_number_cipher, id_number_index,
                    education, political_status, created_by)
                VALUES (:org, :name, :sex, :birth, :eth, :cipher, :idx, :edu, :pol, 'test') RETURNING id""")
                .param("org", orgId).param("name", name).param("sex", sex).param("birth", birth).param("eth", ethnicity)
                .param("cipher", idCipher).param("idx", UUID.randomUUID().toString().getBytes()).param("edu", education)
                .param("pol", political).query(Long.class).single();
        persons.add(id);
        return id;
    }

    void profile(long personId, long orgId, RetirementGroup group, String currentPost, String specialty) {
        jdbc.sql("""
                INSERT INTO cadre_profile (person_id, org_id, retirement_group, current_post_text, specialty, created_by)
                VALUES (:p, :org, :g, :post, :spec, 'test')""")
                .param("p", personId).param("org", orgId).param("g", group.name()).param("post", currentPost)
                .param("spec", specialty).update();
    }

    /** A person with a cadre file in the unit, for the retirement lists. */
    long cadre(long orgId, String name, String sex, LocalDate birth, RetirementGroup group) {
        long id = person(orgId, name, sex, birth, "01", "21", "01");
        profile(id, orgId, group, name + "的现任职务", null);
        return id;
    }

    long post(long personId, long orgId, String title, RankLeadingPost level, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                INSERT INTO cadre_post (person_id, org_id, title, post_level, method, start_date, end_date, created_by)
                VALUES (:p, :org, :title, :level, '委任', :start, :end, 'test') RETURNING id""")
                .param("p", personId).param("org", orgId).param("title", title)
                .param("level", level == null ? null : level.name()).param("start", start).param("end", end)
                .query(Long.class).single();
    }

    List<Long> persons() {
        return persons;
    }

    void cleanup() {
        if (!persons.isEmpty()) {
            org.zugong.TestPersons.delete(jdbc, persons, "cadre_post");
        }
        if (!units.isEmpty()) {
            jdbc.sql("DELETE FROM cadre_post WHERE org_id IN (:ids)").param("ids", units).update();
            jdbc.sql("DELETE FROM org_organization WHERE id IN (:ids)").param("ids", units.reversed()).update();
        }
        persons.clear();
        units.clear();
    }
}
