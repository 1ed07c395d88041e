package org.zugong.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.RequestOrigin;

/**
 * The audit facade. {@link #record} writes inside the caller's transaction, so a change and its
 * audit row commit together and a failed audit write fails the change. {@link #recordAlone} writes
 * in its own transaction, for refusals and failures whose business transaction rolls back.
 */
@Service
public class AuditLog {

    private final AuditChain chain;

    AuditLog(AuditChain chain) {
        this.chain = chain;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String targetType, Object targetId, String detail) {
        chain.append(currentUser(), RequestOrigin.clientIp(), action, targetType, targetId, detail, AuditOutcome.SUCCESS);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String action, String targetType, Object targetId, String detail, AuditOutcome outcome) {
        refuseInsideAnAuditedTransaction();
        chain.append(currentUser(), RequestOrigin.clientIp(), action, targetType, targetId, detail, outcome);
    }

    /** For events without a signed-in user yet (login attempts): the name given is recorded. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String username, String action, String detail, AuditOutcome outcome) {
        refuseInsideAnAuditedTransaction();
        chain.append(username, RequestOrigin.clientIp(), action, "user", username, detail, outcome);
    }

    /** Writes in the caller's transaction under a given name (installation tasks without a signed-in user). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String username, String action, String targetType, Object targetId, String detail) {
        chain.append(username, RequestOrigin.clientIp(), action, targetType, targetId, detail, AuditOutcome.SUCCESS);
    }

    /**
     * A separate transaction on a thread whose transaction already appended would wait for the chain
     * lock that its own caller holds: fail at once instead of hanging.
     */
    private static void refuseInsideAnAuditedTransaction() {
        if (AuditChain.lockHeldByThisThread()) {
            throw new IllegalStateException("recordAlone/recordFor called inside a transaction that has already written audit rows; use record");
        }
    }

    private static String currentUser() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
