package org.zugong.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.zugong.platform.security.Actor;

/** Form login through {@link LoginGuard}; the principal of the session is the {@link Actor}. */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final LoginGuard guard;

    PasswordAuthenticationProvider(LoginGuard guard) {
        this.guard = guard;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Actor actor = guard.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()));
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, LoginGuard.authorities(actor));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
