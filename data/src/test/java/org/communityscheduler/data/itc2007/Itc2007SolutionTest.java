package org.communityscheduler.data.itc2007;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.communityscheduler.data.itc2007.Itc2007Penalty.Lecture;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.schedule.Schedule;
import org.junit.jupiter.api.Test;

/** Schedules of the tiny instance's plan (2 days of 3 periods from 08:00) as competition solutions, and back. */
class Itc2007SolutionTest {

    private static final Itc2007Instance TINY = Itc2007.parse(Itc2007Test.tiny(), "tiny.ctt");
    private static final Plan PLAN = Itc2007.plan(TINY);

    @Test
    void writesOneLinePerPlacedLectureWithDaysAndPeriodsFromZero() {
        String solution = Itc2007Solution.write(PLAN, List.of(
                placed("math", 1, "big", Day.MON, "08:00"), placed("physics", 2, "small", Day.TUE, "10:00")));

        assertThat(solution).isEqualTo("math big 0 0\nphysics small 1 2\n");
    }

    @Test
    void readsBackWhatItWrites() {
        List<Schedule.PlacedSession> sessions = List.of(placed("math", 1, "big", Day.MON, "09:00"),
                placed("art", 1, "small", Day.TUE, "08:00"));

        List<Lecture> lectures = Itc2007Solution.read(Itc2007Solution.write(PLAN, sessions), "tiny.sol");

        assertThat(lectures).containsExactly(new Lecture("math", "big", 0, 1), new Lecture("art", "small", 1, 0));
    }

    @Test
    void refusesEverySessionThatIsNotALectureAtAPeriodAtOnce() {
        List<Schedule.PlacedSession> sessions = List.of(
                placed("math", 1, "big", Day.MON, "08:30"),      // between periods
                placed("math", 2, "big", Day.MON, "11:00"),      // after the last period
                placed("math", 3, "big", Day.WED, "08:00"),      // a day the instance does not have
                placed("chemistry", 1, "big", Day.MON, "08:00"),
                placed("physics", 3, "attic", Day.MON, "08:00"),
                placed("art", 1, "small", Day.TUE, "09:00"),
                placed("art", 1, "small", Day.TUE, "10:00"));

        assertThatThrownBy(() -> Itc2007Solution.write(PLAN, sessions)).isInstanceOf(InvalidPlanException.class)
                .extracting(e -> ((InvalidPlanException) e).problems().stream().map(Problem::toString).toList())
                .asList().containsExactly(
                        "sessions[0].start: MON 08:30 is not the start of a period (periods of 60 minutes from 08:00,"
                                + " while the site is open)",
                        "sessions[1].start: MON 11:00 is not the start of a period (periods of 60 minutes from 08:00,"
                                + " while the site is open)",
                        "sessions[2].start: WED 08:00 is not the start of a period (periods of 60 minutes from 08:00,"
                                + " while the site is open)",
                        "sessions[3].activity: unknown activity \"chemistry\"",
                        "sessions[4].session: unknown session 3 of activity \"physics\"",
                        "sessions[4].room: unknown room \"attic\"",
                        "sessions[6]: session 1 of \"art\" is listed twice");
    }

    @Test
    void aPlanWithoutOpeningHoursHasNoPeriods() {
        Plan closed = new Plan(PLAN.name(), PLAN.week(), List.of(new Plan.Site("itc2007", null, null, null, null, null)),
                PLAN.rooms(), PLAN.organizations(), PLAN.workers(), PLAN.audiences(), PLAN.activities(), List.of(), List.of(), Map.of());

        assertThatThrownBy(() -> Itc2007Solution.write(closed, List.of())).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("sites: the plan opens no site at any time");
    }

    @Test
    void aBadSolutionLineIsNamedWithItsLine() {
        assertThatThrownBy(() -> Itc2007Solution.read("math big 0 0\n\nmath big 1\nart small one -2\n", "tiny.sol"))
                .isInstanceOf(InvalidPlanException.class)
                .extracting(e -> ((InvalidPlanException) e).problems().stream().map(Problem::toString).toList())
                .asList().containsExactly("tiny.sol:3: expected 4 fields, found 3: \"math big 1\"",
                        "tiny.sol:4: day must be a whole number, not \"one\"",
                        "tiny.sol:4: period must be a whole number, not \"-2\"");
    }

    private static Schedule.PlacedSession placed(String course, int number, String room, Day day, String start) {
        TimeOfDay from = TimeOfDay.parse(start);
        return new Schedule.PlacedSession(course, number, room, day, from, new TimeOfDay(from.minutes() + 60), null,
                false);
    }
}
