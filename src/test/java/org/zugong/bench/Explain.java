package org.zugong.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs EXPLAIN (ANALYZE, BUFFERS) on a statement with bound parameters and prints the plan. */
final class Explain {

    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private Explain() {
    }

    static List<String> print(Connection c, String title, String sql, Binder binder) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        System.out.println();
        System.out.println("#### " + title);
        System.out.println("```");
        System.out.println(sql);
        System.out.println();
        plan.forEach(System.out::println);
        System.out.println("```");
        return plan;
    }

    /**
     * Runs the statement as a server-side prepared statement forced onto its generic plan — the plan
     * PostgreSQL's cache switches to after five executions when it looks no dearer than the custom ones —
     * and prints EXPLAIN ANALYZE of it. {@code sqlWithDollarParams} uses $1, $2 …; {@code literals} are SQL literals.
     */
    static void printGeneric(Connection c, String title, String sqlWithDollarParams, String... literals) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (var s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE bench_generic AS " + sqlWithDollarParams);
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic(" + String.join(", ", literals) + ")")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            } finally {
                s.execute("DEALLOCATE bench_generic");
                s.execute("RESET plan_cache_mode");
            }
        }
        System.out.println();
        System.out.println("#### " + title + " (generic plan, as cached after five executions)");
        System.out.println("```");
        plan.forEach(System.out::println);
        System.out.println("```");
    }
}
