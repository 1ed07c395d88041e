package org.zugong.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long audit records are kept, and their removal. Every record is kept for
 * {@code zugong.audit.retention} (default 3 years), never less than 6 months (Cybersecurity Law
 * Art.21: the setting is refused at start); records of personal-information processing — views of
 * full ID numbers or files, exports, prints — at least 3 years (PIPL). The removal itself runs in
 * the database ({@code audit_purge}, V24, with the owner's rights: the application role cannot
 * delete audit rows), which enforces both floors again, removes only the oldest part of the chain and
 * leaves an anchor from which the rest still verifies. Each run is itself an audit record.
 */
@Component
class AuditRetention {

    static final String PURGE_ACTION = "AUDIT_PURGE";
    static final Period MINIMUM = Period.ofMonths(6);
    static final Period PERSONAL_MINIMUM = Period.ofYears(3);

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final Period retention;
    private final Clock clock;

    @Autowired
    AuditRetention(JdbcClient jdbc, AuditLog log, @Value("${zugong.audit.retention:3y}") Period retention) {
        this(jdbc, log, retention, Clock.systemDefaultZone());
    }

    AuditRetention(JdbcClient jdbc, AuditLog log, Period retention, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
        LocalDate today = LocalDate.now(clock);
        if (retention.isNegative() || today.minus(retention).isAfter(today.minus(MINIMUM))) {
            throw new IllegalStateException("审计记录保留期限 zugong.audit.retention=" + retention
                    + " 短于 6 个月：网络安全法第二十一条要求网络日志至少留存六个月，请设置为 6m 或更长（默认 3y）");
        }
        this.retention = retention;
    }

    Period retention() {
        return retention;
    }

    /** Removes what the configured retention lets go (personal-information records: at least 3 years). */
    @Transactional
    Purge purgeExpired() {
        return purgeBefore(ZonedDateTime.now(clock).minus(retention).toInstant());
    }

    /**
     * Removes the rows older than cutoff at the start of the chain. A cutoff younger than 6 months is
     * refused here and, whatever the caller, again in the database.
     */
    @Transactional
    Purge purgeBefore(Instant cutoff) {
        if (cutoff.isAfter(ZonedDateTime.now(clock).minus(MINIMUM).toInstant())) {
            throw new IllegalArgumentException("审计记录至少保留 6 个月，拒绝清理 " + cutoff + " 之后的记录");
        }
        Purge purge = jdbc.sql("SELECT purged, anchor_id FROM audit_purge(:cutoff)").param("cutoff", Timestamp.from(cutoff))
                .query((rs, n) -> new Purge(rs.getLong(1), (Long) rs.getObject(2))).single();
        log.recordAs("system", PURGE_ACTION, "audit", purge.anchorId(),
                "按保留期限清理 " + cutoff + " 之前的审计记录 " + purge.purged() + " 条（个人信息处理记录至少保留 3 年）"
                        + (purge.anchorId() == null ? "" : "；校验自第 " + purge.anchorId() + " 号记录之后开始"));
        return purge;
    }

    /** How many rows went, and the id of the last removed row (the anchor), if any was ever removed. */
    record Purge(long purged, Long anchorId) {
    }
}
