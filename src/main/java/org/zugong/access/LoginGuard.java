package org.zugong.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.security.Actor;

/**
 * Checks credentials for both the login page and the token API. Every refusal — unknown user, wrong
 * password, locked or disabled account, wrong second-factor code — gives the same message, and an
 * unknown user or locked account still pays for one password hash, so neither the answer nor its
 * timing tells whether an account exists; the audit log keeps the real reason. Lockout after the
 * configured failures (password or code) holds even for the right password.
 */
@Component
class LoginGuard {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private final ActorLoader actors;
    private final SecondFactors secondFactors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final String dummyHash;
    private final LongAdder dummyChecks = new LongAdder();

    LoginGuard(AccessRepository repository, PasswordEncoder encoder, SecuritySettings settings, ActorLoader actors,
               SecondFactors secondFactors, AuditLog audit, TransactionTemplate tx) {
        this.repository = repository;
        this.encoder = encoder;
        this.settings = settings;
        this.actors = actors;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.tx = tx;
        this.dummyHash = encoder.encode("not-a-real-password-#1");
    }

    /** Password, then — when the account needs one — the TOTP code; all in one step (the token API). */
    Actor authenticate(String username, String password, String code) {
        UserAccount user = checkPassword(username, password);
        if (secondFactors.needed(user.id())) {
            checkCode(user, code);
        }
        return complete(user);
    }

    /**
     * The first factor: the account if it exists, is usable and the password matches. Success is not
     * recorded yet (the failure count is not reset), so a second-factor step cannot be retried
     * without limit by entering the password again.
     */
    UserAccount checkPassword(String username, String password) {
        String name = username == null ? "" : username.trim();
        String given = password == null ? "" : password;
        var found = repository.findUser(name);
        if (found.isEmpty()) {
            dummyCheck(given);
            audit.recordFor(name, "LOGIN", "用户不存在", AuditOutcome.FAILURE);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        UserAccount user = found.get();
        Instant now = Instant.now();
        if (user.lockedAt(now)) {
            dummyCheck(given);
            audit.recordFor(user.username(), "LOGIN", "账号已锁定", AuditOutcome.DENIED);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!encoder.matches(given, user.passwordHash())) {
            fail(user, "密码错误");
        }
        if (!user.enabled()) {
            audit.recordFor(user.username(), "LOGIN", "账号已停用", AuditOutcome.DENIED);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        return user;
    }

    /** The second factor: a fresh code, or a failure counted toward the lockout like a wrong password. */
    void checkCode(UserAccount user, String code) {
        UserAccount now = repository.findUser(user.id()).orElseThrow(() -> new BadCredentialsException(BAD_CREDENTIALS));
        if (now.lockedAt(Instant.now()) || !now.enabled()) {
            audit.recordFor(user.username(), "LOGIN", now.enabled() ? "账号已锁定" : "账号已停用", AuditOutcome.DENIED);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (code == null || code.isBlank()) {
            fail(user, secondFactors.enrolled(user.id()) ? "未提供动态口令" : "角色要求双因素认证但尚未绑定动态口令");
        }
        if (!secondFactors.verify(user.id(), code)) {
            fail(user, "动态口令错误");
        }
    }

    /**
     * The first code of an enrolment at login (a role requires a second factor the user has not bound
     * yet): binds the secret when the code matches, else counts a failure like a wrong code.
     */
    void checkEnrolment(UserAccount user, String secret, String code) {
        UserAccount now = repository.findUser(user.id()).orElseThrow(() -> new BadCredentialsException(BAD_CREDENTIALS));
        if (now.lockedAt(Instant.now()) || !now.enabled()) {
            audit.recordFor(user.username(), "LOGIN", now.enabled() ? "账号已锁定" : "账号已停用", AuditOutcome.DENIED);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!secondFactors.enrol(user, secret, code)) {
            fail(user, "绑定动态口令时口令错误");
        }
    }

    /** Both factors passed: resets the failure count, records the login and loads the actor. */
    Actor complete(UserAccount user) {
        tx.executeWithoutResult(s -> repository.recordSuccess(user.id()));
        audit.recordFor(user.username(), "LOGIN", "登录成功", AuditOutcome.SUCCESS);
        return actors.load(user);
    }

    /** Whether the account is locked now (after failed codes on the second-factor page). */
    boolean locked(long userId) {
        return repository.findUser(userId).map(u -> u.lockedAt(Instant.now()) || !u.enabled()).orElse(true);
    }

    boolean passwordExpired(long userId) {
        return repository.findUser(userId)
                .map(u -> u.passwordChangedAt().plus(Duration.ofDays(settings.passwordMaxAgeDays())).isBefore(Instant.now()))
                .orElse(false);
    }

    /** How often a refusal ran the dummy hash instead of an account's own (tests check the path is taken). */
    long dummyChecks() {
        return dummyChecks.sum();
    }

    static List<SimpleGrantedAuthority> authorities(Actor actor) {
        return actor.permissions().stream().map(SimpleGrantedAuthority::new).toList();
    }

    private void dummyCheck(String password) {
        encoder.matches(password, dummyHash);
        dummyChecks.increment();
    }

    private void fail(UserAccount user, String reason) {
        Instant now = Instant.now();
        Integer failures = tx.execute(s -> repository.recordFailure(user.id(), settings.maxFailedLogins(),
                now.plus(Duration.ofMinutes(settings.lockoutMinutes()))));
        audit.recordFor(user.username(), "LOGIN", reason + "（第 " + failures + " 次）", AuditOutcome.FAILURE);
        if (failures != null && failures >= settings.maxFailedLogins()) {
            audit.recordFor(user.username(), "LOCKOUT", "连续 " + failures + " 次登录失败，锁定 " + settings.lockoutMinutes() + " 分钟", AuditOutcome.SUCCESS);
        }
        throw new BadCredentialsException(BAD_CREDENTIALS);
    }
}
