package org.communityscheduler.server.replica;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.communityscheduler.server.job.storage.JobRows;
import org.communityscheduler.server.job.storage.JobStorage.Stored;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which replica solves which job, in the job rows' {@code owner} and {@code lease_until} columns: a waiting job is
 * claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED}, its lease renewed at every heartbeat, handed back when the
 * replica stops, and taken over by another replica once it runs out. A stop asked on one replica reaches the owner
 * through the row ({@code stop_requested}) and a notice.
 */
public final class Claims {

    /**
     * What a heartbeat found: the jobs this replica still holds, those a coordinator asked to stop, and those it
     * owned without solving them (abandoned, or a final write failed), now let go for any replica to claim.
     */
    public record Heartbeat(Set<String> held, Set<String> stopRequested, Set<String> released) {
    }

    private static final String OPEN = JobRows.OPEN;
    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

    private final Database database;
    private final DatabaseSettings settings;
    /** This replica's name in the {@code owner} column. */
    private final String replica;

    public Claims(Database database, String replica) {
        this.database = database;
        this.settings = database.settings();
        this.replica = replica;
    }

    /**
     * Claims up to {@code max} waiting jobs, oldest first: those no replica holds, or whose holder's lease ran out.
     * Jobs other replicas are claiming at the same moment are skipped, not waited for.
     */
    public List<Stored> claim(int max) throws IOException {
        if (max <= 0) {
            return List.of();
        }
        return claimWhere("SELECT id FROM job WHERE " + OPEN + " AND (owner IS NULL OR lease_until < now())"
                + " ORDER BY submitted LIMIT ? FOR UPDATE SKIP LOCKED", statement -> statement.setInt(3, max));
    }

    /** Claims one job, if it waits for a replica (or its holder's lease ran out). */
    public Optional<Stored> claim(String id) throws IOException {
        return claimWhere("SELECT id FROM job WHERE id = ? AND " + OPEN
                + " AND (owner IS NULL OR lease_until < now()) FOR UPDATE SKIP LOCKED",
                statement -> statement.setString(3, id)).stream().findFirst();
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<Stored> claimWhere(String which, Parameters parameters) throws IOException {
        return database.run("UPDATE job SET owner = ?, lease_until = now() + ? * interval '1 millisecond'"
                + " WHERE id IN (" + which + ") RETURNING *", statement -> {
                    statement.setString(1, replica);
                    statement.setLong(2, settings.lease().toMillis());
                    parameters.set(statement);
                    List<Stored> claimed = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            claimed.add(JobRows.stored(rows));
                        }
                    }
                    return claimed;
                });
    }

    /** Whether a claimed job was asked to stop before it was claimed. */
    public boolean stopRequested(String id) throws IOException {
        return database.run("SELECT stop_requested FROM job WHERE id = ?", statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        });
    }

    /**
     * Renews the leases of the jobs this replica solves, and lets go of those it owns but does not solve (left after
     * an abandoned run or a failed final write), so that another replica claims them at once. A row claimed within
     * the last heartbeat is kept: it may be a claim whose job is not in {@code solving} yet.
     */
    public Heartbeat heartbeat(Set<String> solving) throws IOException {
        Heartbeat heartbeat = database.run("WITH renewed AS (UPDATE job SET lease_until = now() + ? * interval '1 millisecond'"
                + " WHERE owner = ? AND " + OPEN + " AND id = ANY (?) RETURNING id, stop_requested),"
                + " released AS (UPDATE job SET owner = NULL, lease_until = NULL WHERE owner = ? AND " + OPEN
                + " AND NOT id = ANY (?) AND (lease_until IS NULL OR lease_until < now() + ? * interval '1 millisecond')"
                + " RETURNING id)"
                + " SELECT id, stop_requested, false FROM renewed UNION ALL SELECT id, false, true FROM released",
                statement -> {
                    java.sql.Array ids = statement.getConnection().createArrayOf("text", solving.toArray());
                    statement.setLong(1, settings.lease().toMillis());
                    statement.setString(2, replica);
                    statement.setArray(3, ids);
                    statement.setString(4, replica);
                    statement.setArray(5, ids);
                    statement.setLong(6, settings.lease().minus(settings.heartbeat()).toMillis());
                    Set<String> held = new HashSet<>();
                    Set<String> stop = new HashSet<>();
                    Set<String> released = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            if (rows.getBoolean(3)) {
                                released.add(rows.getString(1));
                            } else {
                                held.add(rows.getString(1));
                            }
                            if (rows.getBoolean(2)) {
                                stop.add(rows.getString(1));
                            }
                        }
                    }
                    return new Heartbeat(held, stop, released);
                });
        if (!heartbeat.released().isEmpty()) {
            announce();
        }
        return heartbeat;
    }

    /** Hands one job back for another replica to claim at once (its final write failed, or it cannot be solved). */
    public void release(String id) throws IOException {
        int released = database.run("UPDATE job SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ? AND " + OPEN,
                statement -> {
                    statement.setString(1, id);
                    statement.setString(2, replica);
                    return statement.executeUpdate();
                });
        if (released > 0) {
            announce();
        }
    }

    /** Asks whichever replica holds a job to stop it; answers whether the job is waiting or solving. */
    public boolean requestStop(String id) throws IOException {
        return database.run("UPDATE job SET stop_requested = true WHERE id = ? AND " + OPEN
                + " RETURNING pg_notify('" + ReplicaEvents.JOBS + "', ?)", statement -> {
                    statement.setString(1, id);
                    statement.setString(2, ReplicaEvents.STOP + id);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next();
                    }
                });
    }

    /** Tells every replica that a job waits for one with a solver free. */
    public void announce() {
        try {
            database.run("SELECT pg_notify('" + ReplicaEvents.JOBS + "', '" + ReplicaEvents.QUEUED + "')",
                    PreparedStatement::execute);
        } catch (IOException e) {
            LOG.debug("Cannot announce a waiting job: {}", e.getMessage());
        }
    }

    /** Hands back every job this replica holds, for another to claim at once. */
    public int releaseAll() throws IOException {
        int released = database.run("UPDATE job SET owner = NULL, lease_until = NULL WHERE owner = ?", statement -> {
            statement.setString(1, replica);
            return statement.executeUpdate();
        });
        if (released > 0) {
            announce();
        }
        return released;
    }
}
