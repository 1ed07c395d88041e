package org.zugong.talent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;

/** SQL over talent_application, its evidence and steps, and the recognition rule; the jurisdiction arrives as a condition over {@code o}. */
@Repository
class RecognitionRepository {

    private static final String COLUMNS = """
            a.id, a.person_id, p.name AS person_name, a.org_id, o.name AS org_name, a.tier_code, a.category, a.field,
            a.introduction_mode, a.introduced_on, a.source, a.stage, a.applied_on, a.last_step_on, a.granted_tier_code, a.committee_on,
            a.committee_present, a.votes_for, a.votes_against, a.votes_abstain, a.publicity_start, a.publicity_end, a.objection,
            a.objection_on, a.recognized_on, a.talent_id, a.refused_stage, a.refusal_reason, a.note, a.version
            """;
    private static final String FROM = " FROM talent_application a JOIN person_view p ON p.id = a.person_id JOIN org_organization o ON o.id = a.org_id ";

    /** The filters of the list, its export and the API. */
    record Criteria(RecognitionStage stage, String tier, Long orgId, Integer year, String name, String source) {
        static Criteria none() {
            return new Criteria(null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (stage != null) b.append("环节=").append(stage.label()).append(' ');
            if (tier != null && !tier.isBlank()) b.append("层次=").append(tier.trim()).append(' ');
            if (orgId != null) b.append("单位=").append(orgId).append(' ');
            if (year != null) b.append("年份=").append(year).append(' ');
            if (name != null && !name.isBlank()) b.append("姓名=").append(name.trim()).append(' ');
            if (source != null && !source.isBlank()) b.append("来源=").append(source.trim()).append(' ');
            return b.isEmpty() ? "全部" : b.toString().trim();
        }
    }

    record Found(TalentApplication application, String orgPath) {
    }

    record Evidence(long id, long applicationId, String kind, String description, String fileName, String fileType, boolean hasFile) {
    }

    record Step(long id, String step, LocalDate stepOn, String outcome, String note, String createdBy) {
        public String stepLabel() {
            return switch (step) {
                case "SUBMIT" -> "提交申请";
                default -> RecognitionStep.valueOf(step).label();
            };
        }

        public String outcomeLabel() {
            return switch (outcome) {
                case "PASSED" -> "通过";
                case "REFUSED" -> "不通过";
                default -> "已办理";
            };
        }
    }

    private final JdbcClient jdbc;

    RecognitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RecognitionRule rule() {
        return jdbc.sql("""
                SELECT committee_pass_num, committee_pass_den, publicity_working_days, points_threshold, points_tier_code, points_category,
                       evidence_max_bytes FROM talent_recognition_rule WHERE id = 1""")
                .query((rs, n) -> new RecognitionRule(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7))).single();
    }

    Optional<Found> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", o.path AS org_path" + FROM + "WHERE a.id = :id").param("id", id)
                .query((rs, n) -> new Found(map(rs, n), rs.getString("org_path"))).optional();
    }

    /** The person's unit and its path (the default employer unit of an application). */
    Optional<Object[]> personUnit(long personId) {
        return jdbc.sql("SELECT p.org_id, o.path, p.name FROM person_view p JOIN org_organization o ON o.id = p.org_id WHERE p.id = :p")
                .param("p", personId).query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}).optional();
    }

    /** The unit (id and path) of the person's existing registry record, if any. */
    Optional<Object[]> talentUnit(long personId) {
        return jdbc.sql("SELECT t.org_id, o.path FROM talent t JOIN org_organization o ON o.id = t.org_id WHERE t.person_id = :p")
                .param("p", personId).query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).optional();
    }

    Optional<String> orgPath(long orgId) {
        return jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", orgId).query(String.class).optional();
    }

    List<TalentApplication> page(SqlCondition scope, Criteria c, int limit, long offset) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(scope, c, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE " + where + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(RecognitionRepository::map).list();
    }

    void stream(SqlCondition scope, Criteria c, int limit, Consumer<TalentApplication> consumer) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(scope, c, params);
        params.put("limit", limit);
        jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE " + where + " ORDER BY a.id DESC LIMIT :limit").params(params)
                .query(rs -> {
                    consumer.accept(map(rs, 0));
                });
    }

    /** The person's applications within the jurisdiction (a condition over {@code o}), newest first. */
    List<TalentApplication> ofPerson(long personId, SqlCondition scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("p", personId);
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE a.person_id = :p AND " + scope.sql() + " ORDER BY a.id DESC LIMIT 100")
                .params(params).query(RecognitionRepository::map).list();
    }

    List<TalentApplication> ofPerson(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE a.person_id = :p ORDER BY a.id DESC LIMIT 100").param("p", personId)
                .query(RecognitionRepository::map).list();
    }

    private static String where(SqlCondition scope, Criteria c, Map<String, Object> params) {
        List<String> terms = new ArrayList<>();
        terms.add(scope.sql());
        if (c.stage() != null) {
            terms.add("a.stage = :stage");
            params.put("stage", c.stage().name());
        }
        if (c.tier() != null && !c.tier().isBlank()) {
            terms.add("a.tier_code = :tier");
            params.put("tier", c.tier().trim());
        }
        if (c.orgId() != null) {
            terms.add("o.path LIKE (SELECT path FROM org_organization WHERE id = :filterOrg) || '%'");
            params.put("filterOrg", c.orgId());
        }
        if (c.year() != null) {
            terms.add("a.applied_on >= :yearFrom AND a.applied_on < :yearTo");
            params.put("yearFrom", Date.valueOf(LocalDate.of(c.year(), 1, 1)));
            params.put("yearTo", Date.valueOf(LocalDate.of(c.year() + 1, 1, 1)));
        }
        if (c.name() != null && !c.name().isBlank()) {
            terms.add("p.name LIKE :name");
            params.put("name", LikePattern.containing(c.name().trim()));
        }
        if (c.source() != null && !c.source().isBlank()) {
            terms.add("a.source = :source");
            params.put("source", c.source().trim());
        }
        return String.join(" AND ", terms);
    }

    long insert(long personId, long orgId, TalentApplicationForm f, String source, LocalDate appliedOn, String by) {
        return jdbc.sql("""
                INSERT INTO talent_application (person_id, org_id, tier_code, category, field, introduction_mode, introduced_on, source,
                                                stage, applied_on, last_step_on, note, created_by, updated_by)
                VALUES (:person, :org, :tier, :category, :field, :mode, :introduced, :source, :stage, :applied, :applied, :note, :by, :by)
                RETURNING id""")
                .param("person", personId).param("org", orgId).param("tier", f.tierCode().trim()).param("category", f.category().trim())
                .param("field", blankToNull(f.field())).param("mode", f.introductionMode().trim())
                .param("introduced", Date.valueOf(f.introducedOn())).param("source", source)
                .param("stage", "RURAL_POINTS".equals(source) ? RecognitionStage.EMPLOYER_CONFIRMED.name() : RecognitionStage.SUBMITTED.name())
                .param("applied", Date.valueOf(appliedOn)).param("note", blankToNull(f.note())).param("by", by).query(Long.class).single();
    }

    /** Sets the columns given and the stage, and moves last_step_on; false when the version is stale. */
    boolean advance(long id, int version, RecognitionStage stage, LocalDate stepOn, Map<String, Object> columns, String by) {
        StringBuilder set = new StringBuilder("stage = :stage, last_step_on = :stepOn, version = version + 1, updated_at = now(), updated_by = :by");
        Map<String, Object> params = new HashMap<>();
        for (var e : columns.entrySet()) {
            set.append(", ").append(e.getKey()).append(" = :c_").append(e.getKey());
            Object v = e.getValue();
            params.put("c_" + e.getKey(), v instanceof LocalDate d ? Date.valueOf(d) : v);
        }
        params.put("stage", stage.name());
        params.put("stepOn", Date.valueOf(stepOn));
        params.put("by", by);
        params.put("id", id);
        params.put("version", version);
        return jdbc.sql("UPDATE talent_application SET " + set + " WHERE id = :id AND version = :version").params(params).update() == 1;
    }

    void step(long applicationId, String step, LocalDate on, String outcome, String note, String by) {
        jdbc.sql("""
                INSERT INTO talent_application_step (application_id, step, step_on, outcome, note, created_by)
                VALUES (:a, :step, :on, :outcome, :note, :by)""")
                .param("a", applicationId).param("step", step).param("on", Date.valueOf(on)).param("outcome", outcome)
                .param("note", blankToNull(note)).param("by", by).update();
    }

    List<Step> steps(long applicationId) {
        return jdbc.sql("SELECT id, step, step_on, outcome, note, created_by FROM talent_application_step WHERE application_id = :a ORDER BY id")
                .param("a", applicationId)
                .query((rs, n) -> new Step(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
    }

    long insertEvidence(long applicationId, String kind, String description, String fileName, String fileType, byte[] content, String by) {
        return jdbc.sql("""
                INSERT INTO talent_application_evidence (application_id, kind, description, file_name, file_type, content, created_by)
                VALUES (:a, :kind, :description, :fileName, :fileType, :content, :by) RETURNING id""")
                .param("a", applicationId).param("kind", kind).param("description", description).param("fileName", fileName)
                .param("fileType", fileType).param("content", content).param("by", by).query(Long.class).single();
    }

    List<Evidence> evidence(long applicationId) {
        return jdbc.sql("""
                SELECT id, application_id, kind, description, file_name, file_type, content IS NOT NULL
                FROM talent_application_evidence WHERE application_id = :a ORDER BY id""").param("a", applicationId)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7))).list();
    }

    /** An evidence file of the application: name, type, content. */
    Optional<StoredFile> evidenceFile(long applicationId, long evidenceId) {
        return jdbc.sql("""
                SELECT file_name, file_type, content FROM talent_application_evidence
                WHERE id = :e AND application_id = :a AND content IS NOT NULL""").param("e", evidenceId).param("a", applicationId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The tier's card validity in years. */
    int validityYears(String tierCode) {
        return jdbc.sql("SELECT card_validity_years FROM talent_tier WHERE code = :t").param("t", tierCode).query(Integer.class).single();
    }

    /** Writes the registry record of a recognition (creates it, or updates the person's existing one); returns its id. */
    long recognize(TalentApplication a, String tier, LocalDate on, LocalDate validUntil, String by) {
        Map<String, Object> v = new HashMap<>();
        v.put("person", a.personId());
        v.put("org", a.orgId());
        v.put("tier", tier);
        v.put("category", a.category());
        v.put("field", a.field());
        v.put("mode", a.introductionMode());
        v.put("introduced", Date.valueOf(a.introducedOn()));
        v.put("recognized", Date.valueOf(on));
        v.put("valid", Date.valueOf(validUntil));
        v.put("by", by);
        v.put("note", "认定申请 " + a.id());
        return jdbc.sql("""
                INSERT INTO talent (person_id, org_id, tier_code, category, field, introduction_mode, introduced_on, status, recognized_on,
                                    valid_until, note, created_by, updated_by)
                VALUES (:person, :org, :tier, :category, :field, :mode, :introduced, 'RECOGNIZED', :recognized, :valid, :note, :by, :by)
                ON CONFLICT (person_id) DO UPDATE SET org_id = EXCLUDED.org_id, tier_code = EXCLUDED.tier_code, category = EXCLUDED.category,
                    field = EXCLUDED.field, introduction_mode = EXCLUDED.introduction_mode, introduced_on = EXCLUDED.introduced_on,
                    status = 'RECOGNIZED', recognized_on = EXCLUDED.recognized_on, valid_until = EXCLUDED.valid_until,
                    note = EXCLUDED.note, version = talent.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
                RETURNING id""").params(v).query(Long.class).single();
    }

    /** Counties in the jurisdiction, for the list's filter. */
    List<Map.Entry<Long, String>> counties(SqlCondition scope) {
        return jdbc.sql("SELECT o.id, o.name FROM org_organization o WHERE o.kind = 'COUNTY' AND " + scope.sql() + " ORDER BY o.id")
                .params(scope.params()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static TalentApplication map(ResultSet rs, int n) throws SQLException {
        long talentId = rs.getLong("talent_id");
        Long talent = rs.wasNull() ? null : talentId;
        return new TalentApplication(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("org_id"),
                rs.getString("org_name"), rs.getString("tier_code"), rs.getString("category"), rs.getString("field"),
                rs.getString("introduction_mode"), date(rs, "introduced_on"), rs.getString("source"),
                RecognitionStage.valueOf(rs.getString("stage")), date(rs, "applied_on"), date(rs, "last_step_on"),
                rs.getString("granted_tier_code"), date(rs, "committee_on"), integer(rs, "committee_present"), integer(rs, "votes_for"),
                integer(rs, "votes_against"), integer(rs, "votes_abstain"), date(rs, "publicity_start"), date(rs, "publicity_end"),
                rs.getString("objection"), date(rs, "objection_on"), date(rs, "recognized_on"), talent, rs.getString("refused_stage"),
                rs.getString("refusal_reason"), rs.getString("note"), rs.getInt("version"));
    }
}
