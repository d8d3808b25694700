package dev.idea.storage.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that, once armed, terminates the server process behind a connection with
 * {@code pg_terminate_backend} (issued from another connection) just before the connection runs a chosen
 * call: a statement whose SQL matches, or {@code commit}. This drops a real connection in the middle of
 * a real transaction, at a chosen point, without timing games.
 */
final class FaultInjectingDataSource implements DataSource {
    private final DataSource target;
    private final DataSource killer;
    private final AtomicReference<Predicate<String>> armed = new AtomicReference<>();

    FaultInjectingDataSource(DataSource target, DataSource killer) {
        this.target = target;
        this.killer = killer;
    }

    /**
     * Arms one fault.
     *
     * @param trigger matches the SQL of {@code prepareStatement}, or the text {@code "commit"}
     */
    void killBefore(Predicate<String> trigger) {
        armed.set(trigger);
    }

    boolean fired() {
        return armed.get() == null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = target.getConnection();
        int pid;
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String call = method.getName().equals("prepareStatement") ? (String) args[0] : method.getName();
                    Predicate<String> trigger = armed.get();
                    if (trigger != null && trigger.test(call) && armed.compareAndSet(trigger, null)) {
                        terminate(pid);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void terminate(int pid) throws SQLException {
        try (Connection c = killer.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new IllegalStateException("pg_terminate_backend(" + pid + ") found no such backend");
            }
            // Wait until the backend is gone, so that the victim's next message meets a dead session.
            for (int i = 0; i < 500 && alive(s, pid); i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for backend " + pid + " to exit", e);
                }
            }
        }
    }

    private static boolean alive(Statement s, int pid) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("test data source");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("test data source");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
