package org.zugong.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Variations the benchmark can measure against the application as configured: a candidate index, or
 * the settings the application had before it fixed them (to reproduce the "before" figures). Index
 * changes are made before measuring and undone afterwards (the data set is left as generated);
 * settings apply to the benchmark's session only.
 */
enum Tuning {

    /**
     * The person list's organization index extended to cover the list filters: every index of
     * person_person that starts with org_id is replaced by {@value #COVERING}, so that a subtree's page
     * and count, with or without filters and with or without {@code active}, are index-only scans of
     * that subtree's entries.
     */
    COVERING_INDEX,
    /** Before the fix: PostgreSQL's default plan cache, which switches to a generic plan after five executions. */
    GENERIC_PLANS,
    /** Before the fix: PostgreSQL's default random_page_cost of 4 (spinning disks). */
    DEFAULT_COSTS,
    /**
     * No parallel query: on two cores the planner's parallel plans (e.g. a parallel scan of the whole
     * organization table by primary key, filtered by path, to feed workers) cost more than they save.
     */
    SERIAL;

    static final String COVERING = "CREATE INDEX IF NOT EXISTS person_person_org_cover_idx ON person_person (org_id, id) "
            + "INCLUDE (active, name, birth_date, sex, education, political_status)";

    /** Restores what {@link #apply} changed. */
    interface Undo {
        void run() throws SQLException;
    }

    static Tuning of(String name) {
        return valueOf(name.toUpperCase().replace('-', '_'));
    }

    Undo apply(Connection c) throws SQLException {
        return switch (this) {
            case COVERING_INDEX -> replaceOrgIndexes(c);
            case GENERIC_PLANS -> {
                run(c, List.of("SET plan_cache_mode = auto"));
                yield () -> run(c, List.of("SET plan_cache_mode = force_custom_plan"));
            }
            case DEFAULT_COSTS -> {
                run(c, List.of("SET random_page_cost = 4"));
                yield () -> run(c, List.of("RESET random_page_cost"));
            }
            case SERIAL -> {
                run(c, List.of("SET max_parallel_workers_per_gather = 0"));
                yield () -> run(c, List.of("RESET max_parallel_workers_per_gather"));
            }
        };
    }

    private Undo replaceOrgIndexes(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = 'person_person'::regclass AND i.indkey[0] =
                      (SELECT attnum FROM pg_attribute WHERE attrelid = 'person_person'::regclass AND attname = 'org_id')""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        run(c, List.of(COVERING));
        run(c, names.stream().map(n -> "DROP INDEX " + n).toList());
        run(c, List.of("VACUUM (ANALYZE) person_person"));
        return () -> {
            run(c, definitions);
            run(c, List.of("DROP INDEX IF EXISTS person_person_org_cover_idx", "VACUUM (ANALYZE) person_person"));
        };
    }

    private void run(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                long t0 = System.nanoTime();
                s.execute(sql);
                System.out.printf("[%s] %s (%.1f s)%n", name(), sql, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
