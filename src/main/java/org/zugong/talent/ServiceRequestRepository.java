package org.zugong.talent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;

/** SQL over talent_service_request, its events, attachments and types; the jurisdiction arrives as a condition over {@code o}. */
@Repository
class ServiceRequestRepository {

    private static final String COLUMNS = """
            r.id, r.number, r.talent_id, r.person_id, p.name AS person_name, r.org_id, o.name AS org_name, r.type_code,
            st.name AS type_name, r.title, r.content, r.status, r.department, r.officer_id, u.display_name AS officer_name,
            r.submitted_at, r.submitted_on, r.accept_due, r.accepted_at, r.accepted_on, r.finish_due, r.finished_at, r.finished_on,
            r.result, r.reject_reason, r.escalation_level, r.escalated_at, r.rating, r.rating_comment, r.version
            """;
    private static final String FROM = """
             FROM talent_service_request r JOIN person_view p ON p.id = r.person_id JOIN org_organization o ON o.id = r.org_id
             JOIN talent_service_type st ON st.code = r.type_code LEFT JOIN access_user u ON u.id = r.officer_id
            """;

    private final JdbcClient jdbc;

    ServiceRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The types with a county's own department (null: none, or no county) and their versions, in one query. */
    List<ServiceRequests.TypeSetting> typeSettings(Long countyOrgId) {
        return jdbc.sql("""
                SELECT st.code, st.name, st.department, st.accept_days, st.finish_days, st.sort, st.active, d.department_name, st.version
                FROM talent_service_type st LEFT JOIN talent_service_department d ON d.type_code = st.code AND d.county_org_id = CAST(:c AS BIGINT)
                ORDER BY st.sort""").param("c", countyOrgId)
                .query((rs, n) -> new ServiceRequests.TypeSetting(new ServiceType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getBoolean(7)), rs.getString(8), rs.getInt(9))).list();
    }

    boolean updateType(String code, int version, String department, int acceptDays, int finishDays, boolean active, String by) {
        return jdbc.sql("""
                UPDATE talent_service_type SET department = :department, accept_days = :accept, finish_days = :finish, active = :active,
                    version = version + 1, updated_at = now(), updated_by = :by
                WHERE code = :code AND version = :version""")
                .param("department", department).param("accept", acceptDays).param("finish", finishDays).param("active", active)
                .param("by", by).param("code", code).param("version", version).update() == 1;
    }

    void saveDepartment(String typeCode, long countyOrgId, String name) {
        if (name == null) {
            jdbc.sql("DELETE FROM talent_service_department WHERE type_code = :t AND county_org_id = :c").param("t", typeCode)
                    .param("c", countyOrgId).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO talent_service_department (type_code, county_org_id, department_name) VALUES (:t, :c, :n)
                ON CONFLICT (type_code, county_org_id) DO UPDATE SET department_name = EXCLUDED.department_name""")
                .param("t", typeCode).param("c", countyOrgId).param("n", name).update();
    }

    List<ServiceType> types() {
        return jdbc.sql("SELECT code, name, department, accept_days, finish_days, sort, active FROM talent_service_type ORDER BY sort")
                .query((rs, n) -> new ServiceType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getBoolean(7))).list();
    }

    /** The county's own department for a type: name and organization. */
    record Department(String name, Long orgId) {
    }

    Optional<Department> department(String typeCode, long countyOrgId) {
        return jdbc.sql("SELECT department_name, department_org_id FROM talent_service_department WHERE type_code = :t AND county_org_id = :c")
                .param("t", typeCode).param("c", countyOrgId)
                .query((rs, n) -> new Department(rs.getString(1), (Long) rs.getObject(2))).optional();
    }

    /** The request with its unit's path (for the jurisdiction check). */
    record Found(ServiceRequestView request, String orgPath) {
    }

    Optional<Found> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", o.path AS org_path" + FROM + " WHERE r.id = :id").param("id", id)
                .query((rs, n) -> new Found(map(rs, n), rs.getString("org_path"))).optional();
    }

    /** A talent's own requests, newest first (a talent files a handful a year: no paging). */
    List<ServiceRequestView> ofTalent(long talentId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.talent_id = :t ORDER BY r.id DESC LIMIT :limit")
                .param("t", talentId).param("limit", limit).query(ServiceRequestRepository::map).list();
    }

    /** One page plus one row of a queue (no count over the table). */
    List<ServiceRequestView> page(SqlCondition scope, ServiceQueueCriteria c, long me, LocalDate today, int limit, long offset) {
        Map<String, Object> params = new HashMap<>(scope.params());
        List<String> terms = new ArrayList<>();
        terms.add(scope.sql());
        String order = "r.id DESC";
        String queue = c.queue() == null ? "" : c.queue().trim().toUpperCase();
        switch (queue) {
            case "PENDING" -> {
                terms.add("r.status = 'SUBMITTED'");
                order = "r.accept_due, r.id";
            }
            case "HANDLING" -> {
                terms.add("r.status IN ('ACCEPTED', 'IN_PROGRESS')");
                order = "r.finish_due, r.id";
            }
            case "OVERDUE" -> {
                terms.add(OVERDUE);
                order = "r.escalation_level DESC, r.id";
            }
            case "MINE" -> {
                terms.add("r.officer_id = :me AND r.status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')");
                params.put("me", me);
                order = "r.id";
            }
            default -> {
            }
        }
        if (c.type() != null && !c.type().isBlank()) {
            terms.add("r.type_code = :type");
            params.put("type", c.type().trim());
        }
        if (c.status() != null) {
            terms.add("r.status = :status");
            params.put("status", c.status().name());
        }
        if (c.officerId() != null) {
            terms.add("r.officer_id = :officer");
            params.put("officer", c.officerId());
        }
        if (Boolean.TRUE.equals(c.overdue()) && !"OVERDUE".equals(queue)) {
            terms.add(OVERDUE);
        }
        if (terms.contains(OVERDUE)) {
            params.put("today", Date.valueOf(today));
        }
        if (c.name() != null && !c.name().isBlank()) {
            terms.add("p.name LIKE :name");
            params.put("name", LikePattern.containing(c.name().trim()));
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + String.join(" AND ", terms) + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset").params(params).query(ServiceRequestRepository::map).list();
    }

    static final String OVERDUE = "((r.status = 'SUBMITTED' AND r.accept_due < :today) "
            + "OR (r.status IN ('ACCEPTED', 'IN_PROGRESS') AND r.finish_due < :today))";

    /** A talent's requests for the talent detail section (staff), newest first. */
    List<ServiceRequestView> forSection(long talentId) {
        return ofTalent(talentId, 50);
    }

    long nextNumber() {
        return jdbc.sql("SELECT nextval('talent_service_request_number_seq')").query(Long.class).single();
    }

    /** Insert values of a new request. */
    record NewRequest(String number, long talentId, long personId, long orgId, String typeCode, String title, String content,
                      String department, Long departmentOrgId, Long officerId, Instant submittedAt, LocalDate submittedOn,
                      LocalDate acceptDue, String by) {
    }

    long insert(NewRequest r) {
        return jdbc.sql("""
                INSERT INTO talent_service_request (number, talent_id, person_id, org_id, type_code, title, content, department,
                    department_org_id, officer_id, submitted_at, submitted_on, accept_due, created_by, updated_by)
                VALUES (:number, :talent, :person, :org, :type, :title, :content, :department, :departmentOrg, :officer, :at, :on, :due,
                        :by, :by)
                RETURNING id""")
                .param("number", r.number()).param("talent", r.talentId()).param("person", r.personId()).param("org", r.orgId())
                .param("type", r.typeCode()).param("title", r.title()).param("content", r.content()).param("department", r.department())
                .param("departmentOrg", r.departmentOrgId()).param("officer", r.officerId()).param("at", Timestamp.from(r.submittedAt()))
                .param("on", Date.valueOf(r.submittedOn())).param("due", Date.valueOf(r.acceptDue())).param("by", r.by())
                .query(Long.class).single();
    }

    /** Advisory-lock namespace (first key of the two-int form) of a talent's filing: see {@link #lockFiling}. */
    static final int FILING_LOCK_NAMESPACE = 720072;

    /**
     * Serializes the filings of one talent until the transaction ends, so that the duplicate check and the insert
     * of two parallel submissions cannot interleave (the second sees the first's request).
     */
    void lockFiling(long talentId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, CAST(mod(:t, 2147483647) AS INT)) IS NULL").param("ns", FILING_LOCK_NAMESPACE)
                .param("t", talentId).query(Boolean.class).single();
    }

    /** An open request of the talent with the same type and title (a double submission). */
    Optional<String> openDuplicate(long talentId, String typeCode, String title) {
        return jdbc.sql("""
                SELECT number FROM talent_service_request WHERE talent_id = :t AND type_code = :type AND title = :title
                AND status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') ORDER BY id LIMIT 1""")
                .param("t", talentId).param("type", typeCode).param("title", title).query(String.class).optional();
    }

    /**
     * Moves the request from one of {@code from} to {@code to} with the given columns, if its version is still
     * {@code version}; false when it changed meanwhile (or is no longer in one of the states).
     */
    boolean transition(long id, int version, List<ServiceRequestStatus> from, ServiceRequestStatus to, Map<String, Object> set, String by) {
        StringBuilder sql = new StringBuilder("UPDATE talent_service_request SET status = :to, version = version + 1, updated_at = now(), "
                + "updated_by = :by");
        Map<String, Object> params = new HashMap<>();
        for (var e : set.entrySet()) {
            sql.append(", ").append(e.getKey()).append(" = :").append(e.getKey());
            params.put(e.getKey(), e.getValue());
        }
        sql.append(" WHERE id = :id AND version = :version AND status IN (:from)");
        params.put("to", to.name());
        params.put("by", by);
        params.put("id", id);
        params.put("version", version);
        params.put("from", from.stream().map(Enum::name).toList());
        return jdbc.sql(sql.toString()).params(params).update() == 1;
    }

    boolean assign(long id, int version, long officerId, String by) {
        return jdbc.sql("""
                UPDATE talent_service_request SET officer_id = :officer, version = version + 1, updated_at = now(), updated_by = :by
                WHERE id = :id AND version = :version AND status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')""")
                .param("officer", officerId).param("by", by).param("id", id).param("version", version).update() == 1;
    }

    /** Open requests per officer (for the least-loaded routing). */
    Map<Long, Long> openLoad(List<Long> officerIds) {
        Map<Long, Long> load = new HashMap<>();
        if (officerIds.isEmpty()) {
            return load;
        }
        jdbc.sql("""
                SELECT officer_id, count(*) FROM talent_service_request
                WHERE officer_id IN (:ids) AND status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') GROUP BY officer_id""")
                .param("ids", officerIds).query(rs -> {
                    load.put(rs.getLong(1), rs.getLong(2));
                });
        return load;
    }

    void event(long requestId, String kind, boolean visible, String text, String actorName, String by) {
        jdbc.sql("""
                INSERT INTO talent_service_event (request_id, kind, visible, text, actor_name, created_by)
                VALUES (:r, :kind, :visible, :text, :actor, :by)""")
                .param("r", requestId).param("kind", kind).param("visible", visible).param("text", text).param("actor", actorName)
                .param("by", by).update();
    }

    List<ServiceRequestEvent> events(long requestId, boolean visibleOnly) {
        return jdbc.sql("SELECT id, kind, visible, text, actor_name, created_at FROM talent_service_event WHERE request_id = :r"
                        + (visibleOnly ? " AND visible" : "") + " ORDER BY id")
                .param("r", requestId)
                .query((rs, n) -> new ServiceRequestEvent(rs.getLong(1), rs.getString(2), KIND_LABELS.getOrDefault(rs.getString(2), rs.getString(2)),
                        rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    static final Map<String, String> KIND_LABELS = Map.ofEntries(Map.entry("SUBMITTED", "提交申请"), Map.entry("ASSIGNED", "分派"),
            Map.entry("ACCEPTED", "受理"), Map.entry("REJECTED", "不予受理"), Map.entry("IN_PROGRESS", "开始办理"),
            Map.entry("COMMENT", "留言"), Map.entry("FINISHED", "办结"), Map.entry("CLOSED", "评价"), Map.entry("WITHDRAWN", "撤回"),
            Map.entry("ESCALATED", "超期督办"));

    long insertAttachment(long requestId, String fileName, String contentType, byte[] content, String by) {
        return jdbc.sql("""
                INSERT INTO talent_service_attachment (request_id, file_name, content_type, size, content, created_by)
                VALUES (:r, :name, :type, :size, :content, :by) RETURNING id""")
                .param("r", requestId).param("name", fileName).param("type", contentType).param("size", content.length)
                .param("content", content).param("by", by).query(Long.class).single();
    }

    List<ServiceAttachment> attachments(long requestId) {
        return jdbc.sql("SELECT id, request_id, file_name, content_type, size FROM talent_service_attachment WHERE request_id = :r ORDER BY id")
                .param("r", requestId)
                .query((rs, n) -> new ServiceAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list();
    }

    Optional<byte[]> attachmentContent(long requestId, long attachmentId) {
        return jdbc.sql("SELECT content FROM talent_service_attachment WHERE request_id = :r AND id = :id")
                .param("r", requestId).param("id", attachmentId).query(byte[].class).optional();
    }

    /** Open requests whose running clock's due day lies before {@code today} and that are not yet at level 2. */
    List<ServiceRequestView> overdueForEscalation(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + OVERDUE + " AND r.escalation_level < 2 ORDER BY r.id")
                .param("today", Date.valueOf(today)).query(ServiceRequestRepository::map).list();
    }

    /**
     * Raises the level (never lowers it) of a request the run read in status {@code status} as overdue on {@code today}:
     * false when another run got there first, or when the request changed meanwhile — accepted, finished, withdrawn
     * or otherwise no longer overdue (its status, level and running clock's due day are checked in the UPDATE itself).
     */
    boolean escalate(long id, ServiceRequestStatus status, int from, int to, LocalDate today) {
        return jdbc.sql("""
                UPDATE talent_service_request r SET escalation_level = :to, escalated_at = now(), updated_at = now(), updated_by = 'system'
                WHERE r.id = :id AND r.escalation_level = :from AND r.status = :status AND """ + OVERDUE)
                .param("to", to).param("id", id).param("from", from).param("status", status.name()).param("today", Date.valueOf(today))
                .update() == 1;
    }

    /** SLA statistics grouped by {@code groupBy} (the department, or the officer's name). */
    List<ServiceSlaRow> sla(SqlCondition scope, String groupBy, LocalDate from, LocalDate to, LocalDate today) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        params.put("today", Date.valueOf(today));
        return jdbc.sql("""
                SELECT %s AS label, count(*) AS requests,
                       count(r.accepted_on) AS accepted, count(*) FILTER (WHERE r.accepted_on <= r.accept_due) AS accepted_on_time,
                       count(r.finished_on) AS finished, count(*) FILTER (WHERE r.finished_on <= r.finish_due) AS finished_on_time,
                       count(*) FILTER (WHERE %s) AS overdue_now, avg(r.rating) AS average_rating
                FROM talent_service_request r JOIN org_organization o ON o.id = r.org_id LEFT JOIN access_user u ON u.id = r.officer_id
                WHERE %s AND r.submitted_on BETWEEN :from AND :to
                GROUP BY 1 ORDER BY 2 DESC, 1""".formatted(groupBy, OVERDUE, scope.sql()))
                .params(params)
                .query((rs, n) -> {
                    java.math.BigDecimal avg = rs.getBigDecimal("average_rating");
                    return new ServiceSlaRow(rs.getString("label"), rs.getLong("requests"), rs.getLong("accepted"),
                            rs.getLong("accepted_on_time"), rs.getLong("finished"), rs.getLong("finished_on_time"), rs.getLong("overdue_now"),
                            avg == null ? null : avg.setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
                }).list();
    }

    static ServiceRequestView map(ResultSet rs, int n) throws SQLException {
        return new ServiceRequestView(rs.getLong("id"), rs.getString("number"), rs.getLong("talent_id"), rs.getLong("person_id"),
                rs.getString("person_name"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("type_code"),
                rs.getString("type_name"), rs.getString("title"), rs.getString("content"), ServiceRequestStatus.valueOf(rs.getString("status")),
                rs.getString("department"), (Long) rs.getObject("officer_id"), rs.getString("officer_name"), instant(rs, "submitted_at"),
                day(rs, "submitted_on"), day(rs, "accept_due"), instant(rs, "accepted_at"), day(rs, "accepted_on"), day(rs, "finish_due"),
                instant(rs, "finished_at"), day(rs, "finished_on"), rs.getString("result"), rs.getString("reject_reason"),
                rs.getInt("escalation_level"), instant(rs, "escalated_at"), rs.getObject("rating") == null ? null
                : Integer.valueOf(rs.getInt("rating")), rs.getString("rating_comment"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
