package org.communityscheduler.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

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
            Long unassigned, Double seconds, String error) {
    }

    /** The store is closing and takes no new jobs. */
    public static final class Closed extends IllegalStateException {
        Closed() {
            super("the store is closing and takes no new jobs");
        }
    }

    /** An {@code Idempotency-Key} sent again with another plan or time limit than its first submission. */
    public static final class KeyReused extends IllegalStateException {
        KeyReused(String id) {
            super("this Idempotency-Key was first sent with another plan or time limit (job " + id
                    + "); send a new key for a new submission");
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
    /** Null when jobs are kept in memory only. */
    private final JobFiles files;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;
    /** Keeps the solving time of solving jobs on disk ahead of the truth; null without a data directory. */
    private final ScheduledExecutorService ticker;

    /** Jobs in memory only, as many as the default settings allow. */
    public JobStore(SchedulingEngine engine) {
        this(engine, ServerSettings.defaults());
    }

    /**
     * Jobs kept in the settings' data directory, if any; {@link #restore()} reads back those already there, once the
     * caller holds the directory.
     */
    public JobStore(SchedulingEngine engine, ServerSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.files = settings.dataDir() == null ? null : new JobFiles(settings.dataDir());
        if (files != null) {
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
            if (files != null) {
                try {
                    // Accepted means kept: a job that cannot be written is not taken. Its first second is
                    // counted at once, until the ticker keeps its solving time ahead.
                    files.create(run.job.withSolvingTime(TICK));
                } catch (IOException e) {
                    files.delete(id);
                    throw new java.io.UncheckedIOException("cannot write the job to " + files.directory(), e);
                }
            }
            runs.put(id, run);
            try {
                solve(run, week, timeLimit);
            } catch (RuntimeException e) {
                runs.remove(id);
                if (files != null) {
                    files.delete(id);
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

    /** Jobs waiting for a solver or solving. */
    public long openCount() {
        return runs.values().stream().filter(run -> !run.snapshot().isFinished()).count();
    }

    /**
     * The job with its best schedule so far, described afresh if the solver found a better one since. A job
     * has no schedule before the solver's first best.
     */
    public Optional<Job> find(String id) {
        Run run = runs.get(id);
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
        if (run == null) {
            return Optional.empty();
        }
        return find(run).map(job -> new WithPlan(job, run.plan));
    }

    /** Every job, oldest first, as it stands (without describing schedules anew). */
    public List<Job> list() {
        List<Job> jobs = new ArrayList<>();
        for (Run run : runs.values()) {
            synchronized (run) {
                noticeStart(run);
                jobs.add(run.job);
            }
        }
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
            Job job = run.job.withEditedSchedule(new Schedule(edited.name(), edited.score(), edited.feasible(),
                    edited.sessions(), edited.unassigned(), edited.constraints(), edited.workers(),
                    edited.organizations(), run.job.diagnostics()));
            if (files != null) {
                try {
                    files.save(job); // kept means on disk: an edit that cannot be written is not made
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write job " + id + " to " + files.directory(), e);
                }
            }
            run.job = job;
            return Optional.of(job);
        }
    }

    /** Stops a job early; its best schedule so far is kept. Waits until that schedule is written. */
    public Optional<Job> stop(String id) {
        Run run = runs.get(id);
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
        if (run == null) {
            return 0;
        }
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
            if (files != null && System.nanoTime() - run.lastSaved >= SAVE_EVERY.toNanos()) {
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

    private void save(Job job) {
        try {
            files.save(job);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write job {} to {}: {}", job.id(), files.directory(), e.toString());
        }
    }

    private void failed(Run run, Throwable error) {
        LOG.error("Solving job {} failed", run.job.id(), error);
        finished(run, null, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }

    /** The end of a job: its last schedule is described and kept, listeners hear {@code done}. */
    private void finished(Run run, WeeklySchedule last, String failure) {
        synchronized (run) {
            if (run.job.isFinished()) {
                return;
            }
            String error = failure;
            WeeklySchedule latest = last != null ? last : run.best;
            if (latest != null) {
                try {
                    describe(run, latest);
                } catch (RuntimeException e) {
                    LOG.error("Cannot describe the schedule of job {}", run.job.id(), e);
                    error = error != null ? error : "the schedule could not be described: " + e.getMessage();
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
            boolean resumes = files != null && run.stoppedByServer && (error == null || latest == null);
            if (files != null) {
                save(resumes ? unfinished : run.job);
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
        if (accepting) {
            prune();
        }
    }

    /** Deletes the oldest finished jobs beyond the number and age kept; jobs waiting or solving never. */
    void prune() {
        Instant tooOld = Instant.now().minus(settings.keepFinishedFor());
        List<Job> finished = runs.values().stream().map(Run::snapshot).filter(Job::isFinished)
                .sorted(Comparator.comparing(Job::finished).reversed()).toList();
        for (int i = 0; i < finished.size(); i++) {
            Job job = finished.get(i);
            Run run = runs.get(job.id());
            if (run != null && (i >= settings.keepFinished() || job.finished().isBefore(tooOld))) {
                // Forgotten first, under the job's lock: no request finds it, and an edit under way writes no files.
                synchronized (run) {
                    runs.remove(job.id(), run);
                    if (files != null) {
                        files.delete(job.id());
                    }
                }
                LOG.debug("Deleted finished job {} ({})", job.id(), job.finished());
            }
        }
    }

    /**
     * Reads back the jobs on disk; those unfinished start again. Call once, holding the data directory
     * ({@link DataDirectoryLock}), before the first submission.
     */
    void restore() {
        if (files == null) {
            return;
        }
        long started = System.nanoTime();
        List<JobFiles.Stored> stored;
        try {
            stored = files.load();
        } catch (IOException e) {
            LOG.error("Cannot read the jobs in {}: {}", files.directory(), e.toString());
            return;
        }
        int resumed = 0;
        List<String> invalid = new ArrayList<>();
        for (JobFiles.Stored entry : stored) {
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
                Job ended = job.finish(entry.savedAt(), null, "could not be started again after a restart: "
                        + e.getMessage());
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
                    : "its time limit was used up before a first schedule").withSolvingTime(spent);
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
        // Timefold takes whole milliseconds.
        Duration timeLimit = left.compareTo(MIN_RESUMED_TIME) < 0 ? MIN_RESUMED_TIME : left.truncatedTo(ChronoUnit.MILLIS);
        Job waiting = job.requeue().withSolvingTime(spent);
        Run run = new Run(waiting, plan, week, spent);
        // Its first second is counted before it solves, until the ticker keeps its solving time ahead.
        save(waiting.withSolvingTime(spent.plus(TICK)));
        runs.put(job.id(), run);
        solve(run, week, timeLimit);
        return true;
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
                finished(run, keepUnstarted ? last : null, keepUnstarted ? null : "stopped before it started");
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

    private static void tell(Run run, Event event) {
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
