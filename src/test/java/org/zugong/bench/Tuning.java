package org.zugong.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Candidate fixes the benchmark can try on top of the schema the migrations create. Index changes are
 * made before measuring and undone afterwards (the data set is left as generated); settings apply to
 * the benchmark's session only.
 */
enum Tuning {

    /**
     * The person list's organization index extended to cover the list filters, so that counts inside a
     * subtree (with or without name, age, sex, education, political-status filters, and the application's
     * {@code p.active}) run as index-only scans of that subtree's entries, never visiting the heap.
     */
    COVERING_INDEX(List.of(
            "CREATE INDEX IF NOT EXISTS person_person_org_cover_idx ON person_person (org_id, id) "
                    + "INCLUDE (active, name, birth_date, sex, education, political_status)",
            "DROP INDEX IF EXISTS person_person_org_idx",
            "VACUUM (ANALYZE) person_person"),
            List.of(
                    "CREATE INDEX IF NOT EXISTS person_person_org_idx ON person_person (org_id, id)",
                    "DROP INDEX IF EXISTS person_person_org_cover_idx",
                    "VACUUM (ANALYZE) person_person")),

    /** Plan every execution with its values: no generic plan that cannot use the path index for {@code LIKE $1}. */
    CUSTOM_PLANS(List.of("SET plan_cache_mode = force_custom_plan"), List.of("RESET plan_cache_mode")),

    /** Costs for data in memory or on SSD (random reads about as cheap as sequential ones). */
    SSD_COSTS(List.of("SET random_page_cost = 1.1"), List.of("RESET random_page_cost"));

    private final List<String> setup;
    private final List<String> teardown;

    Tuning(List<String> setup, List<String> teardown) {
        this.setup = setup;
        this.teardown = teardown;
    }

    static Tuning of(String name) {
        return valueOf(name.toUpperCase().replace('-', '_'));
    }

    void apply(Connection c) throws SQLException {
        run(c, setup);
    }

    void undo(Connection c) throws SQLException {
        run(c, teardown);
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
