package org.communityscheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityscheduler.plan.Day.MON;
import static org.communityscheduler.plan.Day.SAT;
import static org.communityscheduler.plan.Day.TUE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

/** Next week's plan from this week's plan and schedule: a week later, steady, pins kept. */
class NextWeekTest {

    private static PlanBuilder huanghe() {
        return PlanBuilder.plan()
                .site("huanghe", site -> site.open(MON, "08:30-12:00").open(SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40).site("huanghe"))
                .activity("choir", activity -> activity.duration(60).sessions(2))
                .activity("staff-meeting", activity -> activity.duration(60))
                .pin("staff-meeting", 1, "hall", MON, "09:00");
    }

    private static Schedule.PlacedSession placed(String activity, int session, String room, String day, String start) {
        return new Schedule.PlacedSession(activity, session, room, Day.parse(day).orElseThrow(),
                TimeOfDay.parse(start), null, null, false);
    }

    private static Schedule.PlacedSession pinned(String activity, int session, String room, String day, String start) {
        return new Schedule.PlacedSession(activity, session, room, Day.parse(day).orElseThrow(),
                TimeOfDay.parse(start), null, null, true);
    }

    @Test
    void movesTheWeekOnSevenDaysAndKeepsOnlyTheDatesStillToCome() {
        Plan plan = huanghe()
                .name("Huanghe, week of 2026-11-30")
                .startDate("2026-11-30")
                .makeUpWorkday("2026-12-05", MON)
                .makeUpWorkday("2026-12-12", TUE)
                .site("xinqiao", site -> site.closed("2026-12-01").closed("2026-12-08").closed("2027-01-01"))
                .build();

        Plan next = NextWeek.of(plan, List.of());

        assertThat(next.name()).isEqualTo("Huanghe, week of 2026-12-07");
        assertThat(next.week().startDate()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(next.week().makeUpWorkdays()).containsExactly(Map.entry(LocalDate.parse("2026-12-12"), TUE));
        assertThat(next.sites().get(1).closedDates())
                .containsExactly(LocalDate.parse("2026-12-08"), LocalDate.parse("2027-01-01"));
        assertThat(next.sites().get(0)).isEqualTo(plan.sites().get(0));
        assertThat(next.rooms()).isEqualTo(plan.rooms());
        assertThat(next.activities()).isEqualTo(plan.activities());
        assertThat(next.week().slotMinutes()).isEqualTo(plan.week().slotMinutes());
    }

    @Test
    void theWeeksDatesInTheNameMoveWithIt() {
        assertThat(NextWeek.of(huanghe().name("黄河社区服务中心 · 2026年11月30日—12月6日").startDate("2026-11-30").build(),
                List.of()).name()).isEqualTo("黄河社区服务中心 · 2026年12月7日—12月13日");
        assertThat(NextWeek.of(huanghe().name("2026年12月28日—1月3日，2026年10月1日放假").startDate("2026-12-28").build(),
                List.of()).name()).isEqualTo("2027年1月4日—1月10日，2026年10月1日放假");
        assertThat(NextWeek.of(huanghe().name("Week 2026-12-28 to 2027-01-03 (not 2026-13-01)").startDate("2026-12-28")
                .build(), List.of()).name()).isEqualTo("Week 2027-01-04 to 2027-01-10 (not 2026-13-01)");
    }

    @Test
    void thisWeeksPlacementsBecomePreviousAndPinsStay() {
        Plan plan = huanghe().previous("choir", 1, "hall", SAT, "15:00").build();

        Plan next = NextWeek.of(plan, List.of(pinned("staff-meeting", 1, "hall", "MON", "09:00"),
                placed("choir", 2, "hall", "SAT", "10:00")));

        assertThat(next.previous()).containsExactly(
                new Plan.Placement("staff-meeting", 1, "hall", MON, TimeOfDay.parse("09:00")),
                new Plan.Placement("choir", 2, "hall", SAT, TimeOfDay.parse("10:00")));
        assertThat(next.pinned()).isEqualTo(plan.pinned());
    }

    @Test
    void pinsFollowTheCoordinatorsEdits() {
        Plan plan = huanghe().activity("knitting", activity -> activity.duration(60)).pin("knitting", 1, "hall", SAT,
                "14:00").build();

        // Choir #1 pinned by hand, the staff meeting moved and unpinned, knitting named nowhere.
        Plan next = NextWeek.of(plan, List.of(pinned("choir", 1, "hall", "SAT", "10:00"),
                placed("staff-meeting", 1, "hall", "MON", "10:00")));

        assertThat(next.pinned()).containsExactly(
                new Plan.Placement("knitting", 1, "hall", SAT, TimeOfDay.parse("14:00")),
                new Plan.Placement("choir", 1, "hall", SAT, TimeOfDay.parse("10:00")));
    }

    @Test
    void aPinMovedByHandMovesAndASessionTakenOutIsNoLongerPinned() throws Exception {
        Plan plan = huanghe().activity("knitting", activity -> activity.duration(60)).pin("knitting", 1, "hall", SAT,
                "14:00").build();

        Plan next = NextWeek.of(plan, Json.MAPPER.readTree("""
                {"sessions": [{"activity": "staff-meeting", "session": 1, "room": "hall", "day": "MON",
                               "start": "11:00", "pinned": true}],
                 "unassigned": [{"activity": "knitting", "session": 1}]}
                """));

        assertThat(next.pinned()).containsExactly(
                new Plan.Placement("staff-meeting", 1, "hall", MON, TimeOfDay.parse("11:00")));
    }

    @Test
    void aScheduleDocumentGivesItsSessionsOrEveryProblem() throws Exception {
        Plan plan = huanghe().build();

        Plan next = NextWeek.of(plan, Json.MAPPER.readTree("""
                {"sessions": [{"activity": "choir", "session": 2, "room": "hall", "day": "SAT", "start": "10:00",
                               "end": "11:00", "pinned": false}]}
                """));

        assertThat(next.previous()).containsExactly(new Plan.Placement("choir", 2, "hall", SAT, TimeOfDay.parse("10:00")));
        assertThatThrownBy(() -> NextWeek.of(plan, Json.MAPPER.readTree("""
                {"sessions": [{"activity": "choir", "session": 3, "room": "attic", "day": "SAT", "start": "10:00"}]}
                """))).isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                .extracting(Problem::toString).containsExactly("sessions[0]: unknown session 3 of activity \"choir\"",
                        "sessions[0].room: unknown room \"attic\""));
    }

    @Test
    void anAbstractWeekStaysAbstract() {
        Plan plan = huanghe().name("Huanghe").build();

        Plan next = NextWeek.of(plan, List.of());

        assertThat(next.week().startDate()).isNull();
        assertThat(next.name()).isEqualTo("Huanghe");
    }

    @Test
    void nextWeeksPlanIsAValidPlan() {
        Plan plan = huanghe().startDate("2026-11-30").makeUpWorkday("2026-12-05", MON)
                .site("xinqiao", site -> site.closed("2026-12-01")).build();

        Plan next = NextWeek.of(plan, List.of(placed("choir", 1, "hall", "SAT", "09:00")));

        assertThat(PlanReader.read(Json.write(next)).orThrow()).isEqualTo(next);
    }
}
