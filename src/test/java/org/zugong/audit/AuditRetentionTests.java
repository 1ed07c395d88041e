package org.zugong.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zugong.IntegrationTest;
import org.zugong.platform.crypto.ChainSigner;
import org.zugong.platform.db.OwnerDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Audit records are kept at least 6 months, personal-information processing records at least 3
 * years; a purge removes the oldest part of the chain and the rest still verifies from the anchor.
 */
class AuditRetentionTests extends IntegrationTest {

    @Autowired
    AuditRetention retention;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog log;

    @Autowired
    ChainSigner signer;

    @Autowired
    JdbcTemplate template;

    @Autowired
    ApplicationContext context;

    @Autowired
    VerifyAuditChainCommand command;

    @Test
    void aRetentionShorterThanSixMonthsIsRefusedAtStart() {
        assertThatThrownBy(() -> new AuditRetention(jdbc, log, Period.ofMonths(5)))
                .hasMessageContaining("短于 6 个月").hasMessageContaining("zugong.audit.retention");
        assertThatThrownBy(() -> new AuditRetention(jdbc, log, Period.ofDays(90))).hasMessageContaining("短于 6 个月");
        assertThat(new AuditRetention(jdbc, log, Period.ofMonths(6)).retention()).isEqualTo(Period.ofMonths(6));
        assertThat(retention.retention()).as("default").isEqualTo(Period.ofYears(3));
    }

    @Test
    void aCutoffYoungerThanSixMonthsIsRefusedByTheApplicationAndByTheDatabase() {
        long before = count();
        assertThatThrownBy(() -> retention.purgeBefore(ZonedDateTime.now().minusMonths(5).toInstant()))
                .hasMessageContaining("至少保留 6 个月");
        // Whatever the application asks, the database function keeps 6 months.
        assertThatThrownBy(() -> template.queryForList("SELECT * FROM audit_purge(now() - INTERVAL '5 months')"))
                .hasMessageContaining("至少保留 6 个月");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPurgeRemovesOnlyOldRowsKeepsPersonalRecordsThreeYearsAndTheChainStillVerifies() {
        log.recordAlone("TEST", "test", 0, "a young row after the old ones", AuditOutcome.SUCCESS);
        assertThat(chain.verify().intact()).isTrue();
        ZonedDateTime now = ZonedDateTime.now();
        List<Long> old = prependOldRows(List.of(
                new OldRow(now.minusYears(5), "LOGIN"),
                new OldRow(now.minusYears(4), "PERSON_EXPORT"),      // personal, but older than 3 years
                new OldRow(now.minusYears(2), "PERSON_ID_VIEW"),     // personal: kept 3 years
                new OldRow(now.minusYears(1), "ORG_UPDATE"),         // after a kept row: stays (the chain is cut only at its start)
                new OldRow(now.minusMonths(10), "USER_UPDATE")));
        assertThat(chain.verify().intact()).as("back-dated chain").isTrue();
        long total = count();

        AuditRetention.Purge purge = retention.purgeBefore(now.minusMonths(7).toInstant());

        assertThat(purge.purged()).isEqualTo(2);
        assertThat(purge.anchorId()).isEqualTo(old.get(1));
        assertThat(ids(old)).containsExactly(old.get(2), old.get(3), old.get(4));
        assertThat(count()).isEqualTo(total - 2 + 1); // the purge is itself recorded
        assertThat(template.queryForObject("SELECT target_id FROM audit_event WHERE action = 'AUDIT_PURGE' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo(Long.toString(old.get(1)));
        AuditChain.ChainVerification v = chain.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(count());
        assertThat(output(command)).startsWith("审计链完整，共 ");

        // A row removed in the middle is still found: the next row's link breaks.
        Map<String, Object> middle = template.queryForMap("SELECT * FROM audit_event WHERE id = ?", old.get(3));
        asOwner("DELETE FROM audit_event WHERE id = " + old.get(3));
        assertThat(chain.verify().firstBrokenId()).contains(old.get(4));
        restore(middle);
        // An edited row is found too.
        asOwner("UPDATE audit_event SET detail = 'edited' WHERE id = " + old.get(2));
        assertThat(chain.verify().firstBrokenId()).contains(old.get(2));
        asOwner("UPDATE audit_event SET detail = NULL WHERE id = " + old.get(2));
        // Removing the first rows after the anchor breaks at the new first row.
        Map<String, Object> first = template.queryForMap("SELECT * FROM audit_event WHERE id = ?", old.get(2));
        asOwner("DELETE FROM audit_event WHERE id = " + old.get(2));
        assertThat(chain.verify().firstBrokenId()).contains(old.get(3));
        restore(first);
        assertThat(chain.verify().intact()).isTrue();

        // Moving the anchor to hide a removal, without the purge record naming it, is found as well.
        asOwner("UPDATE audit_anchor SET last_id = " + old.get(0));
        assertThat(chain.verify().reason()).hasValueSatisfying(r -> assertThat(r).contains("没有对应的清理审计记录"));
        asOwner("UPDATE audit_anchor SET last_id = " + old.get(1));
        assertThat(chain.verify().intact()).isTrue();
    }

    @Autowired
    AuditRetentionRun nightly;

    @Test
    void theNightlyRunPurgesByTheConfiguredRetentionAndIsItselfAudited() {
        long runs = auditCount(AuditRetention.PURGE_ACTION);
        long young = template.queryForObject("SELECT count(*) FROM audit_event WHERE occurred_at > now() - INTERVAL '3 years'", Long.class);
        nightly.run();
        assertThat(auditCount(AuditRetention.PURGE_ACTION)).isEqualTo(runs + 1);
        // Nothing younger than the 3 years configured (the default) went.
        assertThat(template.queryForObject("SELECT count(*) FROM audit_event WHERE occurred_at > now() - INTERVAL '3 years'", Long.class))
                .isEqualTo(young + 1);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theVerifyCommandPrintsTheCountOrTheFirstBrokenRowAndExitsAccordingly() {
        log.recordAlone("TEST", "test", 1, "command", AuditOutcome.SUCCESS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.run(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("审计链完整，共 \\d+ 条\\R");

        long victim = template.queryForObject("SELECT max(id) FROM audit_event WHERE action = 'TEST'", Long.class);
        String detail = template.queryForObject("SELECT detail FROM audit_event WHERE id = ?", String.class, victim);
        asOwner("UPDATE audit_event SET detail = 'edited' WHERE id = " + victim);
        try {
            out.reset();
            assertThat(command.run(new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("第 " + victim + " 号记录处断开").contains("被修改");
        } finally {
            asOwner("UPDATE audit_event SET detail = '" + detail + "' WHERE id = " + victim);
        }
        assertThat(chain.verify().intact()).isTrue();
        assertThat(auditCount("AUDIT_VERIFY")).isGreaterThanOrEqualTo(2);
    }

    private record OldRow(ZonedDateTime at, String action) {
    }

    /**
     * Puts back-dated rows before the current start of the chain (lower ids) and signs the whole
     * chain again from there, as if the log had been written over years: only the owner and the
     * audit key can do that.
     */
    private List<Long> prependOldRows(List<OldRow> rows) {
        List<Long> ids = new ArrayList<>();
        OwnerDatabase.inTransaction(context, owner -> {
            owner.execute("SET LOCAL session_replication_role = replica");
            long first = owner.queryForObject("SELECT min(id) FROM audit_event", Long.class);
            byte[] start = owner.queryForObject("SELECT prev_hash FROM audit_event WHERE id = ?", byte[].class, first);
            for (int i = 0; i < rows.size(); i++) {
                long id = first - rows.size() + i;
                ids.add(id);
                owner.update("""
                        INSERT INTO audit_event (id, occurred_at, username, client_ip, action, target_type, target_id, detail, outcome, prev_hash, hash)
                        OVERRIDING SYSTEM VALUE VALUES (?, ?, 'old', '-', ?, 'test', NULL, NULL, 'SUCCESS', ''::bytea, ''::bytea)
                        """, id, Timestamp.from(rows.get(i).at().toInstant()), rows.get(i).action());
            }
            byte[][] prev = {start};
            List<Object[]> updates = new ArrayList<>();
            owner.query("SELECT id, occurred_at, username, client_ip, action, target_type, target_id, detail, outcome FROM audit_event WHERE id >= ? ORDER BY id",
                    rs -> {
                        AuditChain.AuditRow row = new AuditChain.AuditRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                        byte[] hash = signer.sign(row.canonical(prev[0]));
                        updates.add(new Object[] {prev[0], hash, row.id()});
                        prev[0] = hash;
                    }, ids.getFirst());
            owner.batchUpdate("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?", updates);
        });
        return ids;
    }

    private void restore(Map<String, Object> row) {
        OwnerDatabase.inTransaction(context, owner -> {
            owner.execute("SET LOCAL session_replication_role = replica");
            owner.update("""
                    INSERT INTO audit_event (id, occurred_at, username, client_ip, action, target_type, target_id, detail, outcome, prev_hash, hash)
                    OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, row.get("id"), row.get("occurred_at"), row.get("username"), row.get("client_ip"), row.get("action"),
                    row.get("target_type"), row.get("target_id"), row.get("detail"), row.get("outcome"), row.get("prev_hash"), row.get("hash"));
        });
    }

    private void asOwner(String sql) {
        OwnerDatabase.inTransaction(context, owner -> {
            owner.execute("SET LOCAL session_replication_role = replica");
            owner.update(sql);
        });
    }

    private List<Long> ids(List<Long> among) {
        return template.queryForList("SELECT id FROM audit_event WHERE id BETWEEN ? AND ? ORDER BY id", Long.class,
                among.getFirst(), among.getLast());
    }

    private long count() {
        return template.queryForObject("SELECT count(*) FROM audit_event", Long.class);
    }

    private static String output(VerifyAuditChainCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.run(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

}
