package org.zugong.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * For tests that must act as someone with more rights than the application — the owner of the
 * embedded database (its superuser), e.g. to tamper with the audit log or back-date rows. The
 * application itself has no way to this connection.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {
    }

    /** Runs work in one owner transaction, committed when it returns. */
    public static void inTransaction(ApplicationContext context, Consumer<JdbcTemplate> work) {
        EmbeddedDatabase db = context.getBean(EmbeddedDatabase.class);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), "")) {
            c.setAutoCommit(false);
            work.accept(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application role's name (what the application's connections run as). */
    public static String applicationRole(ApplicationContext context) {
        return context.getBean(EmbeddedDatabase.class).appRole();
    }
}
