package org.communityscheduler.server.storage;

import java.time.Duration;

import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.TextException;

/**
 * Where replicas share their jobs: a PostgreSQL database (README, "Running several replicas"). Every default lives
 * in {@link #of}.
 *
 * @param url the JDBC URL, {@code jdbc:postgresql://host:5432/scheduler}; it may carry the user and password
 * @param user the database user; null when the URL gives it
 * @param password the user's password; null when the URL gives it (or none is needed)
 * @param lease how long a replica holds a job it solves without a heartbeat; another replica takes the job over
 *     after it
 * @param heartbeat how often a replica renews its leases, claims waiting jobs and looks for stops asked elsewhere
 */
public record DatabaseSettings(String url, String user, String password, Duration lease, Duration heartbeat) {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(3);

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new TextException("cli.databaseUrl", String.valueOf(url));
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new TextException("cli.databaseLease", TimeLimit.format(lease), TimeLimit.format(heartbeat));
        }
    }

    /** A lease of 10 s renewed every 3 s: a dead replica's jobs go on elsewhere about 10 s after it died. */
    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_LEASE, DEFAULT_HEARTBEAT);
    }

    public DatabaseSettings withLease(Duration lease, Duration heartbeat) {
        return new DatabaseSettings(url, user, password, lease, heartbeat);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
