package org.communityscheduler.server.job.storage;

import java.io.IOException;
import java.time.Instant;

import org.communityscheduler.server.job.Job;

/**
 * Where jobs are kept so that they outlive the server that took them: files under its data directory
 * ({@link JobFiles}, one server, read back at start), or rows of a PostgreSQL database that several replicas share
 * ({@link JobRows}, handed out by claims). The job store solves and answers the same on either; without one, jobs
 * are in memory only.
 */
public interface JobStorage {

    /** A job read back, and when it was last written (how long it had been solving, for one that was). */
    record Stored(Job job, Instant savedAt) {
    }

    /** This replica no longer holds the job: another took it over after its lease ran out. */
    final class NotOwned extends IOException {
        public NotOwned(String id) {
            super("job " + id + " is no longer held by this replica");
        }
    }

    /** Another job already has this {@code Idempotency-Key}: a submission with the same key won on another replica. */
    final class KeyTaken extends IOException {
        public KeyTaken(String id, Throwable cause) {
            super("the Idempotency-Key of job " + id + " is another job's", cause);
        }
    }

    /**
     * Writes a new job, its plan and all: accepted means kept.
     *
     * @throws KeyTaken when another job holds its {@code Idempotency-Key}
     */
    void create(Job job) throws IOException;

    /**
     * Writes the job as it stands over its last version (the plan is not written again).
     *
     * @throws NotOwned when another replica holds the job now
     */
    void save(Job job) throws IOException;

    void delete(String id);

    /** Sets a job that cannot be read back aside, for a person to look at; answers whether it could. */
    boolean quarantine(String id);

    /** Where the jobs are, for log lines: a folder, or a database without its password. */
    String where();
}
