package org.communityscheduler.server.job.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.timefold.solver.core.api.solver.SolverStatus;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs as rows of the database several replicas share: table {@code job}, one row per job, its plan as sent and
 * the rest of the {@link Job} as JSON, written as the job improves. Only the replica that holds a solving job writes
 * it (column {@code owner}, which the replicas' claims fill in): a replica that lost its lease cannot overwrite the
 * new owner's work. What every replica reads — a job, the list, how many are open — is read here too.
 */
public final class JobRows implements JobStorage {

    /** Jobs waiting for a replica or solving. */
    public static final String OPEN = "status IN ('SOLVING_SCHEDULED', 'SOLVING_ACTIVE')";
    /** Every status but {@code QUARANTINED}, which only a person looks at. */
    private static final String SERVED = "status IN ('SOLVING_SCHEDULED', 'SOLVING_ACTIVE', 'NOT_SOLVING')";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(JobRows.class);

    private final Database database;
    /** This replica's name in the {@code owner} column. */
    private final String replica;

    public JobRows(Database database, String replica) {
        this.database = database;
        this.replica = replica;
    }

    @Override
    public String where() {
        return database.toString();
    }

    /**
     * One job per key across replicas (a unique index): an older job's key, past the window a key finds its job in, is
     * forgotten first; a key another job holds is {@link KeyTaken}.
     */
    @Override
    public void create(Job job) throws IOException {
        String state = state(job);
        try {
            database.inTransaction(connection -> {
                if (job.request() != null) {
                    forgetOldKey(connection, job.request().key());
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO job (id, name, status,"
                        + " submitted, score, request_key, plan, state, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())")) {
                    insert.setString(1, job.id());
                    insert.setString(2, job.name());
                    insert.setString(3, job.status().name());
                    insert.setTimestamp(4, Timestamp.from(job.submitted()));
                    insert.setString(5, job.score());
                    insert.setString(6, job.request() == null ? null : job.request().key());
                    insert.setString(7, job.planJson());
                    insert.setString(8, state);
                    return insert.executeUpdate();
                }
            });
        } catch (IOException e) {
            if (job.request() != null && e.getCause() instanceof SQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new KeyTaken(job.id(), e);
            }
            throw e;
        }
    }

    private static void forgetOldKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement("UPDATE job SET request_key = NULL"
                + " WHERE request_key = ? AND (submitted <= ? OR status = 'QUARANTINED')")) {
            forget.setString(1, key);
            forget.setTimestamp(2, Timestamp.from(Instant.now().minus(Job.IDEMPOTENCY_WINDOW)));
            forget.executeUpdate();
        }
    }

    /** Only the owner writes a job; a finished one is let go. */
    @Override
    public void save(Job job) throws IOException {
        String state = state(job);
        int updated = database.run("UPDATE job SET status = ?, finished = ?, score = ?, state = ?, saved_at = now(),"
                + " owner = CASE WHEN ? THEN NULL ELSE owner END,"
                + " lease_until = CASE WHEN ? THEN NULL ELSE lease_until END WHERE id = ? AND owner = ?", statement -> {
                    statement.setString(1, job.status().name());
                    statement.setTimestamp(2, job.finished() == null ? null : Timestamp.from(job.finished()));
                    statement.setString(3, job.score());
                    statement.setString(4, state);
                    statement.setBoolean(5, job.isFinished());
                    statement.setBoolean(6, job.isFinished());
                    statement.setString(7, job.id());
                    statement.setString(8, replica);
                    return statement.executeUpdate();
                });
        if (updated == 0) {
            throw new NotOwned(job.id());
        }
    }

    /**
     * A finished job's schedule as a coordinator edited it, written by whichever replica the edit reached (a finished
     * job has no owner); false when the job is gone or solving again.
     */
    public boolean saveEdited(Job job) throws IOException {
        String state = state(job);
        return database.run("UPDATE job SET score = ?, state = ?, saved_at = now() WHERE id = ? AND status = 'NOT_SOLVING'",
                statement -> {
                    statement.setString(1, job.score());
                    statement.setString(2, state);
                    statement.setString(3, job.id());
                    return statement.executeUpdate();
                }) == 1;
    }

    @Override
    public void delete(String id) {
        try {
            database.run("DELETE FROM job WHERE id = ?", statement -> {
                statement.setString(1, id);
                return statement.executeUpdate();
            });
        } catch (IOException e) {
            LOG.warn("Cannot delete job {} from the database: {}", id, e.getMessage());
        }
    }

    /** Its status becomes {@code QUARANTINED}: no replica claims, lists or serves it, and the row stays. */
    @Override
    public boolean quarantine(String id) {
        try {
            return database.run("UPDATE job SET status = 'QUARANTINED', owner = NULL, lease_until = NULL WHERE id = ?",
                    statement -> {
                        statement.setString(1, id);
                        return statement.executeUpdate();
                    }) == 1;
        } catch (IOException e) {
            LOG.warn("Cannot set job {} aside: {}", id, e.getMessage());
            return false;
        }
    }

    /** The job with its plan, as its owner last wrote it. */
    public Optional<Stored> find(String id) throws IOException {
        return database.run("SELECT * FROM job WHERE id = ? AND " + SERVED, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(stored(rows)) : Optional.<Stored>empty();
            }
        });
    }

    /** Every job as the job list shows it: only what {@link Job#summary()} reads is filled in. */
    public List<Job> list() throws IOException {
        return database.run("SELECT id, name, status, submitted, finished, score FROM job WHERE " + SERVED, statement -> {
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp finished = rows.getTimestamp("finished");
                    jobs.add(new Job(rows.getString("id"), rows.getString("name"), null, List.of(),
                            SolverStatus.valueOf(rows.getString("status")), null,
                            rows.getTimestamp("submitted").toInstant(), null,
                            finished == null ? null : finished.toInstant(), rows.getString("score"), null, null, null,
                            null, null));
                }
            }
            return jobs;
        });
    }

    /** Jobs waiting or solving, on every replica. */
    public long openCount() throws IOException {
        return database.run("SELECT count(*) FROM job WHERE " + OPEN, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The newest job a submission with this key made since then. */
    public Optional<Stored> findByRequest(String key, Instant since) throws IOException {
        return database.run("SELECT * FROM job WHERE request_key = ? AND submitted > ? AND " + SERVED
                + " ORDER BY submitted DESC LIMIT 1", statement -> {
                    statement.setString(1, key);
                    statement.setTimestamp(2, Timestamp.from(since));
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(stored(rows)) : Optional.<Stored>empty();
                    }
                });
    }

    /** A job's status alone (not its plan and schedule), for polling; empty when it is gone. */
    public Optional<SolverStatus> status(String id) throws IOException {
        return database.run("SELECT status FROM job WHERE id = ? AND " + SERVED, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(SolverStatus.valueOf(rows.getString(1))) : Optional.empty();
            }
        });
    }

    /** Deletes the finished jobs beyond the newest {@code keep} and those finished before {@code before}. */
    public int prune(int keep, Instant before) throws IOException {
        return database.run("DELETE FROM job WHERE status = 'NOT_SOLVING' AND (finished < ? OR id IN (SELECT id FROM job"
                + " WHERE status = 'NOT_SOLVING' ORDER BY finished DESC OFFSET ?))", statement -> {
                    statement.setTimestamp(1, Timestamp.from(before));
                    statement.setInt(2, keep);
                    return statement.executeUpdate();
                });
    }

    private static String state(Job job) throws IOException {
        return Json.MAPPER.writeValueAsString(job.withPlanJson(null));
    }

    /** The job a row holds, with its plan; for every query that reads whole rows, the replicas' claims too. */
    public static Stored stored(ResultSet row) throws SQLException {
        Job job;
        try {
            job = Json.MAPPER.readValue(row.getString("state"), Job.class);
        } catch (IOException e) {
            throw new SQLException("job " + row.getString("id") + " has a state that is not a job: " + e.getMessage(), e);
        }
        return new Stored(job.withPlanJson(row.getString("plan")), row.getTimestamp("saved_at").toInstant());
    }
}
