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
 * in one query, so paths can be computed before inserting, and persons go in batches of a thousand;
 * cadre files and assessments likewise, one batch per table.
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
        long[] ids = allocateIds("org_organization", plan.size());
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

    /**
     * Inserts the persons with their ID number and phone encrypted and the ID number's blind index;
     * returns the database id of each, in list order.
     */
    long[] insertPersons(List<DemoPerson> people, long[] orgIds) {
        long[] ids = allocateIds("person_person", people.size());
        java.util.Map<DemoPerson, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            index.put(people.get(i), i);
        }
        batch.batchUpdate("""
                INSERT INTO person_person (id, org_id, name, sex, birth_date, ethnicity, native_place, id_number_cipher,
                    id_number_index, phone_cipher, education, political_status, party_join_date, work_start_date,
                    created_by, updated_by)
                OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, people, BATCH_SIZE, (ps, p) -> {
            ps.setLong(1, ids[index.get(p)]);
            setKey(ps, 2, p.orgKey(), orgIds);
            ps.setString(3, p.name());
            ps.setString(4, p.sex());
            setDate(ps, 5, p.birthDate());
            ps.setString(6, p.ethnicity());
            ps.setString(7, p.nativePlace());
            ps.setBytes(8, cipher.encrypt(p.idNumber()));
            ps.setBytes(9, cipher.blindIndex(p.idNumber()));
            ps.setBytes(10, cipher.encrypt(p.phone()));
            ps.setString(11, p.education());
            ps.setString(12, p.politicalStatus());
            setDate(ps, 13, p.partyJoinDate());
            setDate(ps, 14, p.workStartDate());
            ps.setString(15, AUTHOR);
            ps.setString(16, AUTHOR);
        });
        return ids;
    }

    /**
     * Inserts the cadre files: one batch per table, family members' names and workplaces encrypted
     * like the persons' phones.
     */
    void insertCadreFiles(List<DemoCadreFile> files, long[] personIds, long[] orgIds) {
        batch.batchUpdate("""
                INSERT INTO cadre_profile (person_id, org_id, category, job_class, management_level, retirement_group,
                    birth_place, health, party_join_text, professional_title, specialty, current_post_text, rewards_text,
                    annual_text, reporting_unit, age_computed_on, filled_on, filled_by, lrmx_version, post_level, post_since,
                    rank, rank_since, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, files, BATCH_SIZE, (ps, f) -> {
            ps.setLong(1, personIds[f.personIndex()]);
            ps.setLong(2, orgIds[f.orgKey()]);
            ps.setString(3, name(f.category()));
            ps.setString(4, name(f.jobClass()));
            ps.setString(5, name(f.managementLevel()));
            ps.setString(6, f.retirementGroup().name());
            ps.setString(7, f.birthPlace());
            ps.setString(8, DemoCadreFile.HEALTH);
            ps.setString(9, f.partyJoinText());
            ps.setString(10, f.professionalTitle());
            ps.setString(11, f.specialty());
            ps.setString(12, f.currentPostText());
            ps.setString(13, f.rewardsText());
            ps.setString(14, f.annualText());
            ps.setString(15, f.reportingUnit());
            setDate(ps, 16, f.filledOn());
            setDate(ps, 17, f.filledOn());
            ps.setString(18, DemoCadreFile.FILLED_BY);
            ps.setString(19, DemoCadreFile.LRMX_VERSION);
            ps.setString(20, name(f.postLevel()));
            setDate(ps, 21, f.postSince());
            ps.setString(22, name(f.rank()));
            setDate(ps, 23, f.rankSince());
            ps.setString(24, AUTHOR);
            ps.setString(25, AUTHOR);
        });
        List<Row<DemoCadreFile.Post>> posts = rows(files, DemoCadreFile::posts);
        batch.batchUpdate("""
                INSERT INTO cadre_post (person_id, org_id, title, post_level, method, start_date, end_date, probation_end,
                    created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, posts, BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setLong(2, orgIds[r.value().orgKey()]);
            ps.setString(3, r.value().title());
            ps.setString(4, name(r.value().level()));
            ps.setString(5, r.value().method().name());
            setDate(ps, 6, r.value().start());
            setDate(ps, 7, r.value().end());
            setDate(ps, 8, r.value().probationEnd());
            ps.setString(9, AUTHOR);
            ps.setString(10, AUTHOR);
        });
        batch.batchUpdate("""
                INSERT INTO cadre_rank (person_id, rank, start_date, end_date, created_by) VALUES (?, ?, ?, ?, ?)
                """, rows(files, DemoCadreFile::ranks), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setString(2, r.value().rank().name());
            setDate(ps, 3, r.value().start());
            setDate(ps, 4, r.value().end());
            ps.setString(5, AUTHOR);
        });
        batch.batchUpdate("""
                INSERT INTO cadre_resume (person_id, seq, start_month, end_month, text) VALUES (?, ?, ?, ?, ?)
                """, rows(files, DemoCadreFile::resume), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setInt(2, r.seq());
            setDate(ps, 3, r.value().from() == null ? null : r.value().from().atDay(1));
            setDate(ps, 4, r.value().to() == null ? null : r.value().to().atDay(1));
            ps.setString(5, r.value().text());
        });
        batch.batchUpdate("""
                INSERT INTO cadre_education (person_id, kind, qualification, degree, qualification_school, degree_school)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows(files, DemoCadreFile::education), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setString(2, r.value().kind());
            ps.setString(3, r.value().qualification());
            ps.setString(4, r.value().degree());
            ps.setString(5, r.value().qualificationSchool());
            ps.setString(6, r.value().degreeSchool());
        });
        batch.batchUpdate("""
                INSERT INTO cadre_record (person_id, kind, title, authority, decided_on, effect_start, effect_end, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows(files, DemoCadreFile::records), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setString(2, r.value().kind().name());
            ps.setString(3, r.value().title());
            ps.setString(4, r.value().authority());
            setDate(ps, 5, r.value().decidedOn());
            setDate(ps, 6, r.value().effectStart());
            setDate(ps, 7, r.value().effectEnd());
            ps.setString(8, AUTHOR);
        });
        batch.batchUpdate("""
                INSERT INTO cadre_annual_result (person_id, year, code) VALUES (?, ?, ?)
                """, rows(files, DemoCadreFile::annual), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setInt(2, r.value().year());
            ps.setString(3, r.value().grade().code());
        });
        batch.batchUpdate("""
                INSERT INTO cadre_family (person_id, seq, relation, name_cipher, birth_month, political_status, work_cipher)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rows(files, DemoCadreFile::family), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, personIds[r.file().personIndex()]);
            ps.setInt(2, r.seq());
            ps.setString(3, r.value().relation());
            ps.setBytes(4, cipher.encrypt(r.value().name()));
            setDate(ps, 5, r.value().birthMonth().atDay(1));
            ps.setString(6, r.value().politicalStatus());
            ps.setBytes(7, cipher.encrypt(r.value().work()));
        });
    }

    /**
     * Inserts the planned assessment periods (owned by the city), the results with their steps and the
     * quota approvals, after the cadre files.
     */
    void insertAssessments(DemoAssessments.Plan plan, long[] personIds, long[] orgIds) {
        long[] periodIds = allocateIds("assessment_period", plan.periods().size());
        batch.batchUpdate("""
                INSERT INTO assessment_period (id, org_id, kind, year, quarter, name, status, publicity_days, excellent_percent,
                    good_cap_percent, opened_at, opened_by, closed_at, closed_by)
                OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?, NULL, ?, ?, ?, ?)
                """, plan.periods(), BATCH_SIZE, (ps, p) -> {
            ps.setLong(1, periodIds[p.index()]);
            ps.setLong(2, orgIds[plan.cityKey()]);
            ps.setString(3, p.kind().name());
            ps.setInt(4, p.year());
            if (p.quarter() == null) {
                ps.setNull(5, Types.INTEGER);
            } else {
                ps.setInt(5, p.quarter());
            }
            ps.setString(6, p.name());
            ps.setInt(7, p.publicityDays());
            ps.setInt(8, DemoAssessments.EXCELLENT_PERCENT);
            ps.setObject(9, p.openedAt());
            ps.setString(10, AUTHOR);
            ps.setObject(11, p.closedAt());
            ps.setString(12, AUTHOR);
        });
        batch.batchUpdate("""
                INSERT INTO assessment_result (period_id, person_id, org_id, included, inclusion_note, stage, self_summary, score,
                    suggested_grade, grade, grade_reason, publicity_from, publicity_to, confirmed_at, confirmed_by,
                    dismissal_review, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, plan.results(), BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, periodIds[r.period()]);
            ps.setLong(2, personIds[r.personIndex()]);
            ps.setLong(3, orgIds[r.orgKey()]);
            ps.setBoolean(4, r.included());
            ps.setString(5, r.inclusionNote());
            ps.setString(6, r.selfSummary());
            ps.setBigDecimal(7, r.score());
            ps.setString(8, r.suggestedGrade());
            ps.setString(9, r.grade());
            ps.setString(10, r.gradeReason());
            setDate(ps, 11, r.publicityFrom());
            setDate(ps, 12, r.publicityTo());
            ps.setObject(13, r.confirmedAt());
            ps.setString(14, AUTHOR);
            ps.setBoolean(15, r.dismissalReview());
            ps.setObject(16, r.confirmedAt());
            ps.setString(17, AUTHOR);
        });
        record StepRow(DemoAssessments.Result result, DemoAssessments.Step step) {
        }
        List<StepRow> steps = plan.results().stream().flatMap(r -> r.steps().stream().map(s -> new StepRow(r, s))).toList();
        batch.batchUpdate("""
                INSERT INTO assessment_step (period_id, person_id, stage, action, done_at, done_by) VALUES (?, ?, ?, 'SUBMIT', ?, ?)
                """, steps, 5 * BATCH_SIZE, (ps, r) -> {
            ps.setLong(1, periodIds[r.result().period()]);
            ps.setLong(2, personIds[r.result().personIndex()]);
            ps.setString(3, r.step().stage().name());
            ps.setObject(4, r.step().doneAt());
            ps.setString(5, AUTHOR);
        });
        batch.batchUpdate("""
                INSERT INTO assessment_quota_approval (period_id, org_id, percent, document, reason, approved_at, approved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, plan.approvals(), BATCH_SIZE, (ps, a) -> {
            ps.setLong(1, periodIds[a.period()]);
            ps.setLong(2, orgIds[a.orgKey()]);
            ps.setInt(3, a.percent());
            ps.setString(4, a.document());
            ps.setString(5, a.reason());
            ps.setObject(6, a.approvedAt());
            ps.setString(7, AUTHOR);
        });
    }

    /** One row of a file's list, with its position in the list. */
    private record Row<T>(DemoCadreFile file, int seq, T value) {
    }

    private static <T> List<Row<T>> rows(List<DemoCadreFile> files, java.util.function.Function<DemoCadreFile, List<T>> list) {
        List<Row<T>> rows = new java.util.ArrayList<>();
        for (DemoCadreFile f : files) {
            List<T> values = list.apply(f);
            for (int i = 0; i < values.size(); i++) {
                rows.add(new Row<>(f, i, values.get(i)));
            }
        }
        return rows;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Draws {@code count} ids from the table's identity sequence in one round trip, ascending. */
    private long[] allocateIds(String table, int count) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
                .param("table", table).param("count", count)
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
