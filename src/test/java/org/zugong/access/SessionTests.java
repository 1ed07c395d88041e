package org.zugong.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sessions: the absolute limit, and logout, disablement and 结束会话 ending every session and token of a user. */
class SessionTests extends IntegrationTest {

    @Autowired
    AccessRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SecuritySettings settings;

    @Autowired
    UserAdministration users;

    /** A user of the city department's role, signed in twice (two browsers), with an API token. */
    private long newUser(String name) {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long id = repository.insertUser(name, name, encoder.encode(DEMO_PASSWORD), org, null, "test");
        repository.replaceUserRoles(id, List.of(repository.findRoleByCode("CITY_DEPT").orElseThrow().id()));
        return id;
    }

    private String freshToken(String user) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return "Bearer " + body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void theIdleTimeoutIsThirtyMinutes() {
        assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theAbsoluteLimitDefaultsToEightHours() {
        assertThat(settings.sessionAbsoluteTimeout()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aSessionEndsAtTheAbsoluteLimitWhateverItsActivity() throws Exception {
        newUser("marathon");
        MockHttpSession session = session("marathon");
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        // Seven hours in and active: still fine.
        session.setAttribute(SessionGate.LOGIN_AT, Instant.now().minus(Duration.ofHours(7)));
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        // Past eight hours since login: ended, however recent the last request.
        session.setAttribute(SessionGate.LOGIN_AT, Instant.now().minus(settings.sessionAbsoluteTimeout()).minusSeconds(1));
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SESSION_EXPIRED' AND username = 'marathon'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void loginStartsTheAbsoluteClock() throws Exception {
        newUser("clocked");
        Instant before = Instant.now();
        MockHttpSession session = session("clocked");
        assertThat((Instant) session.getAttribute(SessionGate.LOGIN_AT)).isBetween(before, Instant.now());
    }

    @Test
    void logoutEndsEverySessionAndTokenOfTheUser() throws Exception {
        newUser("leaving");
        MockHttpSession office = session("leaving");
        MockHttpSession home = session("leaving");
        String token = freshToken("leaving");
        mvc.perform(get("/api/v1/persons").header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(office).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/persons").session(home)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/persons").header("Authorization", token)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGOUT' AND username = 'leaving'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndTokens() throws Exception {
        long id = newUser("disabled-later");
        MockHttpSession session = session("disabled-later");
        String token = freshToken("disabled-later");
        var account = repository.findUser(id).orElseThrow();
        actAs(new org.zugong.platform.security.Actor(-1, "sys-test", "系统管理员", 1, "", null, java.util.Set.of("user:manage"), List.of()));
        try {
            users.update(id, new UserForm("disabled-later", "disabled-later", account.orgId(), "", false, account.version()));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/persons").header("Authorization", token)).andExpect(status().isUnauthorized());
    }

    @Test
    void securityAdministratorEndsAUsersSessionsAndTokensAudited() throws Exception {
        long id = newUser("ended-by-admin");
        MockHttpSession session = session("ended-by-admin");
        String token = freshToken("ended-by-admin");
        mvc.perform(post("/admin/users/" + id + "/end-sessions").session(session("sysadmin")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        long before = auditCount("SESSION_END_ALL");
        mvc.perform(post("/admin/users/" + id + "/end-sessions").session(session("secadmin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/persons").header("Authorization", token)).andExpect(status().isUnauthorized());
        assertThat(auditCount("SESSION_END_ALL")).isEqualTo(before + 1);
        // The account itself stays usable.
        mvc.perform(get("/persons").session(session("ended-by-admin"))).andExpect(status().isOk());
    }

    @Test
    void theApiEndsAUsersSessionsForTheSecurityAdministratorOnly() throws Exception {
        long id = newUser("ended-by-api");
        MockHttpSession session = session("ended-by-api");
        String token = freshToken("ended-by-api");
        mvc.perform(delete("/api/v1/users/" + id + "/sessions").header("Authorization", bearer("city"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/users/" + id + "/sessions").header("Authorization", bearer("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        long before = auditCount("SESSION_END_ALL");
        mvc.perform(delete("/api/v1/users/" + id + "/sessions").header("Authorization", bearer("secadmin"))).andExpect(status().isNoContent());
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/persons").header("Authorization", token)).andExpect(status().isUnauthorized());
        assertThat(auditCount("SESSION_END_ALL")).isEqualTo(before + 1);
        mvc.perform(delete("/api/v1/users/999999999/sessions").header("Authorization", bearer("secadmin"))).andExpect(status().isNotFound());
    }
}
