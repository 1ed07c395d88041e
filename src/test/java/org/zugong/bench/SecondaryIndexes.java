package org.zugong.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes, unique constraints and foreign keys of some tables, read from the catalog
 * as the migrations created them, so that they can be dropped before a bulk load and recreated after
 * it with the same names and definitions (building an index once is much faster than maintaining it
 * row by row). Primary keys stay: ids arrive in order, and other tables' foreign keys depend on them.
 */
record SecondaryIndexes(List<Definition> indexes, List<Definition> uniques, List<Definition> foreignKeys) {

    /** One index or constraint: its table, name and the SQL that creates it. */
    record Definition(String table, String name, String createSql) {
    }

    static SecondaryIndexes read(Connection c, String... tables) throws SQLException {
        List<Definition> indexes = new ArrayList<>();
        List<Definition> uniques = new ArrayList<>();
        List<Definition> foreignKeys = new ArrayList<>();
        for (String table : tables) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT ic.relname, pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE i.indrelid = ?::regclass AND NOT i.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
                    ORDER BY ic.relname""")) {
                s.setString(1, table);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        indexes.add(new Definition(table, rs.getString(1), rs.getString(2)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = ?::regclass AND contype IN ('u', 'f') ORDER BY conname""")) {
                s.setString(1, table);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String sql = "ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(3);
                        Definition d = new Definition(table, rs.getString(1), sql);
                        (rs.getString(2).equals("u") ? uniques : foreignKeys).add(d);
                    }
                }
            }
        }
        return new SecondaryIndexes(List.copyOf(indexes), List.copyOf(uniques), List.copyOf(foreignKeys));
    }

    void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Definition fk : foreignKeys) {
                s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + fk.name());
            }
            for (Definition u : uniques) {
                s.execute("ALTER TABLE " + u.table() + " DROP CONSTRAINT " + u.name());
            }
            for (Definition i : indexes) {
                s.execute("DROP INDEX " + i.name());
            }
        }
    }

    /** Recreates everything, indexes first and foreign keys last, timing each statement as a phase. */
    void recreate(Connection c, PhaseClock clock) throws Exception {
        List<Definition> all = new ArrayList<>(indexes);
        all.addAll(uniques);
        all.addAll(foreignKeys);
        try (Statement s = c.createStatement()) {
            for (Definition d : all) {
                clock.time("  build " + d.name(), () -> s.execute(d.createSql()));
            }
        }
    }

    int size() {
        return indexes.size() + uniques.size() + foreignKeys.size();
    }
}
