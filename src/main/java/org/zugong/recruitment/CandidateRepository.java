package org.zugong.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.SqlCondition;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/** The development records in {@code recruitment_candidate} and its child tables. */
@Repository
class CandidateRepository {

    private static final String SELECT = """
            SELECT c.*, p.name AS person_name, p.birth_date, o.name AS branch_name, o.path AS branch_path
            FROM recruitment_candidate c
            JOIN person_person p ON p.id = c.person_id
            JOIN org_organization o ON o.id = c.branch_org_id
            """;

    private final JdbcClient jdbc;

    CandidateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Candidate> find(long id) {
        Optional<Candidate> found = jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(CandidateRepository::map).optional();
        found.ifPresent(this::loadChildren);
        return found;
    }

    /** Whether the person has a record that is neither finished nor cancelled. */
    boolean hasOpenRecord(long personId) {
        return jdbc.sql("SELECT count(*) FROM recruitment_candidate WHERE person_id = :p AND stage NOT IN ('FULL_MEMBER', 'CANCELLED')")
                .param("p", personId).query(Long.class).single() > 0;
    }

    /** What a list of records is narrowed to: a subtree (path prefix), a stage, one person, a name (prefix). */
    record ListFilter(String orgPathPrefix, CandidateStage stage, Long personId, String name) {
    }

    private static String where(SqlCondition scope, ListFilter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(scope.sql());
        params.putAll(scope.params());
        if (f.orgPathPrefix() != null) {
            sql.append(" AND o.path LIKE :prefix");
            params.put("prefix", f.orgPathPrefix() + "%");
        }
        if (f.stage() != null) {
            sql.append(" AND c.stage = :stage");
            params.put("stage", f.stage().name());
        }
        if (f.personId() != null) {
            sql.append(" AND c.person_id = :person");
            params.put("person", f.personId());
        }
        if (f.name() != null && !f.name().isBlank()) {
            sql.append(" AND p.name LIKE :name");
            params.put("name", org.zugong.platform.db.LikePattern.startingWith(f.name().strip()));
        }
        return sql.toString();
    }

    private static final String LIST_FROM = " FROM recruitment_candidate c JOIN person_person p ON p.id = c.person_id"
            + " JOIN org_organization o ON o.id = c.branch_org_id";

    /**
     * The records and their branches, with the person only when the name is filtered on. A person row is a random
     * read in a table of millions: joined for every record of a county before the sort it cost 10 of a page's 14 ms
     * on the province data set; the list joins it for the page's rows alone, the count not at all (issue 8).
     */
    private static String from(ListFilter filter) {
        return filter.name() != null && !filter.name().isBlank() ? LIST_FROM
                : " FROM recruitment_candidate c JOIN org_organization o ON o.id = c.branch_org_id";
    }

    /** One page of records, newest application first. */
    List<Candidate.Row> list(SqlCondition scope, ListFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT c.id, c.person_id, p.name AS person_name, c.branch_org_id, c.branch_name, c.stage, c.application_date,"
                + " c.updated_at FROM (SELECT c.id, c.person_id, c.branch_org_id, o.name AS branch_name, c.stage, c.application_date,"
                + " c.updated_at" + from(filter) + where(scope, filter, params)
                + " ORDER BY c.application_date DESC, c.id DESC OFFSET :offset LIMIT :limit) c"
                + " JOIN person_person p ON p.id = c.person_id ORDER BY c.application_date DESC, c.id DESC";
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Candidate.Row(rs.getLong("id"), rs.getLong("person_id"),
                rs.getString("person_name"), rs.getLong("branch_org_id"), rs.getString("branch_name"),
                CandidateStage.valueOf(rs.getString("stage")), rs.getObject("application_date", LocalDate.class),
                rs.getTimestamp("updated_at").toInstant())).list();
    }

    long count(SqlCondition scope, ListFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*)" + from(filter) + where(scope, filter, params)).params(params).query(Long.class).single();
    }

    /** The active 党支部 and 联合党支部 in an organization's subtree (a unit's own branches) within the scope, by name. */
    List<BranchChoice> branchesUnder(SqlCondition scope, String unitPath) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("prefix", unitPath + "%");
        return jdbc.sql("SELECT o.id, o.name FROM org_organization o WHERE o.active AND o.kind IN ('PARTY_BRANCH', 'PARTY_JOINT_BRANCH')"
                        + " AND o.path LIKE :prefix AND " + scope.sql() + " ORDER BY o.name, o.id LIMIT 200")
                .params(params).query((rs, n) -> new BranchChoice(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** A 党支部 a record can be kept by. */
    record BranchChoice(long id, String name) {
    }

    /** Records per stage in the scope, narrowed like a list (the filter's own stage is ignored: every stage is counted). */
    Map<CandidateStage, Long> counts(SqlCondition scope, ListFilter filter) {
        Map<CandidateStage, Long> counts = new java.util.EnumMap<>(CandidateStage.class);
        for (CandidateStage s : CandidateStage.values()) {
            counts.put(s, 0L);
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, new ListFilter(filter.orgPathPrefix(), null, filter.personId(), filter.name()), params);
        jdbc.sql("SELECT c.stage, count(*) AS n" + from(filter) + where + " GROUP BY c.stage")
                .params(params)
                .query((rs, n) -> Map.entry(CandidateStage.valueOf(rs.getString("stage")), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    long insert(long personId, long branchOrgId, String ruleSet, LocalDate applicationDate, String user) {
        return jdbc.sql("""
                INSERT INTO recruitment_candidate (person_id, branch_org_id, rule_set, application_date, created_by, updated_by)
                VALUES (:p, :b, :r, :a, :u, :u) RETURNING id
                """).param("p", personId).param("b", branchOrgId).param("r", ruleSet).param("a", applicationDate).param("u", user)
                .query(Long.class).single();
    }

    /** Stores every field and the child rows; false when the version moved on (someone else saved first). */
    boolean save(Candidate c, int expectedVersion, String user) {
        Timeline.Meeting a = c.admission;
        Timeline.Meeting v = c.conversion;
        int updated = jdbc.sql("""
                UPDATE recruitment_candidate SET stage = :stage, application_date = :application, talk_date = :talk, activist_date = :activist,
                  development_target_date = :target, political_review_date = :reviewDate, political_review_passed = :reviewPassed,
                  training_days = :days, training_hours = :hours, notice_start = :noticeStart, notice_end = :noticeEnd,
                  admission_date = :aDate, admission_due = :aDue, admission_present = :aPresent, admission_for = :aFor,
                  admission_written = :aWritten, approval_date = :approval, approval_special_reason = :approvalReason,
                  extension_months = :extension,
                  conversion_date = :cDate, conversion_due = :cDue, conversion_present = :cPresent, conversion_for = :cFor,
                  conversion_written = :cWritten, conversion_approval_date = :cApproval, cancelled_date = :cancelDate,
                  cancelled_reason = :cancelReason, version = version + 1, updated_by = :u, updated_at = now()
                WHERE id = :id AND version = :version
                """)
                .param("stage", c.stage.name()).param("application", c.applicationDate).param("talk", c.talkDate).param("activist", c.activistDate)
                .param("target", c.developmentTargetDate).param("reviewDate", c.politicalReviewDate)
                .param("reviewPassed", c.politicalReviewPassed).param("days", c.trainingDays).param("hours", c.trainingHours)
                .param("noticeStart", c.noticeStart).param("noticeEnd", c.noticeEnd)
                .param("aDate", a == null ? null : a.date()).param("aDue", a == null ? null : a.dueVoters())
                .param("aPresent", a == null ? null : a.present()).param("aFor", a == null ? null : a.votesFor())
                .param("aWritten", a == null ? null : a.writtenFor()).param("approval", c.approvalDate)
                .param("approvalReason", c.approvalSpecialReason)
                .param("extension", c.extensionMonths)
                .param("cDate", v == null ? null : v.date()).param("cDue", v == null ? null : v.dueVoters())
                .param("cPresent", v == null ? null : v.present()).param("cFor", v == null ? null : v.votesFor())
                .param("cWritten", v == null ? null : v.writtenFor()).param("cApproval", c.conversionApprovalDate)
                .param("cancelDate", c.cancelledDate).param("cancelReason", c.cancelledReason)
                .param("u", user).param("id", c.id).param("version", expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM recruitment_contact WHERE candidate_id = :id").param("id", c.id).update();
        jdbc.sql("DELETE FROM recruitment_assessment WHERE candidate_id = :id").param("id", c.id).update();
        jdbc.sql("DELETE FROM recruitment_pre_review WHERE candidate_id = :id").param("id", c.id).update();
        for (Candidate.Contact contact : c.contacts) {
            jdbc.sql("INSERT INTO recruitment_contact (candidate_id, person_id, role, status) VALUES (:c, :p, :r, :s)")
                    .param("c", c.id).param("p", contact.personId()).param("r", contact.role()).param("s", contact.status().name())
                    .update();
        }
        for (Candidate.Assessment assessment : c.assessments) {
            jdbc.sql("INSERT INTO recruitment_assessment (candidate_id, assessment_date, note) VALUES (:c, :d, :n)")
                    .param("c", c.id).param("d", assessment.date()).param("n", assessment.note()).update();
        }
        for (Candidate.PreReviewEntry p : c.preReviews) {
            jdbc.sql("""
                    INSERT INTO recruitment_pre_review (candidate_id, level, review_date, reviewer_org_id, passed, note)
                    VALUES (:c, :l, :d, :o, :p, :n)
                    """).param("c", c.id).param("l", p.level().name()).param("d", p.date()).param("o", p.reviewerOrgId())
                    .param("p", p.passed()).param("n", p.note()).update();
        }
        return true;
    }

    /**
     * Every record in scope (under {@code orgPathPrefix} when given) with its contacts, assessments and pre-reviews:
     * one query per table for all of them, none per record.
     */
    List<Candidate> loadAll(SqlCondition scope, String orgPathPrefix) {
        return load(scope, orgPathPrefix, false);
    }

    /**
     * The records still in development (neither 正式党员 nor cancelled) with their assessments, without contacts and
     * pre-reviews: what 发展日程 reads. Half of a province's records are full members; reading them and the two other
     * tables cost the calendar three quarters of its time (issue 8).
     */
    List<Candidate> loadInDevelopment(SqlCondition scope, String orgPathPrefix) {
        return load(scope, orgPathPrefix, true);
    }

    private List<Candidate> load(SqlCondition scope, String orgPathPrefix, boolean inDevelopmentOnly) {
        String where = " WHERE " + scope.sql() + (orgPathPrefix == null ? "" : " AND o.path LIKE :prefix")
                + (inDevelopmentOnly ? " AND c.stage NOT IN ('FULL_MEMBER', 'CANCELLED')" : "");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (orgPathPrefix != null) {
            params.put("prefix", orgPathPrefix + "%");
        }
        List<Candidate> all = jdbc.sql(SELECT + where + " ORDER BY c.id").params(params).query(CandidateRepository::map).list();
        Map<Long, Candidate> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id, c));
        String inScope = " JOIN recruitment_candidate c ON c.id = r.candidate_id JOIN org_organization o ON o.id = c.branch_org_id" + where;
        jdbc.sql("SELECT r.candidate_id, r.assessment_date, r.note FROM recruitment_assessment r" + inScope
                        + " ORDER BY r.assessment_date, r.id")
                .params(params).query(rs -> {
                    byId.get(rs.getLong("candidate_id")).assessments.add(new Candidate.Assessment(
                            rs.getObject("assessment_date", LocalDate.class), rs.getString("note")));
                });
        if (inDevelopmentOnly) {
            return all;
        }
        jdbc.sql("SELECT r.candidate_id, r.person_id, p.name, r.role, r.status FROM recruitment_contact r"
                        + " JOIN person_person p ON p.id = r.person_id" + inScope + " ORDER BY r.id")
                .params(params).query(rs -> {
                    byId.get(rs.getLong("candidate_id")).contacts.add(new Candidate.Contact(rs.getLong("person_id"), rs.getString("name"),
                            rs.getString("role"), IntroducerStatus.valueOf(rs.getString("status"))));
                });
        jdbc.sql("SELECT r.candidate_id, r.level, r.review_date, r.reviewer_org_id, ro.name AS org_name, r.passed, r.note"
                        + " FROM recruitment_pre_review r LEFT JOIN org_organization ro ON ro.id = r.reviewer_org_id" + inScope
                        + " ORDER BY r.review_date, r.id")
                .params(params).query(rs -> {
                    byId.get(rs.getLong("candidate_id")).preReviews.add(new Candidate.PreReviewEntry(
                            PreReviewLevel.valueOf(rs.getString("level")), rs.getObject("review_date", LocalDate.class),
                            (Long) rs.getObject("reviewer_org_id", Long.class), rs.getString("org_name"), rs.getBoolean("passed"),
                            rs.getString("note")));
                });
        return all;
    }

    private void loadChildren(Candidate c) {
        c.contacts = new java.util.ArrayList<>(jdbc.sql("""
                SELECT r.person_id, p.name, r.role, r.status FROM recruitment_contact r JOIN person_person p ON p.id = r.person_id
                WHERE r.candidate_id = :id ORDER BY r.id
                """).param("id", c.id).query((rs, n) -> new Candidate.Contact(rs.getLong("person_id"), rs.getString("name"),
                rs.getString("role"), IntroducerStatus.valueOf(rs.getString("status")))).list());
        c.assessments = new java.util.ArrayList<>(jdbc.sql(
                        "SELECT assessment_date, note FROM recruitment_assessment WHERE candidate_id = :id ORDER BY assessment_date, id")
                .param("id", c.id).query((rs, n) -> new Candidate.Assessment(rs.getObject("assessment_date", LocalDate.class),
                        rs.getString("note"))).list());
        c.preReviews = new java.util.ArrayList<>(jdbc.sql("""
                SELECT r.level, r.review_date, r.reviewer_org_id, o.name AS org_name, r.passed, r.note
                FROM recruitment_pre_review r LEFT JOIN org_organization o ON o.id = r.reviewer_org_id
                WHERE r.candidate_id = :id ORDER BY r.review_date, r.id
                """).param("id", c.id).query((rs, n) -> new Candidate.PreReviewEntry(PreReviewLevel.valueOf(rs.getString("level")),
                rs.getObject("review_date", LocalDate.class), (Long) rs.getObject("reviewer_org_id", Long.class),
                rs.getString("org_name"), rs.getBoolean("passed"), rs.getString("note"))).list());
    }

    private static Candidate map(ResultSet rs, int n) throws SQLException {
        Candidate c = new Candidate();
        c.id = rs.getLong("id");
        c.personId = rs.getLong("person_id");
        c.personName = rs.getString("person_name");
        c.birthDate = rs.getObject("birth_date", LocalDate.class);
        c.branchOrgId = rs.getLong("branch_org_id");
        c.branchName = rs.getString("branch_name");
        c.branchPath = rs.getString("branch_path");
        c.stage = CandidateStage.valueOf(rs.getString("stage"));
        c.ruleSet = rs.getString("rule_set");
        c.applicationDate = rs.getObject("application_date", LocalDate.class);
        c.talkDate = rs.getObject("talk_date", LocalDate.class);
        c.activistDate = rs.getObject("activist_date", LocalDate.class);
        c.developmentTargetDate = rs.getObject("development_target_date", LocalDate.class);
        c.politicalReviewDate = rs.getObject("political_review_date", LocalDate.class);
        c.politicalReviewPassed = rs.getObject("political_review_passed", Boolean.class);
        c.trainingDays = rs.getObject("training_days", Integer.class);
        c.trainingHours = rs.getObject("training_hours", Integer.class);
        c.noticeStart = rs.getObject("notice_start", LocalDate.class);
        c.noticeEnd = rs.getObject("notice_end", LocalDate.class);
        LocalDate admission = rs.getObject("admission_date", LocalDate.class);
        c.admission = admission == null ? null : new Timeline.Meeting(admission, rs.getObject("admission_due", Integer.class),
                rs.getObject("admission_present", Integer.class), rs.getObject("admission_for", Integer.class),
                rs.getObject("admission_written", Integer.class));
        c.approvalDate = rs.getObject("approval_date", LocalDate.class);
        c.approvalSpecialReason = rs.getString("approval_special_reason");
        c.extensionMonths = rs.getObject("extension_months", Integer.class);
        LocalDate conversion = rs.getObject("conversion_date", LocalDate.class);
        c.conversion = conversion == null ? null : new Timeline.Meeting(conversion, rs.getObject("conversion_due", Integer.class),
                rs.getObject("conversion_present", Integer.class), rs.getObject("conversion_for", Integer.class),
                rs.getObject("conversion_written", Integer.class));
        c.conversionApprovalDate = rs.getObject("conversion_approval_date", LocalDate.class);
        c.cancelledDate = rs.getObject("cancelled_date", LocalDate.class);
        c.cancelledReason = rs.getString("cancelled_reason");
        c.version = rs.getInt("version");
        c.updatedBy = rs.getString("updated_by");
        c.updatedAt = rs.getTimestamp("updated_at").toInstant();
        return c;
    }
}
