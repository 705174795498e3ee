package org.communityscheduler.solve;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ProblemSizeStatistics;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverStatus;
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * One week solved on several cores, seen as one solver job. Each core (a lane) runs Timefold solves one
 * after another on its own solver manager:
 * <ul>
 * <li>a week that splits ({@link Partition}): each lane has groups of sessions no constraint links to the
 * rest. It first places its groups in turn (each solve ends once its group is complete, or after at most
 * half of the group's share of the time), then improves them in turn, each for its share of what is left
 * (by size); a group still incomplete is placed again then. The groups' best schedules are merged into the
 * week and scored whole;</li>
 * <li>a week that does not split: each lane solves the whole week with its own random seed (a portfolio),
 * the best of them winning.</li>
 * </ul>
 * A lane whose groups are all perfect before the time limit helps the others: it solves their worst group
 * from its best so far with its own random seed, and the better of the two solvers counts. Once the whole
 * week is perfect, whichever solves still run stop. A lane's clock starts when it gets its core; until then
 * the solve is scheduled.
 */
final class ParallelSolve implements SolverJob<WeeklySchedule, String> {

    /** Time between merges of the groups, as a multiple of the time one merge takes. */
    private static final long MERGE_EFFORT = 10;
    /** Of a group's share of the time, at most this much goes to placing it before the others are placed. */
    private static final double PLACING_SHARE = 0.5;
    /** How often a waiting lane looks again: for its core (besides being woken), or for a group to help with. */
    private static final long POLL_MILLIS = 100;
    /** Less time left than this, and a lane that is done does not start helping another. */
    private static final Duration MIN_HELP = Duration.ofSeconds(1);

    /**
     * What a lane solves on: a solver manager (with its random seed), and how many solves may use it at once.
     * Solves wait for it in the order they were started, whichever of their threads comes first.
     */
    static final class Core {

        private final SolverManager<WeeklySchedule, String> manager;
        private final int permits;
        private final Deque<Object> waiting = new ArrayDeque<>();
        private int inUse;

        Core(SolverManager<WeeklySchedule, String> manager, int permits) {
            this.manager = manager;
            this.permits = permits;
        }

        SolverManager<WeeklySchedule, String> manager() {
            return manager;
        }

        /** Joins the end of the queue; call in the order the solves start. */
        synchronized Object queue() {
            Object ticket = new Object();
            waiting.addLast(ticket);
            return ticket;
        }

        /** Waits up to {@code millis} for this ticket's turn and a free permit; true once it holds one. */
        synchronized boolean enter(Object ticket, long millis) throws InterruptedException {
            if (!isTurn(ticket)) {
                wait(millis);
            }
            if (!isTurn(ticket)) {
                return false;
            }
            waiting.removeFirst();
            inUse++;
            notifyAll();
            return true;
        }

        private boolean isTurn(Object ticket) {
            return inUse < permits && waiting.peekFirst() == ticket;
        }

        /** Leaves the queue without having entered. */
        synchronized void leaveQueue(Object ticket) {
            waiting.remove(ticket);
            notifyAll();
        }

        synchronized void release() {
            inUse--;
            notifyAll();
        }
    }

    private final String id;
    private final WeeklySchedule problem;
    private final boolean portfolio;
    private final Duration timeLimit;
    private final UnaryOperator<WeeklySchedule> scoring;
    private final Consumer<WeeklySchedule> onBest;
    private final Consumer<WeeklySchedule> onFinal;
    private final BiConsumer<String, Throwable> onError;
    private final Executor threads;
    private final List<Lane> lanes = new ArrayList<>();
    private final CompletableFuture<WeeklySchedule> done = new CompletableFuture<>();

    /** Each group's best so far (its unsolved copy until a solve reports); for a portfolio, one per lane. */
    private final WeeklySchedule[] groupBests;
    /** Per group, the priority of sessions no solve can place (pinned without a place, or impossible). */
    private final long[] outForGood;
    private WeeklySchedule best;
    private boolean mergePending;
    private long nextMergeNanos;
    private boolean finished;
    private volatile boolean terminatedEarly;

    /**
     * @param laneGroups per lane, the groups it solves in turn ({@link Partition#of}); a single lane with a single
     *                   group means the week does not split, and {@code portfolioSize} lanes solve all of it
     * @param threads    runs the lanes and the final wait, one thread each
     */
    ParallelSolve(String id, WeeklySchedule problem, List<List<List<Session>>> laneGroups, int portfolioSize,
            Duration timeLimit, UnaryOperator<WeeklySchedule> scoring, Consumer<WeeklySchedule> onBest,
            Consumer<WeeklySchedule> onFinal, BiConsumer<String, Throwable> onError, Executor threads) {
        this.id = id;
        this.problem = problem;
        this.portfolio = laneGroups.size() == 1 && laneGroups.get(0).size() == 1;
        this.timeLimit = timeLimit;
        this.scoring = scoring;
        this.onBest = onBest;
        this.onFinal = onFinal;
        this.onError = onError;
        this.threads = threads;
        List<WeeklySchedule> groups = new ArrayList<>();
        if (portfolio) {
            for (int k = 0; k < portfolioSize; k++) {
                lanes.add(new Lane(k, new int[] { k }));
                groups.add(problem.copy());
            }
        } else {
            for (int k = 0; k < laneGroups.size(); k++) {
                int[] indices = new int[laneGroups.get(k).size()];
                for (int g = 0; g < indices.length; g++) {
                    indices[g] = groups.size();
                    groups.add(problem.withSessions(laneGroups.get(k).get(g)).copy());
                }
                lanes.add(new Lane(k, indices));
            }
        }
        this.groupBests = groups.toArray(WeeklySchedule[]::new);
        this.outForGood = new long[groupBests.length];
        for (int g = 0; g < groupBests.length; g++) {
            for (Session session : groupBests[g].getSessions()) {
                if (!session.isAssigned() && (session.isLocked() || !session.isPlaceable())) {
                    outForGood[g] += session.getActivity().getPriority();
                }
            }
        }
    }

    /** Runs {@code action} once the solve is over, however it ended. */
    void whenOver(Runnable action) {
        done.whenComplete((schedule, error) -> action.run());
    }

    /** Starts every lane, lane k on {@code cores.get(k)}, and the wait for them. */
    void start(List<Core> cores) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Lane lane : lanes) {
            Core core = cores.get(lane.index);
            Object ticket = core.queue();
            running.add(CompletableFuture.runAsync(() -> lane.run(core, ticket), threads));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((ignored, error) -> finish(error), threads);
    }

    /** Lanes: cores this solve uses. */
    int memberCount() {
        return lanes.size();
    }

    /** Timefold solves lane {@code k} has finished so far. */
    int solvesOf(int k) {
        Lane lane = lanes.get(k);
        synchronized (lane) {
            return lane.solves;
        }
    }

    /** Whether every lane solves the whole week (it does not split). */
    boolean isPortfolio() {
        return portfolio;
    }

    /** A group's new best, from a solve's event or its final answer (which may repeat the last event). */
    private synchronized void groupImproved(int group, WeeklySchedule solution) {
        HardMediumSoftLongScore before = groupBests[group].getScore();
        if (finished || solution.getScore() == null || before != null && solution.getScore().compareTo(before) <= 0) {
            return;
        }
        groupBests[group] = solution;
        if (portfolio ? isPerfect(group) : allPerfect()) {
            // Nothing left to improve: the solves still running (the other seeds, or a lane whose own copy of the
            // group a helper just finished) stop, on another thread, as terminateEarly() does.
            threads.execute(() -> lanes.forEach(Lane::terminateCurrent));
        }
        if (portfolio) {
            if (best == null || solution.getScore().compareTo(best.getScore()) > 0) {
                best = solution;
                onBest.accept(solution);
            }
        } else {
            mergePending = true;
        }
    }

    private synchronized WeeklySchedule groupBest(int group) {
        return groupBests[group];
    }

    /** Every half second: publishes the merged groups if one improved. */
    void tick() {
        synchronized (this) {
            if (finished || getSolverStatus() != SolverStatus.SOLVING_ACTIVE) {
                return;
            }
            if (mergePending && System.nanoTime() >= nextMergeNanos) {
                mergePending = false;
                long started = System.nanoTime();
                WeeklySchedule merged = merge();
                // Scoring the whole week takes a while on large weeks: keep it to a tenth of one core.
                nextMergeNanos = System.nanoTime() + MERGE_EFFORT * (System.nanoTime() - started);
                if (best == null || merged.getScore().compareTo(best.getScore()) > 0) {
                    best = merged;
                    onBest.accept(merged);
                }
            }
        }
    }

    private WeeklySchedule merge() {
        Map<String, Session> byId = new HashMap<>();
        for (WeeklySchedule group : groupBests) {
            for (Session session : group.getSessions()) {
                byId.put(session.getId(), session);
            }
        }
        List<Session> sessions = problem.getSessions().stream().map(session -> byId.get(session.getId())).toList();
        return scoring.apply(problem.withSessions(sessions));
    }

    /** Once every lane is done: hands over the final schedule. */
    private void finish(Throwable laneError) {
        if (laneError != null) {
            fail(laneError instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : laneError);
            return;
        }
        WeeklySchedule last;
        synchronized (this) {
            finished = true;
            if (lanes.stream().noneMatch(lane -> lane.solves > 0)) {
                done.complete(problem);
                return;
            }
            if (portfolio) {
                last = Arrays.stream(groupBests).filter(group -> group.getScore() != null)
                        .max(Comparator.comparing(WeeklySchedule::getScore, HardMediumSoftLongScore::compareTo))
                        .orElse(best);
            } else {
                last = merge();
            }
            best = last;
        }
        try {
            onFinal.accept(last);
        } finally {
            done.complete(last);
        }
    }

    private void fail(Throwable error) {
        synchronized (this) {
            finished = true;
        }
        terminateEarly();
        onError.accept(id, error);
        done.completeExceptionally(error);
    }

    /** One core's solves, one after another. */
    private final class Lane {

        private final int index;
        private final int[] groups;
        private volatile SolverJob<WeeklySchedule, String> current;
        private volatile SolverJob<WeeklySchedule, String> first;
        private volatile long startedNanos;
        private volatile long endedNanos;
        /** Of the solves finished: how many, their moves, score calculations and solving time. */
        private int solves;
        private long moves;
        private long scoreCalculations;
        private long solvingNanos;

        Lane(int index, int[] groups) {
            this.index = index;
            this.groups = groups;
        }

        void run(Core core, Object ticket) {
            try {
                while (!core.enter(ticket, POLL_MILLIS)) {
                    if (terminatedEarly) {
                        core.leaveQueue(ticket);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                core.leaveQueue(ticket);
                return;
            }
            startedNanos = System.nanoTime();
            long deadline = startedNanos + timeLimit.toNanos();
            try {
                if (!portfolio) {
                    solveInTurn(core, deadline, true);
                }
                solveInTurn(core, deadline, false);
                if (!portfolio) {
                    helpOthers(core, deadline);
                }
            } finally {
                endedNanos = System.nanoTime();
                core.release();
            }
        }

        /**
         * Each group in turn for its share of the time left: placing it ({@code placing}), or improving it, the
         * groups still incomplete first.
         */
        private void solveInTurn(Core core, long deadline, boolean placing) {
            long sessionsLeft = 0;
            List<Integer> order = new ArrayList<>();
            for (int group : groups) {
                sessionsLeft += groupBests[group].getSessions().size();
                order.add(group);
            }
            order.sort(Comparator.comparing(group -> isComplete(group)));
            for (int group : order) {
                long size = groupBests[group].getSessions().size();
                long left = deadline - System.nanoTime();
                if (terminatedEarly || left <= 0) {
                    return;
                }
                double share = (double) size / sessionsLeft * (placing ? PLACING_SHARE : 1);
                sessionsLeft -= size;
                if (placing ? isComplete(group) : isPerfect(group)) {
                    continue;
                }
                Duration budget = Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis((long) (left * share))));
                solve(core, group, new TerminationConfig().withSpentLimit(budget)
                        .withBestScoreLimit(placing ? completeScore(group).toString() : SolverConfigs.PERFECT_SCORE));
            }
        }

        /**
         * Once every group of this lane is perfect, with time left: the worst group of the others, solved from its
         * best so far with this lane's random seed until the end; whichever of the two solvers does better counts.
         */
        private void helpOthers(Core core, long deadline) {
            while (!terminatedEarly) {
                long left = deadline - System.nanoTime();
                if (left < MIN_HELP.toNanos()) {
                    return;
                }
                int worst = -1;
                boolean unsolved = false;
                for (Lane other : lanes) {
                    for (int group : other == this ? new int[0] : other.groups) {
                        HardMediumSoftLongScore score = groupBest(group).getScore();
                        unsolved |= score == null;
                        if (score != null && !isPerfect(group)
                                && (worst < 0 || score.compareTo(groupBest(worst).getScore()) < 0)) {
                            worst = group;
                        }
                    }
                }
                if (worst < 0 && !unsolved) {
                    return;
                }
                if (worst < 0) {
                    // The others have not reported on every group yet: look again in a moment.
                    try {
                        Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
                solve(core, worst, new TerminationConfig()
                        .withSpentLimit(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(left)))
                        .withBestScoreLimit(SolverConfigs.PERFECT_SCORE));
            }
        }

        private void solve(Core core, int group, TerminationConfig termination) {
            SolverJob<WeeklySchedule, String> job = core.manager().solveBuilder()
                    .withProblemId(id + "#" + index + "." + group + "." + solves)
                    .withProblem(groupBest(group).copy())
                    .withConfigOverride(new SolverConfigOverride<WeeklySchedule>().withTerminationConfig(termination))
                    .withBestSolutionEventConsumer(event -> groupImproved(group, event.solution()))
                    .withExceptionHandler((jobId, error) -> terminateEarly())
                    .run();
            synchronized (this) {
                current = job;
                if (first == null) {
                    first = job;
                }
            }
            if (terminatedEarly) {
                job.terminateEarly();
            }
            try {
                groupImproved(group, job.getFinalBestSolution());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Solving was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } finally {
                synchronized (this) {
                    solves++;
                    moves += job.getMoveEvaluationCount();
                    scoreCalculations += job.getScoreCalculationCount();
                    solvingNanos += job.getSolvingDuration().toNanos();
                    current = null;
                }
            }
        }

        boolean isSolving() {
            return startedNanos != 0 && endedNanos == 0;
        }

        Duration elapsed() {
            long started = startedNanos;
            long ended = endedNanos;
            return started == 0 ? Duration.ZERO : Duration.ofNanos((ended == 0 ? System.nanoTime() : ended) - started);
        }

        synchronized long moves() {
            return moves + (current == null ? 0 : current.getMoveEvaluationCount());
        }

        synchronized long scoreCalculations() {
            return scoreCalculations + (current == null ? 0 : current.getScoreCalculationCount());
        }

        synchronized long solvingMillis() {
            return TimeUnit.NANOSECONDS.toMillis(solvingNanos
                    + (current == null ? 0 : current.getSolvingDuration().toNanos()));
        }

        void terminateCurrent() {
            SolverJob<WeeklySchedule, String> job = current;
            if (job != null) {
                job.terminateEarly();
            }
        }
    }

    private HardMediumSoftLongScore completeScore(int group) {
        return SolverConfigs.complete(outForGood[group]);
    }

    private boolean isPerfect(int group) {
        HardMediumSoftLongScore score = groupBest(group).getScore();
        return score != null && score.compareTo(HardMediumSoftLongScore.ZERO) >= 0;
    }

    private boolean allPerfect() {
        for (int group = 0; group < groupBests.length; group++) {
            if (!isPerfect(group)) {
                return false;
            }
        }
        return true;
    }

    private boolean isComplete(int group) {
        HardMediumSoftLongScore score = groupBest(group).getScore();
        return score != null && score.compareTo(completeScore(group)) >= 0;
    }

    @Override
    public String getProblemId() {
        return id;
    }

    @Override
    public SolverStatus getSolverStatus() {
        if (done.isDone()) {
            return SolverStatus.NOT_SOLVING;
        }
        boolean waiting = false;
        for (Lane lane : lanes) {
            if (lane.isSolving()) {
                return SolverStatus.SOLVING_ACTIVE;
            }
            waiting |= lane.startedNanos == 0;
        }
        return waiting && !terminatedEarly ? SolverStatus.SOLVING_SCHEDULED : SolverStatus.NOT_SOLVING;
    }

    @Override
    public CompletableFuture<Void> addProblemChanges(List<ProblemChange<WeeklySchedule>> problemChanges) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a running solve is not changed"));
    }

    /**
     * Asks every lane to stop, on another thread: a solve's stop waits for its event thread, which may be the
     * caller (a best-schedule consumer that decides it has seen enough).
     */
    @Override
    public void terminateEarly() {
        terminatedEarly = true;
        threads.execute(() -> lanes.forEach(Lane::terminateCurrent));
    }

    @Override
    public boolean isTerminatedEarly() {
        return terminatedEarly;
    }

    @Override
    public WeeklySchedule getFinalBestSolution() throws InterruptedException, ExecutionException {
        return done.get();
    }

    /** The longest time any lane has been solving. */
    @Override
    public Duration getSolvingDuration() {
        return lanes.stream().map(Lane::elapsed).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    @Override
    public long getScoreCalculationCount() {
        return lanes.stream().mapToLong(Lane::scoreCalculations).sum();
    }

    @Override
    public long getMoveEvaluationCount() {
        return lanes.stream().mapToLong(Lane::moves).sum();
    }

    /** Of the first solve started (for a week that splits, its first group's). */
    @Override
    public ProblemSizeStatistics getProblemSizeStatistics() {
        SolverJob<WeeklySchedule, String> first = lanes.get(0).first;
        return first == null ? null : first.getProblemSizeStatistics();
    }

    /** Score calculations per second of solving, all lanes together. */
    @Override
    public long getScoreCalculationSpeed() {
        return lanes.stream().mapToLong(lane -> lane.scoreCalculations() * 1000 / Math.max(1, lane.solvingMillis())).sum();
    }

    /** Moves evaluated per second of solving, all lanes together. */
    @Override
    public long getMoveEvaluationSpeed() {
        return lanes.stream().mapToLong(lane -> lane.moves() * 1000 / Math.max(1, lane.solvingMillis())).sum();
    }
}
