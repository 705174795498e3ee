package org.communityscheduler.server;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Where jobs are kept so that they outlive the server that took them: files under its data directory
 * ({@link JobFiles}, one server), or a PostgreSQL database that several replicas share ({@link JobDatabase}).
 * {@link JobStore} solves and answers the same on either; without one, jobs are in memory only.
 */
interface JobStorage {

    /** A job read back, and when it was last written (how long it had been solving, for one that was). */
    record Stored(Job job, Instant savedAt) {
    }

    /** Writes a new job, its plan and all: accepted means kept. */
    void create(Job job) throws IOException;

    /** Writes the job as it stands over its last version (the plan is not written again). */
    void save(Job job) throws IOException;

    void delete(String id);

    /** The jobs to read back when the server starts; a database hands its jobs out by claims instead. */
    List<Stored> load() throws IOException;

    /** Sets a job that cannot be read back aside, for a person to look at; answers whether it could. */
    boolean quarantine(String id);

    /** Where the jobs are, for log lines: a folder, or a database without its password. */
    String where();
}
