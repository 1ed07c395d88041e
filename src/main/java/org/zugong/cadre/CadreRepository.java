package org.zugong.cadre;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.crypto.FieldCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The cadre tables. Whole files are read in one query per table for any number of persons (no
 * per-row queries); family names and workplaces are decrypted here and nowhere else.
 */
@Repository
class CadreRepository {

    /** Files are read in chunks of this many persons (bounded IN lists). */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    CadreRepository(JdbcClient jdbc, FieldCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** Where a file lives, for the jurisdiction check. */
    record Placement(long personId, long orgId, String orgPath) {
    }

    Optional<Placement> placement(long personId) {
        return jdbc.sql("SELECT c.person_id, c.org_id, o.path FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id WHERE c.person_id = :id")
                .param("id", personId)
                .query((rs, n) -> new Placement(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    /** Which of these persons have a photo (person_photo, read through its key only). */
    Map<Long, Boolean> photoFlags(java.util.Collection<Long> ids) {
        Map<Long, Boolean> flags = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT person_id FROM person_photo WHERE person_id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        flags.put(rs.getLong(1), true);
                    });
        }
        return flags;
    }

    boolean exists(long personId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cadre_profile WHERE person_id = :id)").param("id", personId)
                .query(Boolean.class).single();
    }

    Optional<CadreFile> load(long personId) {
        return Optional.ofNullable(loadAll(List.of(personId)).get(personId));
    }

    /** Whole files of these persons, in the order given; persons without a file are left out. */
    Map<Long, CadreFile> loadAll(List<Long> personIds) {
        Map<Long, CadreFile> files = new LinkedHashMap<>();
        for (int from = 0; from < personIds.size(); from += CHUNK) {
            List<Long> ids = personIds.subList(from, Math.min(personIds.size(), from + CHUNK));
            Map<Long, CadreProfile> profiles = profiles(ids);
            var posts = grouped(ids, """
                    SELECT p.*, o.name AS org_name FROM cadre_post p JOIN org_organization o ON o.id = p.org_id
                    WHERE p.person_id IN (:ids) ORDER BY p.person_id, p.start_date, p.id""", this::post, CadrePost::personId);
            var ranks = grouped(ids, "SELECT * FROM cadre_rank WHERE person_id IN (:ids) ORDER BY person_id, start_date, id",
                    this::rank, CadreRankEntry::personId);
            var resume = groupedPairs(ids, "SELECT * FROM cadre_resume WHERE person_id IN (:ids) ORDER BY person_id, seq",
                    (rs, n) -> new LrmxResumeLine(month(rs, "start_month"), month(rs, "end_month"), rs.getString("text")));
            var records = grouped(ids, "SELECT * FROM cadre_record WHERE person_id IN (:ids) ORDER BY person_id, decided_on, id",
                    this::record, CadreRecord::personId);
            var annual = groupedPairs(ids, "SELECT * FROM cadre_annual_result WHERE person_id IN (:ids) ORDER BY person_id, year",
                    (rs, n) -> new AnnualResult(rs.getInt("year"), AnnualGrade.ofCode(rs.getString("code")).orElseThrow(), rs.getString("note")));
            var family = groupedPairs(ids, "SELECT * FROM cadre_family WHERE person_id IN (:ids) ORDER BY person_id, seq",
                    (rs, n) -> new LrmxFamilyMember(rs.getString("relation"), decrypt(rs.getBytes("name_cipher")),
                            month(rs, "birth_month"), rs.getString("political_status"), decrypt(rs.getBytes("work_cipher"))));
            var frontline = grouped(ids, """
                    SELECT f.*, o.name AS org_name FROM cadre_frontline f JOIN org_organization o ON o.id = f.recommending_org_id
                    WHERE f.person_id IN (:ids) ORDER BY f.person_id, f.start_date, f.id""", this::frontline, FrontlineRecord::personId);
            Map<Long, Map<String, LrmxEducation>> education = new HashMap<>();
            jdbc.sql("SELECT * FROM cadre_education WHERE person_id IN (:ids)").param("ids", ids).query(rs -> {
                education.computeIfAbsent(rs.getLong("person_id"), k -> new HashMap<>()).put(rs.getString("kind"),
                        new LrmxEducation(rs.getString("qualification"), rs.getString("degree"),
                                rs.getString("qualification_school"), rs.getString("degree_school")));
            });
            for (Long id : ids) {
                CadreProfile profile = profiles.get(id);
                if (profile == null) {
                    continue;
                }
                Map<String, LrmxEducation> edu = education.getOrDefault(id, Map.of());
                files.put(id, new CadreFile(profile, posts.getOrDefault(id, List.of()), ranks.getOrDefault(id, List.of()),
                        resume.getOrDefault(id, List.of()), edu.get(FULL_TIME), edu.get(IN_SERVICE),
                        records.getOrDefault(id, List.of()), annual.getOrDefault(id, List.of()), family.getOrDefault(id, List.of()),
                        frontline.getOrDefault(id, List.of())));
            }
        }
        return files;
    }

    static final String FULL_TIME = "FULL_TIME";
    static final String IN_SERVICE = "IN_SERVICE";

    private Map<Long, CadreProfile> profiles(List<Long> ids) {
        Map<Long, CadreProfile> profiles = new HashMap<>();
        jdbc.sql("SELECT c.*, o.name AS org_name FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id WHERE c.person_id IN (:ids)")
                .param("ids", ids).query(rs -> {
                    CadreProfile p = profile(rs);
                    profiles.put(p.personId(), p);
                });
        return profiles;
    }

    private CadreProfile profile(ResultSet rs) throws SQLException {
        return new CadreProfile(rs.getLong("person_id"), rs.getLong("org_id"), rs.getString("org_name"),
                named(CadreCategory.class, rs.getString("category")), named(JobClass.class, rs.getString("job_class")),
                named(ManagementLevel.class, rs.getString("management_level")),
                RetirementGroup.valueOf(rs.getString("retirement_group")), rs.getString("birth_place"), rs.getString("health"),
                rs.getString("party_join_text"), rs.getString("professional_title"), rs.getString("specialty"),
                rs.getString("current_post_text"), rs.getString("proposed_post"), rs.getString("proposed_removal"),
                rs.getString("rewards_text"), rs.getString("annual_text"), rs.getString("appointment_reason"),
                rs.getString("reporting_unit"), date(rs, "age_computed_on"), date(rs, "filled_on"), rs.getString("filled_by"),
                rs.getString("lrmx_version"), extra(rs.getString("lrmx_extra")),
                named(RankLeadingPost.class, rs.getString("post_level")), date(rs, "post_since"),
                named(Rank.class, rs.getString("rank")), date(rs, "rank_since"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private CadrePost post(ResultSet rs, int n) throws SQLException {
        return new CadrePost(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("title"), named(RankLeadingPost.class, rs.getString("post_level")),
                AppointmentMethod.valueOf(rs.getString("method")), date(rs, "start_date"), date(rs, "end_date"),
                date(rs, "probation_end"), rs.getString("note"), rs.getInt("version"));
    }

    private CadreRankEntry rank(ResultSet rs, int n) throws SQLException {
        return new CadreRankEntry(rs.getLong("id"), rs.getLong("person_id"), Rank.valueOf(rs.getString("rank")),
                date(rs, "start_date"), date(rs, "end_date"), rs.getString("note"));
    }

    private CadreRecord record(ResultSet rs, int n) throws SQLException {
        return new CadreRecord(rs.getLong("id"), rs.getLong("person_id"), CadreRecordKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("authority"), date(rs, "decided_on"), date(rs, "effect_start"),
                date(rs, "effect_end"), rs.getString("note"));
    }

    private FrontlineRecord frontline(ResultSet rs, int n) throws SQLException {
        return new FrontlineRecord(rs.getLong("id"), rs.getLong("person_id"), rs.getString("task"),
                FrontlineTaskKind.valueOf(rs.getString("task_kind")), date(rs, "start_date"), date(rs, "end_date"),
                rs.getString("performance"), rs.getString("evidence"), rs.getLong("recommending_org_id"), rs.getString("org_name"),
                FrontlineOutcome.valueOf(rs.getString("outcome")), date(rs, "recognized_on"), rs.getString("document"),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private <T> Map<Long, List<T>> grouped(List<Long> ids, String sql, org.springframework.jdbc.core.RowMapper<T> mapper,
                                           Function<T, Long> personOf) {
        Map<Long, List<T>> map = new HashMap<>();
        for (T row : jdbc.sql(sql).param("ids", ids).query(mapper).list()) {
            map.computeIfAbsent(personOf.apply(row), k -> new ArrayList<>()).add(row);
        }
        return map;
    }

    private <T> Map<Long, List<T>> groupedPairs(List<Long> ids, String sql, org.springframework.jdbc.core.RowMapper<T> mapper) {
        Map<Long, List<T>> map = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            map.computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>()).add(mapper.mapRow(rs, 0));
        });
        return map;
    }

    // ---- writing the parts an LRMX form carries --------------------------------------------------

    /** The profile fields an LRMX form sets; category, levels and current values are left alone on update. */
    record FormFields(String birthPlace, String health, String partyJoinText, String professionalTitle, String specialty,
                      String currentPostText, String proposedPost, String proposedRemoval, String rewardsText,
                      String annualText, String appointmentReason, String reportingUnit, LocalDate ageComputedOn,
                      LocalDate filledOn, String filledBy, String lrmxVersion, Map<String, String> extra) {
    }

    void insertProfile(long personId, long orgId, RetirementGroup group, FormFields f, String user) {
        jdbc.sql("""
                INSERT INTO cadre_profile (person_id, org_id, retirement_group, birth_place, health, party_join_text,
                  professional_title, specialty, current_post_text, proposed_post, proposed_removal, rewards_text, annual_text,
                  appointment_reason, reporting_unit, age_computed_on, filled_on, filled_by, lrmx_version, lrmx_extra,
                  created_by, updated_by)
                VALUES (:person, :org, :group, :birthPlace, :health, :partyJoin, :title, :specialty, :currentPost, :proposedPost,
                  :proposedRemoval, :rewards, :annual, :reason, :reportingUnit, :ageOn, :filledOn, :filledBy, :lrmxVersion,
                  CAST(:extra AS jsonb), :user, :user)
                """).params(formParams(f)).param("person", personId).param("org", orgId).param("group", group.name())
                .param("user", user).update();
    }

    void updateProfileFromForm(long personId, FormFields f, String user) {
        jdbc.sql("""
                UPDATE cadre_profile SET birth_place = :birthPlace, health = :health, party_join_text = :partyJoin,
                  professional_title = :title, specialty = :specialty, current_post_text = :currentPost,
                  proposed_post = :proposedPost, proposed_removal = :proposedRemoval, rewards_text = :rewards,
                  annual_text = :annual, appointment_reason = :reason, reporting_unit = :reportingUnit,
                  age_computed_on = :ageOn, filled_on = :filledOn, filled_by = :filledBy, lrmx_version = :lrmxVersion,
                  lrmx_extra = CAST(:extra AS jsonb), version = version + 1, updated_at = now(), updated_by = :user
                WHERE person_id = :person
                """).params(formParams(f)).param("person", personId).param("user", user).update();
    }

    private Map<String, Object> formParams(FormFields f) {
        Map<String, Object> p = new HashMap<>();
        p.put("birthPlace", f.birthPlace());
        p.put("health", f.health());
        p.put("partyJoin", f.partyJoinText());
        p.put("title", f.professionalTitle());
        p.put("specialty", f.specialty());
        p.put("currentPost", f.currentPostText());
        p.put("proposedPost", f.proposedPost());
        p.put("proposedRemoval", f.proposedRemoval());
        p.put("rewards", f.rewardsText());
        p.put("annual", f.annualText());
        p.put("reason", f.appointmentReason());
        p.put("reportingUnit", f.reportingUnit());
        p.put("ageOn", f.ageComputedOn());
        p.put("filledOn", f.filledOn());
        p.put("filledBy", f.filledBy());
        p.put("lrmxVersion", f.lrmxVersion());
        p.put("extra", extraJson(f.extra()));
        return p;
    }

    void replaceResume(long personId, List<LrmxResumeLine> lines) {
        jdbc.sql("DELETE FROM cadre_resume WHERE person_id = :p").param("p", personId).update();
        int seq = 0;
        for (LrmxResumeLine line : lines) {
            jdbc.sql("INSERT INTO cadre_resume (person_id, seq, start_month, end_month, text) VALUES (:p, :seq, :from, :to, :text)")
                    .param("p", personId).param("seq", seq++).param("from", firstDay(line.from())).param("to", firstDay(line.to()))
                    .param("text", line.text() == null ? "" : line.text()).update();
        }
    }

    void replaceEducation(long personId, LrmxEducation fullTime, LrmxEducation inService) {
        jdbc.sql("DELETE FROM cadre_education WHERE person_id = :p").param("p", personId).update();
        for (var e : List.of(Map.entry(FULL_TIME, fullTime), Map.entry(IN_SERVICE, inService))) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            LrmxEducation v = e.getValue();
            jdbc.sql("""
                    INSERT INTO cadre_education (person_id, kind, qualification, degree, qualification_school, degree_school)
                    VALUES (:p, :kind, :q, :d, :qs, :ds)""")
                    .param("p", personId).param("kind", e.getKey()).param("q", v.qualification()).param("d", v.degree())
                    .param("qs", v.qualificationSchool()).param("ds", v.degreeSchool()).update();
        }
    }

    void replaceFamily(long personId, List<LrmxFamilyMember> members) {
        jdbc.sql("DELETE FROM cadre_family WHERE person_id = :p").param("p", personId).update();
        int seq = 0;
        for (LrmxFamilyMember m : members) {
            jdbc.sql("""
                    INSERT INTO cadre_family (person_id, seq, relation, name_cipher, birth_month, political_status, work_cipher)
                    VALUES (:p, :seq, :relation, :name, :birth, :political, :work)""")
                    .param("p", personId).param("seq", seq++).param("relation", m.relation() == null ? "" : m.relation())
                    .param("name", encrypt(m.name())).param("birth", firstDay(m.birthMonth()))
                    .param("political", m.politicalStatus()).param("work", encrypt(m.workAndPost())).update();
        }
    }

    /** Sets the result of a year; true when it was new or different. */
    boolean putAnnualResult(long personId, int year, AnnualGrade grade, String note) {
        return jdbc.sql("""
                INSERT INTO cadre_annual_result (person_id, year, code, note) VALUES (:p, :y, :c, :n)
                ON CONFLICT (person_id, year) DO UPDATE SET code = EXCLUDED.code, note = EXCLUDED.note
                WHERE cadre_annual_result.code IS DISTINCT FROM EXCLUDED.code OR cadre_annual_result.note IS DISTINCT FROM EXCLUDED.note
                """).param("p", personId).param("y", year).param("c", grade.code()).param("n", note).update() > 0;
    }

    // ---- posts, ranks, records ---------------------------------------------------------------------

    long insertPost(long personId, long orgId, String title, RankLeadingPost level, AppointmentMethod method, LocalDate start,
                    LocalDate end, LocalDate probationEnd, String note, String user) {
        return jdbc.sql("""
                INSERT INTO cadre_post (person_id, org_id, title, post_level, method, start_date, end_date, probation_end, note,
                  created_by, updated_by)
                VALUES (:p, :org, :title, :level, :method, :start, :end, :probation, :note, :user, :user) RETURNING id""")
                .param("p", personId).param("org", orgId).param("title", title).param("level", level == null ? null : level.name())
                .param("method", method.name()).param("start", start).param("end", end).param("probation", probationEnd)
                .param("note", note).param("user", user).query(Long.class).single();
    }

    /** Ends a current post; false when it was changed meanwhile or is not current. */
    boolean endPost(long personId, long postId, LocalDate end, int version, String user) {
        return jdbc.sql("""
                UPDATE cadre_post SET end_date = :end, version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND person_id = :p AND version = :v AND end_date IS NULL""")
                .param("end", end).param("user", user).param("id", postId).param("p", personId).param("v", version).update() == 1;
    }

    /** Starts a rank: closes the open one the day before and records the new one. */
    long startRank(long personId, Rank rank, LocalDate start, String note, String user) {
        jdbc.sql("UPDATE cadre_rank SET end_date = GREATEST(start_date, CAST(:start AS date) - 1) WHERE person_id = :p AND end_date IS NULL")
                .param("start", start).param("p", personId).update();
        return jdbc.sql("INSERT INTO cadre_rank (person_id, rank, start_date, note, created_by) VALUES (:p, :rank, :start, :note, :user) RETURNING id")
                .param("p", personId).param("rank", rank.name()).param("start", start).param("note", note).param("user", user)
                .query(Long.class).single();
    }

    long insertRecord(long personId, CadreRecordKind kind, String title, String authority, LocalDate decidedOn,
                      LocalDate effectStart, LocalDate effectEnd, String note, String user) {
        return jdbc.sql("""
                INSERT INTO cadre_record (person_id, kind, title, authority, decided_on, effect_start, effect_end, note, created_by)
                VALUES (:p, :kind, :title, :authority, :decided, :start, :end, :note, :user) RETURNING id""")
                .param("p", personId).param("kind", kind.name()).param("title", title).param("authority", authority)
                .param("decided", decidedOn).param("start", effectStart).param("end", effectEnd).param("note", note)
                .param("user", user).query(Long.class).single();
    }

    /** One 奖惩 entry by its id (no scope: the caller checks the file's jurisdiction). */
    Optional<CadreRecord> findRecord(long recordId) {
        return jdbc.sql("SELECT * FROM cadre_record WHERE id = :id").param("id", recordId).query(this::record).optional();
    }

    /** Ends a measure's period of effect early; false when the record is not this person's. */
    boolean endRecord(long personId, long recordId, LocalDate effectEnd) {
        return jdbc.sql("UPDATE cadre_record SET effect_end = :end WHERE id = :id AND person_id = :p")
                .param("end", effectEnd).param("id", recordId).param("p", personId).update() == 1;
    }

    // ---- 「三将干部」 (F25) ----------------------------------------------------------------------------

    /** The values of a 「三将干部」 record as checked by the editor. */
    record FrontlineValues(String task, FrontlineTaskKind taskKind, LocalDate startDate, LocalDate endDate, String performance,
                           String evidence, long recommendingOrgId, FrontlineOutcome outcome, LocalDate recognizedOn,
                           String document) {
    }

    private static Map<String, Object> frontlineParams(FrontlineValues v) {
        Map<String, Object> p = new HashMap<>();
        p.put("task", v.task());
        p.put("kind", v.taskKind().name());
        p.put("start", v.startDate());
        p.put("end", v.endDate());
        p.put("performance", v.performance());
        p.put("evidence", v.evidence());
        p.put("org", v.recommendingOrgId());
        p.put("outcome", v.outcome().name());
        p.put("recognizedOn", v.recognizedOn());
        p.put("document", v.document());
        return p;
    }

    long insertFrontline(long personId, FrontlineValues v, String user) {
        return jdbc.sql("""
                INSERT INTO cadre_frontline (person_id, task, task_kind, start_date, end_date, performance, evidence,
                  recommending_org_id, outcome, recognized_on, document, created_by, updated_by)
                VALUES (:p, :task, :kind, :start, :end, :performance, :evidence, :org, :outcome, :recognizedOn, :document, :user, :user)
                RETURNING id""").params(frontlineParams(v)).param("p", personId).param("user", user).query(Long.class).single();
    }

    /** Updates a record of this person; false when it was changed meanwhile (or is not this person's). */
    boolean updateFrontline(long personId, long id, int version, FrontlineValues v, String user) {
        return jdbc.sql("""
                UPDATE cadre_frontline SET task = :task, task_kind = :kind, start_date = :start, end_date = :end,
                  performance = :performance, evidence = :evidence, recommending_org_id = :org, outcome = :outcome,
                  recognized_on = :recognizedOn, document = :document, version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND person_id = :p AND version = :v""")
                .params(frontlineParams(v)).param("id", id).param("p", personId).param("v", version).param("user", user)
                .update() == 1;
    }

    /** Marks a record 已认定; false when it was changed meanwhile or is already recognized. */
    boolean recognizeFrontline(long personId, long id, int version, LocalDate recognizedOn, String document, String user) {
        return jdbc.sql("""
                UPDATE cadre_frontline SET outcome = '已认定', recognized_on = :on, document = :document,
                  version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND person_id = :p AND version = :v AND outcome <> '已认定'""")
                .param("on", recognizedOn).param("document", document).param("user", user).param("id", id)
                .param("p", personId).param("v", version).update() == 1;
    }

    /**
     * Recomputes the current leading post level and rank kept on the profile for search: the highest
     * current leading post (lowest ordinal) with its start, and the open rank with its start.
     */
    void refreshCurrentValues(long personId) {
        jdbc.sql("""
                UPDATE cadre_profile c SET
                  post_level = cur.post_level, post_since = cur.start_date,
                  rank = r.rank, rank_since = r.start_date
                FROM (SELECT :p AS person_id) k
                LEFT JOIN LATERAL (SELECT post_level, start_date FROM cadre_post
                     WHERE person_id = :p AND end_date IS NULL AND post_level IS NOT NULL
                     ORDER BY array_position(CAST(:levels AS text[]), post_level), start_date LIMIT 1) cur ON TRUE
                LEFT JOIN LATERAL (SELECT rank, start_date FROM cadre_rank WHERE person_id = :p AND end_date IS NULL
                     ORDER BY start_date DESC LIMIT 1) r ON TRUE
                WHERE c.person_id = k.person_id""")
                .param("p", personId).param("levels", levelOrder()).update();
    }

    static String levelOrder() {
        StringBuilder b = new StringBuilder("{");
        for (RankLeadingPost l : RankLeadingPost.values()) {
            b.append(b.length() > 1 ? "," : "").append(l.name());
        }
        return b.append('}').toString();
    }

    void touch(long personId, String user) {
        jdbc.sql("UPDATE cadre_profile SET version = version + 1, updated_at = now(), updated_by = :user WHERE person_id = :p")
                .param("user", user).param("p", personId).update();
    }

    /** Updates the cadre-level facts from the profile form; false on a version conflict. */
    boolean updateProfile(long personId, int version, long orgId, CadreCategory category, JobClass jobClass,
                          ManagementLevel level, RetirementGroup group, FormFields f, String user) {
        Map<String, Object> p = formParams(f);
        p.put("person", personId);
        p.put("v", version);
        p.put("org", orgId);
        p.put("category", category == null ? null : category.name());
        p.put("jobClass", jobClass == null ? null : jobClass.name());
        p.put("level", level == null ? null : level.name());
        p.put("group", group.name());
        p.put("user", user);
        return jdbc.sql("""
                UPDATE cadre_profile SET org_id = :org, category = :category, job_class = :jobClass, management_level = :level,
                  retirement_group = :group, birth_place = :birthPlace, health = :health, party_join_text = :partyJoin,
                  professional_title = :title, specialty = :specialty, current_post_text = :currentPost,
                  proposed_post = :proposedPost, proposed_removal = :proposedRemoval, rewards_text = :rewards,
                  annual_text = :annual, appointment_reason = :reason, reporting_unit = :reportingUnit,
                  age_computed_on = :ageOn, filled_on = :filledOn, filled_by = :filledBy,
                  version = version + 1, updated_at = now(), updated_by = :user
                WHERE person_id = :person AND version = :v""").params(p).update() == 1;
    }

    void setAnnualText(long personId, String text) {
        jdbc.sql("UPDATE cadre_profile SET annual_text = :t WHERE person_id = :p").param("t", text).param("p", personId).update();
    }

    void setCurrentPostText(long personId, String text) {
        jdbc.sql("UPDATE cadre_profile SET current_post_text = :t WHERE person_id = :p").param("t", text).param("p", personId).update();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private byte[] encrypt(String plain) {
        return plain == null ? null : cipher.encrypt(plain);
    }

    private String decrypt(byte[] stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    String extraJson(Map<String, String> extra) {
        List<List<String>> pairs = new ArrayList<>();
        extra.forEach((k, v) -> pairs.add(java.util.Arrays.asList(k, v)));
        return json.writeValueAsString(pairs);
    }

    private Map<String, String> extra(String stored) {
        Map<String, String> map = new LinkedHashMap<>();
        if (stored != null) {
            for (List<String> pair : json.readValue(stored, new TypeReference<List<List<String>>>() { })) {
                map.put(pair.get(0), pair.size() > 1 ? pair.get(1) : null);
            }
        }
        return map;
    }

    static LocalDate firstDay(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    private static YearMonth month(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : YearMonth.from(d.toLocalDate());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
