package org.communityscheduler.solve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicForagerConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicPickEarlyType;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySorterManner;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

import org.communityscheduler.constraints.SchedulingConstraints;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * The shipped solver configuration, and the pieces benchmarks recombine.
 *
 * <p>{@link EjectionChains} places the hardest sessions first and takes, for each, the first (start, room)
 * that is free, trying starts in the order of their expected soft cost (see the model's start ranges);
 * what finds no free placement displaces the fewest, least important sessions, which are placed in turn.
 * While sessions are still out, short rounds of hot simulated annealing ({@link #placement(Duration)}) shake
 * the week and the chains try again; then runs of annealing on the week's own scale ({@link SoftAnnealing})
 * improve the soft wishes, each followed by {@link ImprovingChains}, which move sessions to cheaper placements
 * through the sessions in their way.
 * benchmarks/README.md has the comparisons that chose them.
 *
 * <p>{@link #construction()} is Timefold's construction heuristic shaped the same way (first placement that
 * breaks no hard rule; "leave out" tried last, not first as Timefold's own null value would be), which
 * the chains replaced: it scores every try.
 */
public final class SolverConfigs {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    public static final String PERFECT_SCORE = "0hard/0medium/0soft";

    /** Steps without placing more before a chains phase hands over to local search. */
    private static final int EJECTION_STALL_LIMIT = 20_000;
    private static final long MEMBER_SEED = 7_919;
    /**
     * Improving chains run this long at most after each annealing run, this many times at most; Timefold's annealing
     * ({@link #timefoldAnnealing}) hands over to them after this long without a better schedule.
     */
    private static final Duration STALL = Duration.ofSeconds(2);
    private static final int IMPROVING_ROUNDS = 100;
    /** Annealing runs after the last round: more than any time limit lets run. */
    private static final int FINAL_RUNS = 10_000;

    private static final String PLACED = "placedSession";
    private static final String MOVED = "movedSession";
    private static final String UNPLACED = "unplacedSession";

    private SolverConfigs() {
    }

    /**
     * The least score of a week with no hard rule broken and every session placed but those worth
     * {@code outForGood} priority that no solver can place (pinned without a place, or impossible).
     */
    public static HardMediumSoftLongScore complete(long outForGood) {
        return HardMediumSoftLongScore.of(0, -outForGood, Long.MIN_VALUE / 2);
    }

    /** The model and constraints, without phases or termination; without assertions (reproducible for a given random seed). */
    public static SolverConfig base() {
        return new SolverConfig()
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withSolutionClass(WeeklySchedule.class)
                .withEntityClasses(Session.class)
                .withConstraintProviderClass(SchedulingConstraints.class);
    }

    /**
     * Every session placed where it is free, hardest first, and chains of displacements for the rest; while
     * some are still out, three rounds of a short hot shake and chains again ({@link #placing()}); then rounds of
     * a run of simulated annealing on the week's own scale ({@link SoftAnnealing}, each run longer than the one
     * before) and improving chains ({@link #improvingChains}, at most {@link #STALL}), {@value #IMPROVING_ROUNDS}
     * of them at most, then annealing runs to the end.
     */
    public static SolverConfig shipped() {
        List<PhaseConfig> phases = new ArrayList<>(placing());
        for (int round = 0; round < IMPROVING_ROUNDS; round++) {
            phases.add(softAnnealing(round, 1));
            phases.add(improvingChains(round));
        }
        phases.add(softAnnealing(IMPROVING_ROUNDS, FINAL_RUNS));
        return base()
                .withTerminationConfig(termination(DEFAULT_TIME_LIMIT))
                .withPhaseList(phases);
    }

    /** {@code runs} runs of {@link SoftAnnealing}, the first the {@code round}-th of the solve, one after another. */
    public static CustomPhaseConfig softAnnealing(int round, int runs) {
        List<SoftAnnealing> commands = new ArrayList<>(runs);
        for (int run = 0; run < runs; run++) {
            commands.add(new SoftAnnealing(round + run, round + run));
        }
        return new CustomPhaseConfig().withCustomPhaseCommandList(new ArrayList<>(commands));
    }

    /**
     * What shipped until 2026-12-08, with other moves for the soft-wish annealing (benchmarks compare them):
     * the placing phases, then Timefold's simulated annealing from 300soft, handing over to improving chains
     * whenever it has found nothing better for {@link #STALL} (at most {@value #IMPROVING_ROUNDS} times, then
     * annealing to the end).
     */
    public static SolverConfig timefoldAnnealing(MoveSelectorConfig<?> softWishMoves) {
        List<PhaseConfig> phases = new ArrayList<>(placing());
        for (int round = 0; round < IMPROVING_ROUNDS; round++) {
            phases.add(localSearch().withMoveSelectorConfig(softWishMoves)
                    .withTerminationConfig(new TerminationConfig().withUnimprovedSpentLimit(STALL)));
            phases.add(improvingChains(round));
        }
        phases.add(localSearch().withMoveSelectorConfig(softWishMoves));
        return base()
                .withTerminationConfig(termination(DEFAULT_TIME_LIMIT))
                .withPhaseList(phases);
    }

    /**
     * The phases that place the sessions: chains, and while some are still out, three rounds of a short hot shake
     * and chains again. A complete week skips the rounds at once.
     */
    public static List<PhaseConfig> placing() {
        return List.of(ejectionChains(0),
                placement(Duration.ofSeconds(1)), ejectionChains(1),
                placement(Duration.ofSeconds(2)), ejectionChains(2),
                placement(Duration.ofSeconds(4)), ejectionChains(3));
    }

    /** Moves sessions to cheaper placements in chains, for at most {@link #STALL} ({@link ImprovingChains}). */
    public static CustomPhaseConfig improvingChains(long seed) {
        return new CustomPhaseConfig()
                .withCustomPhaseCommands(new ImprovingChains(seed))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(STALL));
    }

    /**
     * Stops at the time limit or at a perfect score, nothing else: the soft-wish annealing cools over the whole
     * time limit and finds its best schedules as it turns cold, at the end (docs/solver.md, "When it stops").
     */
    public static TerminationConfig termination(Duration timeLimit) {
        return new TerminationConfig()
                .withSpentLimit(timeLimit)
                .withBestScoreLimit(PERFECT_SCORE);
    }

    /**
     * The model and constraints of {@code config} for analysis and recommendations: Timefold recommends the
     * placements its one construction heuristic phase would try.
     */
    public static SolverConfig forAnalysis(SolverConfig config) {
        return config.copyConfig().withPhases(construction());
    }

    /** Makes room for unplaced sessions by displacing others ({@link EjectionChains}). */
    public static CustomPhaseConfig ejectionChains(long seed) {
        return new CustomPhaseConfig().withCustomPhaseCommands(new EjectionChains(seed, EJECTION_STALL_LIMIT));
    }

    /**
     * The configuration of the {@code k}-th of several solvers working on one week: the same phases with
     * other random seeds, so that they search differently.
     */
    public static SolverConfig member(SolverConfig config, int k) {
        if (k == 0) {
            return config;
        }
        SolverConfig copy = config.copyConfig().withRandomSeed(MEMBER_SEED * k);
        if (copy.getPhaseConfigList() != null) {
            copy.setPhaseConfigList(copy.getPhaseConfigList().stream()
                    .map(phase -> phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandList() != null
                            ? custom.copyConfig().withCustomPhaseCommandList(custom.getCustomPhaseCommandList().stream()
                                    .map(command -> command instanceof EjectionChains chains
                                            ? chains.withSeed(chains.seed() + MEMBER_SEED * k)
                                            : command instanceof ImprovingChains chains
                                                    ? chains.withSeed(chains.seed() + MEMBER_SEED * k)
                                                    : command instanceof SoftAnnealing annealing
                                                            ? annealing.withSeed(annealing.seed() + MEMBER_SEED * k)
                                                            : command)
                                    .toList())
                            : phase)
                    .toList());
        }
        return copy;
    }

    public static ConstructionHeuristicPhaseConfig construction() {
        EntitySelectorConfig hardestFirst = new EntitySelectorConfig(Session.class)
                .withId(PLACED)
                .withCacheType(SelectionCacheType.PHASE)
                .withSelectionOrder(SelectionOrder.SORTED)
                .withSorterManner(EntitySorterManner.DESCENDING);
        MoveSelectorConfig<?> place = new CartesianProductMoveSelectorConfig()
                .withMoveSelectors(
                        change(PLACED, "start", AssignedValue.class),
                        change(PLACED, "room", AssignedValue.class));
        MoveSelectorConfig<?> leaveOut = change(PLACED, "start", UnassignedValue.class);
        return new ConstructionHeuristicPhaseConfig()
                .withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                        .withEntitySelectorConfig(hardestFirst)
                        .withMoveSelectorConfigList(List.of(new UnionMoveSelectorConfig()
                                .withSelectionOrder(SelectionOrder.ORIGINAL)
                                .withMoveSelectors(place, leaveOut))))
                .withForagerConfig(new ConstructionHeuristicForagerConfig()
                        .withPickEarlyType(ConstructionHeuristicPickEarlyType.FIRST_FEASIBLE_SCORE_OR_NON_DETERIORATING_HARD));
    }

    /**
     * Shakes a week whose chains stalled: simulated annealing hot enough (1000soft) to move placed sessions
     * out of the way at a soft cost, for at most {@code limit}, or until every session is placed. The chains
     * after it then find openings the stalled week did not have.
     */
    public static LocalSearchPhaseConfig placement(Duration limit) {
        return new LocalSearchPhaseConfig()
                .withTerminationConfig(new TerminationConfig()
                        .withBestScoreLimit(complete(0).toString())
                        .withSpentLimit(limit))
                .withMoveSelectorConfig(localSearchMoves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/0medium/1000soft"))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    /**
     * The soft wishes: cooler simulated annealing (300soft), the better of two accepted moves per step. Its
     * moves do not pick unplaced sessions on purpose: the chains before it have placed what they can, and on
     * a complete week such a pick searches every session for an unplaced one and finds none.
     */
    public static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(localSearchMoves(false))
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/0medium/300soft"))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(2));
    }

    /** {@link #localSearchMoves(boolean)} with unplaced sessions picked on purpose. */
    public static MoveSelectorConfig<?> localSearchMoves() {
        return localSearchMoves(true);
    }

    /**
     * Move one variable, move a whole session (start and room at once), place an unplaced session
     * ({@code pickUnplaced}), swap two sessions, or gather an activity's sessions into one room
     * ({@link RoomGatherings}, for the soft wishes: with {@code pickUnplaced} off). Swaps and gatherings are
     * rarer: with per-session ranges, finding a partner whose ranges hold both placements costs many tries.
     */
    public static MoveSelectorConfig<?> localSearchMoves(boolean pickUnplaced) {
        List<MoveSelectorConfig> moves = new java.util.ArrayList<>(List.of(
                new ChangeMoveSelectorConfig().withValueSelectorConfig(new ValueSelectorConfig("start"))
                        .withFixedProbabilityWeight(1.0),
                new ChangeMoveSelectorConfig().withValueSelectorConfig(new ValueSelectorConfig("room"))
                        .withFixedProbabilityWeight(0.5),
                moveWholeSession(MOVED, null).withFixedProbabilityWeight(1.0),
                new SwapMoveSelectorConfig().withFixedProbabilityWeight(0.2)));
        if (pickUnplaced) {
            moves.add(moveWholeSession(UNPLACED, Unplaced.class).withFixedProbabilityWeight(0.5));
        } else {
            moves.add(roomGatherings());
        }
        return new UnionMoveSelectorConfig().withMoveSelectors(moves.toArray(MoveSelectorConfig[]::new));
    }

    private static CartesianProductMoveSelectorConfig moveWholeSession(String entityId,
            Class<? extends SelectionFilter> entityFilter) {
        EntitySelectorConfig entities = new EntitySelectorConfig(Session.class).withId(entityId);
        if (entityFilter != null) {
            entities = entities.withFilterClass(entityFilter);
        }
        return new CartesianProductMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(entities)
                        .withValueSelectorConfig(new ValueSelectorConfig("start")),
                new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(entityId))
                        .withValueSelectorConfig(new ValueSelectorConfig("room")));
    }

    /** An activity's sessions gathered into one room ({@link RoomGatherings}), one move in about 20. */
    public static MoveIteratorFactoryConfig roomGatherings() {
        return new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RoomGatherings.class)
                .withFixedProbabilityWeight(0.2);
    }

    /** Kempe chains across two times ({@link KempeSwaps}), as often as room gatherings; not shipped (benchmarks). */
    public static MoveIteratorFactoryConfig kempeSwaps() {
        return new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(KempeSwaps.class)
                .withFixedProbabilityWeight(0.2);
    }

    private static ChangeMoveSelectorConfig change(String entityId, String variable,
            Class<? extends SelectionFilter> filter) {
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(entityId))
                .withValueSelectorConfig(new ValueSelectorConfig(variable)
                        .withSelectionOrder(SelectionOrder.ORIGINAL)
                        .withFilterClass(filter));
    }

    /** Local search picks unplaced sessions on purpose, not only by chance. */
    public static final class Unplaced implements SelectionFilter<WeeklySchedule, Session> {
        @Override
        public boolean accept(ScoreDirector<WeeklySchedule> scoreDirector, Session session) {
            return !session.isAssigned();
        }
    }

    /** Construction tries real values... */
    public static final class AssignedValue implements SelectionFilter<WeeklySchedule, Object> {
        @Override
        public boolean accept(ScoreDirector<WeeklySchedule> scoreDirector, Object value) {
            return value != null;
        }
    }

    /** ...and only then the choice of leaving the session out. */
    public static final class UnassignedValue implements SelectionFilter<WeeklySchedule, Object> {
        @Override
        public boolean accept(ScoreDirector<WeeklySchedule> scoreDirector, Object value) {
            return value == null;
        }
    }
}
