package org.communityscheduler.server.job.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverStatus;

import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobStorage;
import org.communityscheduler.server.replica.Replica;
import org.communityscheduler.server.threads.DaemonThreads;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's way from the engine to its end: it starts, improves, and finishes (its time is up, a coordinator or the
 * server stopped it, or it failed), each step told to its listeners. While it solves its first schedule is written at
 * once and its better ones at most every {@link #SAVE_EVERY}, and its solving time is kept
 * {@link #SOLVING_TIME_MARGIN} ahead of the truth, so that however often the server is killed a job with a schedule
 * kept solves at most its time limit plus {@link JobStore#MIN_RESUMED_TIME} in all (a kill may cost it up to that
 * margin, which it did not use).
 */
final class Solving {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    /** How long stopping a job waits for its final schedule to be written. */
    static final Duration FINAL_WAIT = Duration.ofSeconds(30);
    /** A job's best schedule is written at most this often while it solves (and always at the end). */
    static final Duration SAVE_EVERY = Duration.ofSeconds(2);
    /** How far ahead of its true solving time a solving job's file is kept; it is written again halfway. */
    static final Duration SOLVING_TIME_MARGIN = Duration.ofSeconds(4);
    /** How often solving jobs are looked at to keep their solving time on disk ahead of the truth. */
    static final Duration TICK = Duration.ofSeconds(1);

    private final SchedulingEngine engine;
    /** Files or a database; null when jobs are kept in memory only. */
    private final JobStorage storage;
    /** This replica among those sharing a database; null without one. */
    private final Replica replica;
    /** The store's runs. */
    private final Map<String, Run> runs;
    /** What the store does once a job has finished (a solver is free, old jobs may go). */
    private final Runnable afterFinish;
    /** Keeps the solving time of solving jobs on disk ahead of the truth; null without storage. */
    private final ScheduledExecutorService ticker;

    Solving(SchedulingEngine engine, JobStorage storage, Replica replica, Map<String, Run> runs, Runnable afterFinish) {
        this.engine = engine;
        this.storage = storage;
        this.replica = replica;
        this.runs = runs;
        this.afterFinish = afterFinish;
        if (storage != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("job-solving-time"));
            ticker.scheduleWithFixedDelay(this::reserveSolvingTime, TICK.toMillis(), TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** Hands the run's week to the engine, which starts it when a solver is free. */
    void solve(Run run, WeeklySchedule week, Duration timeLimit) {
        run.solverJob = engine.start(run.job.id(), week, timeLimit, best -> improved(run, best),
                last -> finished(run, last, null), (problemId, error) -> failed(run, error));
    }

    private void improved(Run run, WeeklySchedule best) {
        synchronized (run) {
            if (run.job.isFinished()) {
                return;
            }
            start(run);
            run.best = best;
            run.job = run.job.withScore(String.valueOf(best.getScore()));
            tell(run, new JobEvent(JobEvent.BEST, JobEvent.Progress.of(run.job, best)));
            // The first at once: until a schedule is written, a kill would leave the job nothing to end with.
            if (storage != null && (run.job.schedule() == null
                    || System.nanoTime() - run.lastSaved >= SAVE_EVERY.toNanos())) {
                saveSolving(run);
            }
        }
    }

    /**
     * Writes a solving job with its best schedule, its solving time {@link #SOLVING_TIME_MARGIN} ahead. Call with the
     * run locked.
     */
    private void saveSolving(Run run) {
        run.lastSaved = System.nanoTime();
        if (run.best != null) {
            try {
                describe(run, run.best);
            } catch (RuntimeException e) {
                LOG.error("Cannot describe the schedule of job {}", run.job.id(), e);
                return;
            }
        }
        run.reserved = true;
        save(run.job.withSolvingTime(run.spent().plus(SOLVING_TIME_MARGIN)));
    }

    /** Keeps the file of every solving job ahead of its solving time, also while it does not improve. */
    private void reserveSolvingTime() {
        for (Run run : runs.values()) {
            synchronized (run) {
                try {
                    noticeStart(run);
                    if (run.job.status() == SolverStatus.SOLVING_ACTIVE && (!run.reserved
                            || System.nanoTime() - run.lastSaved >= SOLVING_TIME_MARGIN.dividedBy(2).toNanos())) {
                        saveSolving(run);
                    }
                } catch (RuntimeException e) { // a failure must not stop the ticker for every other job
                    LOG.error("Cannot keep the solving time of job {}", run.job.id(), e);
                }
            }
        }
    }

    /** @return whether it was written */
    boolean save(Job job) {
        try {
            storage.save(job);
            return true;
        } catch (JobStorage.NotOwned e) {
            Run run = runs.get(job.id());
            if (run != null) {
                LOG.warn("Job {} was taken over by another replica: this one stops solving it", job.id());
                abandon(run);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write job {} to {}: {}", job.id(), storage.where(), e.toString());
        }
        return false;
    }

    private void failed(Run run, Throwable error) {
        LOG.error("Solving job {} failed", run.job.id(), error);
        finished(run, null, Text.of("server.job.failed",
                error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
    }

    /** The end of a job: its last schedule is described and kept, listeners hear {@code done}. */
    private void finished(Run run, WeeklySchedule last, Text failure) {
        boolean releaseAfter = false;
        synchronized (run) {
            if (run.job.isFinished()) {
                return;
            }
            Text error = failure;
            WeeklySchedule latest = last != null ? last : run.best;
            if (latest != null) {
                try {
                    describe(run, latest);
                } catch (RuntimeException e) {
                    LOG.error("Cannot describe the schedule of job {}", run.job.id(), e);
                    error = error != null ? error
                            : Text.of("server.job.notDescribed", String.valueOf(e.getMessage()));
                }
            }
            Instant now = Instant.now();
            SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
            Duration solving = solverJob == null ? Duration.ZERO : solverJob.getSolvingDuration();
            Instant startedAt = solving.isZero() ? null : now.minus(solving);
            Duration spent = run.spent();
            Job unfinished = run.job.withSolvingTime(spent);
            run.job = run.job.finish(now, startedAt, error).withSolvingTime(spent);
            // Stopped by the server going down: kept unfinished, with its best schedule, to start again.
            boolean resumes = storage != null && (run.stoppedByServer || run.abandoned)
                    && (error == null || latest == null);
            if (storage != null && !run.abandoned) { // an abandoned job is another replica's to write now
                // A last write that failed, not for another owner: another replica goes on from the best it wrote.
                releaseAfter = !save(resumes ? unfinished : run.job) && replica != null && !run.abandoned;
            }
            // A finished job keeps its result, not what solving it took.
            run.problem = null;
            run.solverJob = null;
            if (resumes) {
                tell(run, new JobEvent(JobEvent.INTERRUPTED, JobEvent.Progress.of(unfinished, last)));
            } else {
                tell(run, JobEvent.of(JobEvent.STATUS, run.job));
                tell(run, new JobEvent(JobEvent.DONE, JobEvent.Progress.of(run.job, last)));
            }
            run.listeners.clear();
        }
        run.done.complete(null);
        if (replica != null) { // the database serves it from now on
            runs.remove(run.job.id(), run);
            if (releaseAfter) {
                release(run.job.id());
            }
        }
        afterFinish.run();
    }

    /** Hands a job this replica holds back; when the database is away, the next heartbeat does. */
    void release(String id) {
        try {
            replica.claims().release(id);
        } catch (IOException e) {
            LOG.warn("Cannot hand job {} back now ({}); the next heartbeat does", id, e.getMessage());
        }
    }

    /**
     * @param keepUnstarted whether a job stopped before it started keeps the plan as given as its schedule
     *     (describing it takes a moment), or ends without one
     */
    void stopSolving(Run run, boolean keepUnstarted) {
        SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
        if (run.snapshot().isFinished() || solverJob == null) {
            return;
        }
        engine.terminateEarly(run.job.id());
        try {
            WeeklySchedule last = solverJob.getFinalBestSolution();
            if (last == run.problem) {
                // Stopped before it started (or before it improved on the plan as given): Timefold hands back
                // the plan as given, and will not (or need not) call the final consumer with it.
                finished(run, keepUnstarted ? last : null,
                        keepUnstarted ? null : Text.of("server.job.stoppedBeforeStart"));
            }
        } catch (ExecutionException e) {
            // failed(...) has been told.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another replica holds the run's job now: it stops, off the caller's thread, and writes nothing more. */
    void abandon(Run run) {
        if (run.abandoned) {
            return;
        }
        run.abandoned = true;
        replica.leases().later(() -> stopSolving(run, false));
    }

    /** Waits until the run's final schedule is written, at most {@link #FINAL_WAIT}. */
    void awaitDone(Run run) {
        try {
            run.done.get(FINAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Job {} did not finish within {} of being stopped", run.job.id(), FINAL_WAIT);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A queued job may have started without a new best yet: the solver's own status says. Call with the run locked. */
    void noticeStart(Run run) {
        SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
        if (run.job.status() == SolverStatus.SOLVING_SCHEDULED && solverJob != null
                && solverJob.getSolverStatus() == SolverStatus.SOLVING_ACTIVE) {
            start(run);
        }
    }

    private void start(Run run) {
        if (run.job.status() == SolverStatus.SOLVING_SCHEDULED) {
            run.job = run.job.start(Instant.now());
            tell(run, JobEvent.of(JobEvent.STATUS, run.job));
        }
    }

    /** Describes {@code week} as the job's schedule. Call with the run locked. */
    void describe(Run run, WeeklySchedule week) {
        run.best = null; // first, so that a week that cannot be described is tried once, not on every read
        Schedule schedule = engine.describe(week, false);
        // The job's diagnostics are the model's (which the schedule has) after what reading the plan noted.
        run.job = run.job.withSchedule(new Schedule(schedule.name(), schedule.score(), schedule.feasible(),
                schedule.sessions(), schedule.unassigned(), schedule.constraints(), schedule.workers(),
                schedule.organizations(), run.job.diagnostics()));
    }

    /**
     * Listens to a run: hears its current status at once, then every change, and {@code done} (or
     * {@code interrupted}) last.
     *
     * @return how to stop listening
     */
    Runnable subscribe(Run run, Consumer<JobEvent> listener) {
        synchronized (run) {
            noticeStart(run);
            listener.accept(JobEvent.of(JobEvent.STATUS, run.job));
            if (run.job.isFinished()) {
                listener.accept(JobEvent.of(JobEvent.DONE, run.job));
                return () -> {
                };
            }
            run.listeners.add(listener);
        }
        return () -> {
            synchronized (run) {
                run.listeners.remove(listener);
            }
        };
    }

    int listenerCount(Run run) {
        synchronized (run) {
            return run.listeners.size();
        }
    }

    /** Tells the run's listeners, and the other replicas (but an interruption: the job goes on elsewhere). */
    void tell(Run run, JobEvent event) {
        if (replica != null && !JobEvent.INTERRUPTED.equals(event.name())) {
            replica.publish(event);
        }
        for (Consumer<JobEvent> listener : List.copyOf(run.listeners)) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener of job {} failed", run.job.id(), e);
            }
        }
    }

    /** Stops keeping solving times ahead. */
    void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
