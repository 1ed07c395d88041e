package org.zugong.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zugong.IntegrationTest;
import org.zugong.access.EndpointMatrix.Endpoint;

/**
 * The role × endpoint matrix (等保三级 access control): every handler of the application is called
 * by every demo account (one per demo role), and the answer agrees with the permission the handler
 * declares and the permissions the role holds in the database — 403 when the role lacks it, anything
 * but 403 when it has it. The calls name unknown ids and carry empty bodies, so the allowed side ends
 * in 404 or a validation answer and no demo data changes. The same run backs the 三员分立 assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointRoleMatrixTests extends IntegrationTest {

    /** The demo accounts, one per demo role (their roles and permissions are read from the database). */
    static final List<String> DEMO_ACCOUNTS = List.of("county1", "county2", "county3", "county4", "county5", "county6", "city",
            "unit1", "branch1", "committee1", "talentoffice", "service1", "talent1", "sysadmin", "secadmin", "auditadmin");

    /** Permissions that open personal data (the person registry and every module built on it). */
    static final List<String> PERSONAL_DATA_PREFIXES = List.of("person:", "cadre:", "assessment:", "warning:", "supervision:",
            "recruitment:", "talent:");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One demo account with its roles and permissions as stored. */
    record DemoRole(String username, String roles, Set<String> permissions) {
    }

    /** One cell of the matrix: who called what, whether the role holds the permission, and the answer. */
    record Cell(DemoRole role, Endpoint endpoint, boolean allowed, int status, String reachedHandler) {

        boolean called() {
            return status != NOT_CALLED;
        }
    }

    /**
     * Status of an allowed call not made because an earlier demo role with the very same permissions
     * made it (county2…county6 hold what county1 holds): whether authorization lets a call through
     * depends on the permissions only. Refused calls are always made, for every role.
     */
    static final int NOT_CALLED = -1;

    private EndpointMatrix matrix;
    private List<DemoRole> roles;
    private final List<Cell> cells = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    void runTheMatrix() throws Exception {
        matrix = new EndpointMatrix(mappings);
        roles = DEMO_ACCOUNTS.stream().map(this::demoRole).toList();
        Set<Set<String>> permissionSetsCalled = new java.util.HashSet<>();
        for (DemoRole role : roles) {
            boolean callAllowedSide = permissionSetsCalled.add(role.permissions());
            MockHttpSession session = session(role.username());
            String bearer = bearer(role.username());
            for (Endpoint e : matrix.endpoints()) {
                boolean allowed = e.requirement().allows(role.permissions());
                if (allowed && !callAllowedSide) {
                    cells.add(new Cell(role, e, true, NOT_CALLED, e.handlerName()));
                    continue;
                }
                var request = EndpointMatrix.request(e, !allowed);
                if (e.api()) {
                    request.header(HttpHeaders.AUTHORIZATION, bearer);
                } else {
                    request.session(session).with(csrf());
                }
                try {
                    MvcResult result = mvc.perform(request).andReturn();
                    String reached = result.getHandler() instanceof HandlerMethod h
                            ? h.getBeanType().getSimpleName() + "." + h.getMethod().getName() : String.valueOf(result.getHandler());
                    cells.add(new Cell(role, e, allowed, result.getResponse().getStatus(), reached));
                } catch (Exception failure) {
                    // An exception the application did not turn into an answer: the handler was reached, and failed.
                    cells.add(new Cell(role, e, allowed, 500, e.handlerName()));
                    failures.add(role.username() + " " + e.name() + ": " + failure);
                }
            }
        }
    }

    private DemoRole demoRole(String username) {
        List<String> roleCodes = jdbc.sql("""
                SELECT r.code FROM access_user u JOIN access_user_role ur ON ur.user_id = u.id JOIN access_role r ON r.id = ur.role_id
                WHERE u.username = :u ORDER BY r.code""").param("u", username).query(String.class).list();
        Set<String> permissions = new TreeSet<>(jdbc.sql("""
                SELECT p.permission FROM access_user u JOIN access_user_role ur ON ur.user_id = u.id
                JOIN access_role_permission p ON p.role_id = ur.role_id WHERE u.username = :u""").param("u", username).query(String.class).list());
        assertThat(roleCodes).as("roles of demo account " + username).isNotEmpty();
        return new DemoRole(username, String.join("+", roleCodes), permissions);
    }

    @Test
    void everyHandlerDeclaresAPermissionTheMatrixCanRead() {
        assertThat(matrix.uninterpretable()).as("@PreAuthorize expressions other than hasAuthority / hasAnyAuthority / isAuthenticated")
                .isEmpty();
    }

    @Test
    void everyHandlerMappingIsInTheMatrixForEveryDemoRole() {
        Set<String> mapped = mappings.getHandlerMethods().values().stream()
                .filter(h -> h.getBeanType().getPackageName().startsWith("org.zugong"))
                .map(h -> h.getBeanType().getSimpleName() + "." + h.getMethod().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        for (DemoRole role : roles) {
            Set<String> called = cells.stream().filter(c -> c.role().equals(role)).map(c -> c.endpoint().handlerName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(called).as("handlers called as " + role.username()).isEqualTo(mapped);
        }
        assertThat(roles).extracting(DemoRole::roles).doesNotHaveDuplicates();
        assertThat(matrix.endpoints()).hasSizeGreaterThan(200);
    }

    @Test
    void everyCallReachesItsOwnHandler() {
        List<String> astray = cells.stream().filter(c -> !c.reachedHandler().equals(c.endpoint().handlerName()))
                .map(c -> c.role().username() + " " + c.endpoint().name() + " → " + c.status() + " at " + c.reachedHandler()
                        + " (expected " + c.endpoint().handlerName() + ")")
                .distinct().toList();
        assertThat(astray).as("requests that did not reach the handler under test").isEmpty();
    }

    @Test
    void aRoleWithoutThePermissionGets403AndARoleWithItIsLetThrough() {
        List<String> mismatches = new ArrayList<>();
        for (Cell c : cells) {
            if (!c.allowed() && c.status() != 403) {
                mismatches.add("expected 403, got " + c.status() + ": " + describe(c));
            }
            if (c.allowed() && c.called() && !letThrough(c.status())) {
                mismatches.add("expected to be let through, got " + c.status() + ": " + describe(c));
            }
        }
        failures.forEach(f -> mismatches.add("exception: " + f));
        assertThat(mismatches).as(mismatches.size() + " of " + cells.size() + " calls disagree with the declared permissions:\n"
                + String.join("\n", mismatches)).isEmpty();
    }

    /** Answers that show authorization let the call through (the handler then found nothing, or refused the input). */
    static boolean letThrough(int status) {
        return (status >= 200 && status < 400) || status == 400 || status == 404 || status == 409 || status == 422;
    }

    private static String describe(Cell c) {
        return c.role().username() + " [" + c.role().roles() + "] " + c.endpoint().name() + " (" + c.endpoint().handlerName() + ", "
                + c.endpoint().requirement().expression() + ")";
    }

    // ---- 三员分立, read off the same matrix ----

    static boolean personalData(Endpoint e) {
        return e.requirement().anyOf().stream().anyMatch(p -> PERSONAL_DATA_PREFIXES.stream().anyMatch(p::startsWith));
    }

    static boolean auditRecords(Endpoint e) {
        return !e.requirement().anyOf().isEmpty() && e.requirement().anyOf().stream().allMatch(p -> p.startsWith("audit:"));
    }

    private List<String> reachable(String username, java.util.function.Predicate<Endpoint> which) {
        return cells.stream().filter(c -> c.role().username().equals(username) && which.test(c.endpoint()) && c.status() != 403
                        && c.called())
                .map(c -> c.endpoint().name() + " → " + c.status()).toList();
    }

    @Test
    void systemAdministratorGets403OnEveryPersonalDataAndAuditEndpoint() {
        assertThat(cells.stream().filter(c -> c.role().username().equals("sysadmin") && personalData(c.endpoint())).count()).isPositive();
        assertThat(reachable("sysadmin", e -> personalData(e) || e.requirement().anyOf().stream().anyMatch(p -> p.startsWith("audit:"))))
                .as("personal-data or audit endpoints the system administrator reaches").isEmpty();
    }

    @Test
    void securityAdministratorGets403OnEveryPersonalDataAndAuditEndpoint() {
        assertThat(reachable("secadmin", e -> personalData(e) || e.requirement().anyOf().stream().anyMatch(p -> p.startsWith("audit:"))))
                .as("personal-data or audit endpoints the security administrator reaches").isEmpty();
    }

    /**
     * The audit administrator reaches only audit records (read, export) and what every signed-in
     * user has: the home page, the login and token endpoints, the national code tables, and the
     * pages of one's own account ({@code /account/**}).
     */
    @Test
    void auditAdministratorReachesOnlyAuditRecordsAndTheirOwnAccount() {
        assertThat(reachable("auditadmin", e -> !auditRecords(e) && !ownAccountOrCommon(e)))
                .as("endpoints beyond the audit records that the audit administrator reaches").isEmpty();
        assertThat(reachable("auditadmin", EndpointRoleMatrixTests::auditRecords)).as("audit endpoints reached").isNotEmpty();
        assertThat(cells.stream().filter(c -> c.role().username().equals("auditadmin") && auditRecords(c.endpoint()))
                .allMatch(c -> c.status() != 403)).as("audit administrator reaches every audit endpoint").isTrue();
    }

    /** A talent account (kind TALENT) reaches its portal and what every signed-in user has, nothing of the staff's. */
    @Test
    void aTalentAccountReachesOnlyItsPortalAndItsOwnAccount() {
        // An endpoint that names talent:self among its permissions serves talents (a shared API such as
        // /api/v1/talent-services, which answers a talent with its own records only); every other one is staff's.
        assertThat(reachable("talent1", e -> !ownAccountOrCommon(e) && !e.requirement().anyOf().contains("talent:self")))
                .as("staff endpoints a talent account reaches").isEmpty();
        assertThat(reachable("talent1", e -> e.pattern().equals("/portal"))).as("the portal").isNotEmpty();
    }

    private static boolean ownAccountOrCommon(Endpoint e) {
        String p = e.pattern();
        return e.requirement().authenticatedOnly()
                && (p.equals("/") || p.equals("/login") || p.startsWith("/login/") || p.startsWith("/account/")
                || p.equals("/api/v1/auth/token") || p.startsWith("/api/v1/auth/") || p.startsWith("/api/v1/codes")
                || publicVerification(p));
    }

    /** The talent card's public verification (F71), open to anybody (the permitAll paths of SecurityConfiguration). */
    static boolean publicVerification(String p) {
        return p.equals("/verify") || p.equals("/verify/{number}") || p.equals("/api/v1/talent-cards/{number}/verify");
    }

    /** The reviewed matrix: one line per endpoint, the demo accounts it lets through (src/test/resources). */
    static final java.nio.file.Path APPROVED = java.nio.file.Path.of("src/test/resources/access/endpoint-role-matrix.txt");

    /**
     * The observed matrix equals the approved one kept in the repository. The checks above compare
     * the answers with the declarations and the roles as they are; this one makes any change of
     * either — a permission taken from or given to a demo role, an endpoint's {@code @PreAuthorize}
     * changed or removed, a new endpoint — a visible, reviewed diff. After a deliberate change, run
     * this class with {@code -Dzugong.matrix.approve=true} to rewrite the file, and review the diff.
     */
    @Test
    void theMatrixIsTheApprovedOne() throws Exception {
        List<String> observed = observedMatrix();
        if (Boolean.getBoolean("zugong.matrix.approve")) {
            java.nio.file.Files.createDirectories(APPROVED.getParent());
            java.nio.file.Files.write(APPROVED, observed);
        }
        List<String> approved = java.nio.file.Files.exists(APPROVED) ? java.nio.file.Files.readAllLines(APPROVED) : List.of();
        List<String> added = observed.stream().filter(l -> !approved.contains(l)).toList();
        List<String> removed = approved.stream().filter(l -> !l.startsWith("#") && !observed.contains(l)).toList();
        assertThat(added.isEmpty() && removed.isEmpty())
                .as("the role × endpoint matrix differs from " + APPROVED + " (rerun with -Dzugong.matrix.approve=true after a deliberate change)"
                        + "\nnot approved:\n" + String.join("\n", added) + "\nno longer observed:\n" + String.join("\n", removed))
                .isTrue();
    }

    /** Lines "METHOD pattern  @PreAuthorize  →  accounts let through" in pattern order. */
    private List<String> observedMatrix() {
        List<String> lines = new ArrayList<>();
        lines.add("# Role × endpoint matrix of the demo accounts (written by EndpointRoleMatrixTests with -Dzugong.matrix.approve=true).");
        lines.add("# METHOD pattern | declared permission | demo accounts let through (the others get 403)");
        for (Endpoint e : matrix.endpoints()) {
            String through = cells.stream().filter(c -> c.endpoint().equals(e) && (c.called() ? c.status() != 403 : c.allowed()))
                    .map(c -> c.role().username()).collect(Collectors.joining(" "));
            lines.add(e.name() + " | " + e.requirement().expression() + " | " + (through.isEmpty() ? "-" : through));
        }
        return lines;
    }

    /** A summary for the report: calls per demo role, allowed and refused. */
    @Test
    void theMatrixCoversEveryRoleAndEndpoint() {
        Map<String, String> summary = new LinkedHashMap<>();
        for (DemoRole role : roles) {
            long allowed = cells.stream().filter(c -> c.role().equals(role) && c.allowed()).count();
            long total = cells.stream().filter(c -> c.role().equals(role)).count();
            long called = cells.stream().filter(c -> c.role().equals(role) && c.called()).count();
            summary.put(role.username(), allowed + "/" + total + " allowed, " + called + " called");
        }
        System.out.println("Endpoint × role matrix: " + matrix.endpoints().size() + " endpoints × " + roles.size() + " roles = "
                + cells.size() + " cells, " + cells.stream().filter(Cell::called).count() + " calls; " + summary);
        assertThat(cells).hasSize(matrix.endpoints().size() * roles.size());
        Set<String> declared = new LinkedHashSet<>();
        matrix.endpoints().forEach(e -> declared.addAll(e.requirement().anyOf()));
        // The half-signed-in state of a second-factor login is an authority no role can hold, not a permission.
        declared.remove(SecondFactorPending.AUTHORITY);
        assertThat(org.zugong.platform.security.Permissions.ALL.keySet()).as("declared permissions exist").containsAll(declared);
        assertThat(jdbc.sql("SELECT username FROM access_user WHERE created_by = 'demo'").query(String.class).list())
                .as("every demo login is in the matrix").containsExactlyInAnyOrderElementsOf(DEMO_ACCOUNTS);
    }
}
