package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.solve.SchedulingEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planted schedule, put into the plan's model and scored by the engine, is exactly what the
 * generator claims: every session placed, 0hard/0medium/0soft (or, overfull, exactly the extra
 * sessions out), the same sessions, loads and constraint scores.
 */
class PlantedOptimumTest {

    private static SchedulingEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = SchedulingEngine.shipped();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @ParameterizedTest(name = "{0} seed {1}, tightness {2}")
    @CsvSource({
            "S, 1, 0.5", "S, 2, 0.5", "S, 3, 0.5", "S, 4, 0.5", "S, 5, 0.5",
            "S, 6, 0", "S, 7, 1",
            "M, 1, 0.5", "M, 2, 0.5", "M, 3, 0", "M, 4, 1",
            "L, 1, 0.5",
            "S, 1, 1", "S, 2, 1", "M, 1, 1", "L, 1, 1" })
    void thePlantedScheduleCostsNothing(InstanceSize size, long seed, double tightness) {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(size, seed).withTightness(tightness));

        Schedule scored = score(instance);

        assertThat(scored.score()).isEqualTo("0hard/0medium/0soft");
        assertThat(scored.unassigned()).isEmpty();
        assertThat(scored.sessions()).hasSize(instance.requestedSessions());
        assertSameAsClaimed(scored, instance.planted());
    }

    @ParameterizedTest(name = "{3} {0} seed {1}, tightness {2}")
    @CsvSource({ "S, 1, 0.5, COURSE", "S, 2, 1, COURSE", "M, 1, 0.5, COURSE", "M, 2, 1, COURSE", "L, 1, 1, COURSE",
            "S, 1, 0.5, ENROLMENT", "M, 1, 0.5, ENROLMENT", "M, 2, 1, ENROLMENT", "L, 1, 0.5, ENROLMENT" })
    void aCollegesPlantedScheduleCostsNothing(InstanceSize size, long seed, double tightness, InstanceShape shape) {
        GeneratedInstance instance = InstanceGenerator.generate(
                GeneratorOptions.of(size, seed).withTightness(tightness).withShape(shape));

        Schedule scored = score(instance);

        assertThat(scored.score()).isEqualTo("0hard/0medium/0soft");
        assertThat(scored.sessions()).hasSize(instance.requestedSessions());
        assertSameAsClaimed(scored, instance.planted());
    }

    @Test
    void studentsWhoChoseTheirLessonsAreGroupsOfOneWithTheDaysTheirLessonsKeep() {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withShape(InstanceShape.ENROLMENT));
        Plan plan = instance.plan();

        assertThat(plan.audiences()).hasSizeGreaterThan(300).allSatisfy(student -> {
            assertThat(student.id()).startsWith("student-");
            assertThat(student.dayShape().compactDays()).isTrue();
            assertThat(student.dayShape().avoidSingleSessionDays()).isTrue();
            assertThat(student.dayShape().maxMinutesInARow()).isIn(120, 180);
        });
        assertThat(plan.activities()).allSatisfy(lesson -> {
            assertThat(lesson.sessionsPerWeek()).isEqualTo(1);
            assertThat(lesson.audience()).isNull();
            assertThat(lesson.audiences()).isNotEmpty().hasSize(lesson.participants());
        });
        assertThat(plan.activities().stream().filter(lesson -> !lesson.after().isEmpty()).count())
                .isGreaterThan(plan.activities().size() / 5);
        // Each student's lessons: every day they come, at least two, each within a break of another.
        Map<String, List<Schedule.PlacedSession>> byStudent = new java.util.HashMap<>();
        Map<String, Plan.Activity> lessons = new java.util.HashMap<>();
        plan.activities().forEach(lesson -> lessons.put(lesson.id(), lesson));
        for (Schedule.PlacedSession session : instance.planted().sessions()) {
            lessons.get(session.activity()).audiences()
                    .forEach(student -> byStudent.computeIfAbsent(student, s -> new java.util.ArrayList<>()).add(session));
        }
        assertThat(byStudent).hasSize(plan.audiences().size())
                .allSatisfy((student, sessions) -> assertThat(sessions).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void anOverfullWeekLeavesExactlyTheExtraSessionsOut() {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withOverfullPercent(10));
        Schedule planted = instance.planted();
        int extra = (int) Math.round(planted.sessions().size() * 0.10);

        Schedule scored = score(instance);

        assertThat(instance.requestedSessions()).isEqualTo(planted.sessions().size() + extra);
        assertThat(planted.unassigned()).hasSize(extra);
        assertThat(scored.unassigned()).extracting(Schedule.UnassignedSession::activity, Schedule.UnassignedSession::session)
                .containsExactlyElementsOf(planted.unassigned().stream()
                        .map(u -> org.assertj.core.groups.Tuple.tuple(u.activity(), u.session())).toList());
        assertThat(scored.score()).isEqualTo(planted.score()).startsWith("0hard/-").endsWith("medium/0soft");
        assertSameAsClaimed(scored, planted);
        // The bound: every placement of an extra session breaks a hard rule.
        WeeklySchedule week = plantedWeek(instance);
        List<Session> left = week.getSessions().stream().filter(session -> !session.isAssigned()).toList();
        assertThat(left).hasSize(extra).allSatisfy(session -> assertThat(engine.recommend(week, session, 1)).isNotEmpty()
                .allSatisfy(best -> assertThat(best.scoreDifference().hardScore()).isNegative()));
    }

    @Test
    void aSmallOverfullWeekStillHasItsOptimumPlanted() {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.S, 3).withOverfullPercent(25));

        Schedule scored = score(instance);

        assertThat(instance.planted().unassigned()).hasSize((int) Math.round(instance.plantedSessions() * 0.25));
        assertSameAsClaimed(scored, instance.planted());
    }

    @Test
    void theWishesOfAWeekAreStatedAndThePlantedScheduleKeepsThemAll() {
        GeneratedInstance instance = InstanceGenerator.generate(InstanceSize.M, 1);
        Plan plan = instance.plan();

        assertThat(plan.workers()).anySatisfy(worker -> assertThat(worker.dayShape().maxMinutesInARow()).isBetween(120, 180));
        assertThat(plan.workers()).anySatisfy(worker -> assertThat(worker.dayShape().avoidSingleSessionDays()).isTrue());
        assertThat(plan.audiences()).anySatisfy(group -> {
            assertThat(group.id()).endsWith("-children");
            assertThat(group.availableTimes().on(Day.MON)).containsExactly(TimeRange.parse("16:30-21:30"));
        });
        assertThat(plan.audiences()).anySatisfy(group -> assertThat(group.dayShape().compactDays()).isTrue());
        assertThat(plan.audiences()).anySatisfy(group -> assertThat(group.dayShape().maxMinutesInARow()).isNotNull());
        assertThat(plan.activities()).anySatisfy(activity -> assertThat(activity.audiences()).isNotEmpty());
        assertThat(plan.activities()).anySatisfy(activity -> assertThat(activity.minDays()).isGreaterThanOrEqualTo(2));
        assertThat(plan.activities()).anySatisfy(activity -> assertThat(activity.after()).isNotEmpty());

        Schedule scored = score(instance);

        assertThat(scored.score()).isEqualTo("0hard/0medium/0soft");
        assertSameAsClaimed(scored, instance.planted());
    }

    @Test
    void aCollegesClassesAskForCompactDaysTheirLessonsKeep() {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withShape(InstanceShape.COURSE));

        assertThat(instance.plan().audiences()).hasSize(15)
                .filteredOn(group -> group.dayShape().compactDays()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(score(instance).score()).isEqualTo("0hard/0medium/0soft");
    }

    @Test
    void aLessonMovedAwayFromItsClassmatesLessonsStandsAlone() {
        GeneratedInstance instance = InstanceGenerator.generate(GeneratorOptions.of(InstanceSize.M, 1).withShape(InstanceShape.COURSE));
        WeeklySchedule week = plantedWeek(instance);
        Session lesson = week.getSessions().stream()
                .filter(session -> session.getActivity().getAudiences().get(0).getDayShape().compactDays())
                .findFirst().orElseThrow();

        moveAwayFromItsGroup(week, lesson);

        assertThat(matches(engine.describe(week, false), "Isolated session")).isPositive();
    }

    @Test
    void aChildrensSessionMovedAwayFromTheirOtherSessionsStandsAlone() {
        GeneratedInstance instance = InstanceGenerator.generate(InstanceSize.M, 1);
        WeeklySchedule week = plantedWeek(instance);
        Session session = week.getSessions().stream()
                .filter(s -> s.getActivity().getAudiences().stream().anyMatch(group -> group.getDayShape().compactDays()))
                .findFirst().orElseThrow();

        moveAwayFromItsGroup(week, session);

        assertThat(matches(engine.describe(week, false), "Isolated session")).isPositive();
    }

    @Test
    void twoSessionsOfAnActivityWithMinDaysOnOneDayAreTooFewDays() {
        GeneratedInstance instance = InstanceGenerator.generate(InstanceSize.M, 1);
        WeeklySchedule week = plantedWeek(instance);
        Plan.Activity spread = instance.plan().activities().stream()
                .filter(activity -> activity.minDays() != null && activity.minDays().equals(activity.sessionsPerWeek()))
                .findFirst().orElseThrow();
        List<Session> sessions = week.getSessions().stream()
                .filter(session -> session.getActivity().getId().equals(spread.id())).toList();

        Session second = sessions.get(1);
        second.setStart(second.getStartRange().stream().filter(start -> start / Day.MINUTES_PER_DAY == sessions.get(0).getDay())
                .findFirst().orElseThrow());

        assertThat(matches(engine.describe(week, false), "Too few days")).isEqualTo(1);
    }

    @Test
    void aTrainingsSecondPartMovedBeforeItsFirstIsOutOfOrder() {
        GeneratedInstance instance = InstanceGenerator.generate(InstanceSize.M, 1);
        WeeklySchedule week = plantedWeek(instance);
        Plan.Activity second = instance.plan().activities().stream().filter(activity -> !activity.after().isEmpty())
                .findFirst().orElseThrow();
        Session first = week.getSessions().stream()
                .filter(session -> session.getActivity().getId().equals(second.after().get(0))).findFirst().orElseThrow();
        Session later = week.getSessions().stream()
                .filter(session -> session.getActivity().getId().equals(second.id())).findFirst().orElseThrow();

        later.setStart(later.getStartRange().stream().filter(start -> start < first.getEnd()).findFirst().orElseThrow());

        Schedule scored = engine.describe(week, false);
        assertThat(matches(scored, "Out of order")).isPositive();
        assertThat(scored.feasible()).isFalse();
    }

    /** Puts the session at one of its possible starts with no session of its groups within a break (30 minutes). */
    private static void moveAwayFromItsGroup(WeeklySchedule week, Session moved) {
        int duration = moved.getActivity().getDurationMinutes();
        for (int start : moved.getStartRange()) {
            boolean alone = week.getSessions().stream().filter(Session::isAssigned)
                    .filter(other -> other != moved && other.getDay() == start / Day.MINUTES_PER_DAY)
                    .filter(other -> other.getActivity().getAudiences().stream()
                            .anyMatch(moved.getActivity().getAudiences()::contains))
                    .noneMatch(other -> other.getStart() < start + duration + 30 && other.getEnd() + 30 > start);
            if (alone) {
                moved.setStart(start);
                return;
            }
        }
        throw new AssertionError("no start away from the group");
    }

    private static int matches(Schedule schedule, String constraint) {
        return schedule.constraints().stream().filter(result -> result.name().equals(constraint)).findFirst()
                .orElseThrow().matches();
    }

    /** The planted sessions in the plan's model, scored by the engine as a coordinator's hand-made schedule would be. */
    private static Schedule score(GeneratedInstance instance) {
        return engine.describe(plantedWeek(instance), false);
    }

    private static WeeklySchedule plantedWeek(GeneratedInstance instance) {
        PlanReading reading = PlanReader.read(instance.planJson());
        assertThat(reading.problems()).isEmpty();
        WeeklySchedule week = ModelBuilder.build(reading.plan());
        assertThat(week.getDiagnostics()).as("sessions that can never be placed").isEmpty();
        assertThat(Assignments.apply(week, instance.planted().sessions(), "sessions")).isEmpty();
        return week;
    }

    private static void assertSameAsClaimed(Schedule scored, Schedule planted) {
        assertThat(scored.score()).isEqualTo(planted.score());
        assertThat(scored.feasible()).isTrue();
        assertThat(scored.sessions()).isEqualTo(planted.sessions());
        assertThat(scored.constraints()).isEqualTo(planted.constraints());
        assertThat(scored.workers()).isEqualTo(planted.workers());
        assertThat(scored.organizations()).isEqualTo(planted.organizations());
        assertThat(scored.workers()).allSatisfy(worker -> assertThat(worker.overtimeMinutes()).isZero());
        assertThat(scored.diagnostics()).isEqualTo(List.of());
    }
}
