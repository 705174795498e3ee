package org.communityscheduler.solve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;

import org.communityscheduler.constraints.Justification;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.schedule.ScheduleWriter;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solving, analysis and recommendations for weekly schedules: the one entry point to Timefold
 * that the command line and the server share.
 */
public final class SchedulingEngine implements AutoCloseable {

    /**
     * How many placements may be tried, and for how long, to explain unplaced sessions: each costs a score
     * analysis, so a week with hundreds of unplaced sessions, or a very large week, explains the first ones in
     * detail and the rest briefly, and the answer comes a few seconds after solving at any size.
     */
    private static final long REASON_BUDGET = 20_000;
    private static final Duration REASON_TIME_BUDGET = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(SchedulingEngine.class);
    /** How often the groups of a week that splits are merged. */
    private static final Duration TICK = Duration.ofMillis(500);

    private final SolverConfig solverConfig;
    private final int threads;
    /**
     * One per thread a solve may use: a solver manager with its own random seed, and how many solves may use it
     * at once (a solve holds one for its whole time).
     */
    private final List<ParallelSolve.Core> cores = new ArrayList<>();
    private final SolutionManager<WeeklySchedule, HardMediumSoftLongScore> solutionManager;
    private final Map<String, ParallelSolve> solves = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    /** Runs the lanes of each solve (one thread per core it uses) and waits for them. */
    private final ExecutorService laneThreads;

    /**
     * @param parallelSolves solves that run at once; later ones wait in order
     * @param threads        cores one solve uses: each solves its share of the week's independent groups in
     *                       turn, or the whole week with its own seed when it does not split; a solve started
     *                       while k others wait or run gets threads / (k + 1) of them
     */
    public SchedulingEngine(SolverConfig solverConfig, int parallelSolves, int threads) {
        this.solverConfig = solverConfig;
        this.threads = threads;
        for (int k = 0; k < threads; k++) {
            SolverManager<WeeklySchedule, String> manager = SolverManager.create(
                    SolverFactory.create(SolverConfigs.member(solverConfig, k)),
                    new SolverManagerConfig().withParallelSolverCount(Integer.toString(parallelSolves)));
            cores.add(new ParallelSolve.Core(manager, parallelSolves));
        }
        this.solutionManager = SolutionManager.create(SolverFactory.create(SolverConfigs.forAnalysis(solverConfig)));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("solve-ticker"));
        this.laneThreads = Executors.newCachedThreadPool(daemon("solve-lane"));
    }

    /** The shipped configuration, one solve at a time, on every core. */
    public static SchedulingEngine shipped() {
        return shipped(availableCores());
    }

    /** The shipped configuration, one solve at a time, on {@code threads} cores. */
    public static SchedulingEngine shipped(int threads) {
        return new SchedulingEngine(SolverConfigs.shipped(), 1, threads);
    }

    public static int availableCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    public SolverConfig solverConfig() {
        return solverConfig;
    }

    /**
     * Starts solving in the background. {@code onBest} sees every new best schedule, {@code onFinal}
     * the last one, {@code onError} any failure; the job is queued when all solvers are busy. It stops at
     * the time limit or at a perfect score.
     */
    public SolverJob<WeeklySchedule, String> start(String jobId, WeeklySchedule problem, Duration timeLimit,
            Consumer<WeeklySchedule> onBest, Consumer<WeeklySchedule> onFinal, BiConsumer<String, Throwable> onError) {
        // A week re-planned starts from the week it keeps (previous), not from nothing.
        problem.getSessions().forEach(Session::startAtPrevious);
        // A solve started while others wait or run gets a share of the cores, so that together they fill them.
        int share = Math.max(1, threads / (1 + solves.size()));
        List<List<List<Session>>> lanes = Partition.of(problem, share);
        ParallelSolve solve = new ParallelSolve(jobId, problem, lanes, share, timeLimit,
                week -> {
                    week.setScore(solutionManager.update(week));
                    return week;
                }, onBest, onFinal, onError, laneThreads);
        LOG.info("Solving {} with {}", jobId, !solve.isPortfolio()
                ? lanes.stream().map(groups -> groups.stream().map(group -> Integer.toString(group.size()))
                                .collect(Collectors.joining(" + ")))
                        .collect(Collectors.joining(", ", "independent groups of ", " sessions, one core each"))
                : solve.memberCount() + " differently seeded solver(s)");
        // Known before any lane starts, so that a consumer of its first schedule can already stop it.
        solves.put(jobId, solve);
        solve.start(cores);
        ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(solve::tick,
                TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        solve.whenOver(() -> {
            ticks.cancel(false);
            solves.remove(jobId, solve);
        });
        return solve;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A finished solve: the best schedule, how long it took, how many moves it scored per second (every phase's:
     * the chains' tries, the annealing's moves; Timefold's own move count leaves out custom phases), and when
     * the best schedule first broke no hard rule and first had every placeable session placed
     * (null when never).
     */
    public record SolveRun(WeeklySchedule best, Duration solvingTime, long moveEvaluationSpeed,
            Duration timeToFeasible, Duration timeToAllPlaced) {
    }

    /** Solves and waits; {@code onBest} sees every improvement. */
    public SolveRun solve(WeeklySchedule problem, Duration timeLimit, Consumer<WeeklySchedule> onBest) {
        return solve(UUID.randomUUID().toString(), problem, timeLimit, onBest);
    }

    /** Solves and waits, under an id that {@link #terminateEarly(String)} can stop it by. */
    public SolveRun solve(String jobId, WeeklySchedule problem, Duration timeLimit, Consumer<WeeklySchedule> onBest) {
        long started = System.nanoTime();
        long placeable = problem.getSessions().stream().filter(Session::isPlaceable).count();
        Duration[] milestones = new Duration[2];
        SolverJob<WeeklySchedule, String> job = start(jobId, problem, timeLimit,
                best -> {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                    if (milestones[0] == null && best.getScore() != null && best.getScore().isFeasible()) {
                        milestones[0] = elapsed;
                    }
                    if (milestones[1] == null && best.assignedCount() >= placeable) {
                        milestones[1] = elapsed;
                    }
                    onBest.accept(best);
                }, solution -> {
                }, (id, error) -> {
                });
        try {
            WeeklySchedule best = job.getFinalBestSolution();
            return new SolveRun(best, job.getSolvingDuration(), job.getScoreCalculationSpeed(), milestones[0],
                    milestones[1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.terminateEarly();
            throw new IllegalStateException("Solving was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Solving failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public void terminateEarly(String jobId) {
        ParallelSolve solve = solves.get(jobId);
        if (solve != null) {
            solve.terminateEarly();
        }
    }

    /** Scores the schedule as it is and writes the §4 document; {@code withMatches} adds every match. */
    public Schedule describe(WeeklySchedule week, boolean withMatches) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(week,
                withMatches ? ScoreAnalysisFetchPolicy.FETCH_ALL : ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
        week.setScore(analysis.score());
        return ScheduleWriter.write(week, analysis, unassignedReasons(week), withMatches);
    }

    /** A placement the coordinator could choose for one session, with what it would change in the score. */
    public record Recommendation(Room room, int start, HardMediumSoftLongScore scoreDifference,
            ScoreAnalysis<HardMediumSoftLongScore> analysisDifference) {
    }

    /** The best placements for an unplaced session, best first, at most {@code limit}. */
    public List<Recommendation> recommend(WeeklySchedule week, Session session, int limit) {
        if (session.isAssigned() || session.isLocked()) {
            return List.of();
        }
        List<RecommendedAssignment<Recommendation, HardMediumSoftLongScore>> assignments =
                solutionManager.recommendAssignment(week, session,
                        placed -> placed.isAssigned()
                                ? new Recommendation(placed.getRoom(), placed.getStart(), null, null)
                                : null,
                        ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        List<Recommendation> recommendations = new ArrayList<>();
        for (RecommendedAssignment<Recommendation, HardMediumSoftLongScore> assignment : assignments) {
            Recommendation placement = assignment.proposition();
            if (placement != null && recommendations.size() < limit) {
                recommendations.add(new Recommendation(placement.room(), placement.start(),
                        assignment.scoreAnalysisDiff().score(), assignment.scoreAnalysisDiff()));
            }
        }
        return recommendations;
    }

    /**
     * Why each unplaced session is out: a coordinator took it out by hand, the plan makes it impossible (the
     * model's diagnostic), or
     * every placement left would break a hard rule (named, with the sessions in the way), or the
     * solver ran out of time before it found the free placement this names.
     */
    private Map<Session, List<Text>> unassignedReasons(WeeklySchedule week) {
        Map<Session, List<Text>> reasons = new HashMap<>();
        long budget = REASON_BUDGET;
        long deadline = System.nanoTime() + REASON_TIME_BUDGET.toNanos();
        for (Session session : week.getSessions()) {
            if (session.isAssigned()) {
                continue;
            }
            Text impossible = session.getActivity().getUnplaceableReason();
            if (session.isTakenOut()) {
                reasons.put(session, List.of(Text.of("schedule.unplaced.takenOut")));
            } else if (impossible != null) {
                reasons.put(session, List.of(impossible));
            } else if (session.isPinned()) {
                reasons.put(session, List.of(Text.of("schedule.unplaced.pinnedWithoutPlace")));
            } else if (budget > 0 && System.nanoTime() < deadline) {
                budget -= (long) session.getStartRange().size() * session.getRoomRange().size();
                reasons.put(session, blockingReasons(week, session));
            } else {
                reasons.put(session, List.of(Text.of("schedule.unplaced.askForARecommendation")));
            }
        }
        return reasons;
    }

    private List<Text> blockingReasons(WeeklySchedule week, Session session) {
        List<Recommendation> best = recommend(week, session, 1);
        if (best.isEmpty()) {
            return List.of(Text.of("schedule.unplaced.nothingEvaluated"));
        }
        Recommendation placement = best.get(0);
        Text where = Text.of("schedule.roomAndTime", placement.room().getName(), WeekTime.text(placement.start()));
        if (placement.scoreDifference().hardScore() >= 0) {
            return List.of(Text.of("schedule.unplaced.solverStoppedFirst", where));
        }
        List<Text> reasons = new ArrayList<>();
        reasons.add(Text.of("schedule.unplaced.everyPlacementBreaksAHardRule", where));
        HardMediumSoftLongScore score = week.getScore();
        session.setRoom(placement.room());
        session.setStart(WeekTime.boxed(placement.start()));
        try {
            ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(week,
                    ScoreAnalysisFetchPolicy.FETCH_ALL);
            analysis.constraintAnalyses().stream()
                    .filter(constraint -> constraint.score().hardScore() < 0 && constraint.matches() != null)
                    .sorted(Comparator.comparing(ConstraintAnalysis::constraintName))
                    .flatMap(constraint -> constraint.matches().stream())
                    .map(MatchAnalysis::justification)
                    .filter(justification -> justification instanceof Justification j && j.concerns(session))
                    .map(justification -> ((Justification) justification).description())
                    .forEach(reasons::add);
        } finally {
            session.setRoom(null);
            session.setStart(null);
            week.setScore(score);
        }
        return reasons;
    }

    @Override
    public void close() {
        solves.values().forEach(ParallelSolve::terminateEarly);
        cores.forEach(core -> core.manager().close());
        ticker.shutdownNow();
        // Not interrupted: a lane being stopped finishes stopping (the threads are daemons either way).
        laneThreads.shutdown();
    }
}
