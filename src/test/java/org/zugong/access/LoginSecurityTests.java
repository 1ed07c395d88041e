package org.zugong.access;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login security: same answer for unknown user and wrong password, lockout, CSRF, password policy. */
class LoginSecurityTests extends IntegrationTest {

    @Autowired
    AccessRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PasswordPolicy policy;

    private String newUser(String name) {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        repository.insertUser(name, name, encoder.encode(DEMO_PASSWORD), org, null, "test");
        return name;
    }

    private String tokenResponse(String user, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        String user = newUser("same-answer");
        String unknown = tokenResponse("no-such-user", "Wrong@12345");
        String wrong = tokenResponse(user, "Wrong@12345");
        assertThat(unknown).contains("用户名或密码错误");
        assertThat(wrong).isEqualTo(unknown.replace("no-such-user", user));
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilUnlocked() throws Exception {
        String user = newUser("lockme");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user).password("Wrong@12345")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user).password(DEMO_PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(tokenResponse(user, DEMO_PASSWORD)).contains("锁定");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOCKOUT' AND username = :u").param("u", user)
                .query(Long.class).single()).isEqualTo(1L);

        long id = repository.findUser(user).orElseThrow().id();
        mvc.perform(post("/admin/users/" + id + "/unlock").session(session("secadmin"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(user).password(DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void tokenApiFollowsTheSameLockout() throws Exception {
        String user = newUser("locktoken");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + user + "\",\"password\":\"bad\"}"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("锁定")));
    }

    @Test
    void loginIsAuditedWithOutcome() throws Exception {
        String user = newUser("audited");
        mvc.perform(formLogin("/login").user(user).password("Wrong@12345"));
        mvc.perform(formLogin("/login").user(user).password(DEMO_PASSWORD));
        List<String> outcomes = jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'LOGIN' AND username = :u ORDER BY id")
                .param("u", user).query(String.class).list();
        assertThat(outcomes).containsExactly("FAILURE", "SUCCESS");
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/persons").session(session("city")).param("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    void loginChangesTheSessionId() throws Exception {
        var anonymous = new org.springframework.mock.web.MockHttpSession();
        String before = anonymous.getId();
        var result = mvc.perform(formLogin("/login").user("city").password(DEMO_PASSWORD)).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void passwordPolicyRejectsShortSimpleAndEmptyPasswords() {
        assertThat(policy.problem("", "u")).hasValueSatisfying(p -> assertThat(p).contains("不能为空"));
        assertThat(policy.problem("Ab1!", "u")).hasValueSatisfying(p -> assertThat(p).contains("至少 8 位"));
        assertThat(policy.problem("abcdefgh1", "u")).hasValueSatisfying(p -> assertThat(p).contains("至少 3 类"));
        assertThat(policy.problem("Zhang@2026zhang", "zhang")).hasValueSatisfying(p -> assertThat(p).contains("用户名"));
        assertThat(policy.problem("Good#Pass2026", "u")).isEmpty();
    }

    @Test
    void pagesNeedLoginAndSendSecurityHeaders() throws Exception {
        mvc.perform(get("/persons")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Security-Policy", org.hamcrest.Matchers.containsString("object-src 'none'")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void anExpiredPasswordMustBeChangedBeforeAnyOtherPage() throws Exception {
        String user = newUser("expired-pw");
        jdbc.sql("UPDATE access_user SET password_changed_at = now() - interval '91 days' WHERE username = :u").param("u", user).update();
        long roleId = repository.findRoleByCode("CITY_DEPT").orElseThrow().id();
        repository.replaceUserRoles(repository.findUser(user).orElseThrow().id(), List.of(roleId));
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(formLogin("/login").user(user).password(DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        mvc.perform(post("/account/password").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("current", DEMO_PASSWORD).param("password", "Fresh#Pass2027").param("confirm", "Fresh#Pass2027"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
    }
}
