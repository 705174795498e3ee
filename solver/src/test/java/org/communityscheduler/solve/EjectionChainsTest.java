package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

class EjectionChainsTest {

    /** One room open 09:00-11:00 on Monday: two hour-long sessions fit, one after the other. */
    private static PlanBuilder twoSlots() {
        return PlanBuilder.plan()
                .slotMinutes(60)
                .site("centre", site -> site.open(Day.MON, "09:00-11:00"))
                .room("room", room -> room.capacity(10));
    }

    /** Only the chains phase, checking the score after every step: what it places, it places without clashes. */
    private static WeeklySchedule chainsOnly(WeeklySchedule week) {
        return SolverFactory.<WeeklySchedule> create(SolverConfigs.base()
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                        .withTerminationConfig(SolverConfigs.termination(Duration.ofSeconds(5)))
                        .withPhases(SolverConfigs.ejectionChains(0)))
                .buildSolver()
                .solve(week);
    }

    private static Session session(WeeklySchedule week, String id) {
        return week.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    private static void place(WeeklySchedule week, String session, String time) {
        Room room = week.getRooms().get(0);
        session(week, session).setRoom(room);
        session(week, session).setStart(WeekTime.of(Day.MON, TimeOfDay.parse(time)));
    }

    @Test
    void movesTheSessionInTheWayToPlaceOneThatFitsOnlyThere() {
        WeeklySchedule week = ModelBuilder.build(twoSlots()
                .activity("reading", a -> a.duration(60))
                .activity("choir", a -> a.duration(60).allowed(Day.MON, "09:00-10:00"))
                .build());
        place(week, "reading#1", "09:00");

        WeeklySchedule solved = chainsOnly(week);

        assertThat(solved.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(session(solved, "choir#1").getStart()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("09:00")));
        assertThat(session(solved, "reading#1").getStart()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("10:00")));
    }

    @Test
    void makesRoomThroughAWorkerAndAnAudienceToo() {
        WeeklySchedule week = ModelBuilder.build(twoSlots()
                .room("annex", room -> room.capacity(10))
                .worker("li", w -> w.working(Day.MON, "09:00-11:00"))
                .activity("reading", a -> a.duration(60).workers("li"))
                .activity("crafts", a -> a.duration(60).audience("children"))
                .activity("choir", a -> a.duration(60).workers("li").audience("children")
                        .allowed(Day.MON, "09:00-10:00"))
                .build());
        place(week, "reading#1", "09:00");
        session(week, "crafts#1").setRoom(week.getRooms().get(1));
        session(week, "crafts#1").setStart(WeekTime.of(Day.MON, TimeOfDay.parse("09:00")));

        WeeklySchedule solved = chainsOnly(week);

        assertThat(solved.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(solved.assignedCount()).isEqualTo(3);
    }

    @Test
    void neverMovesAPinnedSession() {
        Plan plan = twoSlots()
                .activity("reading", a -> a.duration(60))
                .activity("choir", a -> a.duration(60).allowed(Day.MON, "09:00-10:00"))
                .pin("reading", 1, "room", Day.MON, "09:00")
                .build();

        WeeklySchedule solved = chainsOnly(ModelBuilder.build(plan));

        assertThat(session(solved, "reading#1").getStart()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("09:00")));
        assertThat(session(solved, "choir#1").isAssigned()).isFalse();
        assertThat(solved.getScore()).hasToString("0hard/-1medium/0soft");
    }

    @Test
    void keepsTheMoreImportantSessionWhenOnlyOneFits() {
        WeeklySchedule week = ModelBuilder.build(twoSlots()
                .activity("reading", a -> a.duration(120).priority(1))
                .activity("choir", a -> a.duration(120).priority(5))
                .build());
        place(week, "reading#1", "09:00");

        WeeklySchedule solved = chainsOnly(week);

        assertThat(session(solved, "choir#1").isAssigned()).isTrue();
        assertThat(session(solved, "reading#1").isAssigned()).isFalse();
        assertThat(solved.getScore()).hasToString("0hard/-1medium/0soft");

        // The other way round, the chain goes back to the better week it had.
        WeeklySchedule reverse = ModelBuilder.build(twoSlots()
                .activity("reading", a -> a.duration(120).priority(1))
                .activity("choir", a -> a.duration(120).priority(5))
                .build());
        session(reverse, "choir#1").setRoom(reverse.getRooms().get(0));
        session(reverse, "choir#1").setStart(WeekTime.of(Day.MON, TimeOfDay.parse("09:00")));

        WeeklySchedule kept = chainsOnly(reverse);

        assertThat(session(kept, "choir#1").isAssigned()).isTrue();
        assertThat(kept.getScore()).hasToString("0hard/-1medium/0soft");
    }

    @Test
    void placesEverySessionOfAnEmptyWeekHardestFirstAtItsCheapestFreeTime() {
        WeeklySchedule week = ModelBuilder.build(twoSlots()
                .activity("reading", a -> a.duration(60).preferred(Day.MON, "10:00-11:00"))
                .activity("choir", a -> a.duration(60).allowed(Day.MON, "09:00-10:00"))
                .build());

        WeeklySchedule solved = chainsOnly(week);

        assertThat(solved.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(List.of(session(solved, "reading#1").getStart(), session(solved, "choir#1").getStart()))
                .containsExactly(WeekTime.of(Day.MON, TimeOfDay.parse("10:00")), WeekTime.of(Day.MON, TimeOfDay.parse("09:00")));
    }

    @Test
    void placesALaterActivityAfterTheEarlierOneAndMovesOneInTheWayOfTheOrder() {
        // Part two, placed first, took 09:00; part one can only come before it, so part two moves on to 10:00.
        WeeklySchedule week = ModelBuilder.build(twoSlots()
                .activity("part-one", a -> a.duration(60))
                .activity("part-two", a -> a.duration(60).after("part-one"))
                .build());
        place(week, "part-two#1", "09:00");

        WeeklySchedule placed = chainsOnly(week);

        assertThat(placed.getScore()).hasToString("0hard/0medium/0soft");
        assertThat(session(placed, "part-one#1").getStart()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("09:00")));
        assertThat(session(placed, "part-two#1").getStart()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("10:00")));
    }

    @Test
    void threePartsInOrderEndUpInTheOnlyOrderThatFits() {
        // Three parts in one room with three hours: only 09:00, 10:00, 11:00 keeps the order. Part one's cheapest
        // time is 10:00 (preferred), where it leaves part three no time after part two: the chains move them on.
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .slotMinutes(60)
                .site("centre", site -> site.open(Day.MON, "09:00-12:00"))
                .room("room", room -> room.capacity(10))
                .activity("part-one", a -> a.duration(60).preferred(Day.MON, "10:00-11:00"))
                .activity("part-two", a -> a.duration(60).after("part-one"))
                .activity("part-three", a -> a.duration(60).after("part-two"))
                .build());

        WeeklySchedule placed = chainsOnly(week);

        assertThat(placed.getScore().hardScore()).isZero();
        assertThat(placed.getScore().mediumScore()).as("every part placed").isZero();
        assertThat(List.of("part-one#1", "part-two#1", "part-three#1")).extracting(id -> session(placed, id).getStart())
                .containsExactly(WeekTime.of(Day.MON, TimeOfDay.parse("09:00")), WeekTime.of(Day.MON, TimeOfDay.parse("10:00")),
                        WeekTime.of(Day.MON, TimeOfDay.parse("11:00")));
    }
}
