package org.zugong.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.zugong.audit.AuditLog;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.Permissions;

/**
 * Two filter chains: the JSON API with bearer tokens and no session, and the pages with form login,
 * CSRF and a session. Both send the security headers; handlers declare their permission with
 * {@code @PreAuthorize}. On pages, a login that needs a TOTP code stops at {@link SecondFactorPending}
 * until {@link SecondFactorPages} accepts it, and {@link SessionGate} enforces the absolute session limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Publishes refusals as events, for {@link PermissionDeniedAudit}. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /**
     * The page sessions live in the database (Spring Session JDBC, tables of V26), shared by every node;
     * the registry that concurrency control and {@link UserSessions} use looks them up there by
     * username, so ending a user's sessions reaches all nodes.
     */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                // Bearer tokens only, no cookies: a forged cross-site request carries no credentials.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        // The talent card's public verification (F71): anonymous GET, rate-limited per client address.
                        .requestMatchers(HttpMethod.GET, "/api/v1/talent-cards/*/verify").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED, "未认证", "请先通过 /api/v1/auth/token 取得令牌，并以 Authorization: Bearer 发送"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "无权访问", "您没有执行此操作的权限")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, SessionRegistry sessions, UserSessions userSessions, SecuritySettings settings,
                                  AuditLog audit) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // The talent card's public verification page (F71): anonymous GET, rate-limited per client address.
                        .requestMatchers(HttpMethod.GET, "/verify", "/verify/*").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(SecurityConfiguration::loggedIn).failureUrl("/login?error").permitAll())
                // On the success handler, not a LogoutHandler: ConcurrentSessionFilter runs the logout handlers for
                // every session it finds expired, and that is no logout of the user.
                .logout(l -> l.logoutUrl("/logout").deleteCookies("JSESSIONID")
                        .logoutSuccessHandler((req, res, auth) -> {
                            if (auth != null && auth.getPrincipal() instanceof Actor actor) {
                                userSessions.logout(actor);
                            }
                            res.sendRedirect(req.getContextPath() + "/login?logout");
                        }))
                .addFilterBefore(new SessionGate(settings.sessionAbsoluteTimeout(), audit), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        // Unlimited sessions per user, but registered, so that an account's sessions can be ended.
                        .sessionConcurrency(c -> c.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** After the password: the second-factor page when one is needed, else home; the login time starts the absolute limit. */
    private static void loggedIn(HttpServletRequest req, HttpServletResponse res, Authentication auth) throws java.io.IOException {
        req.getSession().setAttribute(SessionGate.LOGIN_AT, Instant.now());
        res.sendRedirect(req.getContextPath() + (auth instanceof SecondFactorPending ? "/login/second-factor" : landing(auth)));
    }

    /** Staff land on the home page, a talent account (账号类型 TALENT) on the portal. */
    static String landing(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof Actor actor && actor.can(Permissions.TALENT_SELF) ? "/portal" : "/";
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String title, String detail) throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
