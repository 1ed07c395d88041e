package org.zugong.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Runs SQL from standard input against a data set's embedded PostgreSQL (the image ships no psql):
 * statements end with a semicolon at the end of a line; results print tab-separated with the time taken.
 * The session is set up as the application's (custom plans only).
 *
 * <pre>
 * echo "EXPLAIN ANALYZE SELECT count(*) FROM person_person;" | java -cp … org.zugong.bench.ProvinceSql --dir bench-data/province
 * java -cp … org.zugong.bench.ProvinceSql --url jdbc:postgresql://localhost:PORT/postgres &lt; plans.sql   # the running application's database
 * </pre>
 * With {@code --url} it connects (user postgres) to a database that is already running — e.g. the
 * embedded PostgreSQL of an application started on the data set — instead of starting one.
 */
public final class ProvinceSql {

    private ProvinceSql() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, "dir", "url");
        Path dir = a.path("dir", "bench-data/province");
        String url = a.text("url", null);
        String input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                .collect(Collectors.joining("\n"));
        BenchDatabase db = url == null ? BenchDatabase.start(dir.resolve("pg"), BenchDatabase.Mode.APP) : null;
        try (Connection c = db != null ? db.connectLikeTheApplication()
                : BenchDatabase.likeTheApplication(java.sql.DriverManager.getConnection(url, "postgres", ""));
             Statement s = c.createStatement()) {
            for (String sql : input.split(";\\s*\n")) {
                if (sql.isBlank()) {
                    continue;
                }
                System.out.println("> " + sql.strip());
                long t0 = System.nanoTime();
                boolean hasRows = s.execute(sql);
                if (hasRows) {
                    try (ResultSet rs = s.getResultSet()) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                line.append(i > 1 ? "\t" : "").append(rs.getString(i));
                            }
                            System.out.println(line);
                        }
                    }
                }
                System.out.printf("(%.1f ms)%n", (System.nanoTime() - t0) / 1e6);
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }
}
