package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.PlanBuilder;
import org.junit.jupiter.api.Test;

class PartitionTest {

    /** Two sites, each with its own room, workers and activities; {@code shared} links them through a third worker. */
    private static WeeklySchedule twoSites(boolean shared) {
        return ModelBuilder.build(PlanBuilder.plan()
                .site("north", site -> site.open(Day.MON, "09:00-17:00"))
                .site("south", site -> site.open(Day.MON, "09:00-17:00"))
                .room("hall", room -> room.site("north").capacity(20))
                .room("classroom", room -> room.site("south").capacity(20))
                .worker("li", w -> w.sites("north"))
                .worker("zhao", w -> w.sites("south"))
                .worker("wu", w -> w.maxMinutesPerDay(480))
                .activity("reading", a -> a.duration(60).sessions(2).workers(shared ? new String[] { "li", "wu" } : new String[] { "li" }))
                .activity("crafts", a -> a.duration(60).sessions(3).workers(shared ? new String[] { "zhao", "wu" } : new String[] { "zhao" }))
                .activity("choir", a -> a.duration(60).sessions(2).workers("li").sites("north"))
                .build());
    }

    private static List<String> ids(List<Session> sessions) {
        return sessions.stream().map(Session::getId).toList();
    }

    @Test
    void sitesThatShareNothingAreSolvedApart() {
        List<List<List<Session>>> lanes = Partition.of(twoSites(false), 2);

        assertThat(lanes).hasSize(2).allSatisfy(groups -> assertThat(groups).hasSize(1));
        assertThat(lanes).extracting(groups -> ids(groups.get(0))).containsExactlyInAnyOrder(
                List.of("reading#1", "reading#2", "choir#1", "choir#2"),
                List.of("crafts#1", "crafts#2", "crafts#3"));
    }

    /** Six sites, each alone: a core solves its sites in turn, small ones together. */
    @Test
    void eachCoreSolvesItsGroupsInTurnAndJoinsSmallOnes() {
        PlanBuilder plan = PlanBuilder.plan();
        int[] sessions = { 6, 5, 4, 3, 2, 2 };
        for (int i = 0; i < sessions.length; i++) {
            String site = "site" + i;
            int count = sessions[i];
            plan.site(site, s -> s.open(Day.MON, "09:00-17:00"))
                    .room("room" + i, room -> room.site(site).capacity(20))
                    .activity("activity" + i, a -> a.duration(60).sessions(count).sites(site));
        }
        WeeklySchedule week = ModelBuilder.build(plan.build());

        List<List<List<Session>>> alone = Partition.of(week, 2, 1);
        assertThat(alone).extracting(groups -> groups.stream().map(List::size).toList())
                .containsExactly(List.of(6, 3, 2), List.of(5, 4, 2));

        List<List<List<Session>>> joined = Partition.of(week, 2, 5);
        assertThat(joined).extracting(groups -> groups.stream().map(List::size).toList())
                .containsExactly(List.of(6, 5), List.of(5, 6));
        assertThat(joined.stream().flatMap(List::stream).flatMap(List::stream).map(Session::getId))
                .containsExactlyInAnyOrderElementsOf(week.getSessions().stream().map(Session::getId).toList());
    }

    @Test
    void aSharedWorkerKeepsTheWeekWhole() {
        assertThat(Partition.components(twoSites(true))).hasSize(1);
        assertThat(Partition.of(twoSites(true), 2)).singleElement().satisfies(groups ->
                assertThat(groups).singleElement().extracting(List::size).isEqualTo(7));
    }

    @Test
    void oneThreadOrALopsidedSplitKeepsTheWeekWhole() {
        assertThat(Partition.of(twoSites(false), 1)).hasSize(1);
        WeeklySchedule lopsided = ModelBuilder.build(PlanBuilder.plan()
                .site("north", site -> site.open(Day.MON, "09:00-17:00"))
                .site("south", site -> site.open(Day.MON, "09:00-17:00"))
                .room("hall", room -> room.site("north").capacity(20))
                .room("classroom", room -> room.site("south").capacity(20))
                .activity("reading", a -> a.duration(60).sessions(9).sites("north"))
                .activity("crafts", a -> a.duration(60).sessions(1).sites("south"))
                .build());
        assertThat(Partition.components(lopsided)).hasSize(2);
        assertThat(Partition.of(lopsided, 2)).hasSize(1);
    }
}
