package org.zugong.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.zugong.person.IdNumber;

/**
 * Measures, on a generated data set, the SQL the application runs for the targets of issue 2: the
 * first page of a person search inside one county's subtree (list and count, random county each
 * time), the exact ID-number lookup (HMAC-SM3 included), and moving a subtree of about 10,000
 * organizations. Statements are prepared on one connection with pgjdbc's defaults, as the application
 * does through its pool, so PostgreSQL's plan cache behaves as it would in the application.
 *
 * <pre>
 * java -cp … org.zugong.bench.ProvinceBenchmark --dir bench-data/province [--iterations 200] [--warmup 30] [--moves 5]
 *     [--only search,lookup,move,explain] [--shapes agreed,app-county-user,app-picked-county,per-organization]
 *     [--tuning covering-index,serial,generic-plans,default-costs]
 * </pre>
 */
public final class ProvinceBenchmark {

    record Options(Path dir, String url, int iterations, int warmup, int moves, int moveSize, long seed, String only,
                   List<PersonSearch.Shape> shapes, List<Tuning> tunings) {
    }

    private final Options options;
    private final SplittableRandom random;
    private final List<Latencies> results = new ArrayList<>();
    private final LocalDate today = LocalDate.now();

    private ProvinceBenchmark(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, "dir", "url", "iterations", "warmup", "moves", "move-size", "seed", "only",
                "shapes", "tuning");
        Options options = new Options(a.path("dir", "bench-data/province"), a.text("url", null), a.integer("iterations", 200),
                a.integer("warmup", 30), a.integer("moves", 5), a.integer("move-size", 10_000), a.number("seed", 7),
                a.text("only", "search,lookup,move,explain"),
                Arrays.stream(a.text("shapes", "agreed,app-county-user,app-picked-county").split(",")).map(PersonSearch.Shape::of).toList(),
                Arrays.stream(a.text("tuning", "").split(",")).filter(t -> !t.isBlank()).map(Tuning::of).toList());
        new ProvinceBenchmark(options).run();
    }

    private void run() throws Exception {
        if (!Files.exists(options.dir().resolve(ProvinceDataSet.MARKER)) && options.url() == null) {
            throw new IllegalStateException("No data set in " + options.dir() + ": run ProvinceDataSet first");
        }
        BenchKeys keys = BenchKeys.read(BenchKeys.fileIn(options.dir()));
        BenchDatabase db = options.url() == null ? BenchDatabase.start(options.dir().resolve("pg"), BenchDatabase.Mode.APP) : null;
        try (Connection c = BenchDatabase.likeTheApplication(db != null ? db.connect() : DriverManager.getConnection(options.url()))) {
            describe(c);
            List<Tuning.Undo> undos = new ArrayList<>();
            for (Tuning t : options.tunings()) {
                undos.add(t.apply(c));
            }
            try (Statement s = c.createStatement()) {
                print(s, "SELECT 'person_person indexes: ' || string_agg(indexrelid::regclass || ' ' || pg_size_pretty(pg_relation_size(indexrelid)), ', ' "
                        + "ORDER BY indexrelid::regclass::text) FROM pg_index WHERE indrelid = 'person_person'::regclass");
            }
            try {
                measure(c, keys);
            } finally {
                for (Tuning.Undo undo : undos.reversed()) {
                    undo.run();
                }
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    private void measure(Connection c, BenchKeys keys) throws SQLException {
        List<County> counties = County.load(c);
        System.out.printf("Counties: %d; persons per county min %,d / median %,d / max %,d%n", counties.size(),
                counties.getFirst().persons(), counties.get(counties.size() / 2).persons(), counties.getLast().persons());
        warmUp(c);
        if (options.shapes().contains(PersonSearch.Shape.PER_ORGANIZATION)) {
            verifySameRows(c, counties);
        }
        if (options.only().contains("search")) {
            for (PersonSearch.Shape shape : options.shapes()) {
                for (PersonSearch.Filter filter : PersonSearch.Filter.values()) {
                    searches(c, new PersonSearch(shape, filter), counties);
                }
            }
            printPlanCache(c);
        }
        if (options.only().contains("lookup")) {
            lookups(c, new BenchCipher(keys, random));
        }
        if (options.only().contains("move")) {
            moves(c);
        }
        System.out.println();
        System.out.println("## Summary");
        System.out.println(Latencies.header());
        results.forEach(r -> System.out.println(r.row()));
        if (options.only().contains("explain")) {
            explains(c, counties, new BenchCipher(keys, random));
        }
    }

    private void describe(Connection c) throws SQLException {
        System.out.println("## Environment");
        System.out.printf("cores %d, JVM max heap %,d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (Statement s = c.createStatement()) {
            print(s, "SELECT version()");
            print(s, "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings "
                    + "WHERE name IN ('shared_buffers','work_mem','effective_cache_size','random_page_cost','fsync',"
                    + "'synchronous_commit','plan_cache_mode','jit','max_parallel_workers_per_gather')");
            print(s, "SELECT 'migrations: ' || string_agg(version, ', ' ORDER BY installed_rank) FROM flyway_schema_history WHERE success");
            print(s, "SELECT 'org_organization ' || count(*) FROM org_organization");
            print(s, "SELECT 'person_person ' || count(*) || ', ' || pg_size_pretty(pg_table_size('person_person')) || ' heap, '"
                    + " || pg_size_pretty(pg_indexes_size('person_person')) || ' indexes' FROM person_person");
        }
    }

    private static void print(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
    }

    /** Brings the tables into the OS cache (a server that has run a while has them there). */
    private void warmUp(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            print(s, "SELECT 'warm-up scan: ' || count(*) || ' persons, ' || sum(length(name)) || ' name characters' FROM person_person");
            print(s, "SELECT 'warm-up scan: ' || count(*) || ' organizations, ' || sum(length(path)) || ' path characters' FROM org_organization");
        }
        System.out.printf("warm-up took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private void searches(Connection c, PersonSearch search, List<County> counties) throws SQLException {
        int n = options.iterations();
        long[] listNanos = new long[n];
        long[] countNanos = new long[n];
        long[] page = new long[n];
        int shortPages = 0;
        for (int i = -options.warmup(); i < n; i++) {
            County county = counties.get(random.nextInt(counties.size()));
            PersonSearch.Bound list = search.list(county, today);
            PersonSearch.Bound count = search.count(county, today);
            long t0 = System.nanoTime();
            int rows = query(c, list.sql(), list::bind);
            long t1 = System.nanoTime();
            long total = single(c, count.sql(), count::bind);
            long t2 = System.nanoTime();
            if (i >= 0) {
                listNanos[i] = t1 - t0;
                countNanos[i] = t2 - t1;
                page[i] = t2 - t0;
                if (rows < PersonSearch.PAGE_SIZE && total >= PersonSearch.PAGE_SIZE) {
                    throw new IllegalStateException("page shorter than the count allows: " + rows + " of " + total);
                }
                shortPages += rows < PersonSearch.PAGE_SIZE ? 1 : 0;
            }
        }
        record(new Latencies(search.label() + ": list (first 20)", listNanos));
        record(new Latencies(search.label() + ": count", countNanos));
        record(new Latencies(search.label() + ": page = list + count", page));
        if (shortPages > 0) {
            System.out.println("  (" + shortPages + " pages had fewer than 20 rows)");
        }
    }

    /** The proposed shape must return exactly the application's rows: same 20 ids, same count. */
    private void verifySameRows(Connection c, List<County> counties) throws SQLException {
        int checks = 0;
        for (County county : counties.subList(0, Math.min(30, counties.size()))) {
            for (PersonSearch.Filter filter : PersonSearch.Filter.values()) {
                PersonSearch app = new PersonSearch(PersonSearch.Shape.APP_PICKED_COUNTY, filter);
                PersonSearch proposed = new PersonSearch(PersonSearch.Shape.PER_ORGANIZATION, filter);
                List<Long> expected = ids(c, app.list(county, today));
                List<Long> actual = ids(c, proposed.list(county, today));
                long expectedCount = single(c, app.count(county, today).sql(), app.count(county, today)::bind);
                long actualCount = single(c, proposed.count(county, today).sql(), proposed.count(county, today)::bind);
                if (!expected.equals(actual) || expectedCount != actualCount) {
                    throw new IllegalStateException("per-organization shape differs for " + county.name() + filter.label()
                            + ": " + actual + " / " + actualCount + " instead of " + expected + " / " + expectedCount);
                }
                checks++;
            }
        }
        System.out.println("per-organization shape: same ids and counts as the application's query in " + checks + " checks");
    }

    private static List<Long> ids(Connection c, PersonSearch.Bound list) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(list.sql())) {
            list.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Exact lookups by ID number: the HMAC is computed per lookup and included in the time. */
    private void lookups(Connection c, BenchCipher cipher) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        long max = single(c, "SELECT max(id) FROM person_person", s -> { });
        Long[] sample = new Long[options.iterations() + options.warmup()];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = 1 + random.nextLong(max);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, id_number_cipher FROM person_person WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", sample);
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getLong(1));
                    ids.add(cipher.decrypt(rs.getBytes(2)));
                }
            }
        }
        String sql = "SELECT id FROM person_person WHERE id_number_index = ?";
        long[] hits = new long[ids.size() - options.warmup()];
        for (int i = -options.warmup(); i < hits.length; i++) {
            int k = i + options.warmup();
            long t0 = System.nanoTime();
            byte[] index = cipher.blindIndex(IdNumber.normalize(ids.get(k)));
            long found = single(c, sql, s -> s.setBytes(1, index));
            long t1 = System.nanoTime();
            if (found != expected.get(k)) {
                throw new IllegalStateException("lookup of person " + expected.get(k) + " found " + found);
            }
            if (i >= 0) {
                hits[i] = t1 - t0;
            }
        }
        record(new Latencies("ID-number lookup, found (HMAC + query)", hits));
        long[] misses = new long[options.iterations()];
        for (int i = 0; i < misses.length; i++) {
            // Beijing region code: valid numbers that no generated person has.
            String absent = IdNumber.withCheckDigit("110101" + (1960 + random.nextInt(40)) + "0101" + String.format("%03d", random.nextInt(1000))).value();
            long t0 = System.nanoTime();
            byte[] index = cipher.blindIndex(absent);
            int rows = query(c, sql, s -> s.setBytes(1, index));
            misses[i] = System.nanoTime() - t0;
            if (rows != 0) {
                throw new IllegalStateException("absent ID number found");
            }
        }
        record(new Latencies("ID-number lookup, not found (HMAC + query)", misses));
    }

    private void moves(Connection c) throws SQLException {
        SubtreeMove move = SubtreeMove.pick(c, options.moveSize());
        System.out.printf("%nMoving %s %s (id %d, subtree of %,d organizations) between parent %d and %d, %d times each way%n",
                move.kind(), move.name(), move.nodeId(), move.size(), move.homeParentId(), move.otherParentId(), options.moves());
        long[] away = new long[options.moves()];
        long[] back = new long[options.moves()];
        long[] updates = new long[2 * options.moves()];
        for (int i = 0; i < options.moves(); i++) {
            SubtreeMove.Timing there = move.moveUnder(c, move.otherParentId());
            SubtreeMove.Timing home = move.moveUnder(c, move.homeParentId());
            away[i] = there.totalNanos();
            back[i] = home.totalNanos();
            updates[2 * i] = there.updateNanos();
            updates[2 * i + 1] = home.updateNanos();
            System.out.printf("  move %d: away %,d rows in %.0f ms (UPDATE %.0f ms), back %,d rows in %.0f ms (UPDATE %.0f ms)%n",
                    i + 1, there.rows(), there.totalNanos() / 1e6, there.updateNanos() / 1e6, home.rows(),
                    home.totalNanos() / 1e6, home.updateNanos() / 1e6);
        }
        record(new Latencies("move " + move.size() + " organizations away (transaction)", away));
        record(new Latencies("move " + move.size() + " organizations back (transaction)", back));
        record(new Latencies("  of which the subtree UPDATE", updates));
    }

    private void explains(Connection c, List<County> counties, BenchCipher cipher) throws SQLException {
        County smallest = counties.getFirst();
        County median = counties.get(counties.size() / 2);
        County largest = counties.getLast();
        System.out.println();
        System.out.println("## Plans");
        for (County county : List.of(smallest, median, largest)) {
            String which = (county == median ? "median county " : county == largest ? "largest county " : "smallest county ")
                    + county.name() + " ("
                    + String.format("%,d", county.organizations()) + " organizations, " + String.format("%,d", county.persons()) + " persons)";
            for (PersonSearch.Shape shape : options.shapes()) {
                for (PersonSearch.Filter filter : PersonSearch.Filter.values()) {
                    if (shape == PersonSearch.Shape.APP_PICKED_COUNTY && filter != PersonSearch.Filter.NONE) {
                        continue;
                    }
                    PersonSearch search = new PersonSearch(shape, filter);
                    PersonSearch.Bound list = search.list(county, today);
                    PersonSearch.Bound count = search.count(county, today);
                    Explain.print(c, search.label() + ", list — " + which, list.sql(), list::bind);
                    Explain.print(c, search.label() + ", count — " + which, count.sql(), count::bind);
                }
            }
        }
        for (PersonSearch.Shape shape : options.shapes()) {
            if (shape == PersonSearch.Shape.APP_PICKED_COUNTY) {
                continue;
            }
            for (PersonSearch.Filter filter : PersonSearch.Filter.values()) {
                PersonSearch search = new PersonSearch(shape, filter);
                PersonSearch.Bound list = search.list(median, today);
                PersonSearch.Bound count = search.count(median, today);
                Explain.printGeneric(c, search.label() + ", list — " + median.name(), list.numbered(), list.literals());
                Explain.printGeneric(c, search.label() + ", count — " + median.name(), count.numbered(), count.literals());
            }
        }
        String id;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id_number_cipher FROM person_person WHERE id = 4242")) {
            rs.next();
            id = cipher.decrypt(rs.getBytes(1));
        }
        byte[] index = cipher.blindIndex(id);
        Explain.print(c, "ID-number lookup", "SELECT id FROM person_person WHERE id_number_index = ?", s -> s.setBytes(1, index));
        SubtreeMove move = SubtreeMove.pick(c, options.moveSize());
        c.setAutoCommit(false);
        try {
            String path;
            String target;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT path FROM org_organization WHERE id = " + move.nodeId() + "), (SELECT path FROM org_organization WHERE id = "
                            + move.otherParentId() + ")")) {
                rs.next();
                path = rs.getString(1);
                target = rs.getString(2);
            }
            Explain.print(c, "subtree move UPDATE (rolled back)", SubtreeMove.MOVE_SQL, s -> {
                s.setString(1, target + move.nodeId() + "/");
                s.setInt(2, path.length());
                s.setInt(3, 1);
                s.setString(4, "bench");
                s.setString(5, path + "%");
            });
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** How often PostgreSQL used a generic vs. a custom plan for each server-prepared statement. */
    private static void printPlanCache(Connection c) throws SQLException {
        System.out.println();
        System.out.println("Plan cache (pg_prepared_statements of the benchmark connection):");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT generic_plans, custom_plans, left(regexp_replace(statement, '\\s+', ' ', 'g'), 150) FROM pg_prepared_statements ORDER BY 3")) {
            while (rs.next()) {
                System.out.printf("  generic %4d  custom %4d  %s%n", rs.getLong(1), rs.getLong(2), rs.getString(3));
            }
        }
    }

    private void record(Latencies l) {
        results.add(l);
        System.out.println(l.row());
    }

    private static int query(Connection c, String sql, Explain.Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            int rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    private static long single(Connection c, String sql, Explain.Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
