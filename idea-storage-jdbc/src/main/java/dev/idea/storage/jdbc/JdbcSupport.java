package dev.idea.storage.jdbc;

import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Static helpers that borrow a connection, run work in autocommit or in one transaction, and turn
 * {@link SQLException}s into {@link StorageException}s that say what failed.
 *
 * <p>Thread-safe (stateless).
 */
final class JdbcSupport {
    /** SQLState of a unique-key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private JdbcSupport() {
    }

    /**
     * Runs work on a connection in autocommit mode.
     *
     * @param dataSource where to borrow the connection
     * @param what the operation, for error messages, e.g. {@code reading record "k" in schema "idea"}
     * @param work the work
     * @param <T> its result
     * @return what the work returned
     * @throws StorageException with {@code STORAGE_IO} when the database fails
     */
    static <T> T autocommit(DataSource dataSource, String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw io(what, e);
        }
    }

    /**
     * Runs work in one transaction: commits when it returns, rolls back when it throws.
     *
     * <p>When the connection breaks before the commit is confirmed the transaction is rolled back by
     * the server and {@code STORAGE_IO} is thrown; a break during the commit itself leaves its outcome
     * unknown to the caller, which is why every write the stores make is conditional (a retry on a stale
     * size or version fails with {@code STORAGE_CONFLICT} instead of writing twice).
     *
     * @param dataSource where to borrow the connection
     * @param what the operation, for error messages
     * @param work the work; may throw {@link StorageException} (e.g. a conflict) to roll back
     * @param <T> its result
     * @return what the work returned
     * @throws StorageException with {@code STORAGE_IO} when the database fails, or what the work threw
     */
    static <T> T inTransaction(DataSource dataSource, String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw io(what, e);
        }
    }

    /**
     * Maps a database failure to {@code STORAGE_IO}, or {@code STORAGE_CONFLICT} for a unique-key
     * violation (another writer took the same log index first).
     *
     * @param what the operation that failed
     * @param e the failure
     * @return the exception to throw
     */
    static StorageException io(String what, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new StorageException(ErrorCode.STORAGE_CONFLICT, what + " lost a race: another writer stored the same "
                    + "key first (" + e.getMessage() + "); read the current state and retry", e);
        }
        return new StorageException(ErrorCode.STORAGE_IO, what + " failed: " + e.getMessage() + " (SQLState "
                + e.getSQLState() + "); " + hint(e.getSQLState()), e);
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "check the database and the connection settings; the operation was not acknowledged";
        }
        if (sqlState.startsWith("08") || sqlState.startsWith("57P")) {
            return "the connection to PostgreSQL was refused or lost; check that the server is up and reachable. "
                    + "The operation was not acknowledged: read the current state before retrying";
        }
        if (sqlState.startsWith("28")) {
            return "PostgreSQL refused the credentials; check idea.storage.jdbc.user and idea.storage.jdbc.password";
        }
        if (sqlState.startsWith("42")) {
            return "the schema is missing or not accessible; check idea.storage.jdbc.schema and the user's privileges";
        }
        return "the operation was not acknowledged; check the PostgreSQL server log";
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // A dead connection cannot roll back; the server discards the transaction when the session ends.
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        if (!autoCommit) {
            return;
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The connection is broken; the pool (or the caller's DataSource) discards it on close.
            return;
        }
    }
}
