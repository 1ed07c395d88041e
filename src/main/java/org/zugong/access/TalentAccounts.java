package org.zugong.access;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;

/**
 * The access module's facade for talent accounts (账号类型 TALENT): the talent module opens one for a
 * talent person, shows its state and enables or disables it. The caller has already checked that the
 * person's talent record is in its jurisdiction and that the user may do this ({@code talent:write}).
 * Login, password policy, lockout, TOTP, sessions and API tokens are those of every account.
 */
@Service
@Transactional
public class TalentAccounts {

    /** A talent account as the talent pages show it. */
    public record TalentAccount(long userId, String username, boolean enabled, boolean locked, Instant lastLoginAt,
                                boolean mustChangePassword) {
    }

    /** A newly opened account with its initial password, to be shown once and never stored in clear. */
    public record Issued(long userId, String username, String initialPassword) {
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final UserSessions sessions;
    private final ActorLoader actors;

    TalentAccounts(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit, UserSessions sessions,
                   ActorLoader actors) {
        this.repository = repository;
        this.actors = actors;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public Optional<TalentAccount> ofPerson(long personId) {
        Instant now = Instant.now();
        return repository.findTalentUserOfPerson(personId).map(u -> new TalentAccount(u.id(), u.username(), u.enabled(), u.lockedAt(now),
                u.lastLoginAt(), u.passwordChangedAt().equals(Instant.EPOCH)));
    }

    /**
     * Opens the talent account of a person: username {@code rc} + the person id, a random initial password
     * that must be changed at the first login, the fixed role 人才. A person has at most one.
     */
    public Issued open(long personId, long orgId, String displayName) {
        if (repository.findTalentUserOfPerson(personId).isPresent()) {
            throw new BusinessRuleException("该人才已开通账号");
        }
        String username = "rc" + personId;
        if (repository.findUser(username).isPresent()) {
            throw new BusinessRuleException("用户名 " + username + " 已被占用");
        }
        String password = initialPassword(username);
        try {
            long id = repository.insertTalentUser(username, displayName, encoder.encode(password), orgId, personId, user());
            audit.record("TALENT_ACCOUNT_CREATE", "user", id, "为人才 " + displayName + "（人员 " + personId + "）开通人才账号 " + username);
            return new Issued(id, username, password);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleException("该人才已开通账号");
        }
    }

    /** 停用/启用: a disabled account's sessions and tokens end at once. */
    public void setEnabled(long personId, boolean enabled) {
        UserAccount account = repository.findTalentUserOfPerson(personId).orElseThrow(() -> new BusinessRuleException("该人才尚未开通账号"));
        repository.setEnabled(account.id(), enabled, user());
        if (!enabled) {
            repository.deleteTokensOf(account.id());
            sessions.endSessionsOf(account.id());
        }
        audit.record(enabled ? "TALENT_ACCOUNT_ENABLE" : "TALENT_ACCOUNT_DISABLE", "user", account.id(),
                (enabled ? "启用" : "停用") + "人才账号 " + account.username());
    }

    private String initialPassword(String username) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 15; i++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            b.insert(RANDOM.nextInt(b.length()), '@');
            String candidate = b.toString();
            if (policy.problem(candidate, username).isEmpty()) {
                return candidate;
            }
        }
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }

    /** A staff account holding {@code talent:service} (人才服务专员), for routing and the assignment picker. */
    public record ServiceOfficer(long userId, String username, String displayName, boolean office) {
    }

    /**
     * The enabled staff accounts holding {@code talent:service} whose organization lies under {@code orgPathPrefix}
     * (a county's path), by user id; {@code office} marks those that also hold {@code talent:write} (the 人才办).
     */
    @Transactional(readOnly = true)
    public java.util.List<ServiceOfficer> serviceOfficers(String orgPathPrefix) {
        return repository.serviceOfficers(orgPathPrefix).stream()
                .map(o -> new ServiceOfficer(o.userId(), o.username(), o.displayName(), o.office())).toList();
    }

    /**
     * The {@link Actor} of an account as it would be at login (permissions and data-scope grants), so that a caller
     * can tell whose jurisdiction covers a unit (e.g. which 人才服务专员 can see a request routed to them).
     */
    @Transactional(readOnly = true)
    public Optional<Actor> actorOf(long userId) {
        return repository.findUser(userId).map(actors::load);
    }
}
