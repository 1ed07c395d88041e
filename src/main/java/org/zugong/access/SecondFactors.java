package org.zugong.access;

import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.FieldErrors;

/**
 * 双因素认证: the TOTP second factor of each account. The secret is kept SM4-encrypted; each accepted
 * code uses up its time step, so a code seen by someone else cannot be replayed. A user needs the
 * second factor when they enrolled one, or when any of their roles requires it.
 */
@Component
class SecondFactors {

    private final AccessRepository repository;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final UserSessions sessions;

    SecondFactors(AccessRepository repository, FieldCipher cipher, AuditLog audit, UserSessions sessions) {
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** A second factor that is enrolled, or required by a role (and then perhaps still to be enrolled). */
    @Transactional(readOnly = true)
    boolean needed(long userId) {
        return enrolled(userId) || required(userId);
    }

    @Transactional(readOnly = true)
    boolean required(long userId) {
        return repository.anyRoleRequiresSecondFactor(userId);
    }

    @Transactional(readOnly = true)
    boolean enrolled(long userId) {
        return repository.secondFactorOf(userId).isPresent();
    }

    /** Checks a code and uses up its time step; false for a wrong, stale or replayed code, or when nothing is enrolled. */
    @Transactional
    boolean verify(long userId, String code) {
        var stored = repository.secondFactorOf(userId);
        if (stored.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(cipher.decrypt(stored.get().encryptedSecret()), code, Instant.now());
        return step.isPresent() && repository.acceptStep(userId, step.getAsLong());
    }

    /**
     * Binds an authenticator app: the secret shown to the user is stored once they type a code it
     * makes, which shows the app holds the same secret. False when the code does not match.
     */
    @Transactional
    boolean enrol(UserAccount user, String secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, Instant.now());
        if (step.isEmpty()) {
            return false;
        }
        repository.setSecondFactor(user.id(), cipher.encrypt(secret), step.getAsLong());
        audit.recordAs(user.username(), "SECOND_FACTOR_ENROL", "user", user.id(), user.username() + " 绑定动态口令");
        return true;
    }

    /** The user turns their own second factor off — not while a role requires it. */
    @Transactional
    void disable(UserAccount user) {
        if (required(user.id())) {
            throw FieldErrors.of("code", "您的角色要求双因素认证，不能停用动态口令");
        }
        repository.clearSecondFactor(user.id());
        audit.record("SECOND_FACTOR_DISABLE", "user", user.id(), user.username() + " 停用动态口令");
    }

    /**
     * The security administrator clears a user's second factor (a lost phone); where a role requires
     * one, the user enrols again at the next login. Their open sessions end.
     */
    @Transactional
    void reset(UserAccount user) {
        if (Actor.current().map(a -> a.userId() == user.id()).orElse(false)) {
            throw FieldErrors.of("code", "不能重置自己的动态口令，请在“动态口令”页面自行停用");
        }
        repository.clearSecondFactor(user.id());
        repository.deleteTokensOf(user.id());
        sessions.endSessionsOf(user.id());
        audit.record("SECOND_FACTOR_RESET", "user", user.id(), "重置 " + user.username() + " 的动态口令");
    }
}
