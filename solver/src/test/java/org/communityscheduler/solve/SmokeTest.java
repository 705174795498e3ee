package org.communityscheduler.solve;

import java.time.Duration;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Noise;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.PlanReader;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        String json = PlanBuilder.plan()
                .site("s", site -> site.open(Day.MON, "08:30-12:00", "14:00-17:30").open(Day.SAT, "09:00-16:00").quiet(Day.MON, "08:30-12:00"))
                .room("hall", room -> room.capacity(40).adjacent("quiet"))
                .room("quiet", room -> room.capacity(6))
                .organization("o")
                .worker("li", w -> w.organization("o").working(Day.MON, "08:30-17:30"))
                .activity("teen", a -> a.duration(90).sessions(2).participants(20).noise(Noise.LOUD).workers("li"))
                .activity("talk", a -> a.duration(60).sessions(3).participants(2).noise(Noise.QUIET).workers("li"))
                .json();
        System.out.println(json);
        var reading = PlanReader.read(json);
        System.out.println(reading.problems() + " " + reading.diagnostics());
        WeeklySchedule week = ModelBuilder.build(reading.orThrow());
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            WeeklySchedule solved = engine.solve(week, Duration.ofSeconds(3), best -> System.out.println("best " + best.getScore()));
            System.out.println(Json.write(engine.describe(solved, true)));
        }
    }
}
