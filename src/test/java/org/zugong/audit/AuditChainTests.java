package org.zugong.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;

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

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        log.recordAlone("TEST", "test", 1, "append-only", AuditOutcome.SUCCESS);
        assertThatThrownBy(() -> template.update("UPDATE audit_event SET detail = 'x' WHERE id = (SELECT max(id) FROM audit_event)"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> template.update("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)"))
                .hasMessageContaining("append-only");
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
            tx.executeWithoutResult(s -> {
                template.execute("SET LOCAL session_replication_role = replica");
                template.update("""
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

    private void tampering(String sql) {
        tx.executeWithoutResult(s -> {
            template.execute("SET LOCAL session_replication_role = replica");
            template.update(sql);
        });
    }
}
