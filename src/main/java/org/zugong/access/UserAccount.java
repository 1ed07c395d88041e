package org.zugong.access;

import java.time.Instant;

/** A stored user account (inside the module). */
public record UserAccount(long id, String username, String displayName, String passwordHash, long orgId, String orgName,
                   Long personId, boolean enabled, int failedAttempts, Instant lockedUntil, Instant passwordChangedAt,
                   Instant lastLoginAt, int version, AccountKind kind) {

    public boolean talent() {
        return kind == AccountKind.TALENT;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
