package dev.idea.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of database work run on a borrowed connection by {@link JdbcSupport}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
interface SqlWork<T> {

    /**
     * Runs the work.
     *
     * @param connection a connection, in a transaction when run by {@link JdbcSupport#inTransaction}
     * @return the result
     * @throws SQLException when the database fails
     */
    T run(Connection connection) throws SQLException;
}
