package org.communityscheduler.server.replica;

import java.util.Optional;
import java.util.Set;

import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.storage.JobStorage.Stored;

/**
 * What a replica's leases ask of the jobs it solves: the job store implements it, so that the leases call the store
 * without knowing it.
 */
public interface LocalJobs {

    /** The jobs this replica solves or has queued for its solvers (not those it is letting go of). */
    Set<String> solving();

    /** Solvers this replica has free for waiting jobs. */
    int freeSolvers();

    /** Solves a job this replica claimed, from its best schedule so far. */
    void takeOver(Stored claimed);

    /** This replica no longer holds the job (or cannot renew its lease): it stops solving it and writes nothing more. */
    void abandon(String id);

    /** Stops a job early, as a coordinator asked on some replica. */
    Optional<Job> stop(String id);
}
