package org.zugong.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The embedded PostgreSQL process, or nothing when an external database is used. Its superuser
 * {@code postgres} owns the schema and runs the migrations; the application connects as a login role
 * that owns nothing ({@link #appRole()}), whose password is made anew at every start and kept only in
 * memory (the embedded cluster accepts local connections without a password anyway — initdb's
 * {@code trust} — so the role limits what the application's own connections can do, not who may connect).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String appRole;
    private final String appPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String appRole, String appPassword) {
        this.postgres = postgres;
        this.appRole = appRole;
        this.appPassword = appPassword;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null, null, null);
    }

    /** Creates the application's login role when missing (first start, or a data folder from before issue 7). */
    static EmbeddedDatabase withApplicationRole(EmbeddedPostgres postgres, String appRole) throws SQLException {
        if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("数据库应用角色名无效：" + appRole);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + appRole + "') THEN "
                    + "CREATE ROLE " + appRole + " LOGIN; END IF; END $$");
            s.execute("ALTER ROLE " + appRole + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '" + password + "'");
        }
        return new EmbeddedDatabase(postgres, appRole, password);
    }

    boolean isRunning() {
        return postgres != null;
    }

    /** The URL without a user: the owner and the application role connect to the same database. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String ownerUser() {
        return "postgres";
    }

    String appRole() {
        return appRole;
    }

    String appPassword() {
        return appPassword;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
