package org.communityscheduler.server.job.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverStatus;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobFiles;
import org.communityscheduler.server.job.storage.JobStorage;
import org.communityscheduler.server.job.storage.JobStorage.Stored;
import org.communityscheduler.server.replica.LocalJobs;
import org.communityscheduler.server.replica.Replica;
import org.communityscheduler.server.storage.StorageUnavailable;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The solving jobs, as the routes see them: submitted, found, listed, edited, stopped and listened to. Each job is
 * handed to the engine, which runs a bounded number at once and queues the rest in order ({@link Solving} takes it
 * from there to its end); its state is kept as a {@link Job}.
 *
 * <p>With a data directory every job is also on disk ({@link JobFiles}): its plan when it is accepted, its best
 * schedule as it improves and when it ends. At start the store reads them back ({@link Recovery}): finished jobs are
 * served as they were, and jobs that were still solving start again from their best schedule so far, for what was
 * left of their time limit. A finished job keeps its result, not its solver; the oldest are deleted beyond
 * {@link JobLimits#keepFinished()}.
 *
 * <p>With a database several replicas share ({@link Replica}), this store solves only the jobs this replica holds
 * the lease of: the replica's leases claim waiting jobs while it has solvers free (it asks the store as
 * {@link LocalJobs}), and the store answers for the other replicas' jobs from the database.
 *
 * <p>Longer than most classes here: it is the one door to the jobs, and each of its public methods answers both for
 * the jobs it solves and, with a database, for those of other replicas.
 */
public final class JobStore implements LocalJobs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    /**
     * A job started again after a restart solves at least this long while any of its time limit is left, or while it
     * has no schedule kept yet; one with a schedule whose time limit is used up is not started again.
     */
    public static final Duration MIN_RESUMED_TIME = Duration.ofSeconds(5);

    /** The store is closing and takes no new jobs. */
    public static final class Closed extends IllegalStateException {
        Closed() {
            super("the store is closing and takes no new jobs");
        }
    }

    /** An {@code Idempotency-Key} sent again with another plan or time limit than its first submission. */
    public static final class KeyReused extends IllegalStateException {
        private final String id;

        KeyReused(String id) {
            super(text(id).in(Language.EN));
            this.id = id;
        }

        private static Text text(String id) {
            return Text.of("server.idempotencyKeyReused", id);
        }

        public Text text() {
            return text(id);
        }
    }

    /** The job is waiting or solving: its schedule is the solver's until it ends. */
    public static final class StillSolving extends IllegalStateException {
        StillSolving(String id) {
            super("job " + id + " is still solving");
        }
    }

    /** As many jobs as the store takes are waiting or solving: try again later. */
    public static final class Full extends IllegalStateException {
        Full(int open) {
            super(open + " jobs are already waiting or solving");
        }
    }

    /** A submission's job, and whether it is the one an earlier submission with the same key made. */
    public record Accepted(Job job, boolean replayed) {
    }

    /** A job as {@link #find} describes it, with the plan it was given. */
    public record WithPlan(Job job, Plan plan) {
    }

    private final JobLimits limits;
    /** Files or a database; null when jobs are kept in memory only. */
    private final JobStorage storage;
    /** The data directory's jobs, read back at start; null unless jobs are kept there. */
    private final JobFiles files;
    /** This replica among those sharing a database; null without one. */
    private final Replica replica;
    /** The jobs this server solves (and, without a database, every job it keeps). */
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;
    private final Solving solving;
    private final Recovery recovery;
    /** What only a shared database does; null without one. */
    private final ReplicaJobs shared;

    private JobStore(SchedulingEngine engine, JobLimits limits, JobFiles files, Replica replica) {
        this.limits = limits;
        this.files = files;
        this.replica = replica;
        this.storage = replica != null ? replica.rows() : files;
        this.solving = new Solving(engine, storage, replica, runs, this::afterFinish);
        this.recovery = new Recovery(runs, solving, storage, replica, () -> accepting);
        this.shared = replica == null ? null : new ReplicaJobs(replica, runs, limits, solving, recovery, () -> accepting);
    }

    /** Jobs in memory only. */
    public static JobStore inMemory(SchedulingEngine engine, JobLimits limits) {
        return new JobStore(engine, limits, null, null);
    }

    /** Jobs kept in the data directory; {@link #start()} reads back those already there. */
    public static JobStore inFiles(SchedulingEngine engine, JobLimits limits, JobFiles files) {
        return new JobStore(engine, limits, files, null);
    }

    /** Jobs kept in a database several replicas share; {@link #start()} connects. */
    public static JobStore shared(SchedulingEngine engine, JobLimits limits, Replica replica) {
        return new JobStore(engine, limits, null, replica);
    }

    /**
     * Reads back the jobs on disk (those unfinished start again), or joins the replicas: this one claims waiting jobs
     * as it has solvers free. Call once, holding the data directory, before the first submission.
     *
     * @throws org.communityscheduler.server.storage.Database.Unavailable when the database cannot be reached
     */
    public void start() {
        if (files != null) {
            recovery.restore(files, this::prune);
        }
        if (replica != null) { // nothing to read back: this replica claims jobs as it has solvers free
            replica.start(this, notice -> shared.notice(notice, this::stop));
        }
    }

    /**
     * Whether where the jobs are kept answers now: the shared database (asked, at most for the pool's connection
     * timeout), or files and memory, which always do.
     */
    public boolean storageAnswers() {
        return replica == null || replica.answers();
    }

    /** False once the store is closing: no new jobs then ({@link #submit} throws {@link Closed}). */
    public boolean isAccepting() {
        return accepting;
    }

    /**
     * Starts solving {@code week}, the model of {@code plan}, in the background.
     *
     * @param planJson the plan as it was sent, kept with the job
     * @param week its model from {@link PlanIntake#model()}, carrying every diagnostic of the plan
     */
    public Job submit(Plan plan, String planJson, WeeklySchedule week, Duration timeLimit) {
        return submit(plan, planJson, week, timeLimit, null).job();
    }

    /**
     * As {@link #submit(Plan, String, WeeklySchedule, Duration)}; a request carrying the key of a kept job
     * is answered with that job instead.
     *
     * @param request the submission's {@code Idempotency-Key}; null without one
     * @throws KeyReused when the key was first sent with another plan or time limit
     */
    public Accepted submit(Plan plan, String planJson, WeeklySchedule week, Duration timeLimit,
            Job.Request request) {
        String id = UUID.randomUUID().toString();
        // One submission at a time, so that jobs are queued for a solver in the order of their submission times.
        synchronized (runs) {
            if (!accepting) {
                throw new Closed();
            }
            Optional<Job> first = replay(request);
            if (first.isPresent()) { // the same submission, sent again at the same time
                return new Accepted(first.get(), true);
            }
            long open = openCount();
            if (open >= limits.maxOpenJobs()) {
                throw new Full((int) open);
            }
            Run run = new Run(Job.queued(id, plan.name(), planJson, week.getDiagnostics(), timeLimit, Instant.now(),
                    request), plan, week, Duration.ZERO);
            if (storage != null) {
                try {
                    // Accepted means kept: a job that cannot be written is not taken. Its first second is
                    // counted at once, until the ticker keeps its solving time ahead (in a database, once it is
                    // claimed: a job no replica holds has not solved).
                    storage.create(replica != null ? run.job : run.job.withSolvingTime(Solving.TICK));
                } catch (JobStorage.KeyTaken e) {
                    // The same submission reached another replica at the same time, which made the job.
                    Optional<Job> winner = replay(request);
                    if (winner.isPresent()) {
                        return new Accepted(winner.get(), true);
                    }
                    throw new StorageUnavailable(e);
                } catch (IOException e) {
                    storage.delete(id);
                    if (replica != null) {
                        throw new StorageUnavailable(e);
                    }
                    throw new UncheckedIOException("cannot write the job to " + storage.where(), e);
                }
            }
            if (shared != null && !shared.claimForSubmission(id)) {
                // Solved by whichever replica has a solver free first.
                replica.claims().announce();
                return new Accepted(run.snapshot(), false);
            }
            runs.put(id, run);
            try {
                solving.solve(run, week, timeLimit);
            } catch (RuntimeException e) {
                runs.remove(id);
                if (storage != null) {
                    storage.delete(id);
                }
                throw e;
            }
            return new Accepted(run.snapshot(), false);
        }
    }

    /**
     * The job a submission with the same key made within {@link Job#IDEMPOTENCY_WINDOW}, as it stands.
     *
     * @throws KeyReused when that submission sent another plan or time limit
     */
    public Optional<Job> replay(Job.Request request) {
        if (request == null) {
            return Optional.empty();
        }
        Instant since = Instant.now().minus(Job.IDEMPOTENCY_WINDOW);
        if (shared != null) {
            Job job = shared.findByRequest(request.key(), since).orElse(null);
            if (job != null && !job.request().body().equals(request.body())) {
                throw new KeyReused(job.id());
            }
            return job == null ? Optional.empty() : find(job.id());
        }
        for (Run run : runs.values()) {
            Job job = run.snapshot();
            if (job.request() != null && job.request().key().equals(request.key()) && job.submitted().isAfter(since)) {
                if (!job.request().body().equals(request.body())) {
                    throw new KeyReused(job.id());
                }
                return find(job.id());
            }
        }
        return Optional.empty();
    }

    /** Jobs waiting for a solver or solving: with a database, on every replica. */
    public long openCount() {
        if (shared != null) {
            return shared.openCount();
        }
        return runs.values().stream().filter(run -> !run.snapshot().isFinished()).count();
    }

    /**
     * The jobs of one status that this server holds: with a database, those this replica solves or has queued (not
     * the other replicas', nor the finished ones, which the database keeps); else every job.
     */
    public long localCount(SolverStatus status) {
        return runs.values().stream().filter(run -> run.snapshot().status() == status).count();
    }

    /**
     * The job with its best schedule so far, described afresh if the solver found a better one since. A job
     * has no schedule before the solver's first best.
     */
    public Optional<Job> find(String id) {
        Run run = runs.get(id);
        if (run == null && shared != null) { // solved elsewhere, or by nobody now
            return shared.find(id);
        }
        return run == null ? Optional.empty() : find(run);
    }

    private Optional<Job> find(Run run) {
        synchronized (run) {
            solving.noticeStart(run);
            if (run.best != null) {
                try {
                    solving.describe(run, run.best);
                } catch (RuntimeException e) {
                    // A read answers the job as it stands: the last schedule described, if any.
                    LOG.error("Cannot describe the schedule of job {}", run.job.id(), e);
                }
            }
            return Optional.of(run.job);
        }
    }

    /** The job and its plan in one look, so that pruning in between cannot take one and leave the other. */
    public Optional<WithPlan> findWithPlan(String id) {
        Run run = runs.get(id);
        if (run == null && shared != null) {
            return shared.findWithPlan(id);
        }
        if (run == null) {
            return Optional.empty();
        }
        return find(run).map(job -> new WithPlan(job, run.plan));
    }

    /** Every job, oldest first, as it stands (without describing schedules anew). */
    public List<Job> list() {
        Map<String, Job> jobs = new HashMap<>();
        if (shared != null) {
            shared.list().forEach(job -> jobs.put(job.id(), job));
        }
        for (Run run : runs.values()) { // fresher than the database
            synchronized (run) {
                solving.noticeStart(run);
                jobs.put(run.job.id(), run.job);
            }
        }
        return sorted(jobs.values());
    }

    private static List<Job> sorted(Collection<Job> all) {
        List<Job> jobs = new ArrayList<>(all);
        jobs.sort(Comparator.comparing(Job::submitted).thenComparing(Job::id));
        return jobs;
    }

    /**
     * Makes a week a coordinator edited by hand the finished job's schedule ({@code edited}), kept as its best
     * schedule is, so that its exports and a publication use it.
     *
     * @param edited the edited week as {@link SchedulingEngine#describe} scored it
     * @return the job; empty for an unknown job
     * @throws StillSolving while the job waits or solves
     */
    public Optional<Job> edit(String id, Schedule edited) {
        if (shared != null) {
            return shared.edit(id, edited);
        }
        Run run = runs.get(id);
        if (run == null) {
            return Optional.empty();
        }
        synchronized (run) {
            if (runs.get(id) != run) {
                return Optional.empty(); // pruned since it was looked up: its files are gone, so is the job
            }
            if (!run.job.isFinished()) {
                throw new StillSolving(id);
            }
            Job job = run.job.withEditedSchedule(edited);
            if (storage != null) { // with --data-dir none the job lives in memory only
                try {
                    storage.save(job); // kept means written: an edit that cannot be written is not made
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write job " + id + " to " + storage.where(), e);
                }
            }
            run.job = job;
            return Optional.of(job);
        }
    }

    /** Stops a job early; its best schedule so far is kept. Waits until that schedule is written. */
    @Override
    public Optional<Job> stop(String id) {
        Run run = runs.get(id);
        if (run == null && shared != null) {
            return shared.stopElsewhere(id, this::find);
        }
        if (run == null) {
            return Optional.empty();
        }
        run.stoppedByServer = false;
        solving.stopSolving(run, true);
        solving.awaitDone(run);
        return find(id);
    }

    /**
     * Listens to a job: hears its current status at once, then every change, and {@code done} (or
     * {@code interrupted}) last. The
     * listener is called while the job is locked, so it must only hand the event on, never block.
     *
     * @return how to stop listening; empty for an unknown job
     */
    public Optional<Runnable> subscribe(String id, Consumer<JobEvent> listener) {
        Run run = runs.get(id);
        if (run == null && replica != null) {
            return replica.listeners().subscribe(id, listener);
        }
        if (run == null) {
            return Optional.empty();
        }
        return Optional.of(solving.subscribe(run, listener));
    }

    /** How many listen to a job now, here and through the database. */
    public int listenerCount(String id) {
        Run run = runs.get(id);
        return (replica == null ? 0 : replica.listeners().count(id)) + (run == null ? 0 : solving.listenerCount(run));
    }

    /**
     * Takes no new jobs, stops every solve early and waits until their best schedules are kept. Jobs still
     * waiting for a solver end without a schedule.
     */
    @Override
    public void close() {
        List<Run> open;
        synchronized (runs) { // no submission is half done
            accepting = false;
            open = runs.values().stream().filter(run -> !run.snapshot().isFinished()).toList();
            // On disk they stay unfinished, with their best schedule, to start again when the server does.
            open.forEach(run -> run.stoppedByServer = true);
        }
        if (replica != null) {
            replica.leases().stop(); // claims nothing more
        }
        if (!open.isEmpty()) {
            LOG.info("Stopping {} job(s) early; the best schedules of those solving are kept", open.size());
        }
        // Those waiting first, so that none of them starts when a solver comes free.
        open.stream().filter(run -> {
            SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
            return solverJob != null && solverJob.getSolverStatus() == SolverStatus.SOLVING_SCHEDULED;
        }).toList()
                .forEach(run -> solving.stopSolving(run, false));
        open.forEach(run -> solving.stopSolving(run, false));
        open.forEach(solving::awaitDone);
        solving.close();
        if (replica != null && replica.isOpen()) {
            replica.close(); // another replica takes this one's jobs at once
        }
    }

    /** Once a job has finished: a solver is free for a waiting job, and the oldest finished jobs may go. */
    private void afterFinish() {
        if (accepting) {
            if (replica != null) {
                replica.leases().wake();
            }
            prune();
        }
    }

    /** Deletes the oldest finished jobs beyond the number and age kept; jobs waiting or solving never. */
    void prune() {
        Instant tooOld = Instant.now().minus(limits.keepFinishedFor());
        if (shared != null) {
            shared.prune(tooOld);
            return;
        }
        List<Job> finished = runs.values().stream().map(Run::snapshot).filter(Job::isFinished)
                .sorted(Comparator.comparing(Job::finished).reversed()).toList();
        for (int i = 0; i < finished.size(); i++) {
            Job job = finished.get(i);
            Run run = runs.get(job.id());
            if (run != null && (i >= limits.keepFinished() || job.finished().isBefore(tooOld))) {
                // Forgotten first, under the job's lock: no request finds it, and an edit under way writes nothing.
                synchronized (run) {
                    runs.remove(job.id(), run);
                    if (storage != null) {
                        storage.delete(job.id());
                    }
                }
                LOG.debug("Deleted finished job {} ({})", job.id(), job.finished());
            }
        }
    }

    // --- This replica among others (LocalJobs), with a database

    @Override
    public int freeSolvers() {
        return shared.freeSolvers();
    }

    @Override
    public Set<String> solving() {
        return shared.solving();
    }

    @Override
    public void takeOver(Stored claimed) {
        recovery.takeOver(claimed);
    }

    @Override
    public void abandon(String id) {
        shared.abandon(id);
    }
}
