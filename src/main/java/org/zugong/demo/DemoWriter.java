package org.zugong.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.crypto.FieldCipher;

/**
 * Writes the planned tree and the generated persons straight into {@code org_organization} and
 * {@code person_person} with JDBC batches: ids for the whole tree are drawn from the identity sequence
 * in one query, so paths can be computed before inserting, and persons go in batches of a thousand.
 */
final class DemoWriter {

    static final String AUTHOR = "demo";
    private static final int BATCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final FieldCipher cipher;

    DemoWriter(JdbcClient jdbc, JdbcTemplate batch, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
    }

    /** Inserts the tree; returns the database id of each planned node, indexed by its key. */
    long[] insertOrganizations(List<OrgSpec> plan) {
        long[] ids = allocateIds(plan.size());
        String[] paths = new String[plan.size()];
        int[] depths = new int[plan.size()];
        for (OrgSpec o : plan) {
            boolean root = o.parentKey() == OrgSpec.NONE;
            paths[o.key()] = (root ? "/" : paths[o.parentKey()]) + ids[o.key()] + "/";
            depths[o.key()] = root ? 0 : depths[o.parentKey()] + 1;
        }
        batch.batchUpdate("""
                INSERT INTO org_organization (id, parent_id, path, depth, name, short_name, kind, unit_id, term_start, term_end,
                    sort_order, created_by, updated_by)
                OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, plan, BATCH_SIZE, (ps, o) -> {
            ps.setLong(1, ids[o.key()]);
            setKey(ps, 2, o.parentKey(), ids);
            ps.setString(3, paths[o.key()]);
            ps.setInt(4, depths[o.key()]);
            ps.setString(5, o.name());
            ps.setString(6, o.shortName());
            ps.setString(7, o.kind().name());
            setKey(ps, 8, o.unitKey(), ids);
            setDate(ps, 9, o.termStart());
            setDate(ps, 10, o.termEnd());
            ps.setInt(11, o.sortOrder());
            ps.setString(12, AUTHOR);
            ps.setString(13, AUTHOR);
        });
        return ids;
    }

    /** Inserts the persons with their ID number and phone encrypted and the ID number's blind index. */
    void insertPersons(List<DemoPerson> people, long[] orgIds) {
        batch.batchUpdate("""
                INSERT INTO person_person (org_id, name, sex, birth_date, ethnicity, native_place, id_number_cipher,
                    id_number_index, phone_cipher, education, political_status, party_join_date, work_start_date,
                    created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, people, BATCH_SIZE, (ps, p) -> {
            ps.setLong(1, orgIds[p.orgKey()]);
            ps.setString(2, p.name());
            ps.setString(3, p.sex());
            setDate(ps, 4, p.birthDate());
            ps.setString(5, p.ethnicity());
            ps.setString(6, p.nativePlace());
            ps.setBytes(7, cipher.encrypt(p.idNumber()));
            ps.setBytes(8, cipher.blindIndex(p.idNumber()));
            ps.setBytes(9, cipher.encrypt(p.phone()));
            ps.setString(10, p.education());
            ps.setString(11, p.politicalStatus());
            setDate(ps, 12, p.partyJoinDate());
            setDate(ps, 13, p.workStartDate());
            ps.setString(14, AUTHOR);
            ps.setString(15, AUTHOR);
        });
    }

    /** Draws {@code count} ids from the identity column's sequence in one round trip, ascending. */
    private long[] allocateIds(int count) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('org_organization', 'id')) FROM generate_series(1, :count)")
                .param("count", count)
                .query(Long.class).list().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static void setKey(PreparedStatement ps, int index, int key, long[] ids) throws SQLException {
        if (key == OrgSpec.NONE) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, ids[key]);
        }
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date, Types.DATE);
        }
    }
}
