package org.communityscheduler.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import com.google.ortools.Loader;
import com.google.ortools.util.Domain;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * The week as an exact model for OR-Tools CP-SAT, hard rules only: one boolean per (session, room,
 * start) that breaks no hard rule on its own and clashes with no session kept where it is, at most one
 * per session, no overlap per room, worker and audience; the objective is the placed priority (the
 * medium level of the score). Soft wishes are not modelled: this is a peer for time to a complete
 * placement, and an exact repair of a neighbourhood ({@link CpSatRepair}), not a replacement.
 */
public final class CpSatPlacement {

    /** How the no-overlap rules are written; both are exact, they differ in speed. */
    public enum NoOverlap {
        /** At most one candidate covering each start time of each room, worker and audience (interval cliques). */
        SLOTS,
        /** CP-SAT's NoOverlap over optional intervals: one per session (workers, audiences) and per session and room. */
        INTERVALS
    }

    /**
     * @param timeLimit CP-SAT's own limit
     * @param workers CP-SAT's search workers (all the cores it is given)
     * @param noOverlap how clashes are modelled
     * @param requireAll every session with a candidate must be placed: a feasibility question, which CP-SAT
     *        answers faster than "place as much as you can" when the answer is yes (INFEASIBLE when it is no)
     * @param greedyHint start CP-SAT's search from first come, first served ({@link FirstComeFirstServed})
     * @param lightPresolve no presolve: on a neighbourhood of a hundred sessions it takes longer than the search
     */
    public record Options(Duration timeLimit, int workers, NoOverlap noOverlap, boolean requireAll,
            boolean greedyHint, boolean lightPresolve) {

        /** At most one per start, maximising the placed priority, all cores, no hint, CP-SAT's full presolve. */
        public static Options of(Duration timeLimit) {
            return new Options(timeLimit, Runtime.getRuntime().availableProcessors(), NoOverlap.SLOTS, false, false,
                    false);
        }

        public Options withNoOverlap(NoOverlap newNoOverlap) {
            return new Options(timeLimit, workers, newNoOverlap, requireAll, greedyHint, lightPresolve);
        }

        public Options withRequireAll(boolean newRequireAll) {
            return new Options(timeLimit, workers, noOverlap, newRequireAll, greedyHint, lightPresolve);
        }

        public Options withGreedyHint(boolean newGreedyHint) {
            return new Options(timeLimit, workers, noOverlap, requireAll, newGreedyHint, lightPresolve);
        }

        public Options withTimeLimit(Duration newTimeLimit) {
            return new Options(newTimeLimit, workers, noOverlap, requireAll, greedyHint, lightPresolve);
        }

        public Options withLightPresolve(boolean newLightPresolve) {
            return new Options(timeLimit, workers, noOverlap, requireAll, greedyHint, newLightPresolve);
        }
    }

    /** One session's place in the answer. */
    public record Placement(Session session, Room room, int start) {
    }

    /**
     * What one solve found and what it cost.
     *
     * @param placements where each placed free session goes (free sessions not listed stay out)
     * @param placedPriority the summed priority of the placed free sessions
     * @param placeablePriority the summed priority of every free session with at least one candidate
     * @param completeMillis from the start of the model's building to the first answer placing every free session
     *        with a candidate; null when never
     */
    public record Result(List<Placement> placements, CpSolverStatus status, int sessions, int candidates,
            int variables, int constraints, long placedPriority, long placeablePriority, long buildMillis,
            long solveMillis, Long completeMillis) {

        public boolean complete() {
            return placedPriority == placeablePriority;
        }
    }

    private static volatile boolean loaded;

    private final List<Session> free;
    private final boolean requireAll;
    private final Map<Session, Placement> keep;
    /** Where CP-SAT's search starts from, as far as it goes: the current placements, or first come, first served. */
    private final Map<Session, Placement> hint = new HashMap<>();
    private final BusyMinutes fixed;
    private final CpModel model = new CpModel();
    private final List<Session> candidateSession = new ArrayList<>();
    private final List<Room> candidateRoom = new ArrayList<>();
    private final List<Integer> candidateStart = new ArrayList<>();
    private final List<BoolVar> chosen = new ArrayList<>();
    private final Map<Session, Literal> placedLiteral = new HashMap<>();
    private long placeablePriority;
    /** The objective of an answer placing every placeable free session, each where it is now when kept. */
    private long bestPossible;
    private int constraints;

    private CpSatPlacement(WeeklySchedule week, Collection<Session> free, boolean preferStaying, boolean requireAll,
            boolean greedyHint) {
        this.free = List.copyOf(free);
        this.requireAll = requireAll;
        Set<Session> freeSet = Set.copyOf(free);
        this.keep = new HashMap<>();
        this.fixed = new BusyMinutes(week);
        for (Session session : week.getSessions()) {
            if (!session.isAssigned()) {
                continue;
            }
            if (freeSet.contains(session)) {
                if (preferStaying) {
                    keep.put(session, new Placement(session, session.getRoom(), session.getStart()));
                }
            } else {
                fixed.occupy(session, session.getRoom(), session.getStart());
            }
        }
        hint.putAll(keep);
        if (greedyHint && keep.isEmpty()) {
            for (FirstComeFirstServed.Placement greedy : FirstComeFirstServed.placements(week)) {
                if (freeSet.contains(greedy.session())) {
                    hint.put(greedy.session(), new Placement(greedy.session(), greedy.room(), greedy.start()));
                }
            }
        }
    }

    /** Loads CP-SAT's native library once per JVM (about half a second the first time). */
    public static void load() {
        if (!loaded) {
            synchronized (CpSatPlacement.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /**
     * Places every session the solver may move (everything but pinned and impossible sessions), from scratch:
     * everything, if CP-SAT finds that possible; when it proves it impossible, as much priority as fits in the
     * time left. What the {@code cpsat} configuration and the peer table run.
     */
    public static Result placeAll(WeeklySchedule week, Options options, BooleanSupplier stop) {
        long started = System.nanoTime();
        List<Session> movable = week.getSessions().stream().filter(session -> !session.isLocked()).toList();
        Result all = place(week, movable, false, options.withRequireAll(true), stop);
        Duration left = options.timeLimit().minusNanos(System.nanoTime() - started);
        if (all.status() != CpSolverStatus.INFEASIBLE || left.isNegative() || left.isZero() || stop.getAsBoolean()) {
            return all;
        }
        return place(week, movable, false, options.withRequireAll(false).withTimeLimit(left), stop);
    }

    /**
     * Re-places the {@code free} sessions exactly, every other placed session kept where it is.
     * {@code preferStaying}: among answers placing as much priority, prefer the one moving fewest free sessions.
     * {@code stop} is polled while CP-SAT searches; it then stops and the best answer so far is returned.
     */
    public static Result place(WeeklySchedule week, Collection<Session> free, boolean preferStaying, Options options,
            BooleanSupplier stop) {
        load();
        long started = System.nanoTime();
        CpSatPlacement placement = new CpSatPlacement(week, free, preferStaying, options.requireAll(),
                options.greedyHint());
        placement.build(options.noOverlap());
        return placement.solve(options, stop, started);
    }

    /**
     * The hard rules one placement can break by itself, checked as the constraints check them: locked doors,
     * room capacity, missing feature, wrong site, outside allowed times, worker unavailable.
     */
    public static boolean breaksNoRuleAlone(Activity activity, Room room, int start) {
        int end = start + activity.getDurationMinutes();
        return room.getDoorsOpen().covers(start, end)
                && activity.getParticipants() <= room.getCapacity()
                && room.missingFeatures(activity.getRequiredFeatures()) == 0
                && activity.wrongSiteCount(room.getSite()) == 0
                && activity.getAllowedTimes().covers(start, end)
                && activity.workerUnavailableMinutes(start, end) == 0;
    }

    private void build(NoOverlap noOverlap) {
        // Per session, its candidates' indexes; per session and start, the same grouped by start.
        Map<Session, List<Integer>> bySession = new LinkedHashMap<>();
        for (Session session : free) {
            List<Integer> own = new ArrayList<>();
            Activity activity = session.getActivity();
            int duration = activity.getDurationMinutes();
            for (Integer start : session.getStartRange()) {
                if (!fixed.peopleFree(activity, start, start + duration)
                        || !fixed.inOrder(activity, start, start + duration)) {
                    continue;
                }
                for (Room room : session.getRoomRange()) {
                    if (breaksNoRuleAlone(activity, room, start) && fixed.roomFree(room, start, start + duration)) {
                        own.add(candidateSession.size());
                        candidateSession.add(session);
                        candidateRoom.add(room);
                        candidateStart.add(start);
                        chosen.add(model.newBoolVar(""));
                    }
                }
            }
            if (!own.isEmpty()) {
                bySession.put(session, own);
                placeablePriority += activity.getPriority();
            }
        }
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long stayWeight = keep.isEmpty() ? 0 : 1;
        long placeWeight = keep.isEmpty() ? 1 : free.size() + 1L;
        for (int k = 0; k < chosen.size(); k++) {
            Session session = candidateSession.get(k);
            Placement now = keep.get(session);
            boolean stays = now != null && now.room() == candidateRoom.get(k) && now.start() == candidateStart.get(k);
            objective.addTerm(chosen.get(k), session.getActivity().getPriority() * placeWeight + (stays ? stayWeight : 0));
            if (!hint.isEmpty()) {
                // A complete hint (every candidate true or false) is one CP-SAT can take as its first answer.
                Placement hinted = hint.get(session);
                model.addHint(chosen.get(k), hinted != null && hinted.room() == candidateRoom.get(k)
                        && hinted.start() == candidateStart.get(k));
            }
        }
        bestPossible = placeablePriority * placeWeight + bySession.keySet().stream()
                .filter(keep::containsKey).count() * stayWeight;
        LinearExpr goal = objective.build();
        // Redundant, but tells CP-SAT the best it can hope for: it stops as soon as it gets there.
        model.addLessOrEqual(goal, bestPossible);
        model.maximize(goal);
        if (noOverlap == NoOverlap.SLOTS) {
            buildSlots(bySession);
        } else {
            buildIntervals(bySession);
        }
        if (keep.isEmpty()) {
            breakSymmetry(bySession);
        }
        keepOrder(bySession);
    }

    /** Of two placed free sessions whose activities the plan orders, the later starts once the earlier has ended. */
    private void keepOrder(Map<Session, List<Integer>> bySession) {
        Map<Activity, List<Session>> byActivity = new HashMap<>();
        bySession.keySet().forEach(session -> byActivity.computeIfAbsent(session.getActivity(),
                a -> new ArrayList<>()).add(session));
        for (Map.Entry<Activity, List<Session>> entry : byActivity.entrySet()) {
            for (Activity earlierActivity : fixed.earlier(entry.getKey())) {
                for (Session later : entry.getValue()) {
                    for (Session earlier : byActivity.getOrDefault(earlierActivity, List.of())) {
                        model.addGreaterOrEqual(startOf(bySession.get(later)), LinearExpr.affine(
                                startOf(bySession.get(earlier)), 1, earlierActivity.getDurationMinutes()))
                                .onlyEnforceIf(new Literal[] { placed(later, bySession), placed(earlier, bySession) });
                        constraints++;
                    }
                }
            }
        }
    }

    /**
     * The sessions of one activity are interchangeable: of two in a row (in plan order) with the same candidates,
     * the later one is placed only if the earlier one is, and starts after it. Saves CP-SAT trying each ordering.
     * Not when freed sessions should stay where they are: where they are need not follow this order.
     */
    private void breakSymmetry(Map<Session, List<Integer>> bySession) {
        Session previous = null;
        for (Session session : bySession.keySet()) {
            if (previous != null && previous.getActivity() == session.getActivity()
                    && previous.getStartRange() == session.getStartRange()
                    && previous.getRoomRange() == session.getRoomRange()) {
                Literal earlierPlaced = placed(previous, bySession);
                Literal laterPlaced = placed(session, bySession);
                model.addImplication(laterPlaced, earlierPlaced);
                model.addLessThan(startOf(bySession.get(previous)), startOf(bySession.get(session)))
                        .onlyEnforceIf(laterPlaced);
                constraints += 2;
            }
            previous = session;
        }
    }

    /** True when the session is placed; one literal per session. */
    private Literal placed(Session session, Map<Session, List<Integer>> bySession) {
        return placedLiteral.computeIfAbsent(session,
                s -> either(bySession.get(s).stream().map(k -> (Literal) chosen.get(k)).toList()));
    }

    /** The chosen candidate's start, 0 when none is chosen. */
    private LinearExpr startOf(List<Integer> candidates) {
        LinearExprBuilder start = LinearExpr.newBuilder();
        for (int k : candidates) {
            start.addTerm(chosen.get(k), candidateStart.get(k));
        }
        return start.build();
    }

    /** A session at one start, whatever its room: the unit workers and audiences see. */
    private record Timed(Literal literal, int start, int end) {
    }

    private void buildSlots(Map<Session, List<Integer>> bySession) {
        Map<Room, List<Timed>> rooms = new HashMap<>();
        Map<Worker, List<Timed>> workers = new HashMap<>();
        Map<Audience, List<Timed>> audiences = new HashMap<>();
        for (Map.Entry<Session, List<Integer>> entry : bySession.entrySet()) {
            Session session = entry.getKey();
            int duration = session.getActivity().getDurationMinutes();
            List<Literal> all = new ArrayList<>();
            Map<Integer, List<Literal>> byStart = new LinkedHashMap<>();
            for (int k : entry.getValue()) {
                BoolVar literal = chosen.get(k);
                all.add(literal);
                int start = candidateStart.get(k);
                byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(literal);
                rooms.computeIfAbsent(candidateRoom.get(k), r -> new ArrayList<>())
                        .add(new Timed(literal, start, start + duration));
            }
            onePlacement(all);
            for (Map.Entry<Integer, List<Literal>> atStart : byStart.entrySet()) {
                Literal startsThere = either(atStart.getValue());
                Timed timed = new Timed(startsThere, atStart.getKey(), atStart.getKey() + duration);
                for (Worker worker : session.getActivity().getWorkers()) {
                    workers.computeIfAbsent(worker, w -> new ArrayList<>()).add(timed);
                }
                for (Audience audience : session.getActivity().getAudiences()) {
                    audiences.computeIfAbsent(audience, a -> new ArrayList<>()).add(timed);
                }
            }
        }
        rooms.values().forEach(this::atMostOnePerStart);
        workers.values().forEach(this::atMostOnePerStart);
        audiences.values().forEach(this::atMostOnePerStart);
    }

    /**
     * Intervals on a line overlap pairwise exactly when they share a point, and every maximal group of
     * them shares some interval's start: so "at most one covering each start" forbids every overlap.
     */
    private void atMostOnePerStart(List<Timed> timed) {
        int[] starts = timed.stream().mapToInt(Timed::start).distinct().sorted().toArray();
        List<List<Literal>> covering = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            covering.add(new ArrayList<>());
        }
        for (Timed one : timed) {
            for (int i = Arrays.binarySearch(starts, one.start()); i < starts.length && starts[i] < one.end(); i++) {
                covering.get(i).add(one.literal());
            }
        }
        for (List<Literal> group : covering) {
            addAtMostOne(group);
        }
    }

    /** A session takes at most one of its candidates; exactly one when every session must be placed. */
    private void onePlacement(List<Literal> candidates) {
        if (requireAll) {
            model.addExactlyOne(candidates);
            constraints++;
        } else {
            addAtMostOne(candidates);
        }
    }

    private void addAtMostOne(List<Literal> literals) {
        if (literals.size() > 1) {
            model.addAtMostOne(literals);
            constraints++;
        }
    }

    /** A literal true exactly when one of these (at most one of which is true) is. */
    private Literal either(List<Literal> literals) {
        if (literals.size() == 1) {
            return literals.get(0);
        }
        BoolVar any = model.newBoolVar("");
        model.addEquality(LinearExpr.sum(literals.toArray(new Literal[0])), any);
        constraints++;
        return any;
    }

    private void buildIntervals(Map<Session, List<Integer>> bySession) {
        Map<Room, List<IntervalVar>> rooms = new HashMap<>();
        Map<Worker, List<IntervalVar>> workers = new HashMap<>();
        Map<Audience, List<IntervalVar>> audiences = new HashMap<>();
        for (Map.Entry<Session, List<Integer>> entry : bySession.entrySet()) {
            Session session = entry.getKey();
            int duration = session.getActivity().getDurationMinutes();
            List<Literal> all = new ArrayList<>();
            LinearExprBuilder startOfChosen = LinearExpr.newBuilder();
            Map<Room, List<Literal>> byRoom = new LinkedHashMap<>();
            for (int k : entry.getValue()) {
                all.add(chosen.get(k));
                startOfChosen.addTerm(chosen.get(k), candidateStart.get(k));
                byRoom.computeIfAbsent(candidateRoom.get(k), r -> new ArrayList<>()).add(chosen.get(k));
            }
            onePlacement(all);
            // CP-SAT wants one variable as an interval's start: the chosen candidate's start, 0 when none is.
            long[] starts = entry.getValue().stream().mapToLong(candidateStart::get).toArray();
            IntVar start = model.newIntVarFromDomain(Domain.fromValues(
                    java.util.stream.LongStream.concat(java.util.stream.LongStream.of(0), Arrays.stream(starts))
                            .distinct().sorted().toArray()), "");
            model.addEquality(startOfChosen.build(), start);
            constraints++;
            IntervalVar placed = model.newOptionalFixedSizeIntervalVar(start, duration, placed(session, bySession), "");
            for (Worker worker : session.getActivity().getWorkers()) {
                workers.computeIfAbsent(worker, w -> new ArrayList<>()).add(placed);
            }
            for (Audience audience : session.getActivity().getAudiences()) {
                audiences.computeIfAbsent(audience, a -> new ArrayList<>()).add(placed);
            }
            for (Map.Entry<Room, List<Literal>> inRoom : byRoom.entrySet()) {
                rooms.computeIfAbsent(inRoom.getKey(), r -> new ArrayList<>()).add(
                        model.newOptionalFixedSizeIntervalVar(start, duration, either(inRoom.getValue()), ""));
            }
        }
        for (Map<?, List<IntervalVar>> resources : List.of(rooms, workers, audiences)) {
            for (List<IntervalVar> intervals : resources.values()) {
                if (intervals.size() > 1) {
                    model.addNoOverlap(intervals);
                    constraints++;
                }
            }
        }
    }

    private Result solve(Options options, BooleanSupplier stop, long started) {
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setNumWorkers(Math.max(1, options.workers()))
                .setMaxTimeInSeconds(Math.max(0.01, options.timeLimit().toMillis() / 1000.0));
        long[] complete = { -1 };
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                if (complete[0] < 0 && placedPriority(this::booleanValue) == placeablePriority) {
                    complete[0] = (System.nanoTime() - started) / 1_000_000;
                }
                // A complete answer is what is asked for; keeping freed sessions in place is only a tie-break.
                if (complete[0] >= 0 || objectiveValue() >= bestPossible) {
                    stopSearch();
                }
            }
        };
        if (options.lightPresolve()) {
            solver.getParameters().setCpModelPresolve(false);
        }
        String invalid = model.validate();
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("CP-SAT rejects the model: " + invalid);
        }
        long solveStarted = System.nanoTime();
        CpSolverStatus status = solveWatching(solver, callback, stop);
        long solveMillis = (System.nanoTime() - solveStarted) / 1_000_000;
        List<Placement> placements = new ArrayList<>();
        long placed = 0;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            for (int k = 0; k < chosen.size(); k++) {
                if (solver.booleanValue(chosen.get(k))) {
                    placements.add(new Placement(candidateSession.get(k), candidateRoom.get(k), candidateStart.get(k)));
                    placed += candidateSession.get(k).getActivity().getPriority();
                }
            }
        }
        return new Result(placements, status, free.size(), chosen.size(), model.model().getVariablesCount(), constraints,
                placed, placeablePriority, buildMillis, solveMillis, complete[0] < 0 ? null : complete[0]);
    }

    /**
     * CP-SAT searches on its own thread while this one asks {@code stop} (Timefold's termination answers
     * only on the solver's thread) and stops the search when it says so.
     */
    private CpSolverStatus solveWatching(CpSolver solver, CpSolverSolutionCallback callback, BooleanSupplier stop) {
        ExecutorService search = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cpsat-search");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<CpSolverStatus> status = search.submit(() -> solver.solve(model, callback));
            boolean stopped = false;
            while (true) {
                try {
                    return status.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!stopped && stop.getAsBoolean()) {
                        solver.stopSearch();
                        stopped = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            solver.stopSearch();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while CP-SAT was searching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("CP-SAT failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            search.shutdown();
        }
    }

    private long placedPriority(java.util.function.Predicate<Literal> isTrue) {
        long placed = 0;
        for (int k = 0; k < chosen.size(); k++) {
            if (isTrue.test(chosen.get(k))) {
                placed += candidateSession.get(k).getActivity().getPriority();
            }
        }
        return placed;
    }

    /** Puts the answer into the working solution: free sessions it places move there, the others leave. */
    static void apply(ScoreDirector<WeeklySchedule> scoreDirector, Collection<Session> free, List<Placement> placements) {
        Map<Session, Placement> placed = new HashMap<>();
        placements.forEach(placement -> placed.put(placement.session(), placement));
        for (Session session : free) {
            Placement placement = placed.get(session);
            Integer start = placement == null ? null : WeekTime.boxed(placement.start());
            Room room = placement == null ? null : placement.room();
            if (!java.util.Objects.equals(session.getStart(), start)) {
                scoreDirector.beforeVariableChanged(session, "start");
                session.setStart(start);
                scoreDirector.afterVariableChanged(session, "start");
            }
            if (session.getRoom() != room) {
                scoreDirector.beforeVariableChanged(session, "room");
                session.setRoom(room);
                scoreDirector.afterVariableChanged(session, "room");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /**
     * The peer as a solver phase: every movable session placed by CP-SAT, from scratch, within the phase's
     * time (CP-SAT stops when the solver's termination says so, or at its own limit).
     */
    public static final class Phase implements PhaseCommand<WeeklySchedule> {

        /** CP-SAT's own cap when the solver's termination does not stop it first. */
        static final Duration LIMIT = Duration.ofMinutes(10);

        @Override
        public void changeWorkingSolution(ScoreDirector<WeeklySchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
            WeeklySchedule week = scoreDirector.getWorkingSolution();
            List<Session> movable = week.getSessions().stream().filter(session -> !session.isLocked()).toList();
            Result result = placeAll(week, Options.of(LIMIT), isPhaseTerminated);
            apply(scoreDirector, movable, result.placements());
        }
    }
}
