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
        List<List<Session>> parts = Partition.of(twoSites(false), 2);

        assertThat(parts).hasSize(2);
        assertThat(parts).extracting(PartitionTest::ids).containsExactlyInAnyOrder(
                List.of("reading#1", "reading#2", "choir#1", "choir#2"),
                List.of("crafts#1", "crafts#2", "crafts#3"));
    }

    @Test
    void aSharedWorkerKeepsTheWeekWhole() {
        assertThat(Partition.components(twoSites(true))).hasSize(1);
        assertThat(Partition.of(twoSites(true), 2)).singleElement().extracting(List::size).isEqualTo(7);
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
