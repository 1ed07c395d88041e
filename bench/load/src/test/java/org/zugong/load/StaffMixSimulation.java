package org.zugong.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Issue 8's load test: the staff's mix through the API (bearer token) and the dashboards through a page session,
 * each virtual user logging in once and then looping (with no think time unless {@code think} is set) over a weighted
 * random choice of requests.
 * Request names are the report's rows (p50/p95/p99 per type).
 *
 * <p>Parameters (system properties): {@code base} (http://localhost:8190), {@code users} (50), {@code ramp} seconds
 * (30), {@code duration} seconds of full load after the ramp (60), {@code user} (province; county for a county-scoped
 * account), {@code password} (Zugong@2026), {@code audited} (true; false replaces the two audited reads by cadre
 * searches), {@code think} (0: milliseconds each user waits after each answer). The ids the requests pick from are fetched once, when the class loads, as the same user; when no
 * open assessment period has a gradable result per user, one is opened over the city (or root) with the most
 * cadres (the data sets' ten periods are all closed).
 */
public class StaffMixSimulation extends Simulation {

    static final String BASE = System.getProperty("base", "http://localhost:8190");
    static final int USERS = Integer.getInteger("users", 50);
    static final int RAMP = Integer.getInteger("ramp", 30);
    static final int DURATION = Integer.getInteger("duration", 60);
    static final String USER = System.getProperty("user", "province");
    static final String PASSWORD = System.getProperty("password", "Zugong@2026");
    /** false: the audited reads (cadre file, roster) become cadre searches, to see what the audit chain's lock costs. */
    static final boolean AUDITED = Boolean.parseBoolean(System.getProperty("audited", "true"));
    /** Milliseconds each user waits after each answer (0: none, the target case). */
    static final int THINK = Integer.getInteger("think", 0);

    /** What the requests pick from: fetched once before the load, read-only afterwards. */
    static final class Ids {
        final List<Long> treeNodes = new ArrayList<>();  // nodes whose children are browsed
        final List<Long> counties = new ArrayList<>();   // subtree filters of searches and lists
        final List<Long> cadres = new ArrayList<>();     // cadre files to open
        final List<Long> units = new ArrayList<>();      // units with cadres: one-unit roster exports
        final List<Long> periods = new ArrayList<>();    // periods whose results and progress are listed
        long distributionPeriod;                         // the latest annual period: the distribution dashboard
        long openPeriod = -1;                            // the period results are entered into (-1: none)
        String openGrade;                                // a grade valid for it
        final List<Long> gradable = new ArrayList<>();   // persons with a result still before 公示 in it
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Ids IDS = fetchIds();
    static final AtomicInteger NEXT_SLOT = new AtomicInteger();

    static long pick(List<Long> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    static Function<Session, String> url(java.util.function.Supplier<String> path) {
        return session -> path.get();
    }

    // ---- the requests of the mix --------------------------------------------------------------------------

    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(BASE)
            .acceptHeader("application/json")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("zugong-load/1.0"); // each virtual user keeps its own keep-alive connection, as a browser does

    static ChainBuilder api(String name, java.util.function.Supplier<String> path) {
        return exec(http(name).get(url(path)).header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    static final ChainBuilder TREE_ROOTS = api("tree: roots", () -> "/api/v1/organizations");
    static final ChainBuilder TREE_CHILDREN = api("tree: children",
            () -> "/api/v1/organizations?parentId=" + pick(IDS.treeNodes));
    static final ChainBuilder PERSONS = api("persons: first page",
            () -> "/api/v1/persons?orgId=" + pick(IDS.counties) + "&page=0&size=20");
    static final ChainBuilder PERSONS_FILTERED = api("persons: first page, filtered",
            () -> "/api/v1/persons?orgId=" + pick(IDS.counties) + "&sex=" + (1 + ThreadLocalRandom.current().nextInt(2))
                    + "&ageMin=30&ageMax=45&page=0&size=20");
    static final ChainBuilder CADRES = api("cadres: first page",
            () -> "/api/v1/cadres?orgId=" + pick(IDS.counties) + "&page=0&size=20");
    static final ChainBuilder CADRE_FILE = api("cadre file", () -> "/api/v1/cadres/" + pick(IDS.cadres));
    static final ChainBuilder PERIODS = api("assessment: periods", () -> "/api/v1/assessment/periods?page=0&size=20");
    static final ChainBuilder RESULTS = api("assessment: results first page",
            () -> "/api/v1/assessment/periods/" + pick(IDS.periods) + "/results?orgId=" + pick(IDS.counties) + "&page=0&size=20");
    static final ChainBuilder UNITS = api("assessment: units progress",
            () -> "/api/v1/assessment/periods/" + pick(IDS.periods) + "/units?orgId=" + pick(IDS.counties) + "&page=0&size=20");
    static final ChainBuilder WARNINGS = api("warnings: first page",
            () -> "/api/v1/warnings?orgId=" + pick(IDS.counties) + "&status=OPEN&page=0&size=20");
    static final ChainBuilder CANDIDATES = api("recruitment: candidates first page",
            () -> "/api/v1/recruitment/candidates?orgId=" + pick(IDS.counties) + "&page=0&size=20");
    static final ChainBuilder CALENDAR = api("recruitment: calendar",
            () -> "/api/v1/recruitment/calendar?orgId=" + pick(IDS.counties) + "&days=30");
    static final ChainBuilder ROSTER = exec(http("cadres: roster.xlsx of one unit")
            .get(url(() -> "/api/v1/cadres/roster.xlsx?orgId=" + pick(IDS.units)
                    + "&columns=NAME&columns=SEX&columns=BIRTH&columns=UNIT&columns=CURRENT_POST"))
            .header("Authorization", "Bearer #{token}")
            .check(status().is(200), header("Content-Type").find().exists()));

    /**
     * A grade with its reason on a result still before 公示. Each virtual user writes only its own person (its slot):
     * two users grading one result at once would get 409 (optimistic version), which is right but no load figure;
     * users beyond the gradable results list the results instead.
     */
    static final ChainBuilder ENTER_RESULT = exec(http("assessment: enter a grade")
            .put(session -> "/api/v1/assessment/periods/" + IDS.openPeriod + "/results/" + IDS.gradable.get(session.getInt("slot")))
            .header("Authorization", "Bearer #{token}")
            .header("Content-Type", "application/json")
            .body(StringBody("{\"grade\":\"" + IDS.openGrade + "\",\"reason\":\"负载测试录入\"}"))
            .check(status().is(200)));

    // Dashboards are pages (a session with its CSRF token), as the staff open them.
    static final ChainBuilder PAGE_LOGIN = exec(http("page: login form").get("/login").header("Accept", "text/html")
            .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("page: login").post("/login").header("Accept", "text/html")
                    .formParam("username", USER).formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                    .check(status().is(200), currentLocation().not(BASE + "/login?error")));
    static ChainBuilder page(String name, java.util.function.Supplier<String> path) {
        return exec(http(name).get(url(path)).header("Accept", "text/html").check(status().is(200)));
    }
    static final ChainBuilder HOME = page("dashboard: home", () -> "/");
    static final ChainBuilder WARNING_STATS = page("dashboard: warning statistics", () -> "/warnings/stats");
    static final ChainBuilder DISTRIBUTION = page("dashboard: grade distribution",
            () -> "/assessment/periods/" + IDS.distributionPeriod + "/distribution?orgId=" + pick(IDS.counties));

    static final ChainBuilder LOGIN = exec(http("api: token").post("/api/v1/auth/token")
            .header("Content-Type", "application/json")
            .body(StringBody("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
            .check(status().is(200), jsonPath("$.token").saveAs("token")));

    /** The mix in percent: reads of lists and files dominate, one request in twenty writes, one in fifty exports. */
    static ChainBuilder mix() {
        boolean writes = IDS.openPeriod > 0 && !IDS.gradable.isEmpty();
        return randomSwitch().on(
                percent(5.0).then(TREE_ROOTS),
                percent(12.0).then(TREE_CHILDREN),
                percent(9.0).then(PERSONS),
                percent(7.0).then(PERSONS_FILTERED),
                percent(10.0).then(CADRES),
                percent(14.0).then(AUDITED ? CADRE_FILE : CADRES),
                percent(3.0).then(PERIODS),
                percent(5.0).then(RESULTS),
                percent(4.0).then(UNITS),
                percent(5.0).then(writes ? doIfOrElse(session -> session.getInt("slot") < IDS.gradable.size())
                        .then(ENTER_RESULT).orElse(RESULTS) : RESULTS),
                percent(7.0).then(WARNINGS),
                percent(4.0).then(WARNING_STATS),
                percent(3.0).then(DISTRIBUTION),
                percent(2.0).then(HOME),
                percent(5.0).then(CANDIDATES),
                percent(3.0).then(CALENDAR),
                percent(2.0).then(AUDITED ? ROSTER : CADRES));
    }

    ScenarioBuilder staff = scenario("staff (" + USER + ")")
            .exec(session -> session.set("slot", NEXT_SLOT.getAndIncrement()))
            .exec(LOGIN)
            .exec(PAGE_LOGIN)
            .exitHereIfFailed()
            .forever().on(THINK > 0 ? mix().pause(Duration.ofMillis(THINK)) : mix());

    {
        setUp(staff.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(RAMP))))
                .protocols(PROTOCOL)
                .maxDuration(Duration.ofSeconds(RAMP + DURATION));
    }

    // ---- set-up through the API, before the load ------------------------------------------------------------

    static Ids fetchIds() {
        try {
            Setup s = new Setup();
            Ids ids = new Ids();
            JsonNode roots = s.get("/api/v1/organizations");
            List<Long> cities = new ArrayList<>();
            for (JsonNode r : roots) {
                ids.treeNodes.add(r.get("id").asLong());
                if ("COUNTY".equals(r.get("kind").asText())) {
                    ids.counties.add(r.get("id").asLong());
                }
                for (JsonNode c : s.get("/api/v1/organizations?parentId=" + r.get("id").asLong())) {
                    ids.treeNodes.add(c.get("id").asLong());
                    if ("CITY".equals(c.get("kind").asText())) {
                        cities.add(c.get("id").asLong());
                    } else if ("COUNTY".equals(c.get("kind").asText())) {
                        ids.counties.add(c.get("id").asLong());
                    }
                }
            }
            for (long city : cities) {
                for (JsonNode c : s.get("/api/v1/organizations?parentId=" + city)) {
                    ids.treeNodes.add(c.get("id").asLong());
                    if ("COUNTY".equals(c.get("kind").asText())) {
                        ids.counties.add(c.get("id").asLong());
                    }
                }
            }
            if (ids.counties.isEmpty()) { // a user below county level: its roots are the subtrees it works in
                ids.counties.addAll(ids.treeNodes.subList(0, roots.size()));
            }
            // Cadre files and units from the first page of up to 40 counties' cadre lists.
            Set<Long> units = new LinkedHashSet<>();
            for (int i = 0; i < Math.min(40, ids.counties.size()); i++) {
                long county = ids.counties.get(ThreadLocalRandom.current().nextInt(ids.counties.size()));
                JsonNode page = s.get("/api/v1/cadres?orgId=" + county + "&page=0&size=200");
                for (JsonNode c : page.get("content")) {
                    ids.cadres.add(c.get("id").asLong());
                    units.add(c.get("orgId").asLong());
                }
            }
            ids.units.addAll(units);
            // Periods: every one for the lists, the latest annual one for the distribution dashboard, and an open
            // one with results still before 公示 for the writes.
            for (JsonNode p : s.get("/api/v1/assessment/periods?page=0&size=50")) {
                // Lists filter by a random county: only periods over a whole root of the jurisdiction cover each one
                // (a county outside a period's subtree answers 404, and is audited as an attempt).
                String periodPath = p.get("orgPath").asText();
                boolean coversRoots = false;
                for (JsonNode r : roots) {
                    coversRoots |= r.get("path").asText().startsWith(periodPath);
                }
                if (coversRoots) {
                    ids.periods.add(p.get("id").asLong());
                }
                if (coversRoots && "ANNUAL".equals(p.get("kind").asText()) && ids.distributionPeriod == 0) {
                    ids.distributionPeriod = p.get("id").asLong();
                }
                if ("OPEN".equals(p.get("status").asText()) && ids.gradable.size() < USERS) {
                    useForWrites(s, ids, p.get("id").asLong(), "ROUTINE".equals(p.get("kind").asText()) ? "较好" : "2");
                }
            }
            // None with a result per user: a routine period of 2026 over the city (or root) with the most cadres (the
            // population is its civil servants); it stays open in the data set, so later runs reuse it.
            long biggest = -1;
            long biggestCount = -1;
            for (long node : cities.isEmpty() ? ids.treeNodes.subList(0, roots.size()) : cities) {
                long n = s.get("/api/v1/cadres?orgId=" + node + "&page=0&size=1").get("page").get("totalElements").asLong();
                if (n > biggestCount) {
                    biggestCount = n;
                    biggest = node;
                }
            }
            for (int quarter = 1; quarter <= 4 && ids.gradable.size() < USERS; quarter++) {
                String form = "{\"kind\":\"ROUTINE\",\"year\":2026,\"quarter\":" + quarter + ",\"orgId\":" + biggest + "}";
                JsonNode opened = s.send("POST", "/api/v1/assessment/periods", form);
                if (opened != null && opened.has("id")) {
                    System.out.println("opened ROUTINE 2026 Q" + quarter + " over organization " + biggest + ": period " + opened.get("id"));
                    useForWrites(s, ids, opened.get("id").asLong(), "较好");
                }
            }
            System.out.printf("set-up as %s: %d tree nodes, %d counties, %d cadre files, %d units, %d periods, open period %d with %d gradable results%n",
                    USER, ids.treeNodes.size(), ids.counties.size(), ids.cadres.size(), ids.units.size(), ids.periods.size(),
                    ids.openPeriod, ids.gradable.size());
            if (ids.cadres.isEmpty() || ids.periods.isEmpty()) {
                throw new IllegalStateException("the data set has no cadre files or no assessment periods in " + USER + "'s jurisdiction");
            }
            return ids;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("set-up against " + BASE + " failed: " + e, e);
        }
    }

    /** Takes the period for the writes when it has results that can still be graded (included, before 公示). */
    static void useForWrites(Setup s, Ids ids, long period, String grade) throws IOException, InterruptedException {
        List<Long> gradable = new ArrayList<>();
        for (int page = 0; page < 20 && gradable.size() < 4000; page++) {
            JsonNode r = s.get("/api/v1/assessment/periods/" + period + "/results?page=" + page + "&size=200");
            for (JsonNode x : r.get("content")) {
                if (x.get("included").asBoolean() && !x.hasNonNull("publicityFrom") && !"CONFIRMED".equals(x.get("stage").asText())) {
                    gradable.add(x.get("personId").asLong());
                }
            }
            if (page + 1 >= r.get("page").get("totalPages").asInt()) {
                break;
            }
        }
        if (gradable.size() > ids.gradable.size()) {
            ids.gradable.clear();
            ids.openPeriod = period;
            ids.openGrade = grade;
            ids.gradable.addAll(gradable);
        }
    }

    /** A plain JSON client for the set-up (Gatling's own client only runs inside the scenario). */
    static final class Setup {
        final HttpClient client = HttpClient.newHttpClient();
        final String token;

        Setup() throws IOException, InterruptedException {
            token = send("POST", "/api/v1/auth/token",
                    "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}").get("token").asText();
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofMinutes(5))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() >= 300) {
                if ("POST".equals(method) && path.endsWith("/periods")) { // opening is optional: the write is left out then
                    System.out.println("could not open a period (" + r.statusCode() + "): " + r.body());
                    return null;
                }
                throw new IOException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body().isEmpty() ? null : JSON.readTree(r.body());
        }
    }
}
