package org.communityscheduler.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.server.JobStorage.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The solving jobs. Each is handed to the engine, which runs a bounded number at once and queues the
 * rest in order; its state is kept as a {@link Job} and told, as it changes, to whoever listens.
 *
 * <p>With a data directory every job is also on disk ({@link JobFiles}): its plan when it is accepted, its best
 * schedule as it improves (at most every {@link #SAVE_EVERY}) and when it ends. A new store reads them back:
 * finished jobs are served as they were, and jobs that were still solving (the server was stopped or killed)
 * start again from their best schedule so far, for what was left of their time limit. A finished job keeps its
 * result, not its solver; the oldest are deleted beyond {@link ServerSettings#keepFinished()}.
 *
 * <p>A job's solving time is counted over every run of the server: on disk it is kept {@link #LEASE} ahead of the
 * truth while the job solves, so that however often the server is killed, a job solves at most its time limit plus
 * {@link #MIN_RESUMED_TIME} in all (a kill may cost it up to {@link #LEASE} it did not use).
 *
 * <p>With a database several replicas share ({@link JobDatabase}), this store solves only the jobs this replica
 * holds the lease of ({@link JobLeases}): it claims waiting jobs while it has solvers free and goes on with each from
 * its best schedule as after a restart, and answers for the other replicas' jobs from the database.
 */
public final class JobStore implements AutoCloseable {

    public static final String STATUS = "status";
    public static final String BEST = "best";
    public static final String DONE = "done";
    /** Last event of a job the server stopped and will go on with when it is back. */
    public static final String INTERRUPTED = "interrupted";

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    /** How long stopping a job waits for its final schedule to be written. */
    private static final Duration FINAL_WAIT = Duration.ofSeconds(30);
    /** A job's best schedule is written at most this often while it solves (and always at the end). */
    static final Duration SAVE_EVERY = Duration.ofSeconds(2);
    /**
     * A job started again after a restart solves at least this long while any of its time limit is left; one whose
     * time limit is used up is not started again.
     */
    static final Duration MIN_RESUMED_TIME = Duration.ofSeconds(5);
    /** How far ahead of its true solving time a solving job's file is kept; it is written again halfway. */
    static final Duration LEASE = Duration.ofSeconds(4);
    /** How often solving jobs are looked at to keep their solving time on disk ahead of the truth. */
    private static final Duration TICK = Duration.ofSeconds(1);
    /** How long an {@code Idempotency-Key} finds its job (as long as the job is kept). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /**
     * What listeners hear: a {@code status} change, a new {@code best} score, and last of all {@code done}, or
     * {@code interrupted} when the server stops and the job goes on after its restart.
     */
    public record Event(String name, Progress data) {
    }

    /** Where a job stands, in a few numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String id, SolverStatus status, String score, Boolean feasible, Long placed,
            Long unassigned, Double seconds, Text error) {
    }

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

    /** A submission's job, and whether it is the one an earlier submission with the same key made. */
    public record Accepted(Job job, boolean replayed) {
    }

    /** As many jobs as the store takes are waiting or solving: try again later. */
    public static final class Full extends IllegalStateException {
        Full(int open) {
            super(open + " jobs are already waiting or solving");
        }
    }

    private final SchedulingEngine engine;
    private final ServerSettings settings;
    /** Files or a database; null when jobs are kept in memory only. */
    private final JobStorage storage;
    /** The database several replicas share; null unless jobs are kept in one. */
    private final JobDatabase database;
    /** The jobs this server solves (and, without a database, every job it keeps). */
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** Listeners to jobs another replica solves, fed by the database's events; guarded by itself. */
    private final Map<String, List<Consumer<Event>>> remoteListeners = new HashMap<>();
    private volatile boolean accepting = true;
    /** Keeps the solving time of solving jobs on disk ahead of the truth; null without a data directory. */
    private final ScheduledExecutorService ticker;
    /** This replica's leases on the jobs it solves; null without a database. */
    private final JobLeases leases;

    /** Jobs in memory only, as many as the default settings allow. */
    public JobStore(SchedulingEngine engine) {
        this(engine, ServerSettings.defaults());
    }

    /**
     * Jobs kept in the settings' data directory, if any; {@link #restore()} reads back those already there, once the
     * caller holds the directory.
     */
    public JobStore(SchedulingEngine engine, ServerSettings settings) {
        this(engine, settings, null);
    }

    /**
     * Jobs kept in a database several replicas share; without one ({@code null}), as
     * {@link #JobStore(SchedulingEngine, ServerSettings)}. {@link #restore()} connects.
     */
    JobStore(SchedulingEngine engine, ServerSettings settings, DatabaseSettings databaseSettings) {
        this.engine = engine;
        this.settings = settings;
        this.database = databaseSettings == null ? null : new JobDatabase(databaseSettings, JobLeases.replicaName());
        this.storage = database != null ? database
                : settings.dataDir() == null ? null : new JobFiles(settings.dataDir());
        this.leases = database == null ? null : new JobLeases(this, database);
        if (storage != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "job-solving-time");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleWithFixedDelay(this::reserveSolvingTime, TICK.toMillis(), TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
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
        List<Diagnostic> diagnostics = week.getDiagnostics();
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
            if (open >= settings.maxOpenJobs()) {
                throw new Full((int) open);
            }
            Run run = new Run(Job.queued(id, plan.name(), planJson, diagnostics, timeLimit, Instant.now(), request),
                    plan, week, Duration.ZERO);
            if (storage != null) {
                try {
                    // Accepted means kept: a job that cannot be written is not taken. Its first second is
                    // counted at once, until the ticker keeps its solving time ahead (in a database, once it is
                    // claimed: a job no replica holds has not solved).
                    storage.create(database != null ? run.job : run.job.withSolvingTime(TICK));
                } catch (JobDatabase.KeyTaken e) {
                    // The same submission reached another replica at the same time, which made the job.
                    Optional<Job> winner = replay(request);
                    if (winner.isPresent()) {
                        return new Accepted(winner.get(), true);
                    }
                    throw new StorageUnavailable(e);
                } catch (IOException e) {
                    storage.delete(id);
                    if (database != null) {
                        throw new StorageUnavailable(e);
                    }
                    throw new java.io.UncheckedIOException("cannot write the job to " + storage.where(), e);
                }
            }
            if (database != null && !claimForSubmission(id)) {
                // Solved by whichever replica has a solver free first.
                database.announce();
                return new Accepted(run.snapshot(), false);
            }
            runs.put(id, run);
            try {
                solve(run, week, timeLimit);
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
     * The job a submission with the same key made within {@link #IDEMPOTENCY_WINDOW}, as it stands.
     *
     * @throws KeyReused when that submission sent another plan or time limit
     */
    public Optional<Job> replay(Job.Request request) {
        if (request == null) {
            return Optional.empty();
        }
        Instant since = Instant.now().minus(IDEMPOTENCY_WINDOW);
        if (database != null) {
            Job job = databaseRead(() -> database.findByRequest(request.key(), since)).map(Stored::job).orElse(null);
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

    private void solve(Run run, WeeklySchedule week, Duration timeLimit) {
        run.solverJob = engine.start(run.job.id(), week, timeLimit, best -> improved(run, best),
                last -> finished(run, last, null), (problemId, error) -> failed(run, error));
    }

    /** What a plan is held to before a model is built (sessions, candidate placements...). */
    PlanLimits planLimits() {
        return settings.planLimits();
    }

    /** Jobs waiting for a solver or solving (with a database: on every replica). */
    public long openCount() {
        if (database != null) {
            return databaseRead(database::openCount);
        }
        return localOpenCount();
    }

    /** Jobs this server solves or has queued for its solvers. */
    private long localOpenCount() {
        return runs.values().stream().filter(run -> !run.snapshot().isFinished()).count();
    }

    /**
     * The job with its best schedule so far, described afresh if the solver found a better one since. A job
     * has no schedule before the solver's first best.
     */
    public Optional<Job> find(String id) {
        Run run = runs.get(id);
        if (run == null && database != null) { // solved elsewhere, or by nobody now
            return databaseRead(() -> database.find(id)).map(Stored::job);
        }
        return run == null ? Optional.empty() : find(run);
    }

    private Optional<Job> find(Run run) {
        synchronized (run) {
            noticeStart(run);
            if (run.best != null) {
                try {
                    describe(run, run.best);
                } catch (RuntimeException e) {
                    // A read answers the job as it stands: the last schedule described, if any.
                    LOG.error("Cannot describe the schedule of job {}", run.job.id(), e);
                }
            }
            return Optional.of(run.job);
        }
    }

    /** A job as {@link #find} describes it, with the plan it was given. */
    public record WithPlan(Job job, Plan plan) {
    }

    /** The job and its plan in one look, so that pruning in between cannot take one and leave the other. */
    public Optional<WithPlan> findWithPlan(String id) {
        Run run = runs.get(id);
        if (run == null && database != null) {
            return databaseRead(() -> database.find(id)).flatMap(stored -> {
                PlanIntake intake = PlanIntake.read(stored.job().planJson().getBytes(StandardCharsets.UTF_8),
                        PlanLimits.NONE);
                return intake.isValid() ? Optional.of(new WithPlan(stored.job(), intake.plan())) : Optional.empty();
            });
        }
        if (run == null) {
            return Optional.empty();
        }
        return find(run).map(job -> new WithPlan(job, run.plan));
    }

    /** Every job, oldest first, as it stands (without describing schedules anew). */
    public List<Job> list() {
        Map<String, Job> jobs = new HashMap<>();
        if (database != null) {
            databaseRead(database::list).forEach(job -> jobs.put(job.id(), job));
        }
        for (Run run : runs.values()) { // fresher than the database
            synchronized (run) {
                noticeStart(run);
                jobs.put(run.job.id(), run.job);
            }
        }
        return sorted(jobs.values());
    }

    private static List<Job> sorted(java.util.Collection<Job> all) {
        List<Job> jobs = new ArrayList<>(all);
        jobs.sort(Comparator.comparing(Job::submitted).thenComparing(Job::id));
        return jobs;
    }

    public long count(SolverStatus status) {
        return runs.values().stream().filter(run -> run.snapshot().status() == status).count();
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
        if (database != null) {
            return editInDatabase(id, edited);
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
            Job job = withEdit(run.job, edited);
            if (storage != null) { // with --data-dir none the job lives in memory only
                try {
                    storage.save(job); // kept means written: an edit that cannot be written is not made
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write job " + id + " to " + storage.where(), e);
                }
            }
            run.job = job;
            return Optional.of(job);
        }
    }

    /** With several replicas, a finished job is edited in the database, whichever replica solved it. */
    private Optional<Job> editInDatabase(String id, Schedule edited) {
        Optional<Job> found = databaseRead(() -> database.find(id)).map(Stored::job);
        if (found.isEmpty()) {
            return found;
        }
        if (!found.get().isFinished()) {
            throw new StillSolving(id);
        }
        Job job = withEdit(found.get(), edited);
        if (!databaseRead(() -> database.saveEdited(job))) {
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

    private static Job withEdit(Job job, Schedule edited) {
        return job.withEditedSchedule(new Schedule(edited.name(), edited.score(), edited.feasible(),
                edited.sessions(), edited.unassigned(), edited.constraints(), edited.workers(),
                edited.organizations(), job.diagnostics()));
    }

    /** Stops a job early; its best schedule so far is kept. Waits until that schedule is written. */
    public Optional<Job> stop(String id) {
        Run run = runs.get(id);
        if (run == null && database != null) {
            return stopElsewhere(id);
        }
        if (run == null) {
            return Optional.empty();
        }
        run.stoppedByServer = false;
        stopSolving(run, true);
        awaitDone(run);
        return find(id);
    }

    /**
     * Listens to a job: hears its current status at once, then every change, and {@code done} (or
     * {@code interrupted}) last. The
     * listener is called while the job is locked, so it must only hand the event on, never block.
     *
     * @return how to stop listening; empty for an unknown job
     */
    public Optional<Runnable> subscribe(String id, Consumer<Event> listener) {
        Run run = runs.get(id);
        if (run == null && database != null) {
            return subscribeElsewhere(id, listener);
        }
        if (run == null) {
            return Optional.empty();
        }
        synchronized (run) {
            noticeStart(run);
            listener.accept(new Event(STATUS, progress(run.job, null)));
            if (run.job.isFinished()) {
                listener.accept(new Event(DONE, progress(run.job, null)));
                return Optional.of(() -> {
                });
            }
            run.listeners.add(listener);
        }
        return Optional.of(() -> {
            synchronized (run) {
                run.listeners.remove(listener);
            }
        });
    }

    /** How many listen to a job now. */
    int listenerCount(String id) {
        Run run = runs.get(id);
        synchronized (remoteListeners) {
            if (remoteListeners.containsKey(id)) {
                return remoteListeners.get(id).size() + (run == null ? 0 : listenerCount(run));
            }
        }
        return run == null ? 0 : listenerCount(run);
    }

    private static int listenerCount(Run run) {
        synchronized (run) {
            return run.listeners.size();
        }
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
        if (leases != null) {
            leases.stop(); // claims nothing more
        }
        if (!open.isEmpty()) {
            LOG.info("Stopping {} job(s) early; the best schedules of those solving are kept", open.size());
        }
        // Those waiting first, so that none of them starts when a solver comes free.
        open.stream().filter(run -> {
            SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
            return solverJob != null && solverJob.getSolverStatus() == SolverStatus.SOLVING_SCHEDULED;
        }).toList()
                .forEach(run -> stopSolving(run, false));
        open.forEach(run -> stopSolving(run, false));
        open.forEach(this::awaitDone);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (database != null && database.isOpen()) {
            handBack();
        }
    }

    /** Lets another replica take this one's jobs at once, and ends the event streams of jobs solved elsewhere. */
    private void handBack() {
        try {
            int released = database.releaseAll();
            if (released > 0) {
                LOG.info("Handed {} job(s) back to the other replicas", released);
            }
        } catch (IOException e) {
            LOG.warn("Cannot hand the jobs back ({}); other replicas take them over when their leases run out",
                    e.getMessage());
        }
        List<Consumer<Event>> listening = new ArrayList<>();
        Map<String, List<Consumer<Event>>> watched;
        synchronized (remoteListeners) {
            watched = new HashMap<>(remoteListeners);
            remoteListeners.clear();
        }
        watched.forEach((id, listeners) -> {
            Progress progress = new Progress(id, null, null, null, null, null, null, null);
            listeners.forEach(listener -> listener.accept(new Event(INTERRUPTED, progress)));
        });
        database.close();
    }

    private void improved(Run run, WeeklySchedule best) {
        synchronized (run) {
            if (run.job.isFinished()) {
                return;
            }
            start(run);
            run.best = best;
            run.job = run.job.withScore(String.valueOf(best.getScore()));
            tell(run, new Event(BEST, progress(run.job, best)));
            if (storage != null && System.nanoTime() - run.lastSaved >= SAVE_EVERY.toNanos()) {
                saveSolving(run);
            }
        }
    }

    /** Writes a solving job with its best schedule, its solving time {@link #LEASE} ahead. Call with the run locked. */
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
        save(run.job.withSolvingTime(spent(run).plus(LEASE)));
    }

    /** Keeps the file of every solving job ahead of its solving time, also while it does not improve. */
    private void reserveSolvingTime() {
        for (Run run : runs.values()) {
            synchronized (run) {
                try {
                    noticeStart(run);
                    if (run.job.status() == SolverStatus.SOLVING_ACTIVE && (!run.reserved
                            || System.nanoTime() - run.lastSaved >= LEASE.dividedBy(2).toNanos())) {
                        saveSolving(run);
                    }
                } catch (RuntimeException e) { // a failure must not stop the ticker for every other job
                    LOG.error("Cannot keep the solving time of job {}", run.job.id(), e);
                }
            }
        }
    }

    /** How long a job has solved, over every run of the server. */
    private static Duration spent(Run run) {
        SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
        return solverJob == null ? run.spentBefore : run.spentBefore.plus(solverJob.getSolvingDuration());
    }

    /** @return whether it was written */
    private boolean save(Job job) {
        try {
            storage.save(job);
            return true;
        } catch (JobDatabase.NotOwned e) {
            Run run = runs.get(job.id());
            if (run != null) {
                LOG.warn("Job {} was taken over by another replica: this one stops solving it", job.id());
                abandonLater(run);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write job {} to {}: {}", job.id(), storage.where(), e.toString());
        }
        return false;
    }

    /** Hands a job this replica holds back; when the database is away, the next heartbeat does. */
    private void release(String id) {
        try {
            database.release(id);
        } catch (IOException e) {
            LOG.warn("Cannot hand job {} back now ({}); the next heartbeat does", id, e.getMessage());
        }
    }

    private void failed(Run run, Throwable error) {
        LOG.error("Solving job {} failed", run.job.id(), error);
        finished(run, null, Text.of("server.job.failed",
                error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
    }

    /** The end of a job: its last schedule is described and kept, listeners hear {@code done}. */
    private void finished(Run run, WeeklySchedule last, Text failure) {
        boolean handBack = false;
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
            Duration spent = spent(run);
            Job unfinished = run.job.withSolvingTime(spent);
            run.job = run.job.finish(now, startedAt, error).withSolvingTime(spent);
            // Stopped by the server going down: kept unfinished, with its best schedule, to start again.
            boolean resumes = storage != null && (run.stoppedByServer || run.abandoned)
                    && (error == null || latest == null);
            if (storage != null && !run.abandoned) { // an abandoned job is another replica's to write now
                // A last write that failed, not for another owner: another replica goes on from the best it wrote.
                handBack = !save(resumes ? unfinished : run.job) && database != null && !run.abandoned;
            }
            // A finished job keeps its result, not what solving it took.
            run.problem = null;
            run.solverJob = null;
            if (resumes) {
                tell(run, new Event(INTERRUPTED, progress(unfinished, last)));
            } else {
                tell(run, new Event(STATUS, progress(run.job, null)));
                tell(run, new Event(DONE, progress(run.job, last)));
            }
            run.listeners.clear();
        }
        run.done.complete(null);
        if (database != null) { // the database serves it from now on, and a solver is free for a waiting job
            runs.remove(run.job.id(), run);
            if (handBack) {
                release(run.job.id());
            }
            if (accepting) {
                leases.wake();
            }
        }
        if (accepting) {
            prune();
        }
    }

    /** Deletes the oldest finished jobs beyond the number and age kept; jobs waiting or solving never. */
    void prune() {
        Instant tooOld = Instant.now().minus(settings.keepFinishedFor());
        if (database != null) {
            try {
                database.prune(settings.keepFinished(), tooOld);
            } catch (IOException e) {
                LOG.warn("Cannot delete old finished jobs from the database: {}", e.getMessage());
            }
            return;
        }
        List<Job> finished = runs.values().stream().map(Run::snapshot).filter(Job::isFinished)
                .sorted(Comparator.comparing(Job::finished).reversed()).toList();
        for (int i = 0; i < finished.size(); i++) {
            Job job = finished.get(i);
            Run run = runs.get(job.id());
            if (run != null && (i >= settings.keepFinished() || job.finished().isBefore(tooOld))) {
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

    /** The database several replicas share, whose pool the publications use too; null unless jobs are kept in one. */
    JobDatabase database() {
        return database;
    }

    /**
     * Reads back the jobs on disk; those unfinished start again. Call once, holding the data directory
     * ({@link DataDirectoryLock}), before the first submission.
     */
    void restore() {
        if (storage == null) {
            return;
        }
        if (database != null) { // nothing to read back: this replica claims jobs as it has solvers free
            database.start(this::notice, this::heardElsewhere);
            leases.start();
            return;
        }
        JobFiles files = (JobFiles) storage;
        long started = System.nanoTime();
        List<Stored> stored;
        try {
            stored = files.load();
        } catch (IOException e) {
            LOG.error("Cannot read the jobs in {}: {}", files.directory(), e.toString());
            return;
        }
        int resumed = 0;
        List<String> invalid = new ArrayList<>();
        for (Stored entry : stored) {
            Job job = entry.job();
            // A job already taken keeps its plan even when the size limit was lowered since.
            PlanIntake intake = PlanIntake.read(job.planJson().getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);
            if (!intake.isValid()) {
                files.quarantine(job.id());
                invalid.add(job.id() + " (" + intake.problems().get(0) + ")");
                continue;
            }
            if (job.isFinished()) {
                Run run = new Run(job, intake.plan(), null, Duration.ZERO);
                run.done.complete(null);
                runs.put(job.id(), run);
                continue;
            }
            try {
                if (resume(job, intake, entry.savedAt())) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                // Never lost: it is served as it was left, finished, with why it did not go on.
                LOG.error("Job {} cannot be started again", job.id(), e);
                Job ended = job.finish(entry.savedAt(), null, Text.of("server.job.notRestarted",
                        String.valueOf(e.getMessage())));
                Run run = new Run(ended, intake.plan(), null, Duration.ZERO);
                run.done.complete(null);
                runs.put(job.id(), run);
                save(ended);
            }
        }
        if (!invalid.isEmpty()) {
            LOG.warn("Moved {} job(s) whose plan.json is no longer a valid plan to {}: {}", invalid.size(),
                    files.quarantineDirectory(), String.join(", ", invalid));
        }
        prune();
        if (!stored.isEmpty()) {
            LOG.info("Read {} job(s) from {} in {} ms; {} started again from their best schedule so far",
                    runs.size(), files.directory(), (System.nanoTime() - started) / 1_000_000, resumed);
        }
    }

    /**
     * Starts a job again from its best schedule so far, for what was left of its time limit (at least
     * {@link #MIN_RESUMED_TIME}); one whose time limit is used up ends with that schedule.
     *
     * @return whether it solves again
     */
    private boolean resume(Job job, PlanIntake intake, Instant savedAt) {
        Plan plan = intake.plan();
        // Files written before the solving time was kept: the time between its start and its last write.
        Duration spent = job.solvingTime() != null ? job.solvingTime()
                : job.started() == null ? Duration.ZERO : Duration.between(job.started(), savedAt);
        Duration left = job.timeLimit().minus(spent.isNegative() ? Duration.ZERO : spent);
        if (left.isNegative() || left.isZero()) {
            Job ended = job.finish(savedAt, null, job.schedule() != null ? null
                    : Text.of("server.job.timeUsedUp")).withSolvingTime(spent);
            Run run = new Run(ended, plan, null, spent);
            run.done.complete(null);
            runs.put(job.id(), run);
            save(ended);
            return false;
        }
        WeeklySchedule week = intake.model();
        if (job.schedule() != null) {
            List<Problem> problems = Assignments.apply(week, job.schedule().sessions(), "schedule.sessions");
            if (!problems.isEmpty()) {
                LOG.warn("Job {} starts again from scratch: its best schedule no longer fits its plan ({})",
                        job.id(), problems.get(0));
                week = intake.model();
            }
        }
        // Timefold takes whole milliseconds. A job that never solved (claimed from a database) has its whole time.
        Duration timeLimit = spent.isZero() ? job.timeLimit()
                : left.compareTo(MIN_RESUMED_TIME) < 0 ? MIN_RESUMED_TIME : left.truncatedTo(ChronoUnit.MILLIS);
        Job waiting = job.requeue().withSolvingTime(spent);
        Run run = new Run(waiting, plan, week, spent);
        // Its first second is counted before it solves, until the ticker keeps its solving time ahead.
        save(waiting.withSolvingTime(spent.plus(TICK)));
        runs.put(job.id(), run);
        solve(run, week, timeLimit);
        return true;
    }

    // --- Replicas sharing a database

    /** The job database cannot be reached now; the request may be sent again in a moment. */
    public static final class StorageUnavailable extends IllegalStateException {
        StorageUnavailable(IOException cause) {
            super("the job database cannot be reached: " + cause.getMessage(), cause);
        }
    }

    private interface DatabaseRead<T> {
        T read() throws IOException;
    }

    private static <T> T databaseRead(DatabaseRead<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }

    /** Whether this replica has a solver free for a job just submitted, and now holds it. Call holding runs. */
    private boolean claimForSubmission(String id) {
        if (localOpenCount() >= settings.parallelSolvers()) {
            return false;
        }
        try {
            return database.claim(id).isPresent();
        } catch (IOException e) {
            LOG.warn("Cannot claim job {} ({}); a replica takes it when it can", id, e.getMessage());
            return false;
        }
    }

    /** Solvers this replica has free for waiting jobs. */
    int freeSolvers() {
        return accepting ? (int) Math.max(0, settings.parallelSolvers() - localOpenCount()) : 0;
    }

    /** The jobs this replica solves or has queued for its solvers (not those it is letting go of). */
    Set<String> solving() {
        return runs.values().stream().filter(run -> !run.abandoned).map(Run::snapshot)
                .filter(job -> !job.isFinished()).map(Job::id).collect(Collectors.toSet());
    }

    /**
     * Solves a job this replica claimed, from its best schedule so far for what is left of its time (as after a
     * restart); one a coordinator asked to stop ends at once, with that schedule.
     */
    void takeOver(Stored claimed) {
        Job job = claimed.job();
        synchronized (runs) {
            if (!accepting || runs.containsKey(job.id())) {
                return; // handed back when the store closes
            }
            PlanIntake intake = PlanIntake.read(job.planJson().getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);
            if (!intake.isValid()) {
                LOG.warn("Job {} is set aside (status QUARANTINED): its plan is no longer a valid plan ({})", job.id(),
                        intake.problems().get(0));
                storage.quarantine(job.id());
                return;
            }
            try {
                if (database.stopRequested(job.id())) {
                    endUnsolved(job, intake);
                } else if (resume(job, intake, claimed.savedAt())) {
                    LOG.info("Solving job {} from its best schedule so far ({} solved before)", job.id(),
                            job.solvingTime());
                } else { // its time was used up: it ended with its best schedule
                    Run ended = runs.remove(job.id());
                    tell(ended, new Event(STATUS, progress(ended.job, null)));
                    tell(ended, new Event(DONE, progress(ended.job, null)));
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Job {} cannot be started again", job.id(), e);
                runs.remove(job.id());
                save(job.finish(Instant.now(), null, Text.of("server.job.notRestarted", String.valueOf(e.getMessage()))));
            }
        }
    }

    /** Ends a job no replica solves: with its best schedule so far, or the plan as given when it has none. */
    private Job endUnsolved(Job job, PlanIntake intake) {
        Run run = new Run(job, intake.plan(), null, job.solvingTime() == null ? Duration.ZERO : job.solvingTime());
        synchronized (run) {
            if (job.schedule() == null) {
                try {
                    describe(run, intake.model());
                } catch (RuntimeException e) {
                    LOG.error("Cannot describe the schedule of job {}", job.id(), e);
                }
            }
            run.job = run.job.finish(Instant.now(), null, null);
        }
        save(run.job);
        tell(run, new Event(STATUS, progress(run.job, null)));
        tell(run, new Event(DONE, progress(run.job, null)));
        return run.job;
    }

    /** Stops a job this replica does not solve: at once if no replica does, else by asking its owner. */
    private Optional<Job> stopElsewhere(String id) {
        Optional<Stored> claimed = databaseRead(() -> database.claim(id));
        if (claimed.isPresent()) {
            Job job = claimed.get().job();
            PlanIntake intake = PlanIntake.read(job.planJson().getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);
            if (intake.isValid()) {
                return Optional.of(endUnsolved(job, intake));
            }
            // Claimed only to stop it: handed back, for whichever replica claims it to set it aside.
            release(id);
            return Optional.of(job);
        }
        if (!databaseRead(() -> database.requestStop(id))) {
            return find(id); // finished already, or unknown
        }
        long deadline = System.nanoTime() + FINAL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            // Its status only: the whole row holds the plan, up to the request size limit.
            Optional<SolverStatus> status = databaseRead(() -> database.status(id));
            if (status.isEmpty() || status.get() == SolverStatus.NOT_SOLVING) {
                return find(id);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.warn("Job {} did not finish within {} of being asked to stop", id, FINAL_WAIT);
        return find(id);
    }

    /** Listens to a job solved elsewhere (or waiting for a replica) through the database's events. */
    private Optional<Runnable> subscribeElsewhere(String id, Consumer<Event> listener) {
        synchronized (remoteListeners) { // first, so that no event between the read and now is missed
            remoteListeners.computeIfAbsent(id, key -> new ArrayList<>()).add(listener);
        }
        Runnable unsubscribe = () -> {
            synchronized (remoteListeners) {
                List<Consumer<Event>> listeners = remoteListeners.get(id);
                if (listeners != null && listeners.remove(listener) && listeners.isEmpty()) {
                    remoteListeners.remove(id);
                }
            }
        };
        Optional<Job> job;
        try {
            job = databaseRead(() -> database.find(id)).map(Stored::job);
        } catch (RuntimeException e) {
            unsubscribe.run();
            throw e;
        }
        if (job.isEmpty()) {
            unsubscribe.run();
            return Optional.empty();
        }
        listener.accept(new Event(STATUS, progress(job.get(), null)));
        if (job.get().isFinished()) {
            unsubscribe.run();
            listener.accept(new Event(DONE, progress(job.get(), null)));
            return Optional.of(() -> {
            });
        }
        return Optional.of(unsubscribe);
    }

    /** An event any replica (this one too) published: for whoever listens here to a job solved elsewhere. */
    private void heardElsewhere(Event event) {
        List<Consumer<Event>> listeners;
        synchronized (remoteListeners) {
            List<Consumer<Event>> all = DONE.equals(event.name()) ? remoteListeners.remove(event.data().id())
                    : remoteListeners.get(event.data().id());
            listeners = all == null ? List.of() : List.copyOf(all);
        }
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener of job {} failed", event.data().id(), e);
            }
        }
    }

    /** A notice from the database: a job waits for a replica, or a job is to stop; null after a lost connection. */
    private void notice(String notice) {
        if (notice == null || JobDatabase.QUEUED.equals(notice)) {
            leases.wake();
        } else if (notice.startsWith(JobDatabase.STOP)) {
            String id = notice.substring(JobDatabase.STOP.length());
            if (runs.containsKey(id)) {
                leases.later(() -> stop(id));
            }
        }
    }

    /** Ends the streams of watched jobs that finished while a database event could have been missed. */
    void checkWatched() throws IOException {
        List<String> watched;
        synchronized (remoteListeners) {
            watched = List.copyOf(remoteListeners.keySet());
        }
        for (String id : watched) {
            Optional<Job> job = database.find(id).map(Stored::job);
            if (job.isEmpty() || job.get().isFinished()) {
                heardElsewhere(new Event(DONE, job.map(found -> progress(found, null))
                        .orElse(new Progress(id, SolverStatus.NOT_SOLVING, null, null, null, null, null, null))));
            }
        }
    }

    /** This replica no longer holds the job (or cannot renew its lease): it stops solving it and writes nothing more. */
    void abandon(String id) {
        Run run = runs.get(id);
        if (run != null && !run.snapshot().isFinished() && !run.abandoned) {
            LOG.warn("Job {} is no longer held by this replica: it stops solving it", id);
            abandonLater(run);
        }
    }

    private void abandonLater(Run run) {
        if (run.abandoned) {
            return;
        }
        run.abandoned = true;
        leases.later(() -> stopSolving(run, false));
    }

    /** Describes {@code week} as the job's schedule. Call with the run locked. */
    private void describe(Run run, WeeklySchedule week) {
        run.best = null; // first, so that a week that cannot be described is tried once, not on every read
        Schedule schedule = engine.describe(week, false);
        // The job's diagnostics are the model's (which the schedule has) after what reading the plan noted.
        run.job = run.job.withSchedule(new Schedule(schedule.name(), schedule.score(), schedule.feasible(),
                schedule.sessions(), schedule.unassigned(), schedule.constraints(), schedule.workers(),
                schedule.organizations(), run.job.diagnostics()));
    }

    /**
     * @param keepUnstarted whether a job stopped before it started keeps the plan as given as its schedule
     *     (describing it takes a moment), or ends without one
     */
    private void stopSolving(Run run, boolean keepUnstarted) {
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

    private void awaitDone(Run run) {
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
    private void noticeStart(Run run) {
        SolverJob<WeeklySchedule, String> solverJob = run.solverJob;
        if (run.job.status() == SolverStatus.SOLVING_SCHEDULED && solverJob != null
                && solverJob.getSolverStatus() == SolverStatus.SOLVING_ACTIVE) {
            start(run);
        }
    }

    private void start(Run run) {
        if (run.job.status() == SolverStatus.SOLVING_SCHEDULED) {
            run.job = run.job.start(Instant.now());
            tell(run, new Event(STATUS, progress(run.job, null)));
        }
    }

    private void tell(Run run, Event event) {
        if (database != null && !INTERRUPTED.equals(event.name())) { // the job goes on elsewhere after an interruption
            database.publish(event);
        }
        for (Consumer<Event> listener : List.copyOf(run.listeners)) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener of job {} failed", run.job.id(), e);
            }
        }
    }

    private static Progress progress(Job job, WeeklySchedule week) {
        Long placed = null;
        Long unassigned = null;
        if (week != null) {
            placed = week.assignedCount();
            unassigned = week.getSessions().size() - placed;
        } else if (job.schedule() != null) {
            placed = (long) job.schedule().sessions().size();
            unassigned = (long) job.schedule().unassigned().size();
        }
        Instant since = job.started();
        Instant until = job.finished() != null ? job.finished() : Instant.now();
        Double seconds = since == null ? null : Duration.between(since, until).toMillis() / 1000.0;
        return new Progress(job.id(), job.status(), job.score(), job.summary().feasible(), placed, unassigned,
                seconds, job.error());
    }

    /** A job and what only a running server needs of it: the parsed plan, the solver's handle, the listeners. */
    private static final class Run {
        private final Plan plan;
        /** The week as it was handed to the solver (which works on copies), until the job is finished. */
        private volatile WeeklySchedule problem;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        /** Guarded by this run. */
        private final List<Consumer<Event>> listeners = new ArrayList<>();
        private volatile SolverJob<WeeklySchedule, String> solverJob;
        /** Guarded by this run; read without it through {@link #snapshot()}. */
        private volatile Job job;
        /** The newest best solution not described yet; guarded by this run. */
        private WeeklySchedule best;
        /** When the job was last written ({@link System#nanoTime()}); guarded by this run. */
        private long lastSaved = System.nanoTime() - SAVE_EVERY.toNanos(); // the first best is written at once
        /** Whether the server going down stopped it (rather than its time limit or a coordinator). */
        private volatile boolean stoppedByServer;
        /** How long it solved before this run of the server. */
        private final Duration spentBefore;
        /** Whether its file holds a solving time ahead of the truth since this run began; guarded by this run. */
        private boolean reserved;
        /** Whether another replica holds it now: it stops, and writes nothing more. */
        private volatile boolean abandoned;

        Run(Job job, Plan plan, WeeklySchedule problem, Duration spentBefore) {
            this.job = job;
            this.plan = plan;
            this.problem = problem;
            this.spentBefore = spentBefore;
        }

        Job snapshot() {
            return job;
        }
    }
}
