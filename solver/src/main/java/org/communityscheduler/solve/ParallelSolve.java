package org.communityscheduler.solve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ProblemSizeStatistics;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverStatus;
import ai.timefold.solver.core.api.solver.change.ProblemChange;

import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * One week solved by several solvers at once, seen as one solver job: either the parts of a week that
 * splits ({@link Partition}), each on its own core and merged, or the whole week several times with
 * different random seeds (a portfolio), the best of them winning.
 */
final class ParallelSolve implements SolverJob<WeeklySchedule, String> {

    /** Time between merges of the parts, as a multiple of the time one merge takes. */
    private static final long MERGE_EFFORT = 10;

    private final String id;
    private final WeeklySchedule problem;
    /** Null for a portfolio: every member solves the whole week. */
    private final List<List<Session>> parts;
    private final UnaryOperator<WeeklySchedule> scoring;
    private final Consumer<WeeklySchedule> onBest;
    private final Consumer<WeeklySchedule> onFinal;
    private final BiConsumer<String, Throwable> onError;
    private final List<SolverJob<WeeklySchedule, String>> members = new CopyOnWriteArrayList<>();
    private final List<WeeklySchedule> memberInputs = new ArrayList<>();
    private final CompletableFuture<WeeklySchedule> done = new CompletableFuture<>();
    private final Executor stopper;

    /** Each member's best so far (for the parts, their unsolved copies until they report). */
    private final WeeklySchedule[] memberBests;
    private WeeklySchedule best;
    private boolean mergePending;
    private long nextMergeNanos;
    private boolean finished;
    private volatile boolean terminatedEarly;

    ParallelSolve(String id, WeeklySchedule problem, List<List<Session>> parts, UnaryOperator<WeeklySchedule> scoring,
            Consumer<WeeklySchedule> onBest, Consumer<WeeklySchedule> onFinal, BiConsumer<String, Throwable> onError,
            int memberCount, Executor stopper) {
        this.id = id;
        this.stopper = stopper;
        this.problem = problem;
        this.parts = parts;
        this.scoring = scoring;
        this.onBest = onBest;
        this.onFinal = onFinal;
        this.onError = onError;
        this.memberBests = new WeeklySchedule[memberCount];
        if (parts != null) {
            for (int k = 0; k < parts.size(); k++) {
                memberBests[k] = problem.withSessions(parts.get(k)).copy();
            }
        }
    }

    /** What member {@code k} solves: its own copy of the week, or of its part. */
    WeeklySchedule memberInput(int k) {
        WeeklySchedule input = parts == null ? problem.copy()
                : problem.withSessions(parts.get(k)).copy();
        memberInputs.add(input);
        return input;
    }

    int memberCount() {
        return members.size();
    }

    void addMember(SolverJob<WeeklySchedule, String> member) {
        members.add(member);
        if (terminatedEarly) {
            stopper.execute(member::terminateEarly);
        }
    }

    synchronized void memberImproved(int k, WeeklySchedule solution) {
        if (finished) {
            return;
        }
        if (parts == null) {
            if (best == null || solution.getScore().compareTo(best.getScore()) > 0) {
                best = solution;
                onBest.accept(solution);
            }
        } else {
            memberBests[k] = solution;
            mergePending = true;
        }
    }

    /** Every half second: publishes the merged parts if a part improved. */
    void tick() {
        synchronized (this) {
            if (finished || getSolverStatus() != SolverStatus.SOLVING_ACTIVE) {
                return;
            }
            if (mergePending && System.nanoTime() >= nextMergeNanos) {
                mergePending = false;
                long started = System.nanoTime();
                WeeklySchedule merged = merge(memberBests);
                // Scoring the whole week takes a while on large weeks: keep it to a tenth of one core.
                nextMergeNanos = System.nanoTime() + MERGE_EFFORT * (System.nanoTime() - started);
                if (best == null || merged.getScore().compareTo(best.getScore()) > 0) {
                    best = merged;
                    onBest.accept(merged);
                }
            }
        }
    }

    private WeeklySchedule merge(WeeklySchedule[] partBests) {
        Map<String, Session> byId = new HashMap<>();
        for (WeeklySchedule part : partBests) {
            for (Session session : part.getSessions()) {
                byId.put(session.getId(), session);
            }
        }
        List<Session> sessions = problem.getSessions().stream().map(session -> byId.get(session.getId())).toList();
        return scoring.apply(problem.withSessions(sessions));
    }

    /** Waits for every member, then hands over the final schedule; runs on its own thread. */
    void awaitMembers() {
        WeeklySchedule[] finals = new WeeklySchedule[members.size()];
        boolean anyStarted = false;
        try {
            for (int k = 0; k < members.size(); k++) {
                WeeklySchedule last = members.get(k).getFinalBestSolution();
                boolean started = last != memberInputs.get(k);
                anyStarted |= started;
                finals[k] = started ? last : memberBests[k];
            }
        } catch (ExecutionException e) {
            fail(e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
            return;
        }
        WeeklySchedule last;
        synchronized (this) {
            finished = true;
            if (!anyStarted) {
                done.complete(problem);
                return;
            }
            if (parts == null) {
                last = java.util.Arrays.stream(finals).filter(f -> f != null && f.getScore() != null)
                        .max(Comparator.comparing(WeeklySchedule::getScore, HardMediumSoftLongScore::compareTo))
                        .orElse(best);
            } else {
                last = merge(finals);
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
        members.forEach(SolverJob::terminateEarly);
        onError.accept(id, error);
        done.completeExceptionally(error);
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
        boolean scheduled = false;
        for (SolverJob<WeeklySchedule, String> member : members) {
            SolverStatus status = member.getSolverStatus();
            if (status == SolverStatus.SOLVING_ACTIVE) {
                return status;
            }
            scheduled |= status == SolverStatus.SOLVING_SCHEDULED;
        }
        return scheduled ? SolverStatus.SOLVING_SCHEDULED : SolverStatus.NOT_SOLVING;
    }

    @Override
    public CompletableFuture<Void> addProblemChanges(List<ProblemChange<WeeklySchedule>> problemChanges) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a running solve is not changed"));
    }

    /**
     * Asks every member to stop, on another thread: a member's stop waits for its event thread, which may be
     * the caller (a best-schedule consumer that decides it has seen enough).
     */
    @Override
    public void terminateEarly() {
        terminatedEarly = true;
        stopper.execute(() -> members.forEach(SolverJob::terminateEarly));
    }

    @Override
    public boolean isTerminatedEarly() {
        return terminatedEarly;
    }

    @Override
    public WeeklySchedule getFinalBestSolution() throws InterruptedException, ExecutionException {
        return done.get();
    }

    @Override
    public Duration getSolvingDuration() {
        return members.stream().map(SolverJob::getSolvingDuration).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    @Override
    public long getScoreCalculationCount() {
        return members.stream().mapToLong(SolverJob::getScoreCalculationCount).sum();
    }

    @Override
    public long getMoveEvaluationCount() {
        return members.stream().mapToLong(SolverJob::getMoveEvaluationCount).sum();
    }

    @Override
    public ProblemSizeStatistics getProblemSizeStatistics() {
        return members.get(0).getProblemSizeStatistics();
    }

    @Override
    public long getScoreCalculationSpeed() {
        return members.stream().mapToLong(SolverJob::getScoreCalculationSpeed).sum();
    }

    /** Moves evaluated per second by all members together. */
    @Override
    public long getMoveEvaluationSpeed() {
        return members.stream().mapToLong(SolverJob::getMoveEvaluationSpeed).sum();
    }
}
