package org.zugong.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.zugong.organization.OrganizationKind;

/**
 * Generates a province-scale data set into a folder the application can run on
 * ({@code ZUGONG_DATA_DIR=<dir>}): an embedded PostgreSQL in {@code <dir>/pg} migrated by the
 * application's Flyway scripts, the key file {@code <dir>/keys/zugong.keys}, the organization tree,
 * the persons (ID numbers and phones SM4-encrypted, ID numbers with their HMAC-SM3 blind index) and two
 * accounts, and every module's data derived from them: cadre files ({@link CadreGenerator}), two years of
 * civil-servant assessment ({@link AssessmentGenerator}), supervision records and personal-matters
 * reports ({@link SupervisionGenerator}) and development records ({@link RecruitmentGenerator}). Prints
 * the time of each phase and the row counts; writes {@code <dir>/dataset.properties} last, as the mark
 * of a complete data set.
 *
 * <pre>
 * java -cp … org.zugong.bench.ProvinceDataSet --preset county|city|province [--dir bench-data/&lt;preset&gt;] [--seed 42]
 * java -cp … org.zugong.bench.ProvinceDataSet --dir bench-data/province --orgs 200000 --persons 5000000 --seed 42 [--order rosters|county-by-county]
 * </pre>
 */
public final class ProvinceDataSet {

    static final String CREATED_BY = "bench";
    /** The day the data set describes: ages, terms and dates are computed against it, so a seed always gives the same data. */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final String MARKER = "dataset.properties";

    /** @param cadreShare cadre files as a share of all persons (0 for none), chosen among organs, institutions and state enterprises */
    record Options(Path dir, int orgs, long persons, long seed, int batchRows, PersonPlacement.Order order, double cadreShare) {
    }

    /**
     * Sizes of the issue-8 data sets: a county's Party organizations and members (≈ 1,500 / 40,000), a
     * city's (≈ 15,000 / 400,000) and the province's (200,000 / 5,000,000). The tree is always the whole
     * province's regions, scaled down; only the counts differ.
     */
    enum Preset {
        COUNTY(1_500, 40_000), CITY(15_000, 400_000), PROVINCE(200_000, 5_000_000);

        final int orgs;
        final long persons;

        Preset(int orgs, long persons) {
            this.orgs = orgs;
            this.persons = persons;
        }

        String dir() {
            return "bench-data/" + name().toLowerCase();
        }
    }

    private final Options options;
    private final PhaseClock clock = new PhaseClock();
    private long cadreFiles;
    private final Map<String, Long> rowCounts = new java.util.LinkedHashMap<>();

    private ProvinceDataSet(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, "preset", "dir", "orgs", "persons", "seed", "batch", "order", "cadres");
        Preset preset = Preset.valueOf(a.text("preset", "province").toUpperCase());
        Options options = new Options(a.path("dir", preset.dir()), a.integer("orgs", preset.orgs),
                a.number("persons", preset.persons), a.number("seed", 42), a.integer("batch", 100_000),
                PersonPlacement.Order.valueOf(a.text("order", "rosters").toUpperCase().replace('-', '_')),
                Double.parseDouble(a.text("cadres", "0.06")));
        new ProvinceDataSet(options).generate();
    }

    private void generate() throws Exception {
        Path pgDir = options.dir().resolve("pg");
        if (Files.exists(options.dir().resolve(MARKER))) {
            throw new IllegalStateException("A data set already exists in " + options.dir() + "; delete the folder to generate anew");
        }
        if (Files.exists(pgDir.resolve("PG_VERSION"))) {
            throw new IllegalStateException("An incomplete data set is in " + options.dir() + " (no " + MARKER + "); delete the folder first");
        }
        System.out.printf("Generating %,d organizations and %,d persons (seed %d, registered %s, cadre files for %.1f %%) into %s%n",
                options.orgs(), options.persons(), options.seed(), options.order(), options.cadreShare() * 100, options.dir());
        SplittableRandom seeds = new SplittableRandom(options.seed());
        SplittableRandom treeRandom = seeds.split();
        SplittableRandom personRandom = seeds.split();
        SplittableRandom ivRandom = seeds.split();
        SplittableRandom cadreRandom = seeds.split(); // split after: the tree and persons stay those of the seed
        SplittableRandom recruitmentRandom = seeds.split(); // issue 8: split after the cadres', which stay those of the seed
        SplittableRandom reportIvRandom = seeds.split();

        BenchKeys keys = BenchKeys.random();
        clock.time("write key file", () -> keys.write(BenchKeys.fileIn(options.dir())));
        ProvinceCodes codes = ProvinceCodes.load();
        OrgTree tree = clock.time("build organization tree (in memory)",
                () -> new OrgTreeBuilder(codes, treeRandom, AS_OF).build(options.orgs()));
        PersonPlacement placement = clock.time("place persons in units (in memory)",
                () -> PersonPlacement.of(tree, options.persons(), personRandom, options.order()));
        TreeFacts facts = TreeFacts.of(tree, placement);
        facts.print();

        BenchDatabase db = clock.time("start PostgreSQL (initdb on first start)", () -> BenchDatabase.start(pgDir, BenchDatabase.Mode.LOAD));
        try {
            clock.time("Flyway migrations", () -> Flyway.configure().dataSource(db.dataSource())
                    // V24 grants the application's role (the one the application logs in as, see application.yml).
                    .placeholders(java.util.Map.of("app_role", "zugong_app"))
                    .locations("classpath:db/migration").load().migrate());
            try (Connection c = db.connect()) {
                load(c, tree, placement, codes, keys, personRandom, ivRandom, cadreRandom, recruitmentRandom, reportIvRandom, facts);
            }
            clock.time("CHECKPOINT", db::checkpoint);
        } finally {
            clock.time("stop PostgreSQL", db::close);
        }
        clock.time("fsync data folder", () -> BenchDatabase.syncFiles(pgDir));
        writeMarker(facts);
        clock.printSummary();
        System.out.printf("%nData set ready in %s — run the application on it with ZUGONG_DATA_DIR=%s%n"
                + "Accounts: province / %s (全部数据), county / %s (%s)%n", options.dir(), options.dir(),
                BenchAccounts.PASSWORD, BenchAccounts.PASSWORD, facts.accountCounty().name());
    }

    private void load(Connection c, OrgTree tree, PersonPlacement placement, ProvinceCodes codes, BenchKeys keys,
                      SplittableRandom personRandom, SplittableRandom ivRandom, SplittableRandom cadreRandom,
                      SplittableRandom recruitmentRandom, SplittableRandom reportIvRandom, TreeFacts facts) throws Exception {
        SecondaryIndexes secondary = SecondaryIndexes.read(c, LOADED.toArray(String[]::new));
        clock.time("drop " + secondary.size() + " secondary indexes and constraints", () -> secondary.drop(c));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // COPY FREEZE needs the table truncated in the same transaction; it then also skips WAL.
            s.execute("TRUNCATE " + String.join(", ", LOADED) + " CASCADE");
        }
        CopyLoader copy = new CopyLoader(c);
        long orgRows = clock.time("COPY org_organization", () -> copy.load(OrganizationCopy.SQL, tree.nodes().iterator(),
                OrganizationCopy::encode, options.batchRows(), n -> { }));
        PersonCopy persons = new PersonCopy(new BenchCipher(keys, ivRandom));
        PersonGenerator generator = new PersonGenerator(codes, placement, new PersonTraits(codes), personRandom, AS_OF);
        long t0 = System.nanoTime();
        List<CadreGenerator.Seed> cadreSeeds = new ArrayList<>();
        double pick = cadrePickProbability(tree, placement);
        RecruitmentGenerator recruitment = new RecruitmentGenerator(options.seed(), AS_OF, tree);
        List<RecruitmentGenerator.Pick> recruitmentPicks = new ArrayList<>();
        var rows = recruitment.picking(CadreGenerator.picking(generator, tree, pick, cadreRandom, AS_OF, cadreSeeds),
                recruitmentRandom, recruitmentPicks);
        long personRows = clock.time("generate, encrypt and COPY person_person", () -> copy.load(PersonCopy.SQL, rows,
                persons::encode, options.batchRows(), n -> progress(n, t0)));
        rowCounts.put("org_organization", orgRows);
        rowCounts.put("person_person", personRows);
        CadreGenerator cadres = new CadreGenerator(options.seed(), AS_OF);
        AssessmentGenerator assessments = clock.time("apply the 优秀 quota (in memory)",
                () -> AssessmentGenerator.over(cadreSeeds, cadres, options.seed()));
        for (CadreGenerator.Table table : CadreGenerator.tables()) {
            // the cadre files' annual results are the confirmed ones: the quota's lowering applies to them too
            java.util.function.BiConsumer<CadreGenerator.Cadre, CopyText> encoder = !table.name().equals("cadre_annual_result")
                    ? table.encoder()
                    : (cadre, row) -> {
                        for (String[] a : cadre.annual()) {
                            row.number(cadre.seed().personId()).text(a[0])
                                    .text(assessments.loweredAnnual(cadre.seed().personId(), a[0], a[1])).endRow();
                        }
                    };
            loadCounted(copy, table.name(), table.sql(), CadreGenerator.cadres(cadreSeeds, cadres), encoder);
        }
        cadreFiles = cadreSeeds.size();
        long owner = tree.root().id();
        loadCounted(copy, "assessment_period", AssessmentGenerator.PERIOD_SQL, assessments.periodList().iterator(),
                (p, row) -> AssessmentGenerator.period(p, owner, row));
        for (AssessmentGenerator.Table table : AssessmentGenerator.tables()) {
            loadCounted(copy, table.name(), table.sql(), assessments.assessed(cadreSeeds), table.encoder());
        }
        SupervisionGenerator supervision = new SupervisionGenerator(options.seed(), AS_OF, cadres);
        for (SupervisionGenerator.Table table : SupervisionGenerator.tables(new BenchCipher(keys, reportIvRandom))) {
            loadCounted(copy, table.name(), table.sql(), supervision.supervised(cadreSeeds), table.encoder());
        }
        for (RecruitmentGenerator.Table table : RecruitmentGenerator.tables()) {
            loadCounted(copy, table.name(), table.sql(), recruitment.candidates(recruitmentPicks), table.encoder());
        }
        clock.time("commit", c::commit);
        c.setAutoCommit(true);
        System.out.printf("Loaded %,d organizations, %,d persons, %,d cadre files (%,d 优秀 lowered by the quota) and %,d development records%n",
                orgRows, personRows, cadreSeeds.size(), assessments.loweredCount(), recruitmentPicks.size());

        clock.time("recreate secondary indexes and constraints", () -> secondary.recreate(c, clock));
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setval(pg_get_serial_sequence('org_organization', 'id'), (SELECT max(id) FROM org_organization))");
            s.execute("SELECT setval(pg_get_serial_sequence('person_person', 'id'), (SELECT max(id) FROM person_person))");
            // tables loaded with their ids: the next id the application takes must follow them
            for (String table : List.of("assessment_period", "supervision_report", "recruitment_candidate")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((SELECT max(id) FROM " + table
                        + "), 0) + 1, false)");
            }
        }
        clock.time("create accounts", () -> new BenchAccounts(c).create(tree.root(), facts.accountCounty()));
        clock.time("VACUUM ANALYZE", () -> {
            try (Statement s = c.createStatement()) {
                for (String table : LOADED) {
                    s.execute("VACUUM (ANALYZE) " + table);
                }
                s.execute("ANALYZE");
            }
        });
        printCounts(c);
    }

    /**
     * The chance that an active person aged 22–59 of an organ, institution or state enterprise gets a
     * cadre file, so that the files number about {@code cadreShare} of all persons (ages are uniform
     * over 1960–2004 births: 22–59 is about 82 % of them).
     */
    private double cadrePickProbability(OrgTree tree, PersonPlacement placement) {
        long heads = 0;
        for (OrgNode n : tree.nodes()) {
            if (CadreGenerator.eligibleUnit(n)) {
                heads += placement.headCount(n);
            }
        }
        return heads == 0 ? 0 : Math.min(1.0, options.cadreShare() * options.persons() / (heads * 0.82 * 0.985));
    }

    /** The tables the generator fills by COPY, in load order. */
    static final List<String> LOADED = List.of("org_organization", "person_person", "cadre_profile", "cadre_post", "cadre_rank",
            "cadre_annual_result", "cadre_record", "assessment_period", "assessment_result", "assessment_step", "supervision_record",
            "supervision_report", "supervision_report_item", "supervision_report_check", "recruitment_candidate", "recruitment_contact",
            "recruitment_assessment", "recruitment_pre_review");

    private <T> void loadCounted(CopyLoader copy, String table, String sql, java.util.Iterator<T> items,
                                 java.util.function.BiConsumer<T, CopyText> encoder) throws Exception {
        // CopyLoader counts the items (cadres, candidates), not the rows; the table's rows are counted after the load
        clock.time("generate and COPY " + table, () -> copy.load(sql, items, encoder, options.batchRows(), n -> { }));
    }

    private void progress(long rows, long startNanos) {
        if (rows % 1_000_000 == 0 || rows == options.persons()) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            System.out.printf("  %,12d persons  %6.1f s  %,8.0f rows/s%n", rows, seconds, rows / seconds);
        }
    }

    private void printCounts(Connection c) throws SQLException {
        System.out.println();
        System.out.println("| table | rows | table size | with indexes |");
        System.out.println("|---|---:|---:|---:|");
        for (String table : java.util.stream.Stream.concat(LOADED.stream(), java.util.stream.Stream.of("access_role", "access_user")).toList()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), pg_size_pretty(pg_table_size('" + table + "')), "
                         + "pg_size_pretty(pg_total_relation_size('" + table + "')) FROM " + table)) {
                rs.next();
                System.out.printf("| %s | %,d | %s | %s |%n", table, rs.getLong(1), rs.getString(2), rs.getString(3));
                rowCounts.put(table, rs.getLong(1));
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT i.indexrelid::regclass::text, pg_size_pretty(pg_relation_size(i.indexrelid))
                     FROM pg_index i WHERE i.indrelid IN ('org_organization'::regclass, 'person_person'::regclass)
                     ORDER BY 1""")) {
            while (rs.next()) {
                System.out.printf("  index %-45s %s%n", rs.getString(1), rs.getString(2));
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            System.out.println("  database size " + rs.getString(1));
        }
    }

    private void writeMarker(TreeFacts facts) throws IOException {
        Properties p = new Properties();
        p.setProperty("organizations", Integer.toString(options.orgs()));
        p.setProperty("persons", Long.toString(options.persons()));
        p.setProperty("seed", Long.toString(options.seed()));
        p.setProperty("order", options.order().name());
        p.setProperty("cadreShare", Double.toString(options.cadreShare()));
        p.setProperty("cadres", Long.toString(cadreFiles));
        rowCounts.forEach((table, rows) -> p.setProperty("rows." + table, Long.toString(rows)));
        p.setProperty("asOf", AS_OF.toString());
        p.setProperty("generatedAt", Instant.now().toString());
        p.setProperty("loadSeconds", Long.toString(clock.total().toSeconds()));
        p.setProperty("accountCounty", facts.accountCounty().id() + " " + facts.accountCounty().name());
        for (PhaseClock.Phase phase : clock.phases()) {
            p.setProperty("phase." + phase.name().strip(), String.format("%.1f", phase.took().toMillis() / 1000.0));
        }
        try (Writer w = Files.newBufferedWriter(options.dir().resolve(MARKER), StandardCharsets.UTF_8)) {
            p.store(w, "Zugong benchmark data set");
        }
    }

    /** What the generated tree looks like, printed before loading. */
    record TreeFacts(Map<OrganizationKind, Integer> byKind, Map<Integer, Integer> byDepth, List<OrgNode> counties,
                     Map<Long, Long> personsByCounty, Map<Long, Integer> subtreeSizes) {

        static TreeFacts of(OrgTree tree, PersonPlacement placement) {
            Map<OrganizationKind, Integer> byKind = new EnumMap<>(OrganizationKind.class);
            Map<Integer, Integer> byDepth = new TreeMap<>();
            Map<Long, Long> personsByCounty = new HashMap<>();
            Map<Long, Integer> subtreeSizes = new HashMap<>();
            for (OrgNode n : tree.nodes()) {
                byKind.merge(n.kind(), 1, Integer::sum);
                byDepth.merge(n.depth(), 1, Integer::sum);
                for (OrgNode a = n; a != null; a = a.parent()) {
                    subtreeSizes.merge(a.id(), 1, Integer::sum);
                    if (a.kind() == OrganizationKind.COUNTY) {
                        personsByCounty.merge(a.id(), (long) placement.headCount(n), Long::sum);
                    }
                }
            }
            return new TreeFacts(byKind, byDepth, tree.ofKind(OrganizationKind.COUNTY), personsByCounty, subtreeSizes);
        }

        /** The county of median head count, for the county account. */
        OrgNode accountCounty() {
            List<OrgNode> sorted = new ArrayList<>(counties);
            sorted.sort(Comparator.comparingLong(n -> personsByCounty.getOrDefault(n.id(), 0L)));
            return sorted.get(sorted.size() / 2);
        }

        void print() {
            System.out.println("Organizations by kind: " + byKind);
            System.out.println("Organizations by depth: " + byDepth);
            List<Long> counts = counties.stream().map(n -> personsByCounty.getOrDefault(n.id(), 0L)).sorted().toList();
            List<Integer> sizes = counties.stream().map(n -> subtreeSizes.get(n.id())).sorted().toList();
            System.out.printf("Counties: %d; persons per county min %,d / median %,d / max %,d; organizations per county min %,d / median %,d / max %,d%n",
                    counties.size(), counts.getFirst(), counts.get(counts.size() / 2), counts.getLast(),
                    sizes.getFirst(), sizes.get(sizes.size() / 2), sizes.getLast());
            OrgNode county = accountCounty();
            System.out.printf("Account county: %s (id %d, %,d organizations, %,d persons)%n", county.name(), county.id(),
                    subtreeSizes.get(county.id()), personsByCounty.get(county.id()));
        }
    }
}
