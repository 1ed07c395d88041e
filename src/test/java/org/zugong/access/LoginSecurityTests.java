package org.zugong.access;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @Autowired
    LoginGuard guard;

    @Autowired
    UserAdministration users;

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
        // The answer does not tell that the account exists and is locked; the audit log does.
        assertThat(tokenResponse(user, DEMO_PASSWORD)).contains(LoginGuard.BAD_CREDENTIALS).doesNotContain("锁定");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN' AND username = :u AND detail = '账号已锁定'")
                .param("u", user).query(Long.class).single()).isEqualTo(2L);
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
                .andExpect(jsonPath("$.detail").value(LoginGuard.BAD_CREDENTIALS));
        assertThat(repository.findUser(user).orElseThrow().lockedAt(java.time.Instant.now())).isTrue();
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

    /** The login page after a failed attempt, without the per-session CSRF token. */
    private String loginPageAfter(String user, String password) throws Exception {
        var failed = mvc.perform(formLogin("/login").user(user).password(password)).andExpect(redirectedUrl("/login?error")).andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) failed.getRequest().getSession();
        return mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse().getContentAsString()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void unknownUserWrongPasswordLockedAndDisabledAllGetTheSameAnswer() throws Exception {
        newUser("same-wrong");
        newUser("same-locked");
        newUser("same-disabled");
        jdbc.sql("UPDATE access_user SET locked_until = now() + interval '15 minutes' WHERE username = 'same-locked'").update();
        jdbc.sql("UPDATE access_user SET enabled = FALSE WHERE username = 'same-disabled'").update();

        String unknownPage = loginPageAfter("same-nobody", "Wrong@12345");
        assertThat(unknownPage).contains(LoginGuard.BAD_CREDENTIALS);
        assertThat(loginPageAfter("same-wrong", "Wrong@12345")).isEqualTo(unknownPage);
        assertThat(loginPageAfter("same-locked", DEMO_PASSWORD)).isEqualTo(unknownPage);
        assertThat(loginPageAfter("same-disabled", DEMO_PASSWORD)).isEqualTo(unknownPage);

        String unknown = tokenResponse("same-nobody", DEMO_PASSWORD);
        assertThat(tokenResponse("same-wrong", "Wrong@12345")).isEqualTo(unknown);
        assertThat(tokenResponse("same-locked", DEMO_PASSWORD)).isEqualTo(unknown);
        assertThat(tokenResponse("same-disabled", DEMO_PASSWORD)).isEqualTo(unknown);
        assertThat(unknown).contains(LoginGuard.BAD_CREDENTIALS);

        // The audit log keeps the real reasons.
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'LOGIN' AND username IN ('same-locked', 'same-disabled', 'same-nobody')")
                .query(String.class).list()).contains("账号已锁定", "账号已停用", "用户不存在");
    }

    @Test
    void anUnknownUserOrALockedAccountStillPaysForAPasswordHash() throws Exception {
        newUser("hash-locked");
        jdbc.sql("UPDATE access_user SET locked_until = now() + interval '15 minutes' WHERE username = 'hash-locked'").update();
        long before = guard.dummyChecks();
        tokenResponse("hash-nobody", "Wrong@12345");
        assertThat(guard.dummyChecks()).isEqualTo(before + 1);
        tokenResponse("hash-locked", DEMO_PASSWORD);
        assertThat(guard.dummyChecks()).isEqualTo(before + 2);
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        assertThatThrownBy(() -> users.create(new UserForm("city", "重名", org, "Good#Pass2026", true, null)))
                .isInstanceOf(org.zugong.platform.web.FieldErrors.class).hasMessage("用户名已存在");
        assertThatThrownBy(() -> users.create(new UserForm("CITY", "重名", org, "Good#Pass2026", true, null)))
                .isInstanceOf(org.zugong.platform.web.FieldErrors.class).hasMessage("用户名已存在");
    }

    @Test
    void passwordsAreStoredWithASlowSaltedHash() {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long a = users.create(new UserForm("salt-a", "甲", org, "Same#Pass2026", true, null));
        long b = users.create(new UserForm("salt-b", "乙", org, "Same#Pass2026", true, null));
        String hashA = repository.findUser(a).orElseThrow().passwordHash();
        String hashB = repository.findUser(b).orElseThrow().passwordHash();
        // bcrypt with cost 10 or more: slow by design, with a random salt per hash.
        assertThat(hashA).matches("\\{bcrypt\\}\\$2[aby]?\\$(1\\d|[2-3]\\d)\\$.{53}");
        assertThat(hashB).startsWith("{bcrypt}").isNotEqualTo(hashA);
        assertThat(encoder.matches("Same#Pass2026", hashA)).isTrue();
        assertThat(encoder.matches("Same#Pass2026", hashB)).isTrue();
    }

    @Test
    void administratorsCannotSetAPasswordThatBreaksThePolicy() {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        assertThatThrownBy(() -> users.create(new UserForm("weak-one", "弱", org, "short1A", true, null)))
                .isInstanceOf(org.zugong.platform.web.FieldErrors.class).hasMessageContaining("至少 8 位");
        assertThatThrownBy(() -> users.create(new UserForm("weak-two", "弱", org, "", true, null)))
                .isInstanceOf(org.zugong.platform.web.FieldErrors.class).hasMessageContaining("不能为空");
        assertThatThrownBy(() -> users.create(new UserForm("weak-three", "弱", org, "alllowercase1", true, null)))
                .isInstanceOf(org.zugong.platform.web.FieldErrors.class).hasMessageContaining("至少 3 类");
        assertThatThrownBy(() -> users.create(new UserForm("weak-four", "弱", org, "Weak-Four#2026", true, null)))
                .isInstanceOf(org.zugong.platform.web.FieldErrors.class).hasMessageContaining("用户名");
        assertThat(repository.findUser("weak-one")).isEmpty();
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOne() throws Exception {
        String user = newUser("same-again");
        long roleId = repository.findRoleByCode("CITY_DEPT").orElseThrow().id();
        repository.replaceUserRoles(repository.findUser(user).orElseThrow().id(), List.of(roleId));
        String hash = repository.findUser(user).orElseThrow().passwordHash();
        mvc.perform(post("/account/password").session(session(user))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("current", DEMO_PASSWORD).param("password", DEMO_PASSWORD).param("confirm", DEMO_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("新密码不能与当前密码相同")));
        assertThat(repository.findUser(user).orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void theTokenApiRefusesAnExpiredPassword() throws Exception {
        String user = newUser("expired-api");
        jdbc.sql("UPDATE access_user SET password_changed_at = now() - interval '91 days' WHERE username = :u").param("u", user).update();
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("过期")));
    }
}
