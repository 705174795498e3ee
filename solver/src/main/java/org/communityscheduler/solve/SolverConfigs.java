package org.communityscheduler.solve;

import java.time.Duration;
import java.util.List;

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
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.DiminishedReturnsTerminationConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

import org.communityscheduler.constraints.SchedulingConstraints;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * The shipped solver configuration, and the pieces benchmarks recombine.
 *
 * <p>Construction places the hardest sessions first and takes, for each, the first (start, room)
 * that breaks no hard rule, trying starts in the order of their expected soft cost (see the model's
 * start ranges). Only when every placement would break a hard rule does it leave the session out:
 * that "leave out" move is tried last, not first as Timefold's own null value would be.
 *
 * <p>Local search then runs in two phases of simulated annealing ({@link #placement()}, {@link #localSearch()}):
 * hot until every session is placed, cooler for the soft wishes. benchmarks/README.md has the comparison
 * that chose them over the late acceptance shipped before.
 */
public final class SolverConfigs {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    /** Stop early once the best score has not improved for this long. */
    public static final Duration DEFAULT_UNIMPROVED_LIMIT = Duration.ofSeconds(10);
    public static final String PERFECT_SCORE = "0hard/0medium/0soft";
    /** Any score with no hard rule broken and every session placed. */
    private static final String COMPLETE_SCORE = "0hard/0medium/-999999999999soft";

    private static final String PLACED = "placedSession";
    private static final String MOVED = "movedSession";
    private static final String UNPLACED = "unplacedSession";

    private SolverConfigs() {
    }

    /** The model and constraints, without phases or termination; without assertions (reproducible for a given random seed). */
    public static SolverConfig base() {
        return new SolverConfig()
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withSolutionClass(WeeklySchedule.class)
                .withEntityClasses(Session.class)
                .withConstraintProviderClass(SchedulingConstraints.class);
    }

    public static SolverConfig shipped() {
        return base()
                .withTerminationConfig(termination(DEFAULT_TIME_LIMIT, DEFAULT_UNIMPROVED_LIMIT))
                .withPhases(construction(), placement(), localSearch());
    }

    /** Stops at the time limit, once nothing improved for a while, or at a perfect score. */
    public static TerminationConfig termination(Duration timeLimit, Duration unimprovedLimit) {
        return new TerminationConfig()
                .withSpentLimit(timeLimit)
                .withUnimprovedSpentLimit(unimprovedLimit.compareTo(timeLimit) < 0 ? unimprovedLimit : timeLimit)
                .withBestScoreLimit(PERFECT_SCORE);
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
     * Places what construction left out: simulated annealing hot enough (1000soft) to move placed sessions
     * out of the way at a soft cost. Ends once every session is placed, or once the soft score stops
     * improving much while the placed count stands still (a week that can never be complete: sessions
     * the plan makes impossible, an overfull week), so the cooler phase still gets its time.
     */
    public static LocalSearchPhaseConfig placement() {
        return new LocalSearchPhaseConfig()
                .withTerminationConfig(new TerminationConfig()
                        .withBestScoreLimit(COMPLETE_SCORE)
                        .withDiminishedReturnsConfig(new DiminishedReturnsTerminationConfig()
                                .withSlidingWindowSeconds(5L)
                                .withMinimumImprovementRatio(0.1)))
                .withMoveSelectorConfig(localSearchMoves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/0medium/1000soft"))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    /** The soft wishes: cooler simulated annealing (300soft), the better of two accepted moves per step. */
    public static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(localSearchMoves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/0medium/300soft"))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(2));
    }

    /**
     * Move one variable, move a whole session (start and room at once), place an unplaced session, or
     * swap two sessions. Swaps are rarer: with per-session ranges, finding a partner whose ranges
     * hold both placements costs many tries.
     */
    public static MoveSelectorConfig<?> localSearchMoves() {
        return new UnionMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig().withValueSelectorConfig(new ValueSelectorConfig("start"))
                        .withFixedProbabilityWeight(1.0),
                new ChangeMoveSelectorConfig().withValueSelectorConfig(new ValueSelectorConfig("room"))
                        .withFixedProbabilityWeight(0.5),
                moveWholeSession(MOVED, null).withFixedProbabilityWeight(1.0),
                moveWholeSession(UNPLACED, Unplaced.class).withFixedProbabilityWeight(0.5),
                new SwapMoveSelectorConfig().withFixedProbabilityWeight(0.2));
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
