package org.communityscheduler.server.replica;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;
import java.util.function.Consumer;

import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobRows;
import org.communityscheduler.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica among those that share a database (README, "Running several replicas"): its name in the job rows, its
 * claims and leases on the jobs it solves, and the events and notices it exchanges with the others. The job store
 * keeps its jobs in {@link #rows()} and asks the rest of it here; it is told in return through {@link LocalJobs}.
 */
public final class Replica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    private final Database database;
    private final String name;
    private final JobRows rows;
    private final Claims claims;
    private final ReplicaEvents events;
    private final RemoteListeners listeners;
    private final JobLeases leases;

    public Replica(Database database) {
        this(database, newName());
    }

    /** @param name this replica's name in the rows it owns; a test names its replicas itself */
    public Replica(Database database, String name) {
        this.database = database;
        this.name = name;
        this.rows = new JobRows(database, name);
        this.claims = new Claims(database, name);
        this.events = new ReplicaEvents(database);
        this.listeners = new RemoteListeners(rows);
        this.leases = new JobLeases(claims, listeners, database.settings());
    }

    /** This replica's name in the database: host, process id and a random part (a restarted process is new). */
    private static String newName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The jobs as rows: where the job store keeps them, and reads those of other replicas. */
    public JobRows rows() {
        return rows;
    }

    public Claims claims() {
        return claims;
    }

    /** The job events this replica publishes for the others. */
    public ReplicaEvents events() {
        return events;
    }

    /** Listeners here to jobs another replica solves. */
    public RemoteListeners listeners() {
        return listeners;
    }

    public JobLeases leases() {
        return leases;
    }

    /**
     * Connects (bringing the schema up to date), listens to the other replicas and starts claiming waiting jobs for
     * {@code jobs} while it has solvers free.
     *
     * @param notices hears that a job waits for a replica ({@link ReplicaEvents#QUEUED}) or is asked to stop
     *     ({@link ReplicaEvents#STOP}), and {@code null} after a lost connection came back
     * @throws Database.Unavailable when the database cannot be reached or set up
     */
    public void start(LocalJobs jobs, Consumer<String> notices) {
        database.open();
        events.start(notices, listeners::heard);
        LOG.info("Jobs are kept in the database {} (this replica: {})", database, name);
        leases.start(jobs);
    }

    /** Whether the database is open: {@link #start} connected and {@link #close} has not been called. */
    public boolean isOpen() {
        return database.isOpen();
    }

    /** Whether the database answers now. */
    public boolean answers() {
        return database.answers();
    }

    /**
     * Lets another replica take this one's jobs at once, ends the event streams of jobs solved elsewhere (they hear
     * {@code interrupted}), and closes the database.
     */
    @Override
    public void close() {
        try {
            int released = claims.releaseAll();
            if (released > 0) {
                LOG.info("Handed {} job(s) back to the other replicas", released);
            }
        } catch (IOException e) {
            LOG.warn("Cannot hand the jobs back ({}); other replicas take them over when their leases run out",
                    e.getMessage());
        }
        listeners.interruptAll();
        events.close();
        database.close();
    }

    /** Publishes an event of a job this replica solves, for listeners on the other replicas. */
    public void publish(JobEvent event) {
        events.publish(event);
    }
}
