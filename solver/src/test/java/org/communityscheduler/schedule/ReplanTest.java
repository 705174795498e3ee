package org.communityscheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityscheduler.plan.Day.MON;
import static org.communityscheduler.plan.Day.SAT;

import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

/** A week solved again, kept close to a schedule of it: the same week, its pins as edited, its placements previous. */
class ReplanTest {

    private static Plan huanghe() {
        return PlanBuilder.plan()
                .name("黄河 · 2026年11月30日—12月6日")
                .startDate("2026-11-30")
                .site("huanghe", site -> site.open(MON, "08:30-12:00").open(SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40).site("huanghe"))
                .activity("choir", activity -> activity.duration(60).sessions(2))
                .activity("knitting", activity -> activity.duration(60))
                .activity("staff-meeting", activity -> activity.duration(60))
                .pin("staff-meeting", 1, "hall", MON, "09:00")
                .pin("knitting", 1, "hall", SAT, "14:00")
                .previous("choir", 1, "hall", SAT, "15:00")
                .build();
    }

    @Test
    void theSameWeekWithTheSchedulesPinsAndItsPlacementsAsPrevious() throws Exception {
        Plan plan = huanghe();

        // Choir #1 pinned by hand, choir #2 placed, the staff meeting moved and unpinned, knitting taken out.
        Plan again = Replan.of(plan, Json.MAPPER.readTree("""
                {"sessions": [{"activity": "choir", "session": 1, "room": "hall", "day": "SAT", "start": "10:00",
                               "pinned": true},
                              {"activity": "choir", "session": 2, "room": "hall", "day": "SAT", "start": "11:00"},
                              {"activity": "staff-meeting", "session": 1, "room": "hall", "day": "MON",
                               "start": "10:00", "pinned": false}],
                 "unassigned": [{"activity": "knitting", "session": 1, "takenOut": true}]}
                """));

        assertThat(again.name()).isEqualTo(plan.name());
        assertThat(again.week()).isEqualTo(plan.week());
        assertThat(again.activities()).isEqualTo(plan.activities());
        assertThat(again.pinned()).containsExactly(
                new Plan.Placement("choir", 1, "hall", SAT, TimeOfDay.parse("10:00")));
        assertThat(again.previous()).containsExactly(
                new Plan.Placement("choir", 1, "hall", SAT, TimeOfDay.parse("10:00")),
                new Plan.Placement("choir", 2, "hall", SAT, TimeOfDay.parse("11:00")),
                new Plan.Placement("staff-meeting", 1, "hall", MON, TimeOfDay.parse("10:00")));
        assertThat(PlanReader.read(Json.write(again)).orThrow()).isEqualTo(again);
    }

    @Test
    void aScheduleOfAnotherPlanIsRefusedAtItsPaths() {
        assertThatThrownBy(() -> Replan.of(huanghe(), Json.MAPPER.readTree("""
                {"sessions": [{"activity": "choir", "session": 1, "room": "attic", "day": "SAT", "start": "10:00"}]}
                """))).isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                .extracting(problem -> problem.path()).containsExactly("sessions[0].room"));
    }
}
