package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Noise;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.plan.WeeklyHours;
import org.communityscheduler.schedule.Schedule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InstanceGeneratorTest {

    @ParameterizedTest(name = "{0} {1}, tightness {2}")
    @CsvSource({ "S, COMMUNITY, 0.7", "M, COMMUNITY, 0.7", "M, COMMUNITY, 1", "M, COURSE, 0.7", "M, ENROLMENT, 0.7" })
    void theSameSizeAndSeedGiveTheSameBytes(InstanceSize size, InstanceShape shape, double tightness) {
        GeneratorOptions options = GeneratorOptions.of(size, 42).withTightness(tightness).withOverfullPercent(5)
                .withShape(shape);

        GeneratedInstance first = InstanceGenerator.generate(options);
        GeneratedInstance second = InstanceGenerator.generate(options);

        assertThat(second.planJson()).isEqualTo(first.planJson());
        assertThat(second.plantedJson()).isEqualTo(first.plantedJson());
    }

    @Test
    void differentSeedsGiveDifferentPlans() {
        Set<String> plans = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            plans.add(InstanceGenerator.generate(InstanceSize.S, seed).planJson());
        }
        plans.add(InstanceGenerator.generate(InstanceSize.M, 1).planJson());
        plans.add(InstanceGenerator.generate(InstanceSize.M, 2).planJson());

        assertThat(plans).hasSize(7);
    }

    @ParameterizedTest(name = "{0} seed {1}, tightness {2}, overfull {3}% {4}")
    @CsvSource({ "S, 1, 0.5, 0, COMMUNITY", "S, 2, 0, 0, COMMUNITY", "S, 3, 1, 0, COMMUNITY", "S, 4, 0.5, 30, COMMUNITY",
            "M, 1, 0.5, 0, COMMUNITY", "M, 2, 1, 10, COMMUNITY", "L, 1, 0.5, 0, COMMUNITY", "L, 2, 1, 0, COMMUNITY",
            "S, 5, 0.5, 0, COURSE", "M, 3, 1, 10, COURSE" })
    void everyPlanReadsBackValidAndUnchanged(InstanceSize size, long seed, double tightness, int overfull,
            InstanceShape shape) {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(size, seed).withTightness(tightness)
                .withOverfullPercent(overfull).withShape(shape));

        PlanReading reading = PlanReader.read(instance.planJson());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.diagnostics()).isEmpty();
        assertThat(reading.plan()).isEqualTo(instance.plan());
    }

    @Test
    void aSmallWeekIsOneCentre() {
        for (long seed = 1; seed <= 10; seed++) {
            Plan plan = InstanceGenerator.generate(InstanceSize.S, seed).plan();

            assertThat(plan.sites()).hasSize(1);
            assertThat(plan.rooms()).hasSizeBetween(5, 8);
            assertThat(plan.workers()).hasSizeBetween(6, 10);
            assertThat(plan.organizations()).hasSizeBetween(2, 5);
            assertThat(sessions(plan)).isBetween(30, 50);
        }
    }

    @ParameterizedTest
    @EnumSource(value = InstanceSize.class, names = { "M", "L" })
    void largerWeeksHaveTheirSize(InstanceSize size) {
        Plan plan = InstanceGenerator.generate(size, 1).plan();

        assertThat(plan.sites()).hasSize(size.sites);
        assertThat(plan.rooms()).hasSize(size.minRooms);
        assertThat(plan.workers()).hasSize(size.minWorkers);
        assertThat(plan.organizations()).hasSize(size.minOrganizations);
        assertThat((double) sessions(plan)).isCloseTo(size.targetSessions(), within(size.targetSessions() * 0.1));
    }

    @Test
    void tightnessAsksForMoreSessions() {
        assertThat(sessions(InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withTightness(0)).plan()))
                .isLessThan(sessions(InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withTightness(1)).plan()));
    }

    @Test
    void centresHaveRealisticHours() {
        Plan plan = InstanceGenerator.generate(InstanceSize.M, 1).plan();

        assertThat(plan.sites()).allSatisfy(site -> {
            assertThat(site.name()).matches("\\p{IsHan}+社区服务中心");
            assertThat(site.openingHours().on(Day.MON)).as("a lunch break").hasSizeGreaterThanOrEqualTo(2);
            assertThat(site.quietHours().days().keySet()).as("office hours on weekdays")
                    .containsExactly(Day.MON, Day.TUE, Day.WED, Day.THU, Day.FRI);
        });
        assertThat(plan.sites()).anySatisfy(site -> assertThat(site.openingHours().on(Day.SAT)).isNotEmpty());
        assertThat(plan.sites()).anySatisfy(site -> assertThat(site.openingHours().on(Day.SUN)).isNotEmpty());
        assertThat(plan.sites()).anySatisfy(site -> assertThat(site.onRequestHours().on(Day.TUE)).isNotEmpty());
        assertThat(plan.sites()).anySatisfy(site -> assertThat(site.closedDates()).hasSize(1));
        assertThat(plan.rooms()).anySatisfy(room -> assertThat(room.group()).isNotNull());
        assertThat(plan.rooms()).anySatisfy(room -> assertThat(room.openingHours()).isNotNull());
        assertThat(plan.rooms().stream().flatMap(room -> room.features().stream()).distinct())
                .contains("kitchen", "projector", "private", "mats", "ground-floor");
    }

    @Test
    void workersMostlyStayAtOneCentre() {
        Plan plan = InstanceGenerator.generate(InstanceSize.M, 1).plan();

        long twoSites = plan.workers().stream().filter(worker -> worker.sites().size() == 2).count();
        assertThat(twoSites).isPositive().isLessThan(plan.workers().size() / 3);
        assertThat(plan.workers()).anySatisfy(worker -> assertThat(worker.name()).matches("\\p{IsHan}{2,3}"));
        // Three days of paperwork, two days of service.
        assertThat(plan.workers()).anySatisfy(worker -> assertThat(worker.unavailable().days().values())
                .hasSize(3).allSatisfy(ranges -> assertThat(ranges).containsExactly(TimeRange.parse("08:00-18:00"))));
        assertThat(plan.workers()).anySatisfy(worker -> assertThat(worker.workingHours().on(Day.SAT)).isNotEmpty());
    }

    @Test
    void activitiesKeepTheirHabits() {
        Plan plan = InstanceGenerator.generate(InstanceSize.M, 1).plan();
        List<Plan.Activity> loud = plan.activities().stream().filter(a -> a.noise() == Noise.LOUD).toList();

        assertThat(loud).isNotEmpty().allSatisfy(activity -> assertThat(weekdayRanges(activity.allowedTimes()))
                .as("loud groups only at weekends or in the evening")
                .allSatisfy(range -> assertThat(range.start()).isGreaterThanOrEqualTo(17 * 60 + 30)));
        assertThat(plan.activities()).filteredOn(a -> a.noise() == Noise.QUIET && a.requiredFeatures().contains("private"))
                .as("quiet counselling in private rooms").isNotEmpty();
        Map<String, Long> audiences = plan.activities().stream().filter(a -> a.audience() != null)
                .collect(Collectors.groupingBy(Plan.Activity::audience, Collectors.counting()));
        assertThat(audiences).as("elders' groups that share their members")
                .anySatisfy((audience, activities) -> {
                    assertThat(audience).endsWith("-elders");
                    assertThat(activities).isGreaterThan(1);
                });
        assertThat(plan.activities()).anySatisfy(activity -> assertThat(activity.workers()).hasSize(2));
        assertThat(plan.activities()).anySatisfy(activity -> assertThat(activity.preferredTimes()).isNotNull());
        assertThat(plan.activities()).anySatisfy(activity -> assertThat(activity.allowedSites()).isNotNull());
    }

    @Test
    void pinnedAndPreviousSessionsAreWhereThePlantedScheduleHasThem() {
        GeneratedInstance instance = InstanceGenerator.generate(InstanceSize.M, 1);
        Map<String, Schedule.PlacedSession> planted = instance.planted().sessions().stream()
                .collect(Collectors.toMap(s -> s.activity() + "#" + s.session(), Function.identity()));

        assertThat(instance.plan().pinned()).isNotEmpty();
        assertThat(instance.plan().previous()).isNotEmpty();
        for (Plan.Placement placement : concat(instance.plan().pinned(), instance.plan().previous())) {
            Schedule.PlacedSession session = planted.get(placement.activity() + "#" + placement.session());
            assertThat(List.of(session.room(), session.day(), session.start()))
                    .containsExactly(placement.room(), placement.day(), placement.start());
        }
        assertThat(instance.planted().sessions().stream().filter(Schedule.PlacedSession::pinned).count())
                .isEqualTo(instance.plan().pinned().size());
    }

    @Test
    void aCourseTimetableIsManyShortLessonsOnAPeriodGridInFewRooms() {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withShape(InstanceShape.COURSE));
        Plan plan = instance.plan();

        assertThat(plan.rooms()).hasSize(10);
        assertThat(sessions(plan)).isGreaterThan(25 * plan.rooms().size());
        assertThat(plan.activities()).allSatisfy(activity -> assertThat(activity.durationMinutes()).isEqualTo(45));
        assertThat(instance.planted().sessions()).allSatisfy(lesson -> {
            assertThat(lesson.day().ordinal()).isLessThan(5);
            assertThat(lesson.start().minutes() % 60).as("on the hour").isZero();
        });
        Map<String, Long> perClass = plan.activities().stream()
                .collect(Collectors.groupingBy(Plan.Activity::audience, Collectors.counting()));
        assertThat(perClass).as("every course belongs to a class").doesNotContainKey(null).hasSize(15)
                .allSatisfy((audience, courses) -> assertThat(courses).isGreaterThanOrEqualTo(5));
        Map<String, Long> perTeacher = plan.activities().stream()
                .collect(Collectors.groupingBy(activity -> activity.workers().get(0), Collectors.counting()));
        assertThat(perTeacher.values().stream().filter(courses -> courses >= 3).count())
                .as("teachers who teach several courses").isGreaterThan(plan.workers().size() / 2);
        assertThat(Occupancy.of(instance).share()).as("most periods taken (a period is 45 of 60 minutes)")
                .isGreaterThan(0.6);
    }

    @Test
    void badOptionsAreRefusedInPlainWords() {
        assertThat(InstanceSize.parse("city")).isEqualTo(InstanceSize.CITY);
        assertThatThrownBy(() -> InstanceSize.parse("XXL")).hasMessage("unknown size \"XXL\"; the sizes are S, M, L, XL, CITY");
        assertThatThrownBy(() -> GeneratorOptions.of(InstanceSize.S, 1).withTightness(1.5))
                .hasMessageContaining("tightness must lie between 0 and 1");
        assertThatThrownBy(() -> GeneratorOptions.of(InstanceSize.S, 1).withOverfullPercent(-1))
                .hasMessageContaining("overfull must lie between 0 and 100");
        assertThat(InstanceShape.parse("Course")).isEqualTo(InstanceShape.COURSE);
        assertThatThrownBy(() -> InstanceShape.parse("school")).hasMessage("unknown shape \"school\"; the shapes are community, course, enrolment");
        assertThatThrownBy(() -> GeneratorOptions.of(InstanceSize.XL, 1).withShape(InstanceShape.COURSE))
                .hasMessage("the shape course comes in sizes S, M and L, not XL");
    }

    /** Sizes for benchmarks: generated in seconds; time and memory are printed, not asserted tightly. */
    @ParameterizedTest
    @Tag("slow") // the largest weeks
    @EnumSource(value = InstanceSize.class, names = { "XL", "CITY" })
    void theLargestSizesGenerateInSeconds(InstanceSize size) {
        InstanceGenerator.generate(InstanceSize.S, 1); // warm up
        System.gc();
        long heapBefore = usedHeap();
        resetPeaks();
        long started = System.nanoTime();
        GeneratedInstance instance = InstanceGenerator.generate(size, 1);
        long generated = System.nanoTime();
        long peak = peakHeap();
        System.gc();
        long retained = usedHeap() - heapBefore;
        long writing = System.nanoTime();
        String json = instance.planJson();
        long written = System.nanoTime();
        PlanReading reading = PlanReader.read(json);
        long read = System.nanoTime();

        System.out.printf("%s: %d sites, %d rooms, %d workers, %d organisations, %d activities, %d sessions planted;"
                        + " generated in %d ms, written in %d ms (%.1f MB of JSON), read back in %d ms;"
                        + " heap: the instance holds %d MB, generating peaked at about %d MB%n",
                size, instance.plan().sites().size(), instance.plan().rooms().size(), instance.plan().workers().size(),
                instance.plan().organizations().size(), instance.plan().activities().size(), instance.plantedSessions(),
                (generated - started) / 1_000_000, (written - writing) / 1_000_000, json.length() / 1e6,
                (read - written) / 1_000_000, retained >> 20, peak >> 20);
        assertThat(reading.problems()).isEmpty();
        assertThat(instance.plantedSessions()).isEqualTo(instance.requestedSessions());
        assertThat((double) instance.plantedSessions()).isCloseTo(size.targetSessions(), within(size.targetSessions() * 0.1));
        assertThat((generated - started) / 1e9).as("seconds to generate").isLessThan(60);
    }

    private static int sessions(Plan plan) {
        return plan.activities().stream().mapToInt(Plan.Activity::sessionsPerWeek).sum();
    }

    private static List<TimeRange> weekdayRanges(WeeklyHours hours) {
        return hours.days().entrySet().stream().filter(day -> day.getKey().ordinal() < 5)
                .flatMap(day -> day.getValue().stream()).toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Summed peaks of the heap pools: an upper bound, the pools peak at different moments. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
