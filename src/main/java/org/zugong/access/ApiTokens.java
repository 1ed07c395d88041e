package org.zugong.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.crypto.Sm3;
import org.zugong.platform.security.Actor;

/** Opaque bearer tokens for the API: 256 random bits, only their SM3 hash stored, revocable per user. */
@Component
class ApiTokens {

    record Issued(String token, Instant expiresAt) {
    }

    private final AccessRepository repository;
    private final ActorLoader actors;
    private final SecuritySettings settings;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(AccessRepository repository, ActorLoader actors, SecuritySettings settings) {
        this.repository = repository;
        this.actors = actors;
        this.settings = settings;
    }

    @Transactional
    Issued issue(Actor actor) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = Instant.now().plus(Duration.ofHours(settings.tokenHours())).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        repository.insertToken(hash(token), actor.userId(), expires);
        return new Issued(token, expires);
    }

    /** The actor behind a token, if the token is known, unexpired and its user still enabled. */
    @Transactional(readOnly = true)
    Optional<Actor> resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        repository.planGenerically();
        return repository.userOfToken(hash(token))
                .flatMap(repository::findUser)
                .filter(UserAccount::enabled)
                .filter(u -> !u.lockedAt(Instant.now()))
                .map(actors::load);
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    @Transactional
    void purgeExpired() {
        repository.deleteExpiredTokens();
    }

    private static byte[] hash(String token) {
        return Sm3.digest(token.getBytes(StandardCharsets.US_ASCII));
    }
}
