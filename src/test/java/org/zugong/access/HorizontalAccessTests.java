package org.zugong.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zugong.IntegrationTest;
import org.zugong.access.EndpointMatrix.Endpoint;

/**
 * Horizontal privilege (ASVS 8.2): every endpoint that takes a record id in its path, called by the
 * county1 department with the id of a record of another county (county2), answers 404 — the same as
 * for an id that does not exist — and writes an ACCESS_DENIED audit row. The endpoints come from the
 * handler mappings, so a new id-taking endpoint fails {@link #everyEndpointWithAnIdInItsPathIsCoveredOrExempt}
 * until it is given a case here or an exemption with its reason.
 */
class HorizontalAccessTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /**
     * Endpoints whose path variables are not records of a jurisdiction, with the reason. Matched
     * against "METHOD pattern" as a regular expression.
     */
    static final Map<String, String> EXEMPT = Map.of(
            "(GET|POST) /admin/.*", "account and role administration: installation-wide (三员分立 admins hold the ALL scope), "
                    + "guarded by user:manage / role:manage, which a county department does not hold (EndpointRoleMatrixTests)",
            "GET /api/v1/codes/\\{id}", "national code tables: not records of anybody",
            "(GET|POST) /(api/v1/)?warnings/rules/\\{id}.*", "warning rules are department-wide data, not records of a county (docs/notes.md, issue 5)",
            "(GET|POST) /api/v1/supervision/reports/\\{year}/draws", "a year, not a record: the draw lists and draws within the caller's jurisdiction",
            "POST /cadres/import/\\{batchId}/confirm", "an upload batch belongs to the user who uploaded it (looked up by user id), not to a county",
            "POST /cadres/saved-searches/\\{id}/delete", "a saved search belongs to its user (deleted by id and user id), not to a county",
            "DELETE /api/v1/users/\\{id}/sessions", "account administration like /admin/users: the security administrator's, installation-wide",
            "(GET|POST) /(api/v1/)?portal/applications/\\{id}.*", "a talent's own applications, looked up by the signed-in talent's person: staff hold no "
                    + "talent:self (403); another talent's application answers 404 and is audited (RecognitionPortalTests)",
            "(POST|PUT) /(api/v1/)?talent-services/types/\\{code}", "service types are installation-wide data like warning rules; "
                    + "the county department an edit sets is always the caller's own county's",
            "GET /(verify|api/v1/talent-cards)/\\{number}(/verify)?", "the talent card's public verification: anybody, by card number, "
                    + "showing a masked name only (CardVerificationTests)");

    /** Which demo record of county2 a path variable names, by the endpoint's pattern. */
    private record Subject(Pattern pattern, String variable, Function<HorizontalAccessTests, Optional<Long>> foreignId) {
    }

    private final Map<String, Optional<Long>> cache = new LinkedHashMap<>();

    private String foreignPrefix() {
        return jdbc.sql("SELECT path FROM org_organization WHERE id = :c").param("c", county(2)).query(String.class).single();
    }

    /** The smallest id the SQL finds with {@code :p} bound to county2's path prefix. */
    private Optional<Long> first(String sql) {
        return cache.computeIfAbsent(sql, q -> jdbc.sql(q).param("p", foreignPrefix() + "%").query(Long.class).optional());
    }

    private static final String IN_COUNTY2 = "(SELECT id FROM org_organization WHERE path LIKE :p)";
    private static final String CADRES_IN_COUNTY2 = "(SELECT person_id FROM cadre_profile WHERE org_id IN " + IN_COUNTY2 + ")";

    /**
     * Records of county2 of the kinds the demo data has none of there (三将干部, promotion proposals,
     * warning actions, plans, mobile members, report checks): added once, marked 'horizontal-test'.
     */
    private void ensureForeignRecords() {
        String p = foreignPrefix() + "%";
        long cadre = foreignCadre().orElseThrow();
        jdbc.sql("""
                INSERT INTO cadre_frontline (person_id, task, task_kind, start_date, recommending_org_id, created_by, updated_by)
                SELECT :cadre, '越权访问测试任务', '抗洪抢险', DATE '2025-01-01', :org, 'horizontal-test', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM cadre_frontline WHERE person_id IN """ + CADRES_IN_COUNTY2 + ")")
                .param("cadre", cadre).param("org", county(2)).param("p", p).update();
        jdbc.sql("""
                INSERT INTO cadre_promotion_proposal (person_id, proposed_post, proposed_on, created_by, updated_by)
                SELECT :cadre, '越权访问测试职务', DATE '2025-01-01', 'horizontal-test', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM cadre_promotion_proposal WHERE person_id IN """ + CADRES_IN_COUNTY2 + ")")
                .param("cadre", cadre).param("p", p).update();
        jdbc.sql("""
                INSERT INTO warning_action (warning_id, kind, due_date, created_by)
                SELECT :warning, '其他', DATE '2025-01-01', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM warning_action WHERE warning_id IN (SELECT id FROM warning WHERE org_id IN """ + IN_COUNTY2 + "))")
                .param("warning", foreignWarning().orElseThrow()).param("p", p).update();
        jdbc.sql("""
                INSERT INTO recruitment_plan (party_org_id, year, total_target, created_by, updated_by)
                SELECT :org, 2099, 0, 'horizontal-test', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM recruitment_plan WHERE party_org_id IN """ + IN_COUNTY2 + ")")
                .param("org", county(2)).param("p", p).update();
        jdbc.sql("""
                INSERT INTO recruitment_mobile_member (person_id, direction, home_org_id, receiving_org_name, reason, left_on, created_by, updated_by)
                SELECT :person, 'OUTFLOW', :org, '越权访问测试单位', 'WORK', DATE '2025-01-01', 'horizontal-test', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM recruitment_mobile_member WHERE home_org_id IN """ + IN_COUNTY2 + ")")
                .param("person", personInCounty(2)).param("org", county(2)).param("p", p).update();
        jdbc.sql("""
                INSERT INTO supervision_report_check (person_id, org_id, year, reason, created_by, updated_by)
                SELECT :cadre, :org, 1999, '凡提必核', 'horizontal-test', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM supervision_report_check WHERE org_id IN """ + IN_COUNTY2 + ")")
                .param("cadre", cadre).param("org", county(2)).param("p", p).update();
        cache.clear();
    }

    /** Removes what {@link #ensureForeignRecords()}, {@link #foreignPeriod()} and {@link #foreignScheme()} added. */
    @org.junit.jupiter.api.AfterEach
    void removeForeignRecords() {
        jdbc.sql("DELETE FROM cadre_frontline WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM cadre_promotion_proposal WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM warning_action WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM recruitment_plan WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM recruitment_mobile_member WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM supervision_report_check WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM assessment_period WHERE opened_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM assessment_scheme WHERE created_by = 'horizontal-test'").update();
        jdbc.sql("DELETE FROM talent_service_attachment WHERE created_by = 'horizontal-test'").update();
        cache.clear();
    }

    private static final List<Subject> SUBJECTS = List.of(
            // persons and organizations
            subject("/(api/v1/)?persons/\\{id}.*", "id", t -> Optional.of(t.personInCounty(2))),
            subject("/(api/v1/)?organizations/\\{id}.*", "id", t -> Optional.of(t.county(2))),
            // cadre files and their sub-records
            subject("/(api/v1/)?cadres/\\{id}.*", "id", t -> t.foreignCadre()),
            subject("/cadres/person-tab/\\{personId}", "personId", t -> t.foreignCadre()),
            subject("/api/v1/cadres/teams/\\{orgId}", "orgId", t -> Optional.of(t.county(2))),
            subject("/(api/v1/)?cadres/\\{id}/posts/\\{postId}.*", "postId",
                    t -> t.first("SELECT min(id) FROM cadre_post WHERE person_id IN " + CADRES_IN_COUNTY2)),
            subject("/(api/v1/)?cadres/\\{id}/frontline/\\{recordId}.*", "recordId",
                    t -> t.first("SELECT min(id) FROM cadre_frontline WHERE person_id IN " + CADRES_IN_COUNTY2)),
            subject("/cadres/\\{id}/promotion-proposals/\\{proposalId}.*", "proposalId",
                    t -> t.first("SELECT min(id) FROM cadre_promotion_proposal WHERE person_id IN " + CADRES_IN_COUNTY2)),
            // assessment
            subject("/(api/v1/)?assessment/periods/\\{id}.*", "id", t -> t.foreignPeriod()),
            subject("/(api/v1/)?assessment/periods/\\{id}/results/\\{personId}.*", "personId",
                    t -> t.first("SELECT min(person_id) FROM assessment_result WHERE org_id IN " + IN_COUNTY2
                            + " AND period_id = " + t.cityPeriodWithForeignResults().orElseThrow())),
            subject("/(api/v1/)?assessment/periods/\\{id}/units/\\{orgId}.*", "orgId",
                    t -> t.first("SELECT min(org_id) FROM assessment_result WHERE org_id IN " + IN_COUNTY2
                            + " AND period_id = " + t.cityPeriodWithForeignResults().orElseThrow())),
            subject("/(api/v1/)?assessment/(profile|person-tab)/\\{personId}", "personId", t -> Optional.of(t.personInCounty(2))),
            subject("/recruitment/person-tab/\\{personId}", "personId", t -> Optional.of(t.personInCounty(2))),
            subject("/(api/v1/)?assessment/schemes/\\{id}.*", "id", t -> t.foreignScheme()),
            // supervision
            subject("/(api/v1/)?supervision/records/\\{id}.*", "id",
                    t -> t.first("SELECT min(id) FROM supervision_record WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?supervision/checks/\\{id}.*", "id",
                    t -> t.first("SELECT min(id) FROM supervision_report_check WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?supervision/reports/\\{personId}/\\{year}", "personId", t -> t.foreignCadre()),
            // warnings
            subject("/(api/v1/)?warnings/\\{id}.*", "id", t -> t.foreignWarning()),
            subject("/(api/v1/)?warnings/\\{id}/actions/\\{actionId}", "actionId",
                    t -> t.first("SELECT min(id) FROM warning_action WHERE warning_id IN (SELECT id FROM warning WHERE org_id IN "
                            + IN_COUNTY2 + ")")),
            // party-member development
            subject("/recruitment/\\{id}.*", "id", t -> t.foreignCandidate()),
            subject("/api/v1/recruitment/candidates/\\{id}.*", "id", t -> t.foreignCandidate()),
            subject("/(api/v1/)?recruitment/plans/\\{id}", "id",
                    t -> t.first("SELECT min(id) FROM recruitment_plan WHERE party_org_id IN " + IN_COUNTY2)),
            subject("/recruitment/mobile/\\{id}|/api/v1/recruitment/mobile-members/\\{id}", "id",
                    t -> t.first("SELECT min(id) FROM recruitment_mobile_member WHERE home_org_id IN " + IN_COUNTY2)),
            // talents (scoped by the employer unit)
            subject("/(api/v1/)?talents/\\{id}.*", "id", t -> t.first("SELECT min(id) FROM talent WHERE org_id IN " + IN_COUNTY2)),
            subject("/talents/person-tab/\\{personId}", "personId", t -> Optional.of(t.personInCounty(2))),
            // talent recognition (scoped by the employer unit), rural points (by the person's unit)
            subject("/(api/v1/)?talent-applications/\\{id}.*", "id", t -> t.first("SELECT min(id) FROM talent_application WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?talent-applications/\\{id}/evidence/\\{evidenceId}", "evidenceId",
                    t -> t.first("SELECT min(e.id) FROM talent_application_evidence e JOIN talent_application a ON a.id = e.application_id WHERE a.org_id IN "
                            + IN_COUNTY2)),
            subject("/talent-applications/person-tab/\\{personId}.*", "personId", t -> Optional.of(t.personInCounty(2))),
            subject("/talent-applications/talent-section/\\{talentId}", "talentId",
                    t -> t.first("SELECT min(id) FROM talent WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?talent-points/\\{id}.*", "id", t -> t.first("SELECT min(id) FROM talent_point_entry WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?talent-points/candidates/\\{personId}/recommend", "personId", t -> Optional.of(t.personInCounty(2))),
            // one-stop service requests (scoped by the talent's unit; a talent reaches its own only)
            subject("/(api/v1/talent-services|talent-services|portal/services)/\\{id}.*", "id",
                    t -> t.first("SELECT min(id) FROM talent_service_request WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/talent-services|talent-services|portal/services)/\\{id}/attachments/\\{attachmentId}", "attachmentId",
                    t -> t.foreignServiceAttachment()),
            subject("/talent-services/section/\\{talentId}", "talentId", t -> t.first("SELECT min(id) FROM talent WHERE org_id IN " + IN_COUNTY2)));

    /**
     * Who probes which endpoints when county1's department lacks the permission: the talent endpoints are
     * county 1's 人才办 (talentoffice, scoped to county 1 like county1). Matched against the pattern; others are county1.
     */
    static final Map<String, String> CALLERS = Map.of("/(api/v1/)?talents(/.*)?", "talentoffice",
            "/(api/v1/)?(talent-applications|talent-points)(/.*)?", "talentoffice",
            "/(api/v1/)?talent-services(?!/\\{id}/(withdraw|rating|attachments)$)(/.*)?", "talentoffice",
            "/api/v1/talent-services/\\{id}/(withdraw|rating|attachments)", "talent1",
            "/portal/.*", "talent1");

    private static String callerOf(Endpoint e) {
        return CALLERS.entrySet().stream().filter(c -> e.pattern().matches(c.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("county1");
    }

    /**
     * Second calls for sub-records: the parent in the path is one the caller may see (its own cadre,
     * its own warning, the city's period), the sub-record another county's. The application must not
     * take the sub-record id on trust because the parent passed.
     */
    private static final List<Subject> VISIBLE_PARENTS = List.of(
            subject("/(api/v1/)?cadres/\\{id}/(posts|frontline|promotion-proposals)/\\{[a-zA-Z]+}.*", "id", t -> t.ownCadre()),
            subject("/(api/v1/)?warnings/\\{id}/actions/\\{actionId}", "id", t -> t.ownWarning()),
            subject("/(api/v1/)?assessment/periods/\\{id}/(results|units)/\\{[a-zA-Z]+}.*", "id", t -> t.cityPeriodWithForeignResults()),
            subject("/talent-applications/\\{id}/evidence/\\{evidenceId}", "id",
                    t -> t.first("SELECT min(id) FROM talent_application WHERE org_id NOT IN " + IN_COUNTY2 + " AND org_id IN "
                            + "(SELECT id FROM org_organization WHERE path LIKE (SELECT path FROM org_organization WHERE id = " + t.county(1) + ") || '%')")),
            subject("/(api/v1/talent-services|talent-services|portal/services)/\\{id}/attachments/\\{attachmentId}", "id",
                    t -> t.talent1ServiceRequest()));

    /** Path variables that qualify a record rather than name one: a plausible value, not another county's. */
    private static final Map<String, String> QUALIFIERS = Map.of("year", "2025", "step", "talk");

    private static final String NO_RECORD = "no-county2-record";

    private static Subject subject(String pattern, String variable, Function<HorizontalAccessTests, Optional<Long>> id) {
        return new Subject(Pattern.compile(pattern), variable, id);
    }

    private Optional<Long> foreignCadre() {
        return first("SELECT min(person_id) FROM cadre_profile WHERE org_id IN " + IN_COUNTY2);
    }

    /**
     * A period owned by county2. The demo periods are the city's (which a county sees, for its own
     * units), so the test adds one closed period of county2 in a year nobody else uses.
     */
    private Optional<Long> foreignPeriod() {
        jdbc.sql("""
                INSERT INTO assessment_period (org_id, kind, year, quarter, name, status, publicity_days, excellent_percent, opened_by)
                VALUES (:org, 'ROUTINE', 1999, 1, '1999年第一季度平时考核（越权访问测试）', 'CLOSED', 0, 20, 'horizontal-test')
                ON CONFLICT DO NOTHING""").param("org", county(2)).update();
        return first("SELECT min(id) FROM assessment_period WHERE org_id IN " + IN_COUNTY2);
    }

    /** A scheme of county2 (the demo schemes are the city's): added once, without indicators. */
    private Optional<Long> foreignScheme() {
        jdbc.sql("""
                INSERT INTO assessment_scheme (org_id, name, unit_category, post_type, valid_from, created_by, updated_by)
                SELECT :org, '越权访问测试方案', '机关', '综合管理类', DATE '2025-01-01', 'horizontal-test', 'horizontal-test'
                WHERE NOT EXISTS (SELECT 1 FROM assessment_scheme WHERE created_by = 'horizontal-test')""").param("org", county(2)).update();
        return first("SELECT min(id) FROM assessment_scheme WHERE org_id IN " + IN_COUNTY2);
    }

    /** A demo period of the city with results in county2 (visible to county1 for county1's own units only). */
    private Optional<Long> cityPeriodWithForeignResults() {
        return first("SELECT min(r.period_id) FROM assessment_result r JOIN assessment_period p ON p.id = r.period_id "
                + "WHERE r.org_id IN " + IN_COUNTY2 + " AND p.org_id NOT IN " + IN_COUNTY2);
    }

    private Optional<Long> ownCadre() {
        return Optional.of(jdbc.sql("SELECT min(person_id) FROM cadre_profile WHERE org_id IN (SELECT id FROM org_organization WHERE path LIKE "
                + "(SELECT path FROM org_organization WHERE id = :c) || '%')").param("c", county(1)).query(Long.class).single());
    }

    private Optional<Long> ownWarning() {
        return Optional.of(jdbc.sql("SELECT min(id) FROM warning WHERE org_id IN (SELECT id FROM org_organization WHERE path LIKE "
                + "(SELECT path FROM org_organization WHERE id = :c) || '%')").param("c", county(1)).query(Long.class).single());
    }

    private Optional<Long> foreignWarning() {
        return first("SELECT min(w.id) FROM warning w WHERE w.org_id IN " + IN_COUNTY2);
    }

    /** An attachment of a county2 service request (the demo has none): added once, marked 'horizontal-test'. */
    private Optional<Long> foreignServiceAttachment() {
        jdbc.sql("""
                INSERT INTO talent_service_attachment (request_id, file_name, content_type, size, content, created_by)
                SELECT min(id), '越权访问测试.pdf', 'application/pdf', 5, '%PDF-'::bytea, 'horizontal-test' FROM talent_service_request
                WHERE org_id IN """ + IN_COUNTY2 + """
                 HAVING NOT EXISTS (SELECT 1 FROM talent_service_attachment WHERE created_by = 'horizontal-test')""")
                .param("p", foreignPrefix() + "%").update();
        return first("SELECT min(a.id) FROM talent_service_attachment a JOIN talent_service_request r ON r.id = a.request_id WHERE r.org_id IN "
                + IN_COUNTY2);
    }

    /** talent1's own request (county 1): visible to county 1's talent office and to talent1. */
    private Optional<Long> talent1ServiceRequest() {
        return Optional.of(jdbc.sql("""
                SELECT min(r.id) FROM talent_service_request r JOIN talent t ON t.id = r.talent_id
                JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1'""").query(Long.class).single());
    }

    private Optional<Long> foreignCandidate() {
        return first("SELECT min(id) FROM recruitment_candidate WHERE branch_org_id IN " + IN_COUNTY2);
    }

    private static boolean exempt(Endpoint e) {
        return EXEMPT.keySet().stream().anyMatch(rx -> e.name().matches(rx));
    }

    private List<Endpoint> idTaking() {
        return new EndpointMatrix(mappings).endpoints().stream().filter(e -> !e.pathVariables().isEmpty()).toList();
    }

    /** The county2 ids for each record variable of the endpoint, or empty when a variable has no subject. */
    private Optional<Map<String, String>> foreignValues(Endpoint e) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : e.pathVariables()) {
            if (QUALIFIERS.containsKey(variable)) {
                values.put(variable, QUALIFIERS.get(variable));
                continue;
            }
            Optional<Subject> subject = SUBJECTS.stream()
                    .filter(s -> s.variable().equals(variable) && s.pattern().matcher(e.pattern()).matches())
                    .reduce((a, b) -> b); // the most specific rule is listed last
            if (subject.isEmpty()) {
                return Optional.empty();
            }
            Optional<Long> id = subject.get().foreignId().apply(this);
            values.put(variable, id.map(String::valueOf).orElse(NO_RECORD));
        }
        return Optional.of(values);
    }

    @Test
    void everyEndpointWithAnIdInItsPathIsCoveredOrExempt() {
        List<String> uncovered = new ArrayList<>();
        for (Endpoint e : idTaking()) {
            if (exempt(e)) {
                continue;
            }
            for (String variable : e.pathVariables()) {
                boolean covered = QUALIFIERS.containsKey(variable) || SUBJECTS.stream()
                        .anyMatch(s -> s.variable().equals(variable) && s.pattern().matcher(e.pattern()).matches());
                if (!covered) {
                    uncovered.add(e.name() + " {" + variable + "}");
                }
            }
        }
        assertThat(uncovered).as("id-taking endpoints without a horizontal-access case or an exemption").isEmpty();
    }

    @Test
    void aCountyAddressingAnotherCountysRecordGets404AndTheProbeIsAudited() throws Exception {
        ensureForeignRecords();
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : idTaking()) {
            if (exempt(e)) {
                continue;
            }
            List<Map<String, String>> calls = new ArrayList<>();
            Map<String, String> values = foreignValues(e).orElseThrow();
            if (values.containsValue(NO_RECORD)) {
                failures.add(e.name() + " " + values + ": no record of county2 to address");
                continue;
            }
            calls.add(values);
            for (Subject parent : VISIBLE_PARENTS) {
                if (parent.pattern().matcher(e.pattern()).matches()) {
                    Map<String, String> withOwnParent = new LinkedHashMap<>(values);
                    withOwnParent.put(parent.variable(), Long.toString(parent.foreignId().apply(this).orElseThrow()));
                    calls.add(withOwnParent);
                }
            }
            for (Map<String, String> call : calls) {
                checked++;
                String caller = callerOf(e);
                String failure = probe(e, call, sessions.computeIfAbsent(caller, this::session), bearer(caller));
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        System.out.println("Horizontal access: " + checked + " calls to id-taking endpoints with county2 records as county1");
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).as(failures.size() + " of " + checked + " calls:\n" + String.join("\n", failures)).isEmpty();
    }

    /** One call as county1; null when it answered 404 and audited the attempt, else what went wrong. */
    private String probe(Endpoint e, Map<String, String> values, MockHttpSession county1, String bearer) {
        {
            // Every field filled, so that body validation (which runs before the handler) passes and the
            // jurisdiction check decides.
            var request = EndpointMatrix.request(e, true, values);
            if (e.api()) {
                request.header(HttpHeaders.AUTHORIZATION, bearer);
            } else {
                request.session(county1).with(csrf());
            }
            long before = auditCount("ACCESS_DENIED");
            int status;
            try {
                status = mvc.perform(request).andReturn().getResponse().getStatus();
            } catch (Exception ex) {
                status = 500;
            }
            long after = auditCount("ACCESS_DENIED");
            String call = e.name() + " " + values;
            if (status != 404) {
                return call + ": expected 404, got " + status;
            } else if (after <= before) {
                return call + ": 404 but no ACCESS_DENIED audit row";
            }
            return null;
        }
    }
}
