package org.communityscheduler.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityscheduler.plan.Day.MON;
import static org.communityscheduler.plan.Day.SAT;
import static org.communityscheduler.plan.Day.SUN;
import static org.communityscheduler.plan.Day.TUE;
import static org.communityscheduler.plan.Day.WED;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import ai.timefold.solver.core.api.solver.SolverFactory;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.solve.SolverConfigs;
import org.junit.jupiter.api.Test;

/**
 * A valid plan becomes a planning model: the hours every room's doors are open, the rooms and
 * starts each session could ever use, and a diagnostic for every session that can never be placed.
 */
class ModelBuilderTest {

    /** Huanghe: open Monday (with a lunch break) and Saturday; a hall and a small counselling room. */
    private static PlanBuilder huanghe() {
        return PlanBuilder.plan()
                .site("huanghe", site -> site.open(MON, "08:30-12:00", "14:00-17:30").open(SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40).features("projector"))
                .room("counselling-1", room -> room.capacity(4).features("private"));
    }

    private static int at(Day day, String time) {
        return WeekTime.of(day, TimeOfDay.parse(time));
    }

    private static Activity activity(WeeklySchedule week, String id) {
        return week.getActivities().stream().filter(activity -> activity.getId().equals(id)).findFirst().orElseThrow();
    }

    private static List<Session> sessions(WeeklySchedule week, String activityId) {
        return week.getSessions().stream().filter(session -> session.getActivity().getId().equals(activityId)).toList();
    }

    private static Room room(WeeklySchedule week, String id) {
        return week.getRooms().stream().filter(room -> room.getId().equals(id)).findFirst().orElseThrow();
    }

    /** The one warning for an activity that can never be placed, and its reason on the activity. */
    private static void assertUnplaceable(WeeklySchedule week, String activityId, int index, String reason) {
        assertThat(activity(week, activityId).getUnplaceableReason()).hasToString(reason);
        assertThat(week.getDiagnostics()).extracting(Diagnostic::toString).containsExactly("warning activities["
                + index + "]: \"" + activityId + "\" can never be placed: " + reason);
        assertThat(week.getDiagnostics()).extracting(Diagnostic::code).containsExactly("plan.neverPlaceable");
        assertThat(sessions(week, activityId)).isNotEmpty().allSatisfy(session -> {
            assertThat(session.isPlaceable()).isFalse();
            assertThat(session.isLocked()).isTrue();
            assertThat(session.isAssigned()).isFalse();
        });
    }

    // Sessions that can never be placed

    @Test
    void placesAnActivityThatComesAfterOthersOnceTheyArePlaced() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("centre", site -> site.open(MON, "09:00-17:00"))
                .room("hall", room -> room.capacity(40))
                .activity("part-three", a -> a.duration(60).after("part-two"))
                .activity("part-two", a -> a.duration(60).after("part-one"))
                .activity("part-one", a -> a.duration(60))
                .activity("choir", a -> a.duration(60).allowed(MON, "09:00-10:00"))
                .build());

        assertThat(week.getActivities()).extracting(Activity::getId, Activity::getOrderDepth).containsExactly(
                org.assertj.core.groups.Tuple.tuple("part-three", 2), org.assertj.core.groups.Tuple.tuple("part-two", 1),
                org.assertj.core.groups.Tuple.tuple("part-one", 0), org.assertj.core.groups.Tuple.tuple("choir", 0));
        // Hardest first: the choir (one possible start) and part one before the parts that come after them.
        assertThat(week.getSessions().stream().sorted(new SessionDifficulty().reversed()).map(Session::getId))
                .containsExactly("choir#1", "part-one#1", "part-two#1", "part-three#1");
    }

    @Test
    void aSessionLongerThanEveryOpeningInterval() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("day-trip", activity -> activity.duration(480))
                .build());

        assertUnplaceable(week, "day-trip", 0,
                "it lasts 480 minutes, longer than any opening interval of its rooms (the longest is 420 minutes)");
    }

    @Test
    void aSessionInRoomsThatAreNeverOpen() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("huanghe", site -> { })
                .room("hall", room -> room.capacity(40))
                .activity("choir", activity -> activity.duration(60))
                .build());

        assertUnplaceable(week, "choir", 0, "its rooms are never open");
    }

    @Test
    void moreParticipantsThanAnyRoomHolds() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("community-fair", activity -> activity.participants(120))
                .build());

        assertUnplaceable(week, "community-fair", 0, "it has 120 participants, but the largest room it may use holds 40");
    }

    @Test
    void roomsTooSmallStayInTheRangeWhenRoomCapacityIsSoft() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .room("meeting-room", room -> room.capacity(12))
                .activity("parents-evening", activity -> activity.participants(30))
                .weight("Room capacity", "0hard/0medium/1soft")
                .build());

        assertThat(week.getDiagnostics()).isEmpty();
        assertThat(sessions(week, "parents-evening").get(0).getRoomRange()).extracting(Room::getId)
                .as("the hall seats everyone; then the others, largest first")
                .containsExactly("hall", "meeting-room", "counselling-1");
    }

    @Test
    void roomsTooSmallAreLeftOutWhileRoomCapacityIsHard() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .room("meeting-room", room -> room.capacity(12))
                .activity("parents-evening", activity -> activity.participants(30))
                .weight("Room capacity", "2")
                .build());

        assertThat(sessions(week, "parents-evening").get(0).getRoomRange()).extracting(Room::getId)
                .containsExactly("hall");
    }

    @Test
    void aRequiredFeatureNoRoomHas() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("cooking-class", activity -> activity.features("kitchen", "projector"))
                .build());

        assertUnplaceable(week, "cooking-class", 0, "no room has the feature(s) kitchen");
    }

    @Test
    void requiredFeaturesNoSingleRoomHas() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("film-counselling", activity -> activity.features("projector", "private"))
                .build());

        assertThat(activity(week, "film-counselling").getUnplaceableReason())
                .hasToString("no room large enough has all of the features private, projector");
        assertThat(sessions(week, "film-counselling")).allSatisfy(session -> assertThat(session.isLocked()).isTrue());
    }

    @Test
    void aWorkerUnavailableAtEveryAllowedTime() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .worker("li", worker -> worker.unavailable(SAT, "08:00-13:00"))
                .worker("wang", worker -> worker.unavailable(SAT, "12:00-18:00"))
                .activity("teen-club", activity -> activity.duration(90).workers("wang", "li")
                        .allowed(SAT, "09:00-16:00"))
                .build());

        assertUnplaceable(week, "teen-club", 0, "its workers wang, li are never all available at an allowed time");
    }

    @Test
    void oneWorkerUnavailableAtEveryAllowedTime() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .worker("li", worker -> worker.unavailable(SAT, "00:00-24:00"))
                .worker("wang", worker -> { })
                .activity("teen-club", activity -> activity.duration(90).workers("wang", "li")
                        .allowed(SAT, "09:00-16:00"))
                .build());

        assertUnplaceable(week, "teen-club", 0, "worker(s) li are unavailable at every time it could take place");
    }

    @Test
    void allowedTimesOutsideTheOpeningHours() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("sunday-choir", activity -> activity.allowed(SUN, "09:00-12:00").allowed(MON, "11:30-12:30"))
                .build());

        assertUnplaceable(week, "sunday-choir", 0,
                "none of its allowed times fits 60 minutes inside the opening hours of its rooms");
    }

    @Test
    void aWorkerWhoCannotWorkAtAnySiteWithARoom() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("huanghe", site -> site.open(MON, "08:30-17:30"))
                .site("riverside", site -> site.open(MON, "08:30-17:30"))
                .room("hall", room -> room.site("huanghe").capacity(40))
                .worker("li", worker -> worker.sites("riverside"))
                .activity("teen-club", activity -> activity.workers("li"))
                .build());

        assertUnplaceable(week, "teen-club", 0, "its workers li cannot all work at a site with a suitable room");
    }

    @Test
    void allowedSitesWithoutARoom() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("huanghe", site -> site.open(MON, "08:30-17:30"))
                .site("riverside", site -> site.open(MON, "08:30-17:30"))
                .room("hall", room -> room.site("huanghe").capacity(40))
                .activity("teen-club", activity -> activity.sites("riverside"))
                .build());

        assertUnplaceable(week, "teen-club", 0, "none of its allowed sites has a room");
    }

    @Test
    void unplaceableSessionsStillSolveLockedAndUnplaced() {
        PlanReading reading = PlanReader.read(huanghe()
                .activity("teen-club", activity -> activity.duration(90).sessions(2).priority(3))
                .activity("community-fair", activity -> activity.participants(120).sessions(2).priority(5))
                .json());
        assertThat(reading.problems()).as("a plan that cannot be fully placed is still valid").isEmpty();

        WeeklySchedule week = ModelBuilder.build(reading.orThrow());

        assertThat(week.getDiagnostics()).extracting(Diagnostic::path).containsExactly("activities[1]");
        assertThat(activity(week, "teen-club").getUnplaceableReason()).isNull();
        assertThat(sessions(week, "teen-club")).allSatisfy(session -> {
            assertThat(session.isPlaceable()).isTrue();
            assertThat(session.isLocked()).isFalse();
        });

        WeeklySchedule solved = SolverFactory.<WeeklySchedule> create(SolverConfigs.shipped()
                        .withTerminationConfig(SolverConfigs.termination(Duration.ofSeconds(2))))
                .buildSolver()
                .solve(week);

        assertThat(sessions(solved, "teen-club")).allSatisfy(session -> assertThat(session.isAssigned()).isTrue());
        assertThat(sessions(solved, "community-fair")).hasSize(2).allSatisfy(session -> {
            assertThat(session.isAssigned()).isFalse();
            assertThat(session.isLocked()).isTrue();
        });
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().mediumScore()).as("two unplaced sessions of priority 5").isEqualTo(-10);
    }

    // Opening hours

    @Test
    void aClosedDateRemovesItsDay() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("huanghe", site -> site.openDaily("09:00-17:00").onRequest(TUE, "17:00-20:00")
                        .quiet(TUE, "09:00-17:00").closed("2026-12-01").closed("2026-12-25"))
                .room("hall", room -> room.capacity(40))
                .activity("choir", activity -> activity.duration(60))
                .build());

        Room hall = room(week, "hall");
        assertThat(hall.getDoorsOpen().minutesInside(at(TUE, "00:00"), at(WED, "00:00"))).isZero();
        assertThat(hall.getDoorsOpen().minutesInside(at(MON, "00:00"), at(TUE, "00:00"))).isEqualTo(480);
        assertThat(hall.getDoorsOpen().minutesInside(at(WED, "00:00"), at(Day.THU, "00:00"))).isEqualTo(480);
        assertThat(hall.getSite().getQuietHours().isEmpty()).isTrue();
        assertThat(sessions(week, "choir").get(0).getStartRange())
                .isNotEmpty()
                .noneMatch(start -> WeekTime.day(start) == TUE)
                .contains(at(MON, "09:00"), at(WED, "16:00"));
        assertThat(week.getDiagnostics()).extracting(Diagnostic::toString).containsExactly(
                "info sites[0].closedDates[1]: 2026-12-25 is not in the week starting 2026-11-30; ignored");
    }

    @Test
    void aMakeUpWorkdayOpensWithItsWeekdaysHours() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .startDate("2026-11-30")
                .makeUpWorkday("2026-12-05", MON)
                .makeUpWorkday("2026-12-12", MON)
                .site("huanghe", site -> site.open(MON, "08:30-12:00").onRequest(MON, "17:30-20:00")
                        .quiet(MON, "08:30-12:00").open(SAT, "14:00-17:00"))
                .room("hall", room -> room.capacity(40))
                .worker("li", worker -> worker.working(MON, "08:30-12:00"))
                .activity("choir", activity -> activity.duration(60).workers("li").allowed(MON, "08:30-12:00"))
                .build());

        Room hall = room(week, "hall");
        assertThat(hall.getDoorsOpen().minutesInside(at(SAT, "00:00"), at(SUN, "00:00"))).isEqualTo(210 + 150);
        assertThat(hall.getOnRequest().minutesInside(at(SAT, "17:30"), at(SAT, "20:00"))).isEqualTo(150);
        assertThat(hall.getSite().getQuietHours().minutesInside(at(SAT, "08:30"), at(SAT, "12:00"))).isEqualTo(210);
        assertThat(sessions(week, "choir").get(0).getStartRange())
                .contains(at(MON, "08:30"), at(SAT, "08:30"), at(SAT, "11:00"))
                .doesNotContain(at(SAT, "14:00"));
        assertThat(week.getDiagnostics()).extracting(Diagnostic::toString).containsExactly(
                "info week.makeUpWorkdays.2026-12-12: 2026-12-12 is not in the week starting 2026-11-30; ignored");
    }

    @Test
    void aPinWhereTheSolverWouldNeverGoStaysThereAndSaysWhy() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("huanghe", site -> site.open(MON, "08:30-12:00", "14:00-17:30").open(SAT, "09:00-16:00")
                        .closed("2026-11-30"))
                .room("hall", room -> room.capacity(40).features("projector"))
                .room("counselling-1", room -> room.capacity(4).features("private"))
                .activity("choir", activity -> activity.duration(60).sessions(3).participants(20)
                        .allowed(MON, "08:30-12:00").allowed(SAT, "09:00-12:00"))
                .pin("choir", 1, "hall", MON, "09:00")
                .pin("choir", 2, "counselling-1", SAT, "09:00")
                .pin("choir", 3, "hall", SAT, "14:00")
                .build());

        assertThat(sessions(week, "choir")).extracting(Session::isPinned).containsOnly(true);
        assertThat(sessions(week, "choir").get(0).getStart()).isEqualTo(at(MON, "09:00"));
        assertThat(week.getDiagnostics()).extracting(Diagnostic::toString).containsExactly(
                "warning pinned[0]: session 1 of \"choir\" is pinned on MON at 09:00 in room \"hall\", where the solver"
                        + " would never put it: its site is closed on 2026-11-30. It stays there; the rules it breaks are"
                        + " in the score",
                "warning pinned[1]: session 2 of \"choir\" is pinned on SAT at 09:00 in room \"counselling-1\", where"
                        + " the solver would never put it: the room seats 4, the activity has 20 participants. It stays"
                        + " there; the rules it breaks are in the score",
                "warning pinned[2]: session 3 of \"choir\" is pinned on SAT at 14:00 in room \"hall\", where the solver"
                        + " would never put it: it is outside the activity's allowed times. It stays there; the rules it"
                        + " breaks are in the score");
    }

    @Test
    void aPinWhereTheSolverCouldGoSaysNothing() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("choir", activity -> activity.duration(60).participants(20))
                .pin("choir", 1, "hall", SAT, "10:00")
                .build());

        assertThat(week.getDiagnostics()).isEmpty();
    }

    @Test
    void onRequestHoursAreUsableButKeptApart() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("huanghe", site -> site.open(MON, "08:30-17:30").onRequest(MON, "12:00-20:00"))
                .room("hall", room -> room.capacity(40))
                .activity("evening-class", activity -> activity.duration(60).allowed(MON, "18:00-20:00"))
                .build());

        Room hall = room(week, "hall");
        assertThat(hall.getDoorsOpen().covers(at(MON, "08:30"), at(MON, "20:00"))).isTrue();
        assertThat(hall.getOnRequest().minutesInside(at(MON, "00:00"), at(TUE, "00:00")))
                .as("only 17:30-20:00: on-request hours inside opening hours cost nothing").isEqualTo(150);
        assertThat(hall.getOnRequest().covers(at(MON, "17:30"), at(MON, "20:00"))).isTrue();
        assertThat(sessions(week, "evening-class").get(0).getStartRange()).containsExactlyInAnyOrder(
                at(MON, "18:00"), at(MON, "18:15"), at(MON, "18:30"), at(MON, "18:45"), at(MON, "19:00"));
        assertThat(week.getDiagnostics()).isEmpty();
    }

    @Test
    void startsInOpeningHoursComeBeforeStartsThatNeedTheDoorsKeptOpen() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .site("huanghe", site -> site.open(MON, "16:00-17:00").onRequest(MON, "17:00-18:00"))
                .room("hall", room -> room.capacity(40))
                .activity("choir", activity -> activity.duration(60))
                .build());

        assertThat(sessions(week, "choir").get(0).getStartRange()).first().isEqualTo(at(MON, "16:00"));
    }

    @Test
    void aRoomsOpeningHoursNarrowItsSite() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .room("kitchen", room -> room.capacity(12).features("kitchen").hours(MON, "09:00-11:00", "16:00-22:00"))
                .activity("cooking-class", activity -> activity.features("kitchen"))
                .build());

        Room kitchen = room(week, "kitchen");
        assertThat(kitchen.getDoorsOpen().minutesInside(0, Day.MINUTES_PER_WEEK))
                .as("MON 09:00-11:00 and 16:00-17:30; nothing on Saturday").isEqualTo(120 + 90);
        assertThat(room(week, "hall").getDoorsOpen().minutesInside(0, Day.MINUTES_PER_WEEK)).isEqualTo(420 + 420);
        assertThat(sessions(week, "cooking-class").get(0).getRoomRange()).containsExactly(kitchen);
        assertThat(sessions(week, "cooking-class").get(0).getStartRange()).containsExactlyInAnyOrder(
                at(MON, "09:00"), at(MON, "09:15"), at(MON, "09:30"), at(MON, "09:45"), at(MON, "10:00"),
                at(MON, "16:00"), at(MON, "16:15"), at(MON, "16:30"));
    }

    // Value ranges

    @Test
    void roomRangesHoldTheRoomsThatFitSmallestFirst() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .room("meeting-room", room -> room.capacity(12))
                .activity("talk", activity -> activity.participants(4))
                .activity("training", activity -> activity.participants(10))
                .build());

        assertThat(sessions(week, "talk").get(0).getRoomRange()).extracting(Room::getId)
                .containsExactly("counselling-1", "meeting-room", "hall");
        assertThat(sessions(week, "training").get(0).getRoomRange()).extracting(Room::getId)
                .containsExactly("meeting-room", "hall");
    }

    @Test
    void startsAreOnTheSlotGridAndFitInOneDay() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .slotMinutes(30)
                .site("huanghe", site -> site.openDaily("00:00-24:00"))
                .room("hall", room -> room.capacity(40))
                .activity("workshop", activity -> activity.duration(90))
                .build());

        List<Integer> starts = sessions(week, "workshop").get(0).getStartRange();

        assertThat(starts).allSatisfy(start -> {
            assertThat(start % 30).isZero();
            assertThat(start % Day.MINUTES_PER_DAY + 90).isLessThanOrEqualTo(Day.MINUTES_PER_DAY);
        });
        assertThat(starts).doesNotHaveDuplicates()
                .contains(at(MON, "00:00"), at(MON, "22:30"), at(SUN, "22:30"))
                .doesNotContain(at(MON, "23:00"), at(SAT, "23:30"))
                .hasSize(7 * ((Day.MINUTES_PER_DAY - 90) / 30 + 1));
    }

    @Test
    void startsOffTheGridAreSkipped() {
        WeeklySchedule week = ModelBuilder.build(PlanBuilder.plan()
                .slotMinutes(30)
                .site("huanghe", site -> site.open(MON, "08:10-10:00"))
                .room("hall", room -> room.capacity(40))
                .activity("talk", activity -> activity.duration(60))
                .build());

        assertThat(sessions(week, "talk").get(0).getStartRange())
                .containsExactlyInAnyOrder(at(MON, "08:30"), at(MON, "09:00"));
    }

    @Test
    void startsAvoidAllowedTimesAndUnavailableWorkers() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .worker("li", worker -> worker.unavailable(SAT, "09:00-15:00"))
                .activity("teen-club", activity -> activity.duration(60).workers("li").allowed(SAT, "09:00-16:00"))
                .build());

        assertThat(sessions(week, "teen-club").get(0).getStartRange()).containsExactly(at(SAT, "15:00"));
    }

    @Test
    void everySessionOfAnActivityIsCreatedAndPinsAreApplied() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("teen-club", activity -> activity.duration(90).sessions(3))
                .pin("teen-club", 2, "hall", SAT, "09:00")
                .previous("teen-club", 3, "counselling-1", MON, "14:00")
                .build());

        List<Session> sessions = sessions(week, "teen-club");
        assertThat(sessions).extracting(Session::getId).containsExactly("teen-club#1", "teen-club#2", "teen-club#3");
        assertThat(sessions.get(1).isPinned()).isTrue();
        assertThat(sessions.get(1).isLocked()).isTrue();
        assertThat(sessions.get(1).getRoom()).isEqualTo(room(week, "hall"));
        assertThat(sessions.get(1).getStart()).isEqualTo(at(SAT, "09:00"));
        assertThat(sessions.get(0).isLocked()).isFalse();
        assertThat(sessions.get(2).getPreviousRoom()).isEqualTo(room(week, "counselling-1"));
        assertThat(sessions.get(2).getPreviousStart()).isEqualTo(at(MON, "14:00"));
        assertThat(IntStream.of(0, 2).mapToObj(sessions::get)).allSatisfy(session -> {
            assertThat(session.isAssigned()).isFalse();
            assertThat(session.isPinned()).isFalse();
        });
    }

    @Test
    void aSolveStartsAtThePreviousPlacementsItsRangesStillHold() {
        WeeklySchedule week = ModelBuilder.build(huanghe()
                .activity("teen-club", activity -> activity.duration(60).sessions(3).allowed(SAT, "09:00-16:00"))
                .pin("teen-club", 1, "hall", SAT, "09:00")
                .previous("teen-club", 1, "hall", SAT, "11:00")
                .previous("teen-club", 2, "hall", SAT, "14:00")
                .previous("teen-club", 3, "hall", MON, "09:00") // no longer allowed on Mondays
                .build());
        List<Session> sessions = sessions(week, "teen-club");

        sessions.forEach(Session::startAtPrevious);

        assertThat(sessions.get(0).getStart()).as("a pin stays").isEqualTo(at(SAT, "09:00"));
        assertThat(sessions.get(1).getRoom()).isEqualTo(room(week, "hall"));
        assertThat(sessions.get(1).getStart()).isEqualTo(at(SAT, "14:00"));
        assertThat(sessions.get(1).isLocked()).as("free to move").isFalse();
        assertThat(sessions.get(2).isAssigned()).isFalse();
    }
}
