package org.communityscheduler.server.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL database that several replicas share (README, "Running several replicas"): its connection pool,
 * its schema (the Flyway migrations in {@code org/communityscheduler/server/database}) and the one way to run a
 * statement or a transaction on it. What is kept there — job rows, leases, published weeks — is its users' business;
 * a failure of the database is an {@link IOException} to them.
 */
public final class Database implements AutoCloseable {

    /** The database cannot be reached or set up: the server does not start. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Work on one prepared statement. */
    public interface Statement<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    /** Work on one connection, within one transaction. */
    public interface Transaction<T> {
        T on(Connection connection) throws SQLException;
    }

    private static final String MIGRATIONS = "classpath:org/communityscheduler/server/database";

    private final DatabaseSettings settings;
    private volatile HikariDataSource pool;
    private volatile boolean closed;

    public Database(DatabaseSettings settings) {
        this.settings = settings;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Connects and brings the schema up to date (replicas starting together take turns: Flyway locks).
     *
     * @throws Unavailable when the database cannot be reached or migrated
     */
    public void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("scheduler-database");
        config.setMaximumPoolSize(6);
        // A database that is away must not hold a solver or a heartbeat for long: ask again later instead.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "30");
        try {
            pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
        } catch (RuntimeException e) {
            close();
            throw new Unavailable(rootMessage(e), e);
        }
    }

    /** Whether {@link #open} connected and {@link #close} has not been called. */
    public boolean isOpen() {
        HikariDataSource current = pool;
        return current != null && !current.isClosed() && !closed;
    }

    /** Whether the database answers now: a trivial query, which waits at most the pool's connection timeout. */
    public boolean answers() {
        try {
            return run("SELECT 1", PreparedStatement::execute);
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs one statement on a pooled connection (in its own transaction); any failure is an {@link IOException}. */
    public <T> T run(String sql, Statement<T> work) throws IOException {
        try (Connection connection = pooled();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.on(statement);
        } catch (SQLException | RuntimeException e) {
            throw new IOException(rootMessage(e), e);
        }
    }

    /**
     * Runs work in one transaction on a pooled connection: committed when it returns, rolled back when it throws. A
     * failure of the database is an {@link IOException}; what the work itself throws unchecked passes as it is.
     */
    public <T> T inTransaction(Transaction<T> work) throws IOException {
        try (Connection connection = pooled()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException lost) { // a lost connection: its failure is the one to tell
                    e.addSuppressed(lost);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException(rootMessage(e), e);
        }
    }

    /** A connection of its own, outside the pool, for one that listens as long as the server runs. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(settings.url(), properties);
    }

    /** The one way to a connection of the pool (a listener has its own, {@link #connect()}). */
    private Connection pooled() throws SQLException {
        HikariDataSource current = pool;
        if (current == null || closed && current.isClosed()) {
            throw new SQLException("the database is not open");
        }
        return current.getConnection();
    }

    /** Closes the pool. */
    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            pool.close();
        }
    }

    /** Where the database is, for log lines: never its password. */
    @Override
    public String toString() {
        return settings.toString();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
