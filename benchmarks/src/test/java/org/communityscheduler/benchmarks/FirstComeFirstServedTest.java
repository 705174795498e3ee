package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;

import org.communityscheduler.data.GeneratorOptions;
import org.communityscheduler.data.InstanceGenerator;
import org.communityscheduler.data.InstanceSize;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.solve.SchedulingEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The greedy baseline: what a coordinator fills in by hand breaks no hard rule, and leaves sessions out. */
class FirstComeFirstServedTest {

    private static SchedulingEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = SchedulingEngine.shipped();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static WeeklySchedule week(InstanceSize size, long seed, double tightness) {
        return ModelBuilder.build(InstanceGenerator.generate(GeneratorOptions.of(size, seed).withTightness(tightness))
                .plan());
    }

    @ParameterizedTest(name = "{0} seed {1}, tightness {2}")
    @CsvSource({ "S, 1, 0.5", "S, 2, 0.5", "S, 3, 1", "M, 1, 0.5", "M, 2, 0", "M, 3, 1" })
    void neverBreaksAHardRule(InstanceSize size, long seed, double tightness) {
        WeeklySchedule week = FirstComeFirstServed.fill(week(size, seed, tightness));

        Schedule scored = engine.describe(week, false);

        assertThat(scored.feasible()).isTrue();
        assertThat(scored.score()).startsWith("0hard/");
        assertThat(scored.sessions()).isNotEmpty();
    }

    @Test
    void leavesOutWhatItCannotFitWithoutLookingBack() {
        WeeklySchedule week = FirstComeFirstServed.fill(week(InstanceSize.M, 1, 0.5));

        long placed = week.assignedCount();

        // A complete schedule exists (the planted one); filling in plan order does not find it.
        assertThat(placed).isLessThan(week.getSessions().size()).isGreaterThan(week.getSessions().size() / 2);
        assertThat(engine.describe(week, false).score()).doesNotStartWith("0hard/0medium");
    }

    @Test
    void takesTheEarliestStartForTheFirstSessionOfThePlan() {
        WeeklySchedule week = week(InstanceSize.S, 1, 0.5);
        Session first = week.getSessions().stream().filter(s -> !s.isAssigned() && !s.isLocked()).findFirst().orElseThrow();
        int earliestPossible = first.getStartRange().stream()
                .filter(start -> first.getRoomRange().stream().anyMatch(room ->
                        room.getDoorsOpen().covers(start, start + first.getActivity().getDurationMinutes())))
                .mapToInt(Integer::intValue).min().orElseThrow();

        List<FirstComeFirstServed.Placement> placements = FirstComeFirstServed.placements(week);

        assertThat(placements.get(0).session()).isSameAs(first);
        assertThat(placements.get(0).start()).isEqualTo(earliestPossible);
        assertThat(week.assignedCount()).as("placements leave the week as it was")
                .isEqualTo(week.getSessions().stream().filter(Session::isPinned).count());
    }

    @Test
    void asASolverPhaseItGivesTheSameScheduleAsByHand() {
        WeeklySchedule byHand = FirstComeFirstServed.fill(week(InstanceSize.S, 2, 0.5));
        String expected = engine.describe(byHand, false).score();

        WeeklySchedule solved = SolverFactory.<WeeklySchedule> create(Configurations.named("greedy").build()
                .withTerminationConfig(Comparison.termination(Duration.ofSeconds(10))))
                .buildSolver().solve(week(InstanceSize.S, 2, 0.5));

        assertThat(solved.getScore().toString()).isEqualTo(expected);
    }
}
