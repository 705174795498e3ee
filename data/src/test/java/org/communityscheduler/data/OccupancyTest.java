package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.plan.WeeklyHours;
import org.communityscheduler.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccupancyTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void countsSessionMinutesInsideTheRoomsOpenHoursOverAllRooms() {
        Plan plan = new Plan("Occupancy", new Plan.Week(MONDAY, 15, null),
                List.of(new Plan.Site("centre", null, WeeklyHours.NONE.with(Day.MON, "08:00-12:00").with(Day.TUE, "08:00-12:00"),
                        WeeklyHours.NONE.with(Day.WED, "18:00-20:00"), null, List.of(MONDAY.plusDays(1)))),
                List.of(new Plan.Room("hall", null, "centre", 40, null, null, null, null),
                        new Plan.Room("kitchen", null, "centre", 10, null, null, WeeklyHours.NONE.with(Day.MON, "10:00-18:00"), null),
                        new Plan.Room("never-used", null, "centre", 10, null, null, WeeklyHours.NONE.with(Day.MON, "08:00-09:00"), null)),
                null, null, null, null, null, null, null);

        Occupancy occupancy = Occupancy.of(plan, List.of(
                session("hall", Day.MON, "08:00", "09:00"),
                session("kitchen", Day.MON, "11:00", "13:00"), // half of it after closing
                session("hall", Day.WED, "18:00", "19:00"))); // on request: not open hours

        // Open: the hall 4 h on Monday (Tuesday is a closed date), the kitchen 2 h, the unused room 1 h.
        assertThat(occupancy.openMinutes()).isEqualTo(420);
        assertThat(occupancy.sessionMinutes()).isEqualTo(120);
        assertThat(occupancy.share()).isEqualTo(120 / 420.0);
        assertThat(occupancy).hasToString("28.6 %");
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({ "S, 1", "S, 2", "S, 3", "M, 1", "L, 1" })
    void aTightWeekBooksItsRoomsOut(InstanceSize size, long seed) {
        GeneratedInstance week = InstanceGenerator.generate(GeneratorOptions.of(size, seed).withTightness(1));

        assertThat(Occupancy.of(week).share()).isBetween(0.90, GeneratorOptions.MAX_OCCUPANCY);
        assertThat(Occupancy.of(InstanceGenerator.generate(size, seed)).share()).as("the default week").isLessThan(0.4);
    }

    @Test
    void tightnessAboveTheDefaultRaisesOccupancyStepByStep() {
        double half = Occupancy.of(InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1))).share();
        double threeQuarters = Occupancy.of(InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withTightness(0.75))).share();
        double full = Occupancy.of(InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withTightness(1))).share();

        assertThat(threeQuarters).isGreaterThanOrEqualTo(GeneratorOptions.occupancyGoal(0.75) - 0.05).isGreaterThan(half);
        assertThat(full).isGreaterThan(threeQuarters);
    }

    private static Schedule.PlacedSession session(String room, Day day, String start, String end) {
        return new Schedule.PlacedSession("activity", 1, room, day, TimeOfDay.parse(start), TimeOfDay.parse(end),
                MONDAY.plusDays(day.ordinal()), false);
    }
}
