package org.communityscheduler.server;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.SolverStatus;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs in a PostgreSQL database that several replicas share (README, "Running several replicas"): one row per
 * job (table {@code job}, made by the Flyway migrations in {@code org/communityscheduler/server/database}), its plan
 * as sent and the rest of the {@link Job} as JSON, written as the job improves.
 *
 * <p>A job is solved by the replica that holds its lease: claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED},
 * renewed at every heartbeat, handed back when the replica stops, taken over by another once it expires. Every
 * write of a solving job names its owner, so a replica that lost its lease cannot overwrite the new owner's work.
 * Events of a job travel to every replica by {@code NOTIFY}, so that a client may listen on any of them.
 *
 * <p>Its pool serves the published weeks too ({@link PublicationDatabase}, through {@link #inTransaction}).
 */
public final class JobDatabase implements JobStorage, AutoCloseable {

    /** The database cannot be reached or set up: the server does not start. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** This replica no longer holds the job: another took it over after its lease ran out. */
    static final class NotOwned extends IOException {
        NotOwned(String id) {
            super("job " + id + " is no longer held by this replica");
        }
    }

    /** Another job already has this {@code Idempotency-Key}: a submission with the same key won on another replica. */
    static final class KeyTaken extends IOException {
        KeyTaken(String id, Throwable cause) {
            super("the Idempotency-Key of job " + id + " is another job's", cause);
        }
    }

    /**
     * What a heartbeat found: the jobs this replica still holds, those a coordinator asked to stop, and those it
     * owned without solving them (abandoned, or a final write failed), now let go for any replica to claim.
     */
    record Heartbeat(Set<String> held, Set<String> stopRequested, Set<String> released) {
    }

    /** Every replica's job events, as JSON {@link JobStore.Event}s. */
    static final String EVENTS = "scheduler_events";
    /** A job waiting for a replica ({@code queued}), or asked to stop ({@code stop:ID}). */
    static final String JOBS = "scheduler_jobs";
    static final String QUEUED = "queued";
    static final String STOP = "stop:";
    private static final String MIGRATIONS = "classpath:org/communityscheduler/server/database";
    private static final String OPEN = "status IN ('SOLVING_SCHEDULED', 'SOLVING_ACTIVE')";
    /** Every status but {@code QUARANTINED}, which only a person looks at. */
    private static final String SERVED = "status IN ('SOLVING_SCHEDULED', 'SOLVING_ACTIVE', 'NOT_SOLVING')";
    /** A NOTIFY payload must stay under 8000 bytes; an event's error is cut to this. */
    private static final int MAX_ERROR = 1000;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(JobDatabase.class);

    private final DatabaseSettings settings;
    /** This replica's name in the {@code owner} column: host, process and a random part. */
    private final String replica;
    private volatile HikariDataSource pool;
    private final ConcurrentLinkedQueue<JobStore.Event> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(daemon("job-events-out"));
    private volatile boolean closed;
    private Thread listener;

    JobDatabase(DatabaseSettings settings, String replica) {
        this.settings = settings;
        this.replica = replica;
    }

    String replica() {
        return replica;
    }

    /** Whether {@link #start} connected and {@link #close} has not been called. */
    boolean isOpen() {
        HikariDataSource current = pool;
        return current != null && !current.isClosed() && !closed;
    }

    DatabaseSettings settings() {
        return settings;
    }

    /**
     * Connects, brings the schema up to date (replicas starting together take turns: Flyway locks), and listens for
     * job events and notices.
     *
     * @param notices hears every {@link #JOBS} payload, and {@code null} after the listening connection came back
     *     (a notice may have been missed)
     * @param events hears every job event any replica published
     * @throws Unavailable when the database cannot be reached or migrated
     */
    void start(Consumer<String> notices, Consumer<JobStore.Event> events) {
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
        listener = new Thread(() -> listen(notices, events), "job-database-listener");
        listener.setDaemon(true);
        listener.start();
        LOG.info("Jobs are kept in the database {} (this replica: {})", settings, replica);
    }

    @Override
    public String where() {
        return settings.toString();
    }

    @Override
    public void create(Job job) throws IOException {
        String state = state(job);
        if (job.request() != null) {
            createWithKey(job, state);
            return;
        }
        run("INSERT INTO job (id, name, status, submitted, score, request_key, plan, state, saved_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())", statement -> {
                    statement.setString(1, job.id());
                    statement.setString(2, job.name());
                    statement.setString(3, job.status().name());
                    statement.setTimestamp(4, Timestamp.from(job.submitted()));
                    statement.setString(5, job.score());
                    statement.setString(6, job.request() == null ? null : job.request().key());
                    statement.setString(7, job.planJson());
                    statement.setString(8, state);
                    return statement.executeUpdate();
                });
    }

    /**
     * One job per key across replicas (a unique index): an older job's key, past the window a key finds its job in, is
     * forgotten first; a key another job holds is {@link KeyTaken}.
     */
    private void createWithKey(Job job, String state) throws IOException {
        try {
            inTransaction(connection -> {
                try (PreparedStatement forget = connection.prepareStatement("UPDATE job SET request_key = NULL"
                        + " WHERE request_key = ? AND (submitted <= ? OR status = 'QUARANTINED')")) {
                    forget.setString(1, job.request().key());
                    forget.setTimestamp(2, Timestamp.from(Instant.now().minus(JobStore.IDEMPOTENCY_WINDOW)));
                    forget.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO job (id, name, status,"
                        + " submitted, score, request_key, plan, state, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())")) {
                    insert.setString(1, job.id());
                    insert.setString(2, job.name());
                    insert.setString(3, job.status().name());
                    insert.setTimestamp(4, Timestamp.from(job.submitted()));
                    insert.setString(5, job.score());
                    insert.setString(6, job.request().key());
                    insert.setString(7, job.planJson());
                    insert.setString(8, state);
                    return insert.executeUpdate();
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new KeyTaken(job.id(), e);
            }
            throw e;
        }
    }

    /** Only the owner writes a job; a finished one is let go. */
    @Override
    public void save(Job job) throws IOException {
        String state = state(job);
        int updated = run("UPDATE job SET status = ?, finished = ?, score = ?, state = ?, saved_at = now(),"
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
    boolean saveEdited(Job job) throws IOException {
        String state = state(job);
        return run("UPDATE job SET score = ?, state = ?, saved_at = now() WHERE id = ? AND status = 'NOT_SOLVING'",
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
            run("DELETE FROM job WHERE id = ?", statement -> {
                statement.setString(1, id);
                return statement.executeUpdate();
            });
        } catch (IOException e) {
            LOG.warn("Cannot delete job {} from the database: {}", id, e.getMessage());
        }
    }

    /** Nothing: a replica takes jobs by claiming them ({@link #claim(int)}). */
    @Override
    public List<Stored> load() {
        return List.of();
    }

    /** Its status becomes {@code QUARANTINED}: no replica claims, lists or serves it, and the row stays. */
    @Override
    public boolean quarantine(String id) {
        try {
            return run("UPDATE job SET status = 'QUARANTINED', owner = NULL, lease_until = NULL WHERE id = ?",
                    statement -> {
                        statement.setString(1, id);
                        return statement.executeUpdate();
                    }) == 1;
        } catch (IOException e) {
            LOG.warn("Cannot set job {} aside: {}", id, e.getMessage());
            return false;
        }
    }

    // --- What only a shared database does

    /** The job with its plan, as its owner last wrote it. */
    Optional<Stored> find(String id) throws IOException {
        return run("SELECT * FROM job WHERE id = ? AND " + SERVED, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(stored(rows)) : Optional.<Stored>empty();
            }
        });
    }

    /** Every job as the job list shows it: only what {@link Job#summary()} reads is filled in. */
    List<Job> list() throws IOException {
        return run("SELECT id, name, status, submitted, finished, score FROM job WHERE " + SERVED, statement -> {
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
    long openCount() throws IOException {
        return run("SELECT count(*) FROM job WHERE " + OPEN, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The newest job a submission with this key made since then. */
    Optional<Stored> findByRequest(String key, Instant since) throws IOException {
        return run("SELECT * FROM job WHERE request_key = ? AND submitted > ? AND " + SERVED
                + " ORDER BY submitted DESC LIMIT 1", statement -> {
                    statement.setString(1, key);
                    statement.setTimestamp(2, Timestamp.from(since));
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(stored(rows)) : Optional.<Stored>empty();
                    }
                });
    }

    /**
     * Claims up to {@code max} waiting jobs, oldest first: those no replica holds, or whose holder's lease ran out.
     * Jobs other replicas are claiming at the same moment are skipped, not waited for.
     */
    List<Stored> claim(int max) throws IOException {
        if (max <= 0) {
            return List.of();
        }
        return claimWhere("SELECT id FROM job WHERE " + OPEN + " AND (owner IS NULL OR lease_until < now())"
                + " ORDER BY submitted LIMIT ? FOR UPDATE SKIP LOCKED", statement -> statement.setInt(3, max));
    }

    /** Claims one job, if it waits for a replica (or its holder's lease ran out). */
    Optional<Stored> claim(String id) throws IOException {
        return claimWhere("SELECT id FROM job WHERE id = ? AND " + OPEN
                + " AND (owner IS NULL OR lease_until < now()) FOR UPDATE SKIP LOCKED",
                statement -> statement.setString(3, id)).stream().findFirst();
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<Stored> claimWhere(String which, Parameters parameters) throws IOException {
        return run("UPDATE job SET owner = ?, lease_until = now() + ? * interval '1 millisecond'"
                + " WHERE id IN (" + which + ") RETURNING *", statement -> {
                    statement.setString(1, replica);
                    statement.setLong(2, settings.lease().toMillis());
                    parameters.set(statement);
                    List<Stored> claimed = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            claimed.add(stored(rows));
                        }
                    }
                    return claimed;
                });
    }

    /** Whether a claimed job was asked to stop before it was claimed. */
    boolean stopRequested(String id) throws IOException {
        return run("SELECT stop_requested FROM job WHERE id = ?", statement -> {
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
    Heartbeat heartbeat(Set<String> solving) throws IOException {
        Heartbeat heartbeat = run("WITH renewed AS (UPDATE job SET lease_until = now() + ? * interval '1 millisecond'"
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
    void release(String id) throws IOException {
        int released = run("UPDATE job SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ? AND " + OPEN,
                statement -> {
                    statement.setString(1, id);
                    statement.setString(2, replica);
                    return statement.executeUpdate();
                });
        if (released > 0) {
            announce();
        }
    }

    /** A job's status alone (not its plan and schedule), for polling; empty when it is gone. */
    Optional<SolverStatus> status(String id) throws IOException {
        return run("SELECT status FROM job WHERE id = ? AND " + SERVED, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(SolverStatus.valueOf(rows.getString(1))) : Optional.empty();
            }
        });
    }

    /** Asks whichever replica holds a job to stop it; answers whether the job is waiting or solving. */
    boolean requestStop(String id) throws IOException {
        return run("UPDATE job SET stop_requested = true WHERE id = ? AND " + OPEN
                + " RETURNING pg_notify('" + JOBS + "', ?)", statement -> {
                    statement.setString(1, id);
                    statement.setString(2, STOP + id);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next();
                    }
                });
    }

    /** Tells every replica that a job waits for one with a solver free. */
    void announce() {
        try {
            run("SELECT pg_notify('" + JOBS + "', '" + QUEUED + "')", PreparedStatement::execute);
        } catch (IOException e) {
            LOG.debug("Cannot announce a waiting job: {}", e.getMessage());
        }
    }

    /** Hands back every job this replica holds, for another to claim at once. */
    int releaseAll() throws IOException {
        int released = run("UPDATE job SET owner = NULL, lease_until = NULL WHERE owner = ?", statement -> {
            statement.setString(1, replica);
            return statement.executeUpdate();
        });
        if (released > 0) {
            announce();
        }
        return released;
    }

    /** Deletes the finished jobs beyond the newest {@code keep} and those finished before {@code before}. */
    int prune(int keep, Instant before) throws IOException {
        return run("DELETE FROM job WHERE status = 'NOT_SOLVING' AND (finished < ? OR id IN (SELECT id FROM job"
                + " WHERE status = 'NOT_SOLVING' ORDER BY finished DESC OFFSET ?))", statement -> {
                    statement.setTimestamp(1, Timestamp.from(before));
                    statement.setInt(2, keep);
                    return statement.executeUpdate();
                });
    }

    // --- Events between replicas

    /**
     * Sends a job's event to every replica, without waiting: events are sent in order, and a best score is left out
     * when a newer one of the same job is already waiting to go.
     */
    void publish(JobStore.Event event) {
        if (closed) {
            return;
        }
        outgoing.add(event);
        if (flushing.compareAndSet(false, true)) {
            try {
                publisher.execute(this::flush);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                flushing.set(false);
            }
        }
    }

    private void flush() {
        flushing.set(false);
        List<JobStore.Event> batch = new ArrayList<>();
        for (JobStore.Event event; (event = outgoing.poll()) != null;) {
            batch.add(event);
        }
        List<String> payloads = new ArrayList<>();
        Set<String> newerBest = new HashSet<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            JobStore.Event event = batch.get(i);
            boolean best = JobStore.BEST.equals(event.name());
            if (best && !newerBest.add(event.data().id())) {
                continue;
            }
            payloads.add(0, payload(event));
        }
        if (payloads.isEmpty()) {
            return;
        }
        try {
            run("SELECT pg_notify('" + EVENTS + "', ?)", statement -> {
                for (String payload : payloads) {
                    statement.setString(1, payload);
                    statement.execute();
                }
                return payloads.size();
            });
        } catch (IOException e) {
            LOG.debug("Cannot publish {} job event(s): {}", payloads.size(), e.getMessage());
        }
    }

    private static String payload(JobStore.Event event) {
        JobStore.Progress data = event.data();
        String error = data.error() == null ? null : data.error().in(Language.EN);
        if (error != null && error.length() > MAX_ERROR) { // NOTIFY carries at most 8000 bytes
            data = new JobStore.Progress(data.id(), data.status(), data.score(), data.feasible(), data.placed(),
                    data.unassigned(), data.seconds(), Text.of("plan.asWritten", error.substring(0, MAX_ERROR)));
        }
        try {
            return Json.MAPPER.writeValueAsString(new JobStore.Event(event.name(), data));
        } catch (IOException e) {
            throw new IllegalStateException("an event is always JSON", e);
        }
    }

    /** Listens on a connection of its own, and connects again whenever it is lost (a database restart). */
    private void listen(Consumer<String> notices, Consumer<JobStore.Event> events) {
        boolean lost = false;
        while (!closed) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EVENTS);
                    statement.execute("LISTEN " + JOBS);
                }
                if (lost) {
                    LOG.info("Listening to the database again");
                    notices.accept(null);
                    lost = false;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = postgres.getNotifications(500);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        try {
                            if (EVENTS.equals(notification.getName())) {
                                events.accept(Json.MAPPER.readValue(notification.getParameter(),
                                        JobStore.Event.class));
                            } else {
                                notices.accept(notification.getParameter());
                            }
                        } catch (IOException | RuntimeException e) {
                            LOG.warn("Cannot handle the database notice {}: {}", notification.getParameter(),
                                    e.toString());
                        }
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn("Lost the connection that listens to the database ({}); connecting again",
                            e.getMessage());
                    lost = true;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
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

    /** Stops listening and publishing (what waits to be published is sent first) and closes the pool. */
    @Override
    public void close() {
        publisher.shutdown();
        try {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (listener != null) {
            listener.interrupt();
        }
        if (pool != null) {
            pool.close();
        }
    }

    // --- Rows

    private static String state(Job job) throws IOException {
        return Json.MAPPER.writeValueAsString(job.withPlanJson(null));
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Job job;
        try {
            job = Json.MAPPER.readValue(row.getString("state"), Job.class);
        } catch (IOException e) {
            throw new SQLException("job " + row.getString("id") + " has a state that is not a job: " + e.getMessage(), e);
        }
        return new Stored(job.withPlanJson(row.getString("plan")), row.getTimestamp("saved_at").toInstant());
    }

    private interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    /** Runs one statement on a pooled connection (in its own transaction); any failure is an {@link IOException}. */
    private <T> T run(String sql, Work<T> work) throws IOException {
        try (Connection connection = pooled();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.on(statement);
        } catch (SQLException | RuntimeException e) {
            throw new IOException(rootMessage(e), e);
        }
    }

    /** Work on one connection, within one transaction. */
    interface Transaction<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs work in one transaction on a pooled connection, for what else the replicas share in this database
     * ({@link PublicationDatabase}): committed when it returns, rolled back when it throws. A failure of the database
     * is an {@link IOException}; what the work itself throws unchecked passes as it is.
     */
    <T> T inTransaction(Transaction<T> work) throws IOException {
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

    /** The one way to a connection of the pool (the listener has its own, {@link #connect()}). */
    private Connection pooled() throws SQLException {
        HikariDataSource current = pool;
        if (current == null || closed && current.isClosed()) {
            throw new SQLException("the database is not open");
        }
        return current.getConnection();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
