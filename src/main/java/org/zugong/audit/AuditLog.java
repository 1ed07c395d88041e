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
        chain.append(currentUser(), RequestOrigin.clientIp(), action, targetType, targetId, detail, outcome);
    }

    /** For events without a signed-in user yet (login attempts): the name given is recorded. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String username, String action, String detail, AuditOutcome outcome) {
        chain.append(username, RequestOrigin.clientIp(), action, "user", username, detail, outcome);
    }

    private static String currentUser() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
