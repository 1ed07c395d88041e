package org.zugong.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;
import org.zugong.platform.db.OwnerDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The audit log is append-only and its HMAC-SM3 chain names the first edited row. */
class AuditChainTests extends IntegrationTest {

    @Autowired
    AuditLog log;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcTemplate template;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        log.recordAlone("TEST", "test", 1, "append-only", AuditOutcome.SUCCESS);
        assertThatThrownBy(() -> template.update("UPDATE audit_event SET detail = 'x' WHERE id = (SELECT max(id) FROM audit_event)"))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> template.update("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)"))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> template.execute("TRUNCATE audit_event"))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
    }

    @Test
    void theApplicationsDatabaseRoleLacksTheRightsNotJustTheTriggerStopsIt() {
        // The privileges themselves, so that dropping the append-only trigger would not help.
        assertThat(template.queryForObject("SELECT current_user", String.class)).isEqualTo(OwnerDatabase.applicationRole(context));
        for (String privilege : new String[] {"UPDATE", "DELETE", "TRUNCATE", "TRIGGER"}) {
            assertThat(template.queryForObject("SELECT has_table_privilege(current_user, 'audit_event', ?)", Boolean.class, privilege))
                    .as(privilege).isFalse();
        }
        assertThat(template.queryForObject("SELECT has_table_privilege(current_user, 'audit_event', 'INSERT')", Boolean.class)).isTrue();
        assertThat(template.queryForObject("SELECT has_table_privilege(current_user, 'audit_anchor', 'UPDATE')", Boolean.class)).isFalse();
        assertThat(template.queryForObject("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(template.queryForObject("SELECT count(*) FROM pg_tables WHERE tableowner = current_user", Long.class)).isZero();
        // Nor can it switch the triggers off or become the owner.
        assertThatThrownBy(() -> template.execute("SET session_replication_role = replica")).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> template.execute("SET ROLE postgres")).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void theApplicationRoleGetsTheBusinessTablesOfLaterMigrationsToo() {
        // Default privileges: every table but the audit log, the anchor and the migration history is writable.
        assertThat(template.queryForList("""
                SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
                AND NOT (has_table_privilege(current_user, tablename, 'SELECT') AND has_table_privilege(current_user, tablename, 'INSERT')
                         AND has_table_privilege(current_user, tablename, 'UPDATE') AND has_table_privilege(current_user, tablename, 'DELETE'))
                ORDER BY 1
                """, String.class)).containsExactly("audit_anchor", "audit_event", "flyway_schema_history");
    }

    @Test
    void editingARowDirectlyMakesVerificationNameThatRow() throws Exception {
        for (int i = 0; i < 5; i++) {
            log.recordAlone("TEST", "test", i, "row " + i, AuditOutcome.SUCCESS);
        }
        assertThat(chain.verify().intact()).isTrue();
        long victim = template.queryForObject("SELECT max(id) - 2 FROM audit_event", Long.class);
        String original = template.queryForObject("SELECT detail FROM audit_event WHERE id = ?", String.class, victim);
        try {
            // What an attacker with database access would do: switch the triggers off and edit.
            tampering("UPDATE audit_event SET detail = 'edited' WHERE id = " + victim);
            AuditChain.ChainVerification v = chain.verify();
            assertThat(v.firstBrokenId()).contains(victim);

            var session = session("auditadmin");
            mvc.perform(post("/audit/verify").session(session).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("第 " + victim + " 号记录")));
        } finally {
            tampering("UPDATE audit_event SET detail = '" + original.replace("'", "''") + "' WHERE id = " + victim);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void removingARowBreaksTheChainAtTheNextRow() {
        for (int i = 0; i < 3; i++) {
            log.recordAlone("TEST", "test", i, "gap " + i, AuditOutcome.SUCCESS);
        }
        long last = template.queryForObject("SELECT max(id) FROM audit_event", Long.class);
        var row = template.queryForMap("SELECT * FROM audit_event WHERE id = ?", last - 1);
        try {
            tampering("DELETE FROM audit_event WHERE id = " + (last - 1));
            assertThat(chain.verify().firstBrokenId()).contains(last);
        } finally {
            OwnerDatabase.inTransaction(context, owner -> {
                owner.execute("SET LOCAL session_replication_role = replica");
                owner.update("""
                        INSERT INTO audit_event (id, occurred_at, username, client_ip, action, target_type, target_id, detail, outcome, prev_hash, hash)
                        OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, row.get("id"), row.get("occurred_at"), row.get("username"), row.get("client_ip"), row.get("action"),
                        row.get("target_type"), row.get("target_id"), row.get("detail"), row.get("outcome"), row.get("prev_hash"), row.get("hash"));
            });
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void onlyTheAuditAdministratorReadsTheLog() throws Exception {
        mvc.perform(get("/audit").session(session("auditadmin"))).andExpect(status().isOk());
        mvc.perform(get("/audit").session(session("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(session("city"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").session(session("auditadmin"))).andExpect(status().isOk());
    }

    @Test
    void aSeparateAuditTransactionInsideAnAuditedOneFailsFastInsteadOfWaitingForItsOwnLock() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            log.record("TEST", "test", 1, "outer");
            log.recordAlone("TEST", "test", 2, "inner", AuditOutcome.DENIED);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("already written audit rows");
        // The thread is usable again afterwards.
        log.recordAlone("TEST", "test", 3, "after", AuditOutcome.SUCCESS);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFromManyTransactionsFormOneUnbrokenChain() throws Exception {
        long before = template.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        int threads = 8;
        int each = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.recordAlone("TEST", "test", thread * 100 + i, "concurrent", AuditOutcome.SUCCESS);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(template.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(before + threads * each);
        assertThat(chain.verify().intact()).isTrue();
        // Each row links to exactly one predecessor: no two appends read the same head.
        assertThat(template.queryForObject("SELECT count(*) - count(DISTINCT prev_hash) FROM audit_event", Long.class)).isZero();
    }

    @Test
    void anAppendLeavesTheCallersLockTimeoutAsItWas() {
        String after = tx.execute(s -> {
            template.execute("SET LOCAL lock_timeout = '3s'");
            log.record("TEST", "test", 4, "timeout kept");
            return template.queryForObject("SELECT current_setting('lock_timeout')", String.class);
        });
        assertThat(after).isEqualTo("3s");
    }

    /** What an attacker with the database owner's rights would do: switch the triggers off and edit. */
    private void tampering(String sql) {
        OwnerDatabase.inTransaction(context, owner -> {
            owner.execute("SET LOCAL session_replication_role = replica");
            owner.update(sql);
        });
    }
}
