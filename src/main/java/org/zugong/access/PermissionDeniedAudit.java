package org.zugong.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.RequestOrigin;

/**
 * Writes every refusal of a signed-in user for want of a permission (403) to the audit log.
 * Anonymous requests are not audited here: they are sent to the login page.
 */
@Component
class PermissionDeniedAudit {

    private final AuditLog audit;

    PermissionDeniedAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        var authentication = event.getAuthentication().get();
        if (authentication != null && authentication.getPrincipal() instanceof Actor) {
            audit.recordAlone("PERMISSION_DENIED", "endpoint", RequestOrigin.requestLine(), "缺少所需权限", AuditOutcome.DENIED);
        }
    }
}
