package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;

import com.google.ortools.sat.CpSolverStatus;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.GeneratorOptions;
import org.communityscheduler.data.InstanceGenerator;
import org.communityscheduler.data.InstanceSize;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.solve.SolverConfigs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CP-SAT's placements, scored by the real constraints. */
@Tag("slow") // OR-Tools CP-SAT solves
class CpSatPlacementTest {

    private static final CpSatPlacement.Options OPTIONS = CpSatPlacement.Options.of(Duration.ofSeconds(20));
    private static final SolutionManager<WeeklySchedule, HardMediumSoftLongScore> SCORING =
            SolutionManager.create(SolverFactory.create(SolverConfigs.base()));

    private static WeeklySchedule week(GeneratorOptions options) {
        return ModelBuilder.build(InstanceGenerator.generate(options).plan());
    }

    private static HardMediumSoftLongScore placeAndScore(WeeklySchedule week, CpSatPlacement.Result result) {
        for (CpSatPlacement.Placement placement : result.placements()) {
            placement.session().setStart(WeekTime.boxed(placement.start()));
            placement.session().setRoom(placement.room());
        }
        return SCORING.update(week);
    }

    @Test
    void aCandidateBreaksNoRuleAloneExactlyWhenTheConstraintsSaySo() {
        WeeklySchedule week = week(GeneratorOptions.of(InstanceSize.S, 1).withTightness(1));
        week.getSessions().forEach(session -> {
            session.setStart(null);
            session.setRoom(null);
        });
        int checked = 0;
        int allowed = 0;
        for (Session session : week.getSessions().subList(0, 12)) {
            List<Integer> starts = session.getStartRange().isEmpty() ? List.of(0)
                    : List.of(session.getStartRange().get(0), session.getStartRange().get(session.getStartRange().size() - 1));
            for (int start : List.of(starts.get(0), starts.get(starts.size() - 1), 0, 6 * 60, 18 * 60 + 45, 5 * 1440 + 600)) {
                for (Room room : week.getRooms()) {
                    session.place(room, start); // widens the session's ranges to hold it, as a hand-made placement does
                    boolean breaksNone = SCORING.update(week).hardScore() == 0;
                    session.setStart(null);
                    session.setRoom(null);

                    assertThat(CpSatPlacement.breaksNoRuleAlone(session.getActivity(), room, start))
                            .as("%s in %s at %s", session, room, WeekTime.format(start)).isEqualTo(breaksNone);
                    checked++;
                    allowed += breaksNone ? 1 : 0;
                }
            }
        }
        assertThat(allowed).as("placements breaking no rule among %d", checked).isPositive().isLessThan(checked);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CpSatPlacement.NoOverlap.class)
    void placesEverySessionOfASmallWeekBreakingNoHardRule(CpSatPlacement.NoOverlap noOverlap) {
        WeeklySchedule week = week(GeneratorOptions.of(InstanceSize.S, 1));

        CpSatPlacement.Result result = CpSatPlacement.placeAll(week, OPTIONS.withNoOverlap(noOverlap), () -> false);
        HardMediumSoftLongScore score = placeAndScore(week, result);

        assertThat(result.complete()).isTrue();
        assertThat(result.completeMillis()).isNotNull();
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
        assertThat(week.assignedCount()).isEqualTo(week.getSessions().size());
    }

    @Test
    void leavesPinnedSessionsWhereTheyAreAndPlacesAroundThem() {
        WeeklySchedule week = week(GeneratorOptions.of(InstanceSize.S, 2));
        Session pinned = week.getSessions().stream().filter(session -> !session.isLocked()).findFirst().orElseThrow();
        int start = pinned.getStartRange().get(0);
        Room room = pinned.getRoomRange().stream()
                .filter(candidate -> CpSatPlacement.breaksNoRuleAlone(pinned.getActivity(), candidate, start))
                .findFirst().orElseThrow();
        pinned.pin(room, start);

        CpSatPlacement.Result result = CpSatPlacement.placeAll(week, OPTIONS, () -> false);
        HardMediumSoftLongScore score = placeAndScore(week, result);

        assertThat(result.placements()).noneMatch(placement -> placement.session().isPinned());
        assertThat(pinned.getRoom()).isSameAs(room);
        assertThat(pinned.getStart()).isEqualTo(start);
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
    }

    @Test
    void leavesOutWhatCannotFitAndPlacesTheRest() {
        // The generator requests 10 % more sessions than its planted schedule holds, and these provably cannot fit.
        GeneratedInstance overfull = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.S, 1)
                .withOverfullPercent(10));
        WeeklySchedule week = ModelBuilder.build(overfull.plan());

        CpSatPlacement.Result result = CpSatPlacement.placeAll(week, OPTIONS, () -> false);
        HardMediumSoftLongScore score = placeAndScore(week, result);

        assertThat(result.status()).isEqualTo(CpSolverStatus.OPTIMAL);
        assertThat(result.complete()).isFalse();
        assertThat(week.assignedCount()).isLessThan(week.getSessions().size());
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore())
                .isEqualTo(HardMediumSoftLongScore.parseScore(overfull.planted().score()).mediumScore());
    }

    @Test
    void asTheCpsatConfigurationItCompletesASmallWeekInATimefoldSolve() {
        WeeklySchedule solved = SolverFactory.<WeeklySchedule> create(Configurations.named("cpsat").build()
                .withTerminationConfig(Comparison.termination(Duration.ofSeconds(20))))
                .buildSolver().solve(week(GeneratorOptions.of(InstanceSize.S, 3)));

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().mediumScore()).isZero();
    }

    @Test
    void theRepairPlacesWhatWasLeftOutInATimefoldSolve() {
        WeeklySchedule week = week(GeneratorOptions.of(InstanceSize.S, 1));
        placeAndScore(week, CpSatPlacement.placeAll(week, OPTIONS, () -> false));
        List<Session> leftOut = week.getSessions().stream().filter(session -> !session.isLocked()).limit(3).toList();
        leftOut.forEach(session -> {
            session.setStart(null);
            session.setRoom(null);
        });

        WeeklySchedule repaired = SolverFactory.<WeeklySchedule> create(SolverConfigs.base()
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(CpSatRepair.class)))
                .withTerminationConfig(Comparison.termination(Duration.ofSeconds(20))))
                .buildSolver().solve(week);

        assertThat(repaired.getScore().hardScore()).isZero();
        assertThat(repaired.getScore().mediumScore()).isZero();
    }

    @Test
    void theNeighbourhoodHoldsTheUnplacedAndOnlyMovablePlacedSessions() {
        WeeklySchedule week = week(GeneratorOptions.of(InstanceSize.S, 1));
        placeAndScore(week, CpSatPlacement.placeAll(week, OPTIONS, () -> false));
        Session unplaced = week.getSessions().stream().filter(session -> !session.isLocked()).findFirst().orElseThrow();
        unplaced.setStart(null);
        unplaced.setRoom(null);

        var neighbourhood = CpSatRepair.neighbourhood(week, List.of(unplaced), 10, new java.util.Random(0));

        assertThat(neighbourhood).first().isSameAs(unplaced);
        assertThat(neighbourhood).hasSizeBetween(2, 10);
        assertThat(neighbourhood).allMatch(session -> !session.isLocked());
        assertThat(neighbourhood).filteredOn(session -> session != unplaced).allMatch(Session::isAssigned);
    }
}
