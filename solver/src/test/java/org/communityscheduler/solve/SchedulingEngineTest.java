package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Noise;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.schedule.Schedule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // solves that run for seconds, to their time limit
class SchedulingEngineTest {

    /** A small but complete week: two sites, noise, audiences, pins, previous placements, overtime. */
    private static Plan smallWeek() {
        return PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("north", site -> site
                        .open(Day.MON, "08:30-12:00", "14:00-17:30").open(Day.TUE, "08:30-12:00", "14:00-17:30")
                        .open(Day.WED, "08:30-12:00", "14:00-17:30").open(Day.SAT, "09:00-12:00")
                        .onRequest(Day.TUE, "17:30-20:00")
                        .quiet(Day.MON, "08:30-12:00", "14:00-17:30").quiet(Day.TUE, "08:30-12:00", "14:00-17:30")
                        .closed("2026-12-02"))
                .site("south", site -> site.open(Day.MON, "09:00-17:00").open(Day.THU, "09:00-17:00"))
                .room("hall", room -> room.site("north").capacity(40).adjacent("counselling").features("projector"))
                .room("counselling", room -> room.site("north").capacity(4).features("private"))
                .room("classroom", room -> room.site("south").capacity(25).features("projector"))
                .organization("sunrise")
                .organization("harbor")
                .worker("li", w -> w.organization("sunrise").working(Day.MON, "08:30-17:30")
                        .working(Day.TUE, "08:30-17:30").working(Day.SAT, "09:00-12:00"))
                .worker("wang", w -> w.organization("sunrise").sites("north").working(Day.MON, "08:30-17:30")
                        .unavailable(Day.TUE, "08:30-12:00"))
                .worker("zhao", w -> w.organization("harbor").sites("south").working(Day.MON, "09:00-17:00")
                        .working(Day.THU, "09:00-17:00"))
                .activity("teen-club", a -> a.organization("sunrise").duration(90).sessions(2).participants(20)
                        .audience("teens").noise(Noise.LOUD).workers("li").allowed(Day.SAT, "09:00-12:00")
                        .allowed(Day.TUE, "17:30-20:00"))
                .activity("counselling", a -> a.organization("sunrise").duration(60).sessions(3).participants(2)
                        .noise(Noise.QUIET).features("private").workers("wang"))
                .activity("training", a -> a.organization("harbor").duration(120).sessions(2).participants(18)
                        .features("projector").workers("zhao").preferred(Day.THU, "09:00-12:00"))
                .activity("elders", a -> a.organization("harbor").duration(60).sessions(1).participants(15)
                        .audience("elders").workers("zhao", "li"))
                .pin("counselling", 1, "counselling", Day.MON, "09:00")
                .previous("training", 1, "classroom", Day.THU, "09:00")
                .build();
    }

    @Test
    void fullAssertSolveFindsNoScoreCorruption() {
        var config = SolverConfigs.shipped()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(3)));
        try (SchedulingEngine engine = new SchedulingEngine(config, 1, 1)) {
            // FULL_ASSERT recalculates the score from scratch after every move and fails on any difference.
            WeeklySchedule best = engine.solve(ModelBuilder.build(smallWeek()), Duration.ofSeconds(3), week -> {
            }).best();
            assertThat(best.getScore().isFeasible()).isTrue();
        }
    }

    /**
     * Two classes of a school that share some lessons, a teacher who wants breaks and whole days, lessons spread
     * over the week and a course in two parts: every rule of a day's shape and of order has something to score.
     */
    private static Plan dayShapedWeek() {
        return PlanBuilder.plan()
                .slotMinutes(30)
                .site("school", site -> site.open(Day.MON, "08:00-13:00").open(Day.TUE, "08:00-13:00")
                        .open(Day.WED, "08:00-13:00").open(Day.THU, "08:00-13:00"))
                .room("a", room -> room.capacity(30))
                .room("b", room -> room.capacity(30))
                .worker("li", w -> w.day(d -> d.maxMinutesInARow(120).avoidSingleSessionDays()))
                .worker("wang", w -> w.day(d -> d.compactDays()))
                .audience("class-1", a -> a.day(d -> d.compactDays().maxMinutesInARow(180)))
                .audience("class-2", a -> a.day(d -> d.compactDays().avoidSingleSessionDays().minBreakMinutes(45))
                        .available(Day.MON, "08:00-13:00").available(Day.TUE, "08:00-13:00")
                        .available(Day.WED, "08:00-13:00"))
                .activity("maths", a -> a.duration(60).sessions(3).minDays(3).audiences("class-1", "class-2")
                        .workers("li"))
                .activity("physics", a -> a.duration(60).sessions(2).minDays(2).audience("class-1").workers("li"))
                .activity("art", a -> a.duration(90).sessions(2).audience("class-2").workers("wang"))
                .activity("first-aid-1", a -> a.duration(60).sessions(2).audience("class-1").workers("wang"))
                .activity("first-aid-2", a -> a.duration(60).audience("class-1").workers("wang").after("first-aid-1"))
                .build();
    }

    @Test
    void fullAssertSolveOfDayShapesAndOrderFindsNoScoreCorruption() {
        var config = SolverConfigs.shipped()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(3)));
        try (SchedulingEngine engine = new SchedulingEngine(config, 1, 1)) {
            WeeklySchedule best = engine.solve(ModelBuilder.build(dayShapedWeek()), Duration.ofSeconds(3), week -> {
            }).best();
            assertThat(best.getScore().isFeasible()).isTrue();
            assertThat(best.assignedCount()).isEqualTo(best.getSessions().size());
        }
    }

    @Test
    void solvesTheSmallWeekWithEverySessionPlacedAndThePinKept() {
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            SchedulingEngine.SolveRun run = engine.solve(ModelBuilder.build(smallWeek()), Duration.ofSeconds(5), w -> {
            });
            Schedule schedule = engine.describe(run.best(), false);

            assertThat(schedule.feasible()).isTrue();
            assertThat(schedule.unassigned()).isEmpty();
            assertThat(schedule.sessions()).hasSize(8);
            assertThat(schedule.sessions()).filteredOn(Schedule.PlacedSession::pinned).singleElement()
                    .satisfies(pinned -> {
                        assertThat(pinned.activity()).isEqualTo("counselling");
                        assertThat(pinned.room()).isEqualTo("counselling");
                        assertThat(pinned.day()).isEqualTo(Day.MON);
                        assertThat(pinned.start()).isEqualTo(TimeOfDay.parse("09:00"));
                        assertThat(pinned.date()).hasToString("2026-11-30");
                    });
            // Teenagers only come on Saturday morning or Tuesday evening (on request).
            assertThat(schedule.sessions()).filteredOn(s -> s.activity().equals("teen-club"))
                    .allSatisfy(s -> assertThat(s.day()).isIn(Day.SAT, Day.TUE));
            // Wednesday is a closed date: nothing happens at north then.
            assertThat(schedule.sessions()).noneMatch(s -> s.day() == Day.WED);
            assertThat(schedule.organizations()).containsExactly(
                    new Schedule.OrganizationCount("sunrise", 5, 5), new Schedule.OrganizationCount("harbor", 3, 3));
            assertThat(schedule.constraints()).extracting(Schedule.ConstraintResult::name)
                    .startsWith("Room clash", "Worker clash").hasSize(Rule.values().length);
        }
    }

    /** Next week closes the Monday a pin names: the pin is kept there, the locked doors scored, and the plan says so. */
    @Test
    void aPinOnAClosedDayIsKeptAndScoredAsLockedDoors() {
        Plan plan = PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("centre", site -> site.open(Day.MON, "09:00-17:00").open(Day.TUE, "09:00-17:00")
                        .closed("2026-11-30"))
                .room("hall", room -> room.capacity(30))
                .activity("choir", a -> a.duration(60).sessions(2))
                .pin("choir", 1, "hall", Day.MON, "09:00")
                .build();
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            Schedule schedule = engine.describe(engine.solve(ModelBuilder.build(plan), Duration.ofSeconds(1), w -> {
            }).best(), false);

            assertThat(schedule.sessions()).filteredOn(Schedule.PlacedSession::pinned).singleElement()
                    .satisfies(pinned -> {
                        assertThat(pinned.day()).isEqualTo(Day.MON);
                        assertThat(pinned.start()).isEqualTo(TimeOfDay.parse("09:00"));
                    });
            assertThat(schedule.sessions()).filteredOn(s -> !s.pinned()).singleElement()
                    .extracting(Schedule.PlacedSession::day).isEqualTo(Day.TUE);
            assertThat(schedule.score()).isEqualTo("-60hard/0medium/0soft");
            assertThat(schedule.diagnostics()).extracting(d -> d.path() + " " + d.code())
                    .containsExactly("pinned[0] edit.pinOutsideRanges");
        }
    }

    /** Loud sessions avoid quiet hours by default; with that rule switched off, the preference wins. */
    @Test
    void constraintWeightsFromThePlanChangeTheResult() {
        PlanBuilder plan = PlanBuilder.plan()
                .site("centre", site -> site.open(Day.MON, "08:00-20:00").quiet(Day.MON, "08:00-12:00"))
                .room("hall", room -> room.capacity(30))
                .activity("drums", a -> a.duration(60).noise(Noise.LOUD).preferred(Day.MON, "08:00-12:00"));
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            Schedule byDefault = engine.describe(engine.solve(ModelBuilder.build(plan.build()), Duration.ofSeconds(2),
                    w -> {
                    }).best(), false);
            Schedule quietOff = engine.describe(engine.solve(
                    ModelBuilder.build(plan.weight("Noise during quiet hours", "0").build()), Duration.ofSeconds(2),
                    w -> {
                    }).best(), false);

            assertThat(byDefault.sessions().get(0).start().minutes()).isGreaterThanOrEqualTo(12 * 60);
            assertThat(byDefault.score()).isEqualTo("0hard/0medium/-60soft");
            assertThat(quietOff.sessions().get(0).start().minutes()).isLessThan(12 * 60);
            assertThat(quietOff.score()).isEqualTo("0hard/0medium/0soft");
            assertThat(quietOff.constraints()).filteredOn(c -> c.name().equals("Noise during quiet hours"))
                    .singleElement().extracting(Schedule.ConstraintResult::matches).isEqualTo(0);
        }
    }

    @Test
    void anOverfullWeekSaysWhichSessionIsOutAndWhy() {
        Plan plan = PlanBuilder.plan()
                .site("centre", site -> site.open(Day.MON, "09:00-11:00"))
                .room("room", room -> room.capacity(10))
                .activity("reading", a -> a.duration(60).sessions(3).priority(2))
                .activity("choir", a -> a.duration(60).participants(50))
                .build();
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            Schedule schedule = engine.describe(engine.solve(ModelBuilder.build(plan), Duration.ofSeconds(2), w -> {
            }).best(), false);

            assertThat(schedule.feasible()).isTrue();
            assertThat(schedule.score()).isEqualTo("0hard/-3medium/-60soft");
            assertThat(schedule.unassigned()).hasSize(2);
            assertThat(schedule.unassigned()).filteredOn(u -> u.activity().equals("choir")).singleElement()
                    .satisfies(choir -> assertThat(choir.reasons()).singleElement().asString()
                            .contains("50 participants").contains("holds 10"));
            assertThat(schedule.unassigned()).filteredOn(u -> u.activity().equals("reading")).singleElement()
                    .satisfies(reading -> assertThat(reading.reasons())
                            .anySatisfy(reason -> assertThat(reason.code()).isEqualTo(
                                    "schedule.unplaced.everyPlacementBreaksAHardRule"))
                            .anySatisfy(reason -> assertThat(reason).asString().contains("overlap")));
            assertThat(schedule.diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.path()).isEqualTo("activities[1]"));
        }
    }

    @Test
    void recommendsPlacementsForAnUnplacedSessionBestFirst() {
        Plan plan = PlanBuilder.plan()
                .site("centre", site -> site.open(Day.MON, "09:00-12:00"))
                .room("room", room -> room.capacity(10))
                .activity("reading", a -> a.duration(60).preferred(Day.MON, "10:00-11:00"))
                .build();
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            WeeklySchedule week = ModelBuilder.build(plan);
            Session reading = week.getSessions().get(0);

            var recommendations = engine.recommend(week, reading, 3);

            assertThat(recommendations).hasSize(3);
            assertThat(recommendations.get(0).start()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("10:00")));
            assertThat(recommendations.get(0).scoreDifference()).hasToString("0hard/1medium/0soft");
            assertThat(recommendations.get(1).scoreDifference().softScore()).isNegative();
            assertThat(reading.isAssigned()).as("recommending leaves the schedule as it was").isFalse();
        }
    }

    /** Two sites that share nothing, each busy enough to need some search. */
    private static Plan twoIndependentSites() {
        PlanBuilder plan = PlanBuilder.plan().slotMinutes(30);
        for (String site : List.of("north", "south")) {
            plan.site(site, s -> s.open(Day.MON, "09:00-17:00").open(Day.TUE, "09:00-17:00"))
                    .room(site + "-hall", room -> room.site(site).capacity(30))
                    .room(site + "-room", room -> room.site(site).capacity(10))
                    .worker(site + "-li", w -> w.sites(site).working(Day.MON, "09:00-17:00"))
                    .activity(site + "-reading", a -> a.duration(60).sessions(6).participants(8).workers(site + "-li")
                            .preferred(Day.TUE, "09:00-12:00"))
                    .activity(site + "-choir", a -> a.duration(90).sessions(4).participants(25).audience(site + "-kids")
                            .sites(site))
                    .activity(site + "-crafts", a -> a.duration(60).sessions(4).participants(9).audience(site + "-kids")
                            .sites(site));
        }
        return plan.build();
    }

    @Test
    void aWeekThatSplitsIsSolvedInPartsOnSeveralThreadsAndMergedWhole() {
        WeeklySchedule week = ModelBuilder.build(twoIndependentSites());
        assertThat(Partition.of(week, 2)).as("one core a site").hasSize(2);
        try (SchedulingEngine engine = SchedulingEngine.shipped(2)) {
            SchedulingEngine.SolveRun run = engine.solve(week, Duration.ofSeconds(3), w -> {
            });
            WeeklySchedule best = run.best();

            assertThat(best.getSessions()).extracting(Session::getId)
                    .containsExactlyElementsOf(week.getSessions().stream().map(Session::getId).toList());
            assertThat(best.assignedCount()).isEqualTo(28);
            HardMediumSoftLongScore merged = best.getScore();
            assertThat(engine.describe(best, false).score()).as("the merged week scored whole").isEqualTo(merged.toString());
            assertThat(merged.isFeasible()).isTrue();
            assertThat(week.getSessions()).as("the problem given is left as it was").noneMatch(Session::isAssigned);
        }
    }

    /**
     * One core gets north and south, solved in turn (placed, then improved); the other an easy site whose
     * week is perfect at once, after which that core helps with the others' worst group until the end.
     */
    @Test
    void eachCoreSolvesItsGroupsInTurnAndOneThatIsDoneHelpsTheOther() throws Exception {
        PlanBuilder plan = PlanBuilder.plan().slotMinutes(30);
        for (String site : List.of("north", "south")) {
            // Reading prefers Tuesday, when its worker does not work: never a perfect week.
            plan.site(site, s -> s.open(Day.MON, "09:00-17:00").open(Day.TUE, "09:00-17:00"))
                    .room(site + "-hall", room -> room.site(site).capacity(30))
                    .worker(site + "-li", w -> w.sites(site).working(Day.MON, "09:00-17:00"))
                    .activity(site + "-reading", a -> a.duration(60).sessions(6).participants(8).workers(site + "-li")
                            .preferred(Day.TUE, "09:00-12:00"))
                    .activity(site + "-choir", a -> a.duration(90).sessions(4).participants(25).sites(site));
        }
        plan.site("east", s -> s.open(Day.WED, "09:00-17:00"))
                .room("east-room", room -> room.site("east").capacity(5))
                .activity("east-yoga", a -> a.duration(60).sessions(1).participants(4).sites("east"));
        WeeklySchedule week = ModelBuilder.build(plan.build());
        List<List<Session>> groups = Partition.components(week);
        List<Session> east = groups.stream().filter(g -> g.get(0).getId().startsWith("east")).findFirst().orElseThrow();
        List<List<Session>> northAndSouth = groups.stream().filter(g -> g != east).toList();
        assertThat(northAndSouth).hasSize(2);

        var analysis = SolutionManager.<WeeklySchedule, HardMediumSoftLongScore> create(
                SolverFactory.create(SolverConfigs.forAnalysis(SolverConfigs.shipped())));
        List<HardMediumSoftLongScore> improvements = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newCachedThreadPool();
        List<SolverManager<WeeklySchedule, String>> managers = List.of(
                SolverManager.create(SolverFactory.create(SolverConfigs.member(SolverConfigs.shipped(), 0))),
                SolverManager.create(SolverFactory.create(SolverConfigs.member(SolverConfigs.shipped(), 1))));
        try {
            ParallelSolve solve = new ParallelSolve("turns", week, List.of(northAndSouth, List.of(east)), 2,
                    Duration.ofSeconds(3), merged -> {
                        merged.setScore(analysis.update(merged));
                        return merged;
                    }, best -> improvements.add(best.getScore()), best -> {
                    }, (id, error) -> {
                    }, threads);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleAtFixedRate(solve::tick, 100, 100, TimeUnit.MILLISECONDS);
            solve.start(List.of(new ParallelSolve.Core(managers.get(0), 1),
                    new ParallelSolve.Core(managers.get(1), 1)));
            WeeklySchedule best = solve.getFinalBestSolution();
            ticker.shutdownNow();

            assertThat(best.assignedCount()).isEqualTo(21);
            try (SchedulingEngine engine = SchedulingEngine.shipped(1)) {
                assertThat(engine.describe(best, false).score()).as("the merged week scored whole")
                        .isEqualTo(best.getScore().toString());
            }
            assertThat(solve.solvesOf(0)).as("north and south, each placed and then improved").isEqualTo(4);
            assertThat(solve.solvesOf(1)).as("east placed (perfect at once), then help for the others")
                    .isGreaterThanOrEqualTo(2);
            assertThat(solve.getSolvingDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
            assertThat(improvements).isNotEmpty().isSortedAccordingTo(HardMediumSoftLongScore::compareTo);
        } finally {
            managers.forEach(SolverManager::close);
            threads.shutdownNow();
        }
    }

    /** One solver finds a perfect week at once; the other would run to the limit, and is stopped instead. */
    @Test
    void aSolveEndsOnceItsWeekIsPerfectWhateverItsOtherSolversAreDoing() throws Exception {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("east", s -> s.open(Day.WED, "09:00-17:00"))
                .room("east-room", room -> room.site("east").capacity(5))
                .activity("east-yoga", a -> a.duration(60).participants(4))
                .build());
        SolverConfig untilStopped = SolverConfigs.base().withPhases(new CustomPhaseConfig()
                .withCustomPhaseCommands((director, isPhaseTerminated) -> {
                    while (!isPhaseTerminated.getAsBoolean()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                    }
                }));
        ExecutorService threads = Executors.newCachedThreadPool();
        List<SolverManager<WeeklySchedule, String>> managers = List.of(
                SolverManager.create(SolverFactory.create(SolverConfigs.shipped())),
                SolverManager.create(SolverFactory.create(untilStopped)));
        try {
            ParallelSolve solve = new ParallelSolve("perfect", week, List.of(List.of(week.getSessions())), 2,
                    Duration.ofSeconds(30), merged -> merged, best -> {
                    }, best -> {
                    }, (id, error) -> {
                    }, threads);
            long started = System.nanoTime();
            solve.start(List.of(new ParallelSolve.Core(managers.get(0), 1), new ParallelSolve.Core(managers.get(1), 1)));

            WeeklySchedule best = solve.getFinalBestSolution();

            assertThat(best.getScore()).isEqualTo(HardMediumSoftLongScore.ZERO);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            managers.forEach(SolverManager::close);
            threads.shutdownNow();
        }
    }

    @Test
    void aWeekThatDoesNotSplitRunsDifferentlySeededSolversAndKeepsTheBest() {
        WeeklySchedule week = ModelBuilder.build(smallWeek());
        List<HardMediumSoftLongScore> improvements = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SchedulingEngine engine = SchedulingEngine.shipped(2)) {
            SchedulingEngine.SolveRun run = engine.solve(week, Duration.ofSeconds(2),
                    best -> improvements.add(best.getScore()));

            assertThat(Partition.of(week, 2)).hasSize(1);
            assertThat(run.best().assignedCount()).isEqualTo(8);
            assertThat(improvements).isSortedAccordingTo(HardMediumSoftLongScore::compareTo);
            assertThat(run.best().getScore()).isEqualTo(improvements.get(improvements.size() - 1));
        }
    }

    @Test
    void aCompleteWeekIsSolvedUntilItsTimeLimit() {
        try (SchedulingEngine engine = SchedulingEngine.shipped(2)) {
            // The small week's best soft score is not 0: nothing but the time limit ends the solve, however early
            // its best schedule came (the annealing is still hot then, and cools until the limit).
            SchedulingEngine.SolveRun run = engine.solve(ModelBuilder.build(smallWeek()), Duration.ofSeconds(3), w -> {
            });
            assertThat(run.best().getScore().softScore()).isNegative();
            assertThat(run.solvingTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void aSolveStartedWhileAnotherRunsGetsAShareOfTheCores() throws Exception {
        try (SchedulingEngine engine = new SchedulingEngine(SolverConfigs.shipped(), 2, 2)) {
            var first = engine.start("first", ModelBuilder.build(smallWeek()), Duration.ofSeconds(2), w -> {
            }, w -> {
            }, (id, e) -> {
            });
            var second = engine.start("second", ModelBuilder.build(smallWeek()), Duration.ofSeconds(2), w -> {
            }, w -> {
            }, (id, e) -> {
            });

            assertThat(((ParallelSolve) first).memberCount()).isEqualTo(2);
            assertThat(((ParallelSolve) second).memberCount()).isEqualTo(1);
            assertThat(first.getFinalBestSolution().assignedCount()).isEqualTo(8);
            assertThat(second.getFinalBestSolution().assignedCount()).isEqualTo(8);
        }
    }
}
