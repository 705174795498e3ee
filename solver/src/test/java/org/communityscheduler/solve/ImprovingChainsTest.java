package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityscheduler.solve.MondayWeeks.at;
import static org.communityscheduler.solve.MondayWeeks.place;
import static org.communityscheduler.solve.MondayWeeks.starts;

import java.time.Duration;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.PlanBuilder;
import org.junit.jupiter.api.Test;

class ImprovingChainsTest {

    /**
     * One room open 09:00-12:00 on Monday and one worker for three hour-long activities: drama would rather be
     * at 09:00, reading may only start by 10:00, art any time.
     */
    private static PlanBuilder fullMorning() {
        return PlanBuilder.plan()
                .slotMinutes(60)
                .site("centre", site -> site.open(Day.MON, "09:00-12:00"))
                .room("room", room -> room.capacity(10))
                .worker("li", w -> w.working(Day.MON, "09:00-12:00"))
                .activity("drama", a -> a.duration(60).workers("li").preferred(Day.MON, "09:00-10:00"))
                .activity("reading", a -> a.duration(60).workers("li").allowed(Day.MON, "09:00-11:00"))
                .activity("art", a -> a.duration(60).workers("li"));
    }

    /** Only the improving chains, checking the score after the phase against one calculated from scratch. */
    private static WeeklySchedule chainsOnly(WeeklySchedule week) {
        return SolverFactory.<WeeklySchedule> create(SolverConfigs.base()
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                        .withTerminationConfig(SolverConfigs.termination(Duration.ofSeconds(5)))
                        .withPhases(SolverConfigs.improvingChains(0)))
                .buildSolver()
                .solve(week);
    }





    @Test
    void movesASessionToItsPreferredTimeAndThoseInItsWayOnInAChain() {
        WeeklySchedule week = ModelBuilder.build(fullMorning().build());
        place(week, "reading#1", "09:00");
        place(week, "art#1", "10:00");
        place(week, "drama#1", "11:00");

        WeeklySchedule improved = chainsOnly(week);

        // Every single move and swap on the way breaks a clash or reading's allowed times: drama takes 09:00,
        // reading moves on to 10:00, art to 11:00.
        assertThat(improved.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(starts(improved, "drama#1", "reading#1", "art#1")).containsExactly(at("09:00"), at("10:00"), at("11:00"));
    }

    @Test
    void triesLongerChainsWhenShortOnesFindNothing() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .slotMinutes(60)
                .site("centre", site -> site.open(Day.MON, "09:00-13:00"))
                .room("room", room -> room.capacity(10))
                .worker("li", w -> w.working(Day.MON, "09:00-13:00"))
                .activity("drama", a -> a.duration(60).workers("li").preferred(Day.MON, "09:00-10:00"))
                .activity("reading", a -> a.duration(60).workers("li").allowed(Day.MON, "09:00-11:00"))
                .activity("art", a -> a.duration(60).workers("li").allowed(Day.MON, "09:00-12:00"))
                .activity("crafts", a -> a.duration(60).workers("li"))
                .build());
        place(week, "reading#1", "09:00");
        place(week, "art#1", "10:00");
        place(week, "crafts#1", "11:00");
        place(week, "drama#1", "12:00");

        WeeklySchedule improved = chainsOnly(week);

        // Three sessions move on, one more than a short chain takes.
        assertThat(improved.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(starts(improved, "drama#1", "reading#1", "art#1", "crafts#1"))
                .containsExactly(at("09:00"), at("10:00"), at("11:00"), at("12:00"));
    }

    @Test
    void leavesTheWeekAsItIsWhenNoChainMakesItBetter() {
        WeeklySchedule week = ModelBuilder.build(fullMorning().pin("reading", 1, "room", Day.MON, "09:00").build());
        place(week, "art#1", "10:00");
        place(week, "drama#1", "11:00");

        WeeklySchedule kept = chainsOnly(week);

        // Drama's preferred hour is taken by a pinned session, which no chain moves.
        assertThat(kept.getScore()).hasToString("0hard/0medium/-60soft");
        assertThat(starts(kept, "drama#1", "reading#1", "art#1")).containsExactly(at("11:00"), at("09:00"), at("10:00"));
    }
}
