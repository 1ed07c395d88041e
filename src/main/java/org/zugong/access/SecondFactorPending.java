package org.zugong.access;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session whose password was right but whose second factor is still to come. It carries one
 * authority, {@link #AUTHORITY}, which only the second-factor pages accept, and no permission: its
 * principal is not an {@code Actor}, so no handler sees a signed-in user, and {@link SessionGate}
 * sends every other request back to {@code /login/second-factor}.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    /** Not in {@code Permissions.ALL}, so the role editor cannot grant it. */
    static final String AUTHORITY = "SECOND_FACTOR_PENDING";

    /** Who passed the password step. */
    record PendingLogin(long userId, String username) implements Serializable {
    }

    private final PendingLogin login;

    SecondFactorPending(UserAccount user) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.login = new PendingLogin(user.id(), user.username());
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public PendingLogin getPrincipal() {
        return login;
    }

    @Override
    public String getName() {
        return login.username();
    }
}
