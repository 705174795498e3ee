package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.solve.SchedulingEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The sample week of 黄河社区服务中心 reads cleanly and solves to a complete, feasible schedule. */
class BundledSampleTest {

    private static final String RESOURCE = "/plans/binzhou-huanghe.json";

    private static PlanReading reading;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = BundledSampleTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            reading = PlanReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsWithoutProblemsOrWarnings() {
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.diagnostics()).noneMatch(d -> Diagnostic.WARNING.equals(d.severity()));
    }

    @Test
    void isTheRealisticWeekItClaimsToBe() {
        Plan plan = reading.orThrow();
        assertThat(plan.week().startDate()).hasToString("2026-11-30");
        assertThat(plan.rooms()).hasSize(6);
        assertThat(plan.organizations()).hasSize(3);
        assertThat(plan.workers()).hasSize(10);
        assertThat(plan.activities().stream().mapToInt(Plan.Activity::sessionsPerWeek).sum()).isEqualTo(40);
        assertThat(plan.pinned()).hasSize(2);
    }

    @Test
    void modelHasNoWarnings() {
        WeeklySchedule week = ModelBuilder.build(reading.orThrow());
        assertThat(week.getDiagnostics()).noneMatch(d -> Diagnostic.WARNING.equals(d.severity()));
        assertThat(week.getSessions()).allMatch(session -> session.isPlaceable());
    }

    @Test
    @Tag("slow") // solves the sample for seconds
    void solvesFeasibleWithEverySessionPlaced() {
        Plan plan = reading.orThrow();
        WeeklySchedule week = ModelBuilder.build(plan);
        Schedule schedule;
        try (var engine = SchedulingEngine.shipped()) {
            var solved = engine.solve(week, Duration.ofSeconds(10), best -> {
            });
            schedule = engine.describe(solved.best(), false);
            System.out.printf("%s: %s in %s (feasible after %s, all placed after %s)%n", plan.name(),
                    schedule.score(), solved.solvingTime(), solved.timeToFeasible(), solved.timeToAllPlaced());
            schedule.constraints().stream().filter(c -> c.matches() > 0)
                    .forEach(c -> System.out.printf("  %-32s %4d  %s%n", c.name(), c.matches(), c.score()));
        }

        assertThat(schedule.feasible()).as(schedule.score()).isTrue();
        assertThat(schedule.unassigned()).isEmpty();
        assertThat(schedule.score()).startsWith("0hard/0medium/");

        Map<String, Long> placedPerActivity = schedule.sessions().stream()
                .collect(Collectors.groupingBy(Schedule.PlacedSession::activity, Collectors.counting()));
        for (Plan.Activity activity : plan.activities()) {
            assertThat(placedPerActivity.get(activity.id())).as(activity.id())
                    .isEqualTo((long) activity.sessionsPerWeek());
        }
        assertThat(schedule.organizations()).allSatisfy(organization ->
                assertThat(organization.assignedSessions()).isEqualTo(organization.requestedSessions()));

        Map<String, Schedule.PlacedSession> byId = schedule.sessions().stream()
                .collect(Collectors.toMap(s -> s.activity() + "#" + s.session(), Function.identity()));
        for (Plan.Placement pin : plan.pinned()) {
            Schedule.PlacedSession placed = byId.get(pin.activity() + "#" + pin.session());
            assertThat(placed).as(pin.activity()).isNotNull();
            assertThat(placed.room()).isEqualTo(pin.room());
            assertThat(placed.day()).isEqualTo(pin.day());
            assertThat(placed.start()).isEqualTo(pin.start());
            assertThat(placed.pinned()).isTrue();
        }
        assertThat(schedule.sessions()).filteredOn(Schedule.PlacedSession::pinned).hasSize(plan.pinned().size());
    }
}
