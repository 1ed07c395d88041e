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
            "POST /cadres/saved-searches/\\{id}/delete", "a saved search belongs to its user (deleted by id and user id), not to a county");

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

    private static final List<Subject> SUBJECTS = List.of(
            // persons and organizations
            subject("/(api/v1/)?persons/\\{id}.*", "id", t -> Optional.of(t.personInCounty(2))),
            subject("/(api/v1/)?organizations/\\{id}.*", "id", t -> Optional.of(t.county(2))),
            // cadre files and their sub-records
            subject("/(api/v1/)?cadres/\\{id}.*", "id", t -> t.foreignCadre()),
            subject("/cadres/person-tab/\\{personId}", "personId", t -> t.foreignCadre()),
            subject("/api/v1/cadres/teams/\\{orgId}", "orgId", t -> Optional.of(t.county(2))),
            subject("/(api/v1/)?cadres/\\{id}/posts/\\{postId}.*", "postId",
                    t -> t.first("SELECT min(id) FROM cadre_post WHERE person_id = " + t.foreignCadre().orElseThrow())),
            subject("/(api/v1/)?cadres/\\{id}/frontline/\\{recordId}.*", "recordId",
                    t -> t.first("SELECT min(id) FROM cadre_frontline WHERE person_id = " + t.foreignCadre().orElseThrow())),
            subject("/cadres/\\{id}/promotion-proposals/\\{proposalId}.*", "proposalId",
                    t -> t.first("SELECT min(id) FROM cadre_promotion_proposal WHERE person_id = " + t.foreignCadre().orElseThrow())),
            // assessment
            subject("/(api/v1/)?assessment/periods/\\{id}.*", "id", t -> t.foreignPeriod()),
            subject("/(api/v1/)?assessment/periods/\\{id}/results/\\{personId}.*", "personId",
                    t -> t.first("SELECT min(person_id) FROM assessment_result WHERE period_id = " + t.foreignPeriod().orElseThrow())),
            subject("/(api/v1/)?assessment/periods/\\{id}/units/\\{orgId}.*", "orgId",
                    t -> t.first("SELECT min(org_id) FROM assessment_result WHERE period_id = " + t.foreignPeriod().orElseThrow())),
            subject("/(api/v1/)?assessment/(profile|person-tab)/\\{personId}", "personId", t -> Optional.of(t.personInCounty(2))),
            subject("/(api/v1/)?assessment/schemes/\\{id}.*", "id",
                    t -> t.first("SELECT min(id) FROM assessment_scheme WHERE org_id IN " + IN_COUNTY2)),
            // supervision
            subject("/(api/v1/)?supervision/records/\\{id}.*", "id",
                    t -> t.first("SELECT min(id) FROM supervision_record WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?supervision/checks/\\{id}.*", "id",
                    t -> t.first("SELECT min(id) FROM supervision_report_check WHERE org_id IN " + IN_COUNTY2)),
            subject("/(api/v1/)?supervision/reports/\\{personId}/\\{year}", "personId",
                    t -> t.first("SELECT min(person_id) FROM supervision_report WHERE org_id IN " + IN_COUNTY2)),
            // warnings
            subject("/(api/v1/)?warnings/\\{id}.*", "id", t -> t.foreignWarning()),
            subject("/(api/v1/)?warnings/\\{id}/actions/\\{actionId}", "actionId",
                    t -> t.first("SELECT min(id) FROM warning_action WHERE warning_id = " + t.foreignWarning().orElseThrow())),
            // party-member development
            subject("/recruitment/\\{id}.*", "id", t -> t.foreignCandidate()),
            subject("/api/v1/recruitment/candidates/\\{id}.*", "id", t -> t.foreignCandidate()),
            subject("/(api/v1/)?recruitment/plans/\\{id}", "id",
                    t -> t.first("SELECT min(id) FROM recruitment_plan WHERE party_org_id IN " + IN_COUNTY2)),
            subject("/recruitment/mobile/\\{id}|/api/v1/recruitment/mobile-members/\\{id}", "id",
                    t -> t.first("SELECT min(id) FROM recruitment_mobile_member WHERE home_org_id IN " + IN_COUNTY2)));

    /** Path variables that qualify a record rather than name one: a plausible value, not another county's. */
    private static final Map<String, String> QUALIFIERS = Map.of("year", "2025", "step", "talk");

    private static Subject subject(String pattern, String variable, Function<HorizontalAccessTests, Optional<Long>> id) {
        return new Subject(Pattern.compile(pattern), variable, id);
    }

    private Optional<Long> foreignCadre() {
        return first("SELECT min(person_id) FROM cadre_profile WHERE org_id IN " + IN_COUNTY2);
    }

    private Optional<Long> foreignPeriod() {
        return first("SELECT min(id) FROM assessment_period WHERE org_id IN " + IN_COUNTY2);
    }

    private Optional<Long> foreignWarning() {
        return first("SELECT min(w.id) FROM warning w WHERE w.org_id IN " + IN_COUNTY2
                + " AND EXISTS (SELECT 1 FROM warning_action a WHERE a.warning_id = w.id)");
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
            assertThat(id).as("a county2 demo record for {" + variable + "} of " + e.name()).isPresent();
            values.put(variable, Long.toString(id.get()));
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
        MockHttpSession county1 = session("county1");
        String bearer = bearer("county1");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : idTaking()) {
            if (exempt(e)) {
                continue;
            }
            Map<String, String> values = foreignValues(e).orElseThrow();
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
            checked++;
            String call = e.name() + " " + values;
            if (status != 404) {
                failures.add(call + ": expected 404, got " + status);
            } else if (after <= before) {
                failures.add(call + ": 404 but no ACCESS_DENIED audit row");
            }
        }
        System.out.println("Horizontal access: " + checked + " id-taking endpoints called with county2 records as county1");
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).as(failures.size() + " of " + checked + " calls:\n" + String.join("\n", failures)).isEmpty();
    }
}
