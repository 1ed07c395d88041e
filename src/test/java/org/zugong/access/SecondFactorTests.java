package org.zugong.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.IntegrationTest;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.security.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 双因素认证: TOTP per RFC 6238, enforced per role, one use per code, counted toward the lockout. */
class SecondFactorTests extends IntegrationTest {

    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Autowired
    AccessRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    FieldCipher cipher;

    @Autowired
    LoginGuard guard;

    @AfterEach
    void clearActor() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    /** A role with the city department's permissions that requires a second factor (demo roles do not). */
    private long strictRole() {
        return repository.findRoleByCode("STRICT_2FA_TEST").map(RoleRecord::id).orElseGet(() -> {
            long id = repository.insertRole("STRICT_2FA_TEST", "须双因素测试角色", DataScope.ALL, true);
            repository.replaceRolePermissions(id, repository.findRoleByCode("CITY_DEPT").orElseThrow().permissions());
            return id;
        });
    }

    private long newUser(String name, Long roleId) {
        long org = jdbc.sql("SELECT min(id) FROM org_organization").query(Long.class).single();
        long id = repository.insertUser(name, name, encoder.encode(DEMO_PASSWORD), org, null, "test");
        repository.replaceUserRoles(id, roleId == null ? List.of() : List.of(roleId));
        return id;
    }

    private void enrol(long userId, String secret) {
        // The last used step lies in the past, so the current code is fresh.
        repository.setSecondFactor(userId, cipher.encrypt(secret), Totp.step(Instant.now()) - 10);
    }

    private static String code(String secret) {
        return Totp.codeAt(secret, Instant.now());
    }

    /** A six-digit code that matches none of the steps the server accepts now. */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        Set<String> valid = Set.of(Totp.codeAt(secret, now.minus(Totp.STEP)), Totp.codeAt(secret, now),
                Totp.codeAt(secret, now.plus(Totp.STEP)), Totp.codeAt(secret, now.plus(Totp.STEP.multipliedBy(2))));
        for (int i = 0; ; i++) {
            String c = String.format("%06d", i);
            if (!valid.contains(c)) {
                return c;
            }
        }
    }

    private MockHttpSession passwordStep(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password(DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login/second-factor")).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    private String tokenBody(String user, String password, String code) throws Exception {
        String json = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}";
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void totpMatchesTheRfc6238ReferenceValues() {
        // Appendix B, SHA-1, truncated to 6 digits: T = 59 s → 94287082, T = 1111111109 s → 07081804.
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59))).hasValue(1);
        // One step of drift either way, not two.
        assertThat(Totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59 + 30))).hasValue(1);
        assertThat(Totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59 + 60))).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "28708", Instant.ofEpochSecond(59))).isEmpty();
    }

    @Test
    void loginWithoutTheSecondFactorFailsWhereTheRoleRequiresIt() throws Exception {
        String secret = Totp.newSecret();
        long id = newUser("strict-login", strictRole());
        enrol(id, secret);
        MockHttpSession session = passwordStep("strict-login");
        // The password alone reaches nothing: every page leads back to the code.
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/api/v1/persons").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", wrongCode(secret)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("动态口令错误")));
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login/second-factor"));

        String before = session.getId();
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(secret))).andExpect(redirectedUrl("/"));
        assertThat(session.getId()).as("a new session id once the second factor is in").isNotEqualTo(before);
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'LOGIN' AND username = 'strict-login' ORDER BY id")
                .query(String.class).list()).containsExactly("FAILURE", "SUCCESS");
    }

    @Test
    void anEnrolledUserNeedsTheCodeEvenWhenNoRoleRequiresIt() throws Exception {
        String secret = Totp.newSecret();
        long id = newUser("voluntary-2fa", repository.findRoleByCode("CITY_DEPT").orElseThrow().id());
        enrol(id, secret);
        MockHttpSession session = passwordStep("voluntary-2fa");
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(secret))).andExpect(redirectedUrl("/"));
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
    }

    @Test
    void anUnenrolledUserOfARoleThatRequiresItMustEnrolBeforeAnythingElse() throws Exception {
        long id = newUser("strict-enrol", strictRole());
        MockHttpSession session = passwordStep("strict-enrol");
        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/login/second-factor").session(session))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("otpauth://totp/")));
        String secret = (String) session.getAttribute(SecondFactorPages.ENROL_SECRET);
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", wrongCode(secret))).andExpect(status().isOk());
        assertThat(repository.secondFactorOf(id)).isEmpty();

        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(secret))).andExpect(redirectedUrl("/"));
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
        var stored = repository.secondFactorOf(id).orElseThrow();
        assertThat(new String(stored.encryptedSecret(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(cipher.decrypt(stored.encryptedSecret())).isEqualTo(secret);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR_ENROL' AND username = 'strict-enrol'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void tokenApiRefusesAMissingOrWrongCodeWithThePasswordAnswer() throws Exception {
        String secret = Totp.newSecret();
        long id = newUser("strict-api", strictRole());
        enrol(id, secret);
        String wrongPassword = tokenBody("strict-api", "Wrong#Pass2026", null);
        assertThat(tokenBody("strict-api", DEMO_PASSWORD, null)).isEqualTo(wrongPassword);
        assertThat(tokenBody("strict-api", DEMO_PASSWORD, wrongCode(secret))).isEqualTo(wrongPassword);
        assertThat(wrongPassword).contains(LoginGuard.BAD_CREDENTIALS);
        String code = code(secret);
        assertThat(tokenBody("strict-api", DEMO_PASSWORD, code)).contains("\"token\"");
        // 一次一密: the same code twice is a replay.
        assertThat(tokenBody("strict-api", DEMO_PASSWORD, code)).isEqualTo(wrongPassword);
    }

    @Test
    void tokenApiRefusesAUserWhoseRoleRequiresASecondFactorNotYetEnrolled() throws Exception {
        newUser("strict-api-unenrolled", strictRole());
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"strict-api-unenrolled\",\"password\":\"" + DEMO_PASSWORD + "\",\"code\":\"123456\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(LoginGuard.BAD_CREDENTIALS));
    }

    @Test
    void wrongCodesCountTowardTheLockoutAndEndTheHalfSignedInSession() throws Exception {
        String secret = Totp.newSecret();
        long id = newUser("strict-lock", strictRole());
        enrol(id, secret);
        MockHttpSession session = passwordStep("strict-lock");
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", wrongCode(secret))).andExpect(status().isOk());
        }
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", wrongCode(secret)))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(repository.findUser(id).orElseThrow().lockedAt(Instant.now())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOCKOUT' AND username = 'strict-lock'")
                .query(Long.class).single()).isEqualTo(1L);
        // Locked: the right password and the right code are refused too.
        mvc.perform(formLogin("/login").user("strict-lock").password(DEMO_PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(tokenBody("strict-lock", DEMO_PASSWORD, code(secret))).contains(LoginGuard.BAD_CREDENTIALS);
    }

    @Test
    void aRightPasswordDoesNotResetTheCountOfWrongCodes() throws Exception {
        String secret = Totp.newSecret();
        long id = newUser("strict-retry", strictRole());
        enrol(id, secret);
        for (int round = 0; round < 2; round++) {
            MockHttpSession session = passwordStep("strict-retry");
            for (int i = 0; i < 2; i++) {
                mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", wrongCode(secret)));
            }
        }
        assertThat(repository.findUser(id).orElseThrow().failedAttempts()).isEqualTo(4);
    }

    @Test
    void usersEnrolAndDisableOnTheAccountPageUnlessTheRoleRequiresIt() throws Exception {
        long city = repository.findRoleByCode("CITY_DEPT").orElseThrow().id();
        long id = newUser("self-2fa", city);
        MockHttpSession session = session("self-2fa");
        mvc.perform(get("/account/second-factor").session(session))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("otpauth://totp/")));
        String secret = (String) session.getAttribute(SecondFactorPages.ENROL_SECRET);
        mvc.perform(post("/account/second-factor").session(session).with(csrf()).param("code", code(secret)))
                .andExpect(redirectedUrl("/account/second-factor"));
        assertThat(repository.secondFactorOf(id)).isPresent();

        // A role that requires the factor forbids turning it off.
        repository.replaceUserRoles(id, List.of(city, strictRole()));
        String next = Totp.codeAt(secret, Instant.now().plus(Totp.STEP));
        mvc.perform(post("/account/second-factor/disable").session(session).with(csrf()).param("code", next))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("不能停用")));
        assertThat(repository.secondFactorOf(id)).isPresent();

        repository.replaceUserRoles(id, List.of(city));
        mvc.perform(post("/account/second-factor/disable").session(session).with(csrf()).param("code", next))
                .andExpect(redirectedUrl("/account/second-factor"));
        assertThat(repository.secondFactorOf(id)).isEmpty();
        assertThat(auditCount("SECOND_FACTOR_DISABLE")).isPositive();
    }

    @Test
    void securityAdministratorResetsASecondFactorAudited() throws Exception {
        String secret = Totp.newSecret();
        long id = newUser("lost-phone", strictRole());
        enrol(id, secret);
        mvc.perform(post("/admin/users/" + id + "/second-factor/reset").session(session("sysadmin")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(repository.secondFactorOf(id)).isPresent();
        long before = auditCount("SECOND_FACTOR_RESET");
        mvc.perform(post("/admin/users/" + id + "/second-factor/reset").session(session("secadmin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(repository.secondFactorOf(id)).isEmpty();
        assertThat(auditCount("SECOND_FACTOR_RESET")).isEqualTo(before + 1);
        // The role still requires it: the next login enrols again.
        MockHttpSession session = passwordStep("lost-phone");
        mvc.perform(get("/login/second-factor").session(session)).andExpect(content().string(org.hamcrest.Matchers.containsString("绑定动态口令")));
    }

    @Test
    void theRoleFormSetsTheSecondFactorRequirementAndAuditsIt() throws Exception {
        MockHttpSession sec = session("secadmin");
        mvc.perform(post("/admin/roles").session(sec).with(csrf()).param("code", "FORM_2FA_TEST").param("name", "表单双因素测试")
                .param("dataScope", "ORG").param("permissions", "person:read").param("requiresSecondFactor", "true"))
                .andExpect(redirectedUrl("/admin/roles"));
        RoleRecord role = repository.findRoleByCode("FORM_2FA_TEST").orElseThrow();
        assertThat(role.requiresSecondFactor()).isTrue();
        mvc.perform(get("/admin/roles/" + role.id()).session(sec))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("requiresSecondFactor")));
        mvc.perform(post("/admin/roles/" + role.id()).session(sec).with(csrf()).param("code", "FORM_2FA_TEST").param("name", "表单双因素测试")
                .param("dataScope", "ORG").param("permissions", "person:read").param("version", String.valueOf(role.version())))
                .andExpect(redirectedUrl("/admin/roles"));
        assertThat(repository.findRoleByCode("FORM_2FA_TEST").orElseThrow().requiresSecondFactor()).isFalse();
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action IN ('ROLE_CREATE', 'ROLE_UPDATE') AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(role.id())).query(String.class).list())
                .satisfiesExactly(d -> assertThat(d).contains("须双因素认证"), d -> assertThat(d).contains("无须双因素认证"));
    }

    @Test
    void demoRolesDoNotRequireASecondFactor() {
        assertThat(repository.allRoles()).filteredOn(r -> !r.code().endsWith("_TEST")).noneMatch(RoleRecord::requiresSecondFactor);
    }
}
