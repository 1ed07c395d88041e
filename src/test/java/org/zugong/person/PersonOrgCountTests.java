package org.zugong.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The active persons per organization that list totals are summed from (V35) stay equal to a count of the persons
 * through every kind of change, made by the application or by hand in SQL.
 */
class PersonOrgCountTests extends IntegrationTest {

    @Autowired
    TransactionTemplate tx;

    /** Organizations whose counter differs from a count of their active persons. */
    private long mismatches() {
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT org_id, count(*) AS n FROM person_person WHERE active GROUP BY org_id) a
                FULL JOIN person_org_count c USING (org_id) WHERE coalesce(a.n, 0) <> coalesce(c.active_persons, 0)
                """).query(Long.class).single();
    }

    private long anyOrg(int offset) {
        return jdbc.sql("SELECT id FROM org_organization ORDER BY id OFFSET :o LIMIT 1").param("o", offset).query(Long.class).single();
    }

    private long insertPerson(long org, String name) {
        return jdbc.sql("""
                INSERT INTO person_person (org_id, name, sex, birth_date, ethnicity, id_number_cipher, id_number_index)
                VALUES (:org, :name, '1', DATE '1980-01-01', '01', '\\x00'::bytea, decode(md5(:name), 'hex'))
                RETURNING id""").param("org", org).param("name", name).query(Long.class).single();
    }

    @Test
    void theCountersMatchTheActivePersonsThroughInsertsMovesDeactivationsDeletesAndRollbacks() {
        assertThat(mismatches()).as("after the demo data").isZero();
        long a = anyOrg(3);
        long b = anyOrg(5);
        long p1 = insertPerson(a, "计数甲");
        long p2 = insertPerson(a, "计数乙");
        long p3 = insertPerson(b, "计数丙");
        assertThat(mismatches()).as("after inserts").isZero();

        jdbc.sql("UPDATE person_person SET org_id = :b WHERE id IN (:p1, :p2)").param("b", b).param("p1", p1).param("p2", p2).update();
        assertThat(mismatches()).as("after moving two persons in one statement").isZero();

        jdbc.sql("UPDATE person_person SET active = false WHERE id = :p").param("p", p3).update();
        jdbc.sql("UPDATE person_person SET name = '计数丁' WHERE id = :p").param("p", p1).update();
        assertThat(mismatches()).as("after a deactivation and a plain edit").isZero();

        jdbc.sql("UPDATE person_person SET active = true, org_id = :a WHERE id = :p").param("a", a).param("p", p3).update();
        assertThat(mismatches()).as("after reactivating in another organization").isZero();

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            insertPerson(a, "回滚");
            jdbc.sql("UPDATE person_person SET org_id = :a WHERE id = :p").param("a", a).param("p", p1).update();
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(mismatches()).as("after a rolled-back transaction").isZero();

        jdbc.sql("DELETE FROM person_person WHERE id IN (:p1, :p2, :p3)").param("p1", p1).param("p2", p2).param("p3", p3).update();
        assertThat(mismatches()).as("after deletes").isZero();
    }

    @Test
    void aSubtreeListsTotalIsTheNumberOfItsActivePersonsFilteredOrNot() throws Exception {
        ObjectMapper json = new ObjectMapper();
        long county = jdbc.sql("SELECT id FROM org_organization WHERE kind = 'COUNTY' ORDER BY id LIMIT 1").query(Long.class).single();
        String path = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", county).query(String.class).single();
        long expected = jdbc.sql("""
                SELECT count(*) FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE o.path LIKE :path AND p.active
                """).param("path", path + "%").query(Long.class).single();
        assertThat(expected).as("persons in the county").isGreaterThan(20);
        JsonNode all = json.readTree(mvc.perform(get("/api/v1/persons").param("orgId", Long.toString(county)).param("size", "20")
                .header("Authorization", bearer("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(expected);

        long women = jdbc.sql("""
                SELECT count(*) FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE o.path LIKE :path AND p.active AND p.sex = '2'
                """).param("path", path + "%").query(Long.class).single();
        JsonNode filtered = json.readTree(mvc.perform(get("/api/v1/persons").param("orgId", Long.toString(county)).param("sex", "2")
                .param("size", "5").header("Authorization", bearer("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(filtered.get("page").get("totalElements").asLong()).isEqualTo(women);
    }
}
