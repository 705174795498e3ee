package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityscheduler.solve.MondayWeeks.at;
import static org.communityscheduler.solve.MondayWeeks.place;
import static org.communityscheduler.solve.MondayWeeks.starts;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.PlanBuilder;
import org.junit.jupiter.api.Test;

class SoftAnnealingTest {

    /**
     * One room open 09:00-13:00 on Monday and one worker for four hour-long activities: drama would rather be at
     * 09:00, reading at 10:00; art and crafts go anywhere.
     */
    private static PlanBuilder morning() {
        return PlanBuilder.plan()
                .slotMinutes(60)
                .site("centre", site -> site.open(Day.MON, "09:00-13:00"))
                .room("room", room -> room.capacity(10))
                .worker("li", w -> w.working(Day.MON, "09:00-13:00"))
                .activity("drama", a -> a.duration(60).workers("li").preferred(Day.MON, "09:00-10:00"))
                .activity("reading", a -> a.duration(60).workers("li").preferred(Day.MON, "10:00-11:00"))
                .activity("art", a -> a.duration(60).workers("li"))
                .activity("crafts", a -> a.duration(60).workers("li"));
    }

    /** The given phases only, checking every score against one calculated from scratch. */
    private static WeeklySchedule solve(WeeklySchedule week, PhaseConfig<?>... phases) {
        return SolverFactory.<WeeklySchedule> create(SolverConfigs.base()
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                        .withTerminationConfig(SolverConfigs.termination(Duration.ofSeconds(10)))
                        .withPhases(phases))
                .buildSolver()
                .solve(week);
    }





    @Test
    void tradesPlacementsThatNoSingleMoveCanReachWithoutAClash() {
        WeeklySchedule week = ModelBuilder.build(morning().build());
        place(week, "art#1", "09:00");
        place(week, "crafts#1", "10:00");
        place(week, "reading#1", "11:00");
        place(week, "drama#1", "12:00");

        WeeklySchedule improved = solve(week, SolverConfigs.softAnnealing(0, 5));

        // The room is full all morning: every move of one session breaks a clash, so only trades get there.
        assertThat(improved.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(starts(improved, "drama#1", "reading#1")).containsExactly(at("09:00"), at("10:00"));
    }

    @Test
    void leavesPinnedSessionsWhereTheyAre() {
        WeeklySchedule week = ModelBuilder.build(morning().pin("art", 1, "room", Day.MON, "09:00").build());
        place(week, "crafts#1", "10:00");
        place(week, "reading#1", "11:00");
        place(week, "drama#1", "12:00");

        WeeklySchedule improved = solve(week, SolverConfigs.softAnnealing(0, 5));

        // Drama's hour is pinned to art; reading gets its own, drama the cheapest of the rest (an hour late).
        assertThat(improved.getScore()).hasToString("0hard/0medium/-60soft");
        assertThat(starts(improved, "art#1", "reading#1", "drama#1")).containsExactly(at("09:00"), at("10:00"),
                at("11:00"));
    }

    @Test
    void neverEndsWorseThanItStartedNorBreaksAHardRule() {
        PlanBuilder plan = PlanBuilder.plan()
                .slotMinutes(30)
                .site("centre", site -> site.open(Day.MON, "08:00-18:00").open(Day.TUE, "08:00-18:00"))
                .room("hall", room -> room.capacity(30))
                .room("studio", room -> room.capacity(12))
                .worker("li", w -> w.working(Day.MON, "09:00-12:00").working(Day.TUE, "13:00-17:00"))
                .worker("wang", w -> w.working(Day.MON, "08:00-18:00").working(Day.TUE, "08:00-12:00"));
        for (int i = 0; i < 8; i++) {
            String worker = i % 2 == 0 ? "li" : "wang";
            plan.activity("group" + i, a -> a.duration(90).sessions(2).participants(10).workers(worker)
                    .preferred(Day.MON, "08:00-10:00"));
        }
        HardMediumSoftLongScore placed = solve(ModelBuilder.build(plan.build()), SolverConfigs.ejectionChains(0))
                .getScore();

        WeeklySchedule annealed = solve(ModelBuilder.build(plan.build()), SolverConfigs.ejectionChains(0),
                SolverConfigs.softAnnealing(0, 3));

        assertThat(placed.hardScore()).isZero();
        assertThat(annealed.getScore().hardScore()).isZero();
        assertThat(annealed.getScore().mediumScore()).isEqualTo(placed.mediumScore());
        assertThat(annealed.getScore().softScore()).isGreaterThan(placed.softScore());
    }
}
