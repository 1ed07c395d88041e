package org.zugong.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.zugong.platform.security.Actor;

/**
 * Form login through {@link LoginGuard}. An account without a second factor gets its full
 * authentication (the principal is the {@link Actor}); one that needs a TOTP code gets a
 * {@link SecondFactorPending} instead, which {@link SecondFactorPages} upgrades after the code.
 *
 * <p>Why not Spring Security 7's multi-factor authorities ({@code FactorGrantedAuthority},
 * {@code AllRequiredFactorsAuthorizationManager})? They grant the user's authorities after the first
 * factor and rely on every authorization rule also asking for the second factor's authority; here
 * handlers check permissions with {@code @PreAuthorize("hasAuthority(...)")}, and a single rule
 * forgotten would let a password alone through. A pending token holding no permission at all
 * fails closed. The factor is also per role, decided after the password, which the two-step form
 * expresses directly.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final LoginGuard guard;
    private final SecondFactors secondFactors;

    PasswordAuthenticationProvider(LoginGuard guard, SecondFactors secondFactors) {
        this.guard = guard;
        this.secondFactors = secondFactors;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        UserAccount user = guard.checkPassword(authentication.getName(), String.valueOf(authentication.getCredentials()));
        if (secondFactors.needed(user.id())) {
            return new SecondFactorPending(user);
        }
        Actor actor = guard.complete(user);
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, LoginGuard.authorities(actor));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
