package org.communityscheduler.server.job.run;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.solver.SolverStatus;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.storage.JobStorage.Stored;
import org.communityscheduler.server.replica.Replica;
import org.communityscheduler.server.replica.ReplicaEvents;
import org.communityscheduler.server.storage.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job store's part among replicas that share a database: what it reads from there (the jobs of every replica),
 * the claim of a job just submitted, the stop of a job another replica holds, and what it tells this replica's leases
 * (the jobs it solves, its free solvers, the jobs it abandons). A database that cannot be reached is
 * {@link StorageUnavailable} to the caller.
 */
final class ReplicaJobs {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

    private final Replica replica;
    private final Map<String, Run> runs;
    private final JobLimits limits;
    private final Solving solving;
    private final Recovery recovery;
    private final BooleanSupplier accepting;

    ReplicaJobs(Replica replica, Map<String, Run> runs, JobLimits limits, Solving solving, Recovery recovery,
            BooleanSupplier accepting) {
        this.replica = replica;
        this.runs = runs;
        this.limits = limits;
        this.solving = solving;
        this.recovery = recovery;
        this.accepting = accepting;
    }

    // --- Reading every replica's jobs

    /** The job as its owner last wrote it. */
    Optional<Job> find(String id) {
        return read(() -> replica.rows().find(id)).map(Stored::job);
    }

    /** The job with its plan; empty when its plan is no longer a valid one. */
    Optional<JobStore.WithPlan> findWithPlan(String id) {
        return read(() -> replica.rows().find(id)).flatMap(stored -> {
            PlanIntake intake = Recovery.intake(stored.job());
            return intake.isValid() ? Optional.of(new JobStore.WithPlan(stored.job(), intake.plan())) : Optional.empty();
        });
    }

    /** Every job, as the list shows it. */
    List<Job> list() {
        return read(replica.rows()::list);
    }

    /** Jobs waiting or solving, on every replica. */
    long openCount() {
        return read(replica.rows()::openCount);
    }

    /** The newest job a submission with this key made since then, on any replica. */
    Optional<Job> findByRequest(String key, Instant since) {
        return read(() -> replica.rows().findByRequest(key, since)).map(Stored::job);
    }

    /**
     * Edits a finished job in the database, whichever replica solved it.
     *
     * @throws JobStore.StillSolving while the job waits or solves
     */
    Optional<Job> edit(String id, Schedule edited) {
        Optional<Job> found = find(id);
        if (found.isEmpty()) {
            return found;
        }
        if (!found.get().isFinished()) {
            throw new JobStore.StillSolving(id);
        }
        Job job = found.get().withEditedSchedule(edited);
        if (!read(() -> replica.rows().saveEdited(job))) {
            return Optional.empty(); // deleted since it was read
        }
        Run run = runs.get(id);
        if (run != null) {
            synchronized (run) {
                run.job = job;
            }
        }
        return Optional.of(job);
    }

    /** Deletes the finished jobs of every replica beyond the number kept and those finished before {@code tooOld}. */
    void prune(Instant tooOld) {
        try {
            replica.rows().prune(limits.keepFinished(), tooOld);
        } catch (IOException e) {
            LOG.warn("Cannot delete old finished jobs from the database: {}", e.getMessage());
        }
    }

    // --- Claims and stops

    /** A notice from the database: a job waits for a replica, or a job is to stop; null after a lost connection. */
    void notice(String notice, Consumer<String> stop) {
        if (notice == null || ReplicaEvents.QUEUED.equals(notice)) {
            replica.leases().wake();
        } else if (notice.startsWith(ReplicaEvents.STOP)) {
            String id = notice.substring(ReplicaEvents.STOP.length());
            if (runs.containsKey(id)) {
                replica.leases().later(() -> stop.accept(id));
            }
        }
    }

    /** Whether this replica has a solver free for a job just submitted, and now holds it. Call holding runs. */
    boolean claimForSubmission(String id) {
        if (localOpenCount() >= limits.parallelSolvers()) {
            return false;
        }
        try {
            return replica.claims().claim(id).isPresent();
        } catch (IOException e) {
            LOG.warn("Cannot claim job {} ({}); a replica takes it when it can", id, e.getMessage());
            return false;
        }
    }

    /**
     * Stops a job this replica does not solve: at once if no replica does, else by asking its owner.
     *
     * @param find the job as the store answers it once it is stopped
     */
    Optional<Job> stopElsewhere(String id, Function<String, Optional<Job>> find) {
        Optional<Stored> claimed = read(() -> replica.claims().claim(id));
        if (claimed.isPresent()) {
            Job job = claimed.get().job();
            PlanIntake intake = Recovery.intake(job);
            if (intake.isValid()) {
                return Optional.of(recovery.endUnsolved(job, intake));
            }
            // Claimed only to stop it: handed back, for whichever replica claims it to set it aside.
            solving.release(id);
            return Optional.of(job);
        }
        if (!read(() -> replica.claims().requestStop(id))) {
            return find.apply(id); // finished already, or unknown
        }
        long deadline = System.nanoTime() + Solving.FINAL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            // Its status only: the whole row holds the plan, up to the request size limit.
            Optional<SolverStatus> status = read(() -> replica.rows().status(id));
            if (status.isEmpty() || status.get() == SolverStatus.NOT_SOLVING) {
                return find.apply(id);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.warn("Job {} did not finish within {} of being asked to stop", id, Solving.FINAL_WAIT);
        return find.apply(id);
    }

    // --- What the leases ask

    /** Jobs this replica solves or has queued for its solvers. */
    long localOpenCount() {
        return runs.values().stream().filter(run -> !run.snapshot().isFinished()).count();
    }

    int freeSolvers() {
        return accepting.getAsBoolean() ? (int) Math.max(0, limits.parallelSolvers() - localOpenCount()) : 0;
    }

    Set<String> solving() {
        return runs.values().stream().filter(run -> !run.abandoned).map(Run::snapshot)
                .filter(job -> !job.isFinished()).map(Job::id).collect(Collectors.toSet());
    }

    void abandon(String id) {
        Run run = runs.get(id);
        if (run != null && !run.snapshot().isFinished() && !run.abandoned) {
            LOG.warn("Job {} is no longer held by this replica: it stops solving it", id);
            solving.abandon(run);
        }
    }

    private interface DatabaseRead<T> {
        T read() throws IOException;
    }

    private static <T> T read(DatabaseRead<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }
}
