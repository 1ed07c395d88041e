package org.zugong.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, network gone), as
 * opposed to a fault of this request. Such a failure is answered with 503 and a "try again later",
 * not with 500: nothing was written, and the same request will succeed once the database is back.
 */
final class DatabaseUnavailable {

    static final String TITLE = "服务暂时不可用";
    static final String MESSAGE = "数据库暂时不可用，请稍后重试";

    private DatabaseUnavailable() {
    }

    /**
     * Looks through the whole cause chain: Hikari's timeout ({@link SQLTransientConnectionException})
     * arrives wrapped by Spring ({@link CannotGetJdbcConnectionException}, or
     * {@link CannotCreateTransactionException} when a transaction was to begin), and a connection
     * dropped mid-request arrives as the driver's SQLException with SQLState class 08 (connection
     * exception) or 57P0x (server shutting down or starting up), or only as the failed commit or
     * rollback that followed it.
     */
    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
            // After a lost connection Hikari has already closed it, so the rollback fails too ("Connection is
            // closed", no SQLState) and Spring reports that instead of the first failure (sometimes keeping it
            // as the application exception). A commit or rollback the driver cannot complete is the database's
            // failure, not the request's.
            if (t instanceof TransactionSystemException tx && (tx.getCause() instanceof SQLException
                    || tx.getApplicationException() != null && causes(tx.getApplicationException()))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
