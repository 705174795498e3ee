package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.RuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.DiminishedReturnsTerminationConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.communityscheduler.solve.SolverConfigs;

/**
 * Every configuration the benchmark knows. The acceptor variants keep the shipped start (the chains) and
 * the shipped local-search moves and change only how moves are accepted, so a difference between
 * them is the acceptor's doing.
 */
public final class Configurations {

    private static final Map<String, Configuration> ALL = new LinkedHashMap<>();

    static {
        add("shipped", "what the engine ships, SolverConfigs.shipped() (its termination replaced by the benchmark's), "
                + "on one thread: ejection chains (hardest first to the first free placement, displacing the fewest "
                + "for the rest), while sessions are out three rounds of a short hot shake (simulated annealing at "
                + "1000soft for 1, 2, 4 s) and chains again, then rounds of a run of simulated annealing on the "
                + "week's own scale among placements that break no hard rule (SoftAnnealing: starting where the "
                + "median sampled worsening is accepted one time in ten, cooling a hundredfold over 200 moves per "
                + "session, each run twice as long as the one before, three times) and improving chains "
                + "(ImprovingChains, at most 2 s)",
                SolverConfigs::shipped);
        add("timefold-annealing", "what the engine shipped until 2026-12-08: shipped, but Timefold's simulated "
                + "annealing at 300soft (best of 2; changes, swaps, room gatherings) for the soft wishes instead "
                + "of SoftAnnealing, handing over to improving chains whenever it finds nothing better for 2 s",
                () -> SolverConfigs.timefoldAnnealing(SolverConfigs.localSearchMoves(false)));
        add("annealing-only", "what the engine shipped before the improving chains (2026-11-28, night): shipped "
                + "without them, the soft-wish annealing running to the end",
                Configurations::annealingOnly);
        add("previous", "what the engine shipped before the chains (2026-11-25): Timefold's hardest-first "
                + "construction, simulated annealing at 1000soft until every session is placed or the soft score "
                + "stops moving (5 s window, 10 %), then at 300soft (best of 2), unplaced sessions picked on purpose",
                () -> SolverConfigs.base().withPhases(SolverConfigs.construction(), new LocalSearchPhaseConfig()
                        .withTerminationConfig(new TerminationConfig()
                                .withBestScoreLimit(SolverConfigs.complete(0).toString())
                                .withDiminishedReturnsConfig(new DiminishedReturnsTerminationConfig()
                                        .withSlidingWindowSeconds(5L)
                                        .withMinimumImprovementRatio(0.1)))
                        .withMoveSelectorConfig(SolverConfigs.localSearchMoves())
                        .withAcceptorConfig(new LocalSearchAcceptorConfig()
                                .withSimulatedAnnealingStartingTemperature("0hard/0medium/1000soft"))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)),
                        SolverConfigs.localSearch().withMoveSelectorConfig(SolverConfigs.localSearchMoves())));
        add("default", "Timefold's defaults: the model and constraints, no phases configured "
                + "(first-fit construction, late acceptance with change and swap moves)",
                SolverConfigs::base);
        add("greedy", "first come, first served: sessions in plan order, each to the earliest free start "
                + "and first free room that breaks no hard rule (FirstComeFirstServed), no search",
                () -> SolverConfigs.base().withPhases(new CustomPhaseConfig()
                        .withCustomPhaseCommandClassList(List.of(FirstComeFirstServed.Phase.class))));
        add("tabu", "shipped chains and moves; tabu search as Timefold sets it up "
                + "(entity tabu 10 % of the sessions, best of 1000 accepted moves per step)",
                () -> withLocalSearch(new LocalSearchPhaseConfig()
                        .withLocalSearchType(LocalSearchType.TABU_SEARCH)
                        .withMoveSelectorConfig(SolverConfigs.localSearchMoves())));
        add("simulated-annealing", "shipped chains and moves; simulated annealing from 0hard/0medium/100soft, "
                + "best of 4 accepted moves per step",
                () -> withLocalSearch(new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig()
                                .withSimulatedAnnealingStartingTemperature("0hard/0medium/100soft"))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(4))
                        .withMoveSelectorConfig(SolverConfigs.localSearchMoves())));
        add("late-acceptance", "shipped chains and moves; late acceptance as Timefold sets it up "
                + "(400 steps back, first accepted move): the local search shipped before the tuning of 2026-11-25",
                () -> withLocalSearch(new LocalSearchPhaseConfig()
                        .withLocalSearchType(LocalSearchType.LATE_ACCEPTANCE)
                        .withMoveSelectorConfig(SolverConfigs.localSearchMoves())));
        add("great-deluge", "shipped chains and moves; great deluge as Timefold sets it up "
                + "(water level rising by 0.000 000 05 of the score per step)",
                () -> withLocalSearch(new LocalSearchPhaseConfig()
                        .withLocalSearchType(LocalSearchType.GREAT_DELUGE)
                        .withMoveSelectorConfig(SolverConfigs.localSearchMoves())));
        add("ruin-recreate", "experiment: shipped chains, the soft-wish annealing's moves plus Timefold's ruin and "
                + "recreate of 2 to 8 sessions' starts (their rooms kept), one move in 20",
                () -> withLocalSearch(SolverConfigs.localSearch().withMoveSelectorConfig(new UnionMoveSelectorConfig()
                        .withMoveSelectors(SolverConfigs.localSearchMoves(false), new RuinRecreateMoveSelectorConfig()
                                .withVariableName("start")
                                .withMinimumRuinedCount(2)
                                .withMaximumRuinedCount(8)
                                .withFixedProbabilityWeight(0.05)))));
        add("related-swaps", "experiment: annealing-only, the soft-wish annealing's moves plus swaps between related "
                + "sessions (a worker, an audience or a room in common: placements traded, weight 0.3; overlapping "
                + "in time: rooms traded, weight 0.1), drawn by filtering random swaps; rejected",
                () -> {
                    SolverConfig config = annealingOnly();
                    List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
                    List<MoveSelectorConfig> moves = new ArrayList<>(
                            ((UnionMoveSelectorConfig) SolverConfigs.localSearchMoves(false)).getMoveSelectorList());
                    moves.addAll(RelatedSwaps.selectors());
                    phases.set(phases.size() - 1, SolverConfigs.localSearch()
                            .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(moves)));
                    return config.withPhaseList(phases);
                });
        add("before-gatherings", "what the engine shipped before room gatherings (2026-12-07): timefold-annealing, "
                + "the soft-wish annealing without RoomGatherings",
                () -> SolverConfigs.timefoldAnnealing(softWishMovesWithout()));
        add("kempe-chains", "experiment: timefold-annealing, the soft-wish annealing's moves plus Kempe chains across two times "
                + "(KempeSwaps: a session to another start, the sessions there sharing a worker, audience or room "
                + "to the time it left, and so on), as often as room gatherings; not shipped",
                () -> SolverConfigs.timefoldAnnealing(new UnionMoveSelectorConfig().withMoveSelectors(
                        SolverConfigs.localSearchMoves(false), SolverConfigs.kempeSwaps())));
        add("cpsat", "peer: OR-Tools CP-SAT places every movable session under the hard rules only, exactly "
                + "(CpSatPlacement: everything placed, or when that is impossible as much priority as fits), no search",
                () -> SolverConfigs.base().withPhases(new CustomPhaseConfig()
                        .withCustomPhaseCommandClassList(List.of(CpSatPlacement.Phase.class))));
        add("shipped-cpsat-repair", "experiment: Timefold's construction, then CP-SAT re-places the neighbourhood of "
                + "unplaced sessions exactly (CpSatRepair) instead of the chains, then the shipped soft-wish search",
                () -> SolverConfigs.base().withPhases(SolverConfigs.construction(), new CustomPhaseConfig()
                        .withCustomPhaseCommandClassList(List.of(CpSatRepair.class)),
                        SolverConfigs.localSearch()));
    }

    /** What a plain {@code benchmark} compares. */
    public static final List<String> STANDARD = List.of("shipped", "previous", "default", "greedy", "tabu",
            "simulated-annealing", "late-acceptance", "great-deluge");

    private Configurations() {
    }

    private static void add(String name, String description, java.util.function.Supplier<SolverConfig> config) {
        ALL.put(name, new Configuration(name, description, config));
    }

    /** The soft-wish annealing's moves without room gatherings: what they were before them. */
    private static UnionMoveSelectorConfig softWishMovesWithout() {
        List<MoveSelectorConfig> moves = new ArrayList<>(
                ((UnionMoveSelectorConfig) SolverConfigs.localSearchMoves(false)).getMoveSelectorList());
        moves.removeIf(move -> move instanceof MoveIteratorFactoryConfig);
        return new UnionMoveSelectorConfig().withMoveSelectorList(moves);
    }

    private static SolverConfig annealingOnly() {
        List<PhaseConfig> phases = new ArrayList<>(SolverConfigs.placing());
        phases.add(SolverConfigs.localSearch());
        return SolverConfigs.base().withPhaseList(phases);
    }

    private static SolverConfig withLocalSearch(LocalSearchPhaseConfig localSearch) {
        return SolverConfigs.base().withPhases(SolverConfigs.ejectionChains(0), localSearch);
    }

    public static List<Configuration> all() {
        return List.copyOf(ALL.values());
    }

    public static Configuration named(String name) {
        Configuration configuration = ALL.get(name.strip());
        if (configuration == null) {
            throw new IllegalArgumentException("unknown configuration \"" + name + "\"; the configurations are "
                    + String.join(", ", ALL.keySet()));
        }
        return configuration;
    }

    /** {@code shipped,default,tabu}: in the order given, each once. */
    public static List<Configuration> parse(String commaSeparated) {
        List<Configuration> chosen = new ArrayList<>();
        for (String name : commaSeparated.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Configuration configuration = named(name);
            if (!chosen.contains(configuration)) {
                chosen.add(configuration);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("name at least one configuration");
        }
        return chosen;
    }
}
