package org.zugong.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** Reads the audit log with filters, newest first. */
@Repository
class AuditQuery {

    private final NamedParameterJdbcTemplate jdbc;

    AuditQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<AuditEntry> page(AuditCriteria c, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(c, params);
        params.put("limit", page.size() + 1);
        params.put("offset", page.offset());
        List<AuditEntry> rows = new ArrayList<>(jdbc.query("SELECT * FROM audit_event WHERE " + where
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params, AuditQuery::map));
        // The log grows without end: count only as far as needed to offer a next page.
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        long known = page.offset() + rows.size() + (more ? 1 : 0);
        return PageResult.of(rows, page, known);
    }

    void stream(AuditCriteria c, int limit, Consumer<AuditEntry> consumer) {
        Map<String, Object> params = new HashMap<>();
        String where = where(c, params);
        params.put("limit", limit);
        jdbc.query("SELECT * FROM audit_event WHERE " + where + " ORDER BY id DESC LIMIT :limit", params,
                (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)));
    }

    private static String where(AuditCriteria c, Map<String, Object> params) {
        List<String> terms = new ArrayList<>();
        terms.add("TRUE");
        if (c.from() != null) {
            terms.add("occurred_at >= :from");
            params.put("from", Timestamp.from(c.from().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        if (c.to() != null) {
            terms.add("occurred_at < :to");
            params.put("to", Timestamp.from(c.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        if (c.username() != null && !c.username().isBlank()) {
            terms.add("username = :username");
            params.put("username", c.username().trim());
        }
        if (c.action() != null && !c.action().isBlank()) {
            terms.add("action = :action");
            params.put("action", c.action().trim());
        }
        if (c.outcome() != null) {
            terms.add("outcome = :outcome");
            params.put("outcome", c.outcome().name());
        }
        if (c.targetType() != null && !c.targetType().isBlank()) {
            terms.add("target_type = :targetType");
            params.put("targetType", c.targetType().trim());
        }
        if (c.targetId() != null && !c.targetId().isBlank()) {
            terms.add("target_id = :targetId");
            params.put("targetId", c.targetId().trim());
        }
        return String.join(" AND ", terms);
    }

    private static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                rs.getString("client_ip"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("detail"), AuditOutcome.valueOf(rs.getString("outcome")));
    }
}
