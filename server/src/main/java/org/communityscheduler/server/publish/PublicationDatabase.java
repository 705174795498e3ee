package org.communityscheduler.server.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.storage.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published weeks and the feed secret in the database the replicas share (README, "Running several replicas"),
 * on the pool the jobs use too ({@link Database}): table {@code published_week}, one row per week with the week as JSON, and
 * table {@code feed_state}, one row with the secret, when the weeks last changed and a revision that goes up with
 * every change. Every replica reads them from there, so that each serves every feed with the same events and ETag,
 * and a replaced secret closes the old links on all of them at once: the secret is read again at every use.
 *
 * <p>A publication locks the {@code feed_state} row ({@code SELECT ... FOR UPDATE}) for its transaction, so that
 * publications on different replicas take turns. The weeks are kept in memory while the revision stays the same.
 */
public final class PublicationDatabase implements Publications {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationDatabase.class);

    /** The {@code feed_state} row. */
    private record State(byte[] secret, Instant changed, long revision) {
    }

    /** The weeks as they were at a revision. */
    private record Weeks(long revision, List<PublishedWeek> weeks) {
    }

    private final Database database;
    /** The weeks last read; null before the first read. */
    private volatile Weeks read;

    public PublicationDatabase(Database database) {
        this.database = database;
    }

    @Override
    public List<PublishedWeek> weeks() {
        return inTransaction(connection -> {
            long revision = state(connection, false).revision();
            Weeks known = read;
            if (known != null && known.revision() == revision) {
                return known.weeks();
            }
            List<PublishedWeek> weeks = readWeeks(connection);
            read = new Weeks(revision, weeks);
            return weeks;
        });
    }

    @Override
    public PublishedWeek publish(LocalDate startDate, Function<Optional<PublishedWeek>, PublishedWeek> revise) {
        return inTransaction(connection -> {
            state(connection, true); // publications of every replica take turns from here to the commit
            Optional<PublishedWeek> before;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT week FROM published_week WHERE start_date = ?")) {
                select.setDate(1, Date.valueOf(startDate));
                try (ResultSet rows = select.executeQuery()) {
                    before = rows.next() ? Optional.ofNullable(week(rows.getString(1), startDate)) : Optional.empty();
                }
            }
            PublishedWeek week = revise.apply(before).requireStartsOn(startDate);
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO published_week (start_date, published, week) VALUES (?, ?, ?)"
                            + " ON CONFLICT (start_date) DO UPDATE SET published = excluded.published,"
                            + " week = excluded.week")) {
                upsert.setDate(1, Date.valueOf(startDate));
                upsert.setTimestamp(2, Timestamp.from(week.published()));
                upsert.setString(3, json(week));
                upsert.executeUpdate();
            }
            changed(connection);
            return week;
        });
    }

    @Override
    public boolean unpublish(LocalDate startDate) {
        return inTransaction(connection -> {
            state(connection, true);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM published_week WHERE start_date = ?")) {
                delete.setDate(1, Date.valueOf(startDate));
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            changed(connection);
            return true;
        });
    }

    @Override
    public Instant changed() {
        return inTransaction(connection -> state(connection, false).changed());
    }

    @Override
    public byte[] feedSecret() {
        return inTransaction(connection -> state(connection, false).secret());
    }

    @Override
    public byte[] rotateFeedSecret() {
        byte[] made = FeedSecrets.newSecret();
        inTransaction(connection -> {
            state(connection, true);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE feed_state SET secret = ? WHERE id = 1")) {
                update.setBytes(1, made);
                return update.executeUpdate();
            }
        });
        return made.clone();
    }

    /**
     * The {@code feed_state} row, made with a new secret if no replica made it yet: replicas that make it at the
     * same moment all end up with the one that was stored first.
     *
     * @param lock whether to hold the row until the transaction ends
     */
    private static State state(Connection connection, boolean lock) throws SQLException {
        String select = "SELECT secret, changed, revision FROM feed_state WHERE id = 1" + (lock ? " FOR UPDATE" : "");
        Optional<State> state = readState(connection, select);
        if (state.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO feed_state (id, secret, changed, revision) VALUES (1, ?, NULL, 0)"
                            + " ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, FeedSecrets.newSecret());
                insert.executeUpdate();
            }
            state = readState(connection, select);
        }
        return state.orElseThrow(() -> new SQLException("table feed_state has no row after one was made"));
    }

    private static Optional<State> readState(Connection connection, String select) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select)) {
            if (!rows.next()) {
                return Optional.empty();
            }
            Timestamp changed = rows.getTimestamp("changed");
            return Optional.of(new State(rows.getBytes("secret"), changed == null ? null : changed.toInstant(),
                    rows.getLong("revision")));
        }
    }

    /** Marks a change of the weeks: a new Last-Modified and ETag on every replica, and their copies stale. */
    private static void changed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE feed_state SET changed = clock_timestamp(), revision = revision + 1"
                    + " WHERE id = 1");
        }
    }

    /** Every week, earliest first; one that cannot be read is left out and named in the log. */
    private static List<PublishedWeek> readWeeks(Connection connection) throws SQLException {
        List<PublishedWeek> weeks = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT start_date, week FROM published_week ORDER BY start_date")) {
            while (rows.next()) {
                PublishedWeek week = week(rows.getString("week"), rows.getDate("start_date").toLocalDate());
                if (week != null) {
                    weeks.add(week);
                }
            }
        }
        return List.copyOf(weeks);
    }

    /** The week a row holds; null, and a warning in the log, when it cannot be read. */
    private static PublishedWeek week(String json, LocalDate startDate) {
        try {
            PublishedWeek week = Json.MAPPER.readValue(json, PublishedWeek.class);
            if (!startDate.equals(week.startDate())) {
                throw new IOException("its startDate is not its row's");
            }
            return week;
        } catch (IOException e) {
            LOG.warn("Left out the published week of {}, which cannot be read: {}", startDate,
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return null;
        }
    }

    private static String json(PublishedWeek week) {
        try {
            return Json.MAPPER.writeValueAsString(week);
        } catch (IOException e) {
            throw new IllegalStateException("a published week is always JSON", e);
        }
    }

    /** A database that is away answers 503 with Retry-After, as the jobs' routes do. */
    private <T> T inTransaction(Database.Transaction<T> work) {
        try {
            return database.inTransaction(work);
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }
}
