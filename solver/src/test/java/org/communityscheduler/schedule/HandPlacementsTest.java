package org.communityscheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.communityscheduler.constraints.SchedulingConstraints;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

/**
 * A coordinator may put a session anywhere a room and a day hold it — also where the solver never would (another
 * site's room, a start off the slot grid, a time the doors are locked, a room too small): the schedule is read as
 * it is and scored honestly, the hard rule it breaks firing by its real amount. Pins and left-out sessions are the
 * document's word.
 */
class HandPlacementsTest {

    private static final SolutionManager<WeeklySchedule, HardMediumSoftLongScore> ANALYSIS = SolutionManager.create(
            SolverFactory.create(new SolverConfig().withSolutionClass(WeeklySchedule.class)
                    .withEntityClasses(Session.class).withConstraintProviderClass(SchedulingConstraints.class)));

    /** Two sites; choir may only go north (and Li works only there), meets 30 strong, 60 minutes. */
    private static WeeklySchedule week() {
        return ModelBuilder.build(PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("north", site -> site.open(Day.MON, "09:00-17:00").open(Day.WED, "09:00-17:00"))
                .site("south", site -> site.open(Day.TUE, "09:00-17:00"))
                .room("hall", room -> room.site("north").capacity(30))
                .room("office", room -> room.site("north").capacity(6))
                .room("classroom", room -> room.site("south").capacity(30))
                .worker("li", worker -> worker.sites("north"))
                .activity("choir", activity -> activity.duration(60).sessions(2).participants(30).workers("li")
                        .sites("north"))
                .activity("meeting", activity -> activity.duration(60).participants(4))
                .pin("meeting", 1, "office", Day.MON, "09:00")
                .build());
    }

    private static List<Problem> read(WeeklySchedule week, String schedule) throws Exception {
        return ScheduleReader.apply(week, Json.MAPPER.readTree(schedule), "schedule");
    }

    /** The analysis of the week as it stands: every constraint that scores, with its score. */
    private static Map<String, HardMediumSoftLongScore> scores(WeeklySchedule week) {
        Map<String, HardMediumSoftLongScore> scores = new TreeMap<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : ANALYSIS.analyze(week).constraintAnalyses()) {
            if (!constraint.score().isZero()) {
                scores.put(constraint.constraintName(), constraint.score());
            }
        }
        return scores;
    }

    private static HardMediumSoftLongScore hard(long hard) {
        return HardMediumSoftLongScore.ofHard(hard);
    }

    private static Session session(WeeklySchedule week, String id) {
        return week.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRoomOfAnotherSiteIsScoredAsTheWrongSite() throws Exception {
        WeeklySchedule week = week();
        assertThat(session(week, "choir#1").getRoomRange()).extracting(room -> room.getId()).containsOnly("hall");

        assertThat(read(week, """
                {"sessions": [{"activity": "choir", "session": 1, "room": "classroom", "day": "TUE", "start": "10:00"}]}
                """)).isEmpty();

        assertThat(session(week, "choir#1").getRoom().getId()).isEqualTo("classroom");
        // The activity may not go south, nor may Li: 2 per session; choir #2 is not placed.
        assertThat(scores(week)).containsExactly(Map.entry("Unassigned session", HardMediumSoftLongScore.ofMedium(-1)),
                Map.entry("Wrong site", hard(-2)));
    }

    @Test
    void aStartOffTheSlotGridIsScoredByItsRealMinutes() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [{"activity": "choir", "session": 1, "room": "hall", "day": "MON", "start": "16:37"}]}
                """)).isEmpty();

        assertThat(session(week, "choir#1").getStartRange()).contains(WeekTime.of(Day.MON, TimeOfDay.parse("16:37")));
        // 16:37-17:37 in a room locked at 17:00.
        assertThat(scores(week)).containsEntry("Locked doors", hard(-37));
    }

    @Test
    void aTimeTheDoorsAreLockedIsScoredAsLockedDoors() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [{"activity": "choir", "session": 2, "room": "hall", "day": "SUN", "start": "20:00"}]}
                """)).isEmpty();

        assertThat(scores(week)).containsEntry("Locked doors", hard(-60));
    }

    @Test
    void aRoomTooSmallIsScoredByTheParticipantsOverItsSeats() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [{"activity": "choir", "session": 1, "room": "office", "day": "WED", "start": "10:00"}]}
                """)).isEmpty();

        assertThat(scores(week)).containsEntry("Room capacity", hard(-24));
    }

    @Test
    void theWholeWeekOfOddPlacementsHasTheHonestTotal() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [
                  {"activity": "choir", "session": 1, "room": "classroom", "day": "TUE", "start": "10:00"},
                  {"activity": "choir", "session": 2, "room": "office", "day": "MON", "start": "09:30"}]}
                """)).isEmpty();

        // Wrong site 2; Room capacity 24; choir #2 and the pinned meeting share the office for 30 minutes;
        // two rooms for one activity cost Room stability's 30 soft.
        assertThat(scores(week)).containsExactly(Map.entry("Room capacity", hard(-24)),
                Map.entry("Room clash", hard(-30)), Map.entry("Room stability", HardMediumSoftLongScore.ofSoft(-30)), Map.entry("Wrong site", hard(-2)));
        assertThat(ANALYSIS.analyze(week).score()).isEqualTo(HardMediumSoftLongScore.of(-56, 0, -30));
    }

    @Test
    void aSessionMarkedPinnedIsPinnedWhereItIsListed() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [
                  {"activity": "choir", "session": 1, "room": "hall", "day": "WED", "start": "10:00", "pinned": true}]}
                """)).isEmpty();

        Session choir = session(week, "choir#1");
        assertThat(choir.isPinned()).isTrue();
        assertThat(choir.isLocked()).isTrue();
        assertThat(choir.getStart()).isEqualTo(WeekTime.of(Day.WED, TimeOfDay.parse("10:00")));
    }

    @Test
    void aPlanPinListedUnpinnedIsMovedAndNoLongerPinned() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [
                  {"activity": "meeting", "session": 1, "room": "hall", "day": "WED", "start": "14:00",
                   "pinned": false}]}
                """)).isEmpty();

        Session meeting = session(week, "meeting#1");
        assertThat(meeting.isPinned()).isFalse();
        assertThat(meeting.isLocked()).isFalse();
        assertThat(meeting.getRoom().getId()).isEqualTo("hall");
    }

    @Test
    void aSessionListedAsUnassignedIsLeftOutEvenWhenThePlanPinsIt() throws Exception {
        WeeklySchedule week = week();

        assertThat(read(week, """
                {"sessions": [], "unassigned": [{"activity": "meeting", "session": 1, "reasons": ["taken out"]}]}
                """)).isEmpty();

        Session meeting = session(week, "meeting#1");
        assertThat(meeting.isAssigned()).isFalse();
        assertThat(meeting.isPinned()).isFalse();
        assertThat(scores(week)).containsExactly(Map.entry("Unassigned session", HardMediumSoftLongScore.ofMedium(-3)));
    }

    @Test
    void aSessionIsEitherPlacedOrLeftOutAndMustExist() throws Exception {
        List<Problem> problems = read(week(), """
                {"sessions": [{"activity": "choir", "session": 1, "room": "hall", "day": "MON", "start": "10:00",
                               "pinned": "yes"}],
                 "unassigned": [{"activity": "choir", "session": 2}, {"activity": "choir", "session": 2},
                                {"activity": "choir", "session": 9}, {"session": 1}]}
                """);

        assertThat(problems).extracting(Problem::path).containsExactly("schedule.sessions[0].pinned",
                "schedule.unassigned[3].activity");
        List<Problem> placing = read(week(), """
                {"sessions": [{"activity": "choir", "session": 2, "room": "hall", "day": "MON", "start": "10:00"}],
                 "unassigned": [{"activity": "choir", "session": 2}, {"activity": "choir", "session": 9}]}
                """);
        assertThat(placing).extracting(Problem::toString).containsExactly(
                "schedule.unassigned[0]: session 2 of \"choir\" is listed both as placed and as unassigned",
                "schedule.unassigned[1]: unknown session 9 of activity \"choir\"");
    }
}
