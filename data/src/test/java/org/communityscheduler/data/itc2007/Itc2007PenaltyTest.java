package org.communityscheduler.data.itc2007;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.data.itc2007.Itc2007Penalty.Lecture;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.solve.SchedulingEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ITC2007 evaluation on the tiny instance (test resources): math (30 students, 3 lectures over at
 * least 2 days) and physics (20, 2 over 2, never day 0 period 0 nor day 1 period 2) in curriculum
 * science; math and art (10, 1) in curriculum arts and taught by t1; rooms big (30) and small (15);
 * 2 days of 3 periods.
 */
class Itc2007PenaltyTest {

    private static final Itc2007Instance TINY = Itc2007.parse(Itc2007Test.tiny(), "tiny.ctt");

    @Test
    void aFeasibleTimetableCostsItsSoftPenaltiesOnly() {
        Itc2007Penalty penalty = Itc2007Penalty.of(TINY, List.of(
                new Lecture("math", "big", 0, 0), new Lecture("math", "big", 0, 1),
                new Lecture("math", "small", 1, 0),    // 15 over capacity; a second room
                new Lecture("physics", "small", 0, 2), // 5 over capacity; one lecture missing, one day short
                new Lecture("art", "small", 1, 2)));

        assertThat(penalty.hard()).as("the missing physics lecture").isEqualTo(1);
        assertThat(penalty.lectures()).isEqualTo(1);
        assertThat(penalty.roomCapacity()).isEqualTo(15 + 5);
        assertThat(penalty.minimumWorkingDays()).as("physics, one day short").isEqualTo(5);
        // science: day 1 period 0 alone; arts: day 1 periods 0 and 2 alone
        assertThat(penalty.curriculumCompactness()).isEqualTo(2 * 3);
        assertThat(penalty.roomStability()).as("math in two rooms").isEqualTo(1);
        assertThat(penalty.soft()).isEqualTo(32);
    }

    @Test
    void countsEachHardViolation() {
        Itc2007Penalty penalty = Itc2007Penalty.of(TINY, List.of(
                new Lecture("math", "big", 0, 0), new Lecture("math", "big", 0, 1), new Lecture("math", "big", 1, 0),
                new Lecture("physics", "big", 0, 0),  // unavailable; math's room; math's curriculum
                new Lecture("physics", "small", 1, 1),
                new Lecture("art", "small", 0, 0)));  // math's teacher and curriculum: one conflict

        assertThat(penalty.lectures()).isZero();
        assertThat(penalty.conflicts()).isEqualTo(2);
        assertThat(penalty.availability()).isEqualTo(1);
        assertThat(penalty.roomOccupancy()).isEqualTo(1);
        assertThat(penalty.hard()).isEqualTo(4);
    }

    @Test
    void aSecondLectureOfACourseInOnePeriodIsIgnoredAsTheValidatorIgnoresIt() {
        Itc2007Penalty penalty = Itc2007Penalty.of(TINY, List.of(
                new Lecture("math", "big", 0, 0), new Lecture("math", "big", 0, 1), new Lecture("math", "big", 1, 0),
                new Lecture("math", "small", 1, 0),   // math is there already: skipped, so no room, seats or clash
                new Lecture("physics", "small", 1, 0), new Lecture("physics", "big", 1, 1),
                new Lecture("art", "small", 1, 1)));

        assertThat(penalty.lectures()).as("math has 3 lectures; the repeat is not a 4th").isZero();
        assertThat(penalty.roomOccupancy()).as("small at day 1 period 0 holds physics only").isZero();
        assertThat(penalty.roomCapacity()).as("physics in small, 5 over; not math's 15").isEqualTo(5);
        assertThat(penalty.roomStability()).as("math in big only; physics in two rooms").isEqualTo(1);
    }

    @Test
    void aPerfectTimetableCostsNothing() {
        Itc2007Penalty penalty = Itc2007Penalty.of(TINY, List.of(
                new Lecture("math", "big", 0, 0), new Lecture("physics", "big", 0, 1), new Lecture("art", "small", 0, 1),
                new Lecture("physics", "big", 1, 0), new Lecture("math", "big", 1, 1), new Lecture("math", "big", 1, 2)));

        assertThat(penalty).isEqualTo(new Itc2007Penalty(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void readsTheScheduleTheEngineWrites() {
        Schedule schedule = new Schedule("Tiny", "0hard/0medium/0soft", true, List.of(
                placed("math", 1, "big", Day.MON, "09:00"), placed("math", 2, "big", Day.MON, "10:00"),
                placed("math", 3, "big", Day.TUE, "08:00"), placed("physics", 1, "small", Day.MON, "08:00"),
                placed("physics", 2, "small", Day.TUE, "09:00"), placed("art", 1, "small", Day.TUE, "10:00")),
                List.of(), List.of(), List.of(), List.of(), List.of());

        Itc2007Penalty penalty = Itc2007Penalty.of(TINY, schedule);

        assertThat(penalty.availability()).as("physics at day 0 period 0").isEqualTo(1);
        assertThat(penalty.roomCapacity()).as("physics twice 5 over").isEqualTo(10);
        assertThat(penalty.lectures() + penalty.conflicts() + penalty.roomOccupancy()).isZero();
    }

    @Test
    void thePlansSoftScoreIsTheCompetitionsCost() {
        // Every lecture placed, no hard violation: math in two rooms and 15 over in small, alone twice on day 0
        // for curriculum arts; physics in two rooms and 5 over in small.
        Schedule timetable = new Schedule("Tiny", null, true, List.of(
                placed("math", 1, "big", Day.MON, "08:00"), placed("math", 2, "big", Day.MON, "10:00"),
                placed("math", 3, "small", Day.TUE, "09:00"), placed("physics", 1, "small", Day.MON, "09:00"),
                placed("physics", 2, "big", Day.TUE, "08:00"), placed("art", 1, "small", Day.TUE, "10:00")),
                List.of(), List.of(), List.of(), List.of(), List.of());
        Itc2007Penalty penalty = Itc2007Penalty.of(TINY, timetable);
        assertThat(penalty.hard()).isZero();
        assertThat(penalty.soft()).isEqualTo(20 + 4 + 2);

        assertThat(scoreOf(TINY, timetable)).isEqualTo(HardMediumSoftLongScore.ofSoft(-penalty.soft()));
    }

    @Test
    @Tag("slow") // solves comp01 for 3 s
    void aSolvedCompetitionInstanceScoresItsCostToo() {
        Itc2007Instance comp01 = Itc2007.read(Itc2007Test.BUNDLED.resolve("comp01.ctt"));
        try (SchedulingEngine engine = SchedulingEngine.shipped(1)) {
            WeeklySchedule best = engine.solve(ModelBuilder.build(Itc2007.plan(comp01)), Duration.ofSeconds(3),
                    week -> { }).best();
            Schedule timetable = engine.describe(best, false);
            Itc2007Penalty penalty = Itc2007Penalty.of(comp01, timetable);

            assertThat(penalty.hard()).isZero();
            assertThat(best.getScore()).isEqualTo(HardMediumSoftLongScore.ofSoft(-penalty.soft()));
        }
    }

    /** The engine's score of a timetable of the instance's plan, each lecture placed as the schedule says. */
    private static HardMediumSoftLongScore scoreOf(Itc2007Instance instance, Schedule timetable) {
        WeeklySchedule week = ModelBuilder.build(Itc2007.plan(instance));
        assertThat(Assignments.apply(week, timetable.sessions(), "sessions")).isEmpty();
        try (SchedulingEngine engine = SchedulingEngine.shipped(1)) {
            return HardMediumSoftLongScore.parseScore(engine.describe(week, false).score());
        }
    }

    private static Schedule.PlacedSession placed(String course, int number, String room, Day day, String start) {
        TimeOfDay from = TimeOfDay.parse(start);
        return new Schedule.PlacedSession(course, number, room, day, from, new TimeOfDay(from.minutes() + 60), null,
                false);
    }
}
