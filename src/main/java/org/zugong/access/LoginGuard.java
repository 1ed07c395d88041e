package org.zugong.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.security.Actor;

/**
 * Checks a username and password for both the login page and the token API: the same message for an
 * unknown user and a wrong password (and a password check in both cases, so the timing is alike),
 * lockout after the configured failures even with the right password, and an audit record each time.
 */
@Component
class LoginGuard {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private final ActorLoader actors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final String dummyHash;

    LoginGuard(AccessRepository repository, PasswordEncoder encoder, SecuritySettings settings, ActorLoader actors,
               AuditLog audit, TransactionTemplate tx) {
        this.repository = repository;
        this.encoder = encoder;
        this.settings = settings;
        this.actors = actors;
        this.audit = audit;
        this.tx = tx;
        this.dummyHash = encoder.encode("not-a-real-password-#1");
    }

    Actor authenticate(String username, String password) {
        String name = username == null ? "" : username.trim();
        var found = repository.findUser(name);
        if (found.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash);
            audit.recordFor(name, "LOGIN", "用户不存在", AuditOutcome.FAILURE);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        UserAccount user = found.get();
        Instant now = Instant.now();
        if (user.lockedAt(now)) {
            encoder.matches(password == null ? "" : password, dummyHash);
            audit.recordFor(user.username(), "LOGIN", "账号已锁定", AuditOutcome.DENIED);
            throw new LockedException(lockedMessage(user.lockedUntil(), now));
        }
        boolean matches = password != null && encoder.matches(password, user.passwordHash());
        if (!matches) {
            Integer failures = tx.execute(s -> repository.recordFailure(user.id(), settings.maxFailedLogins(),
                    now.plus(Duration.ofMinutes(settings.lockoutMinutes()))));
            boolean lockedNow = failures != null && failures >= settings.maxFailedLogins();
            audit.recordFor(user.username(), "LOGIN", "密码错误（第 " + failures + " 次）", AuditOutcome.FAILURE);
            if (lockedNow) {
                audit.recordFor(user.username(), "LOCKOUT", "连续 " + failures + " 次登录失败，锁定 " + settings.lockoutMinutes() + " 分钟", AuditOutcome.SUCCESS);
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!user.enabled()) {
            audit.recordFor(user.username(), "LOGIN", "账号已停用", AuditOutcome.DENIED);
            throw new DisabledException("账号已停用，请联系系统管理员");
        }
        tx.executeWithoutResult(s -> repository.recordSuccess(user.id()));
        audit.recordFor(user.username(), "LOGIN", "登录成功", AuditOutcome.SUCCESS);
        return actors.load(user);
    }

    boolean passwordExpired(long userId) {
        return repository.findUser(userId)
                .map(u -> u.passwordChangedAt().plus(Duration.ofDays(settings.passwordMaxAgeDays())).isBefore(Instant.now()))
                .orElse(false);
    }

    static List<SimpleGrantedAuthority> authorities(Actor actor) {
        return actor.permissions().stream().map(SimpleGrantedAuthority::new).toList();
    }

    private static String lockedMessage(Instant until, Instant now) {
        long minutes = Math.max(1, Duration.between(now, until).toMinutes() + 1);
        return "连续登录失败次数过多，账号已锁定，请 " + minutes + " 分钟后再试或联系安全管理员解锁";
    }
}
