package org.communityscheduler.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Noise;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One nested class per constraint of {@link SchedulingConstraints}, named after it: it fires by the
 * exact amount, it stays silent in the nearby legal case, and it names the right sessions.
 * Amounts are match weights (minutes, counts); {@link WholeWeek} checks the default weights.
 * "Silent" means no match at all ({@code justifiesWithExactly()} with nothing): a match weighing 0
 * would still show up in a coordinator's analysis.
 */
class SchedulingConstraintsTest {

    private static final ConstraintVerifier<SchedulingConstraints, WeeklySchedule> verifier =
            ConstraintVerifier.build(new SchedulingConstraints(), WeeklySchedule.class, Session.class);

    /** Every constraint has its justification record; every record must have a nested test class here. */
    @Test
    void everyConstraintHasANestedTest() {
        Set<String> tested = Arrays.stream(SchedulingConstraintsTest.class.getDeclaredClasses())
                .filter(type -> type.isAnnotationPresent(Nested.class))
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
        Set<String> constraints = Arrays.stream(Justifications.class.getDeclaredClasses())
                .filter(Class::isRecord)
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());

        assertThat(constraints).hasSize(Rule.values().length);
        assertThat(tested).containsAll(constraints);
    }

    @Nested
    class RoomClash {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(20))
                .activity("choir", activity -> activity.duration(90))
                .activity("chess", activity -> activity.duration(60)));

        @Test
        void penalizesTheOverlapMinutesInOneRoom() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "hall", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::roomClash)
                    .given(choir, chess)
                    .justifiesWithExactly(new Justifications.RoomClash(chess, choir, week.room("hall"), 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesASessionInsideAnotherByItsWholeLength() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "hall", Day.SAT, "09:15");

            verifier.verifyThat(SchedulingConstraints::roomClash)
                    .given(choir, chess)
                    .penalizesBy(60);
        }

        @Test
        void allowsBackToBackSessionsInOneRoom() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "hall", Day.SAT, "10:30");

            verifier.verifyThat(SchedulingConstraints::roomClash)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsTheSameTimeInAnotherRoom() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "studio", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::roomClash)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void ignoresASessionWithARoomButNoStart() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.session("chess#1");
            chess.setRoom(week.room("hall"));

            verifier.verifyThat(SchedulingConstraints::roomClash)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class WorkerClash {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(20))
                .worker("li", worker -> { })
                .worker("wang", worker -> { })
                .worker("zhao", worker -> { })
                .activity("choir", activity -> activity.duration(90).workers("li", "wang"))
                .activity("tutoring", activity -> activity.duration(60).workers("li", "wang"))
                .activity("reading", activity -> activity.duration(60).workers("wang", "zhao"))
                .activity("chess", activity -> activity.duration(60).workers("zhao")));

        @Test
        void penalizesTheOverlapMinutesOncePerSharedWorker() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session tutoring = week.place("tutoring#1", "studio", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::workerClash)
                    .given(choir, tutoring)
                    .justifiesWithExactly(
                            new Justifications.WorkerClash(choir, tutoring, week.worker("li"), 30),
                            new Justifications.WorkerClash(choir, tutoring, week.worker("wang"), 30))
                    .penalizesBy(30 * 2);
        }

        @Test
        void penalizesOneSharedWorkerOnce() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session reading = week.place("reading#1", "studio", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::workerClash)
                    .given(choir, reading)
                    .justifiesWithExactly(new Justifications.WorkerClash(choir, reading, week.worker("wang"), 30))
                    .penalizesBy(30);
        }

        @Test
        void allowsOverlappingSessionsWithoutSharedWorkers() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "studio", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::workerClash)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsSharedWorkersOneAfterTheOther() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session tutoring = week.place("tutoring#1", "studio", Day.SAT, "10:30");

            verifier.verifyThat(SchedulingConstraints::workerClash)
                    .given(choir, tutoring)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class AudienceClash {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(20))
                .activity("teen-club", activity -> activity.duration(90).audience("teens"))
                .activity("homework", activity -> activity.duration(60).audience("teens"))
                .activity("elder-choir", activity -> activity.duration(60).audience("elders"))
                .activity("open-day", activity -> activity.duration(90))
                .activity("fair", activity -> activity.duration(60)));

        @Test
        void penalizesTheOverlapMinutesOfOneAudience() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session homework = week.place("homework#1", "studio", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::audienceClash)
                    .given(teenClub, homework)
                    .justifiesWithExactly(new Justifications.AudienceClash(homework, teenClub, week.audience("teens"), 30))
                    .penalizesBy(30);
        }

        @Test
        void holdsForEveryAudienceOfASessionForSeveral() {
            Week families = new Week(PlanBuilder.plan()
                    .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                    .room("hall", room -> room.capacity(40))
                    .room("studio", room -> room.capacity(20))
                    .audience("parents", audience -> audience.name("家长"))
                    .activity("family-day", activity -> activity.duration(60).audience("children").audiences("parents"))
                    .activity("parent-talk", activity -> activity.duration(60).audiences("parents"))
                    .activity("crafts", activity -> activity.duration(60).audience("children")));
            Session familyDay = families.place("family-day#1", "hall", Day.SAT, "09:00");
            Session parentTalk = families.place("parent-talk#1", "studio", Day.SAT, "09:30");
            Session crafts = families.place("crafts#1", "studio", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::audienceClash)
                    .given(familyDay, parentTalk, crafts)
                    .justifiesWithExactly(
                            new Justifications.AudienceClash(familyDay, parentTalk, families.audience("parents"), 30),
                            new Justifications.AudienceClash(crafts, familyDay, families.audience("children"), 60))
                    .penalizesBy(90);
        }

        @Test
        void allowsTwoAudiencesAtOnce() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session elderChoir = week.place("elder-choir#1", "studio", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::audienceClash)
                    .given(teenClub, elderChoir)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsActivitiesWithoutAnAudienceAtOnce() {
            Session openDay = week.place("open-day#1", "hall", Day.SAT, "09:00");
            Session fair = week.place("fair#1", "studio", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::audienceClash)
                    .given(openDay, fair)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsOneAudienceOneSessionAfterTheOther() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session homework = week.place("homework#1", "studio", Day.SAT, "10:30");

            verifier.verifyThat(SchedulingConstraints::audienceClash)
                    .given(teenClub, homework)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class LockedDoors {
        private final Week week = new Week(PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("huanghe", site -> site.open(Day.SAT, "09:00-12:00").onRequest(Day.SAT, "12:00-13:00")
                        .open(Day.SUN, "09:00-12:00").closed("2026-12-06"))
                .room("hall", room -> room.capacity(40))
                .room("annex", room -> room.capacity(20).hours(Day.SAT, "10:00-11:00"))
                .activity("choir", activity -> activity.duration(120))
                .activity("chess", activity -> activity.duration(60)));

        @Test
        void penalizesTheMinutesAfterTheOnRequestHours() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "11:30");

            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(choir)
                    .justifiesWithExactly(new Justifications.LockedDoors(choir, 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesTheMinutesOutsideTheRoomsOwnHours() {
            Session chess = week.place("chess#1", "annex", Day.SAT, "09:30");

            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(chess)
                    .justifiesWithExactly(new Justifications.LockedDoors(chess, 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesEveryMinuteOnAClosedDate() {
            Session chess = week.place("chess#1", "hall", Day.SUN, "09:00");

            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(chess)
                    .penalizesBy(60);
        }

        @Test
        void allowsASessionInsideOpeningHours() {
            Session chess = week.place("chess#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsASessionEndingWhenTheRoomCloses() {
            Session chess = week.place("chess#1", "annex", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsASessionRunningFromOpeningIntoOnRequestHours() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(choir)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class RoomCapacity {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("counselling", room -> room.capacity(10))
                .activity("teen-club", activity -> activity.participants(14))
                .activity("parents", activity -> activity.participants(10)));

        @Test
        void penalizesTheParticipantsOverCapacity() {
            Session teenClub = week.place("teen-club#1", "counselling", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::roomCapacity)
                    .given(teenClub)
                    .justifiesWithExactly(new Justifications.RoomCapacity(teenClub, 4))
                    .penalizesBy(4);
        }

        @Test
        void allowsAFullRoom() {
            Session parents = week.place("parents#1", "counselling", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::roomCapacity)
                    .given(parents)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class MissingFeature {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40).features("projector"))
                .activity("cooking", activity -> activity.features("projector", "kitchen", "ground-floor"))
                .activity("film", activity -> activity.features("projector")));

        @Test
        void penalizesEachMissingFeature() {
            Session cooking = week.place("cooking#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::missingFeature)
                    .given(cooking)
                    .justifiesWithExactly(new Justifications.MissingFeature(cooking, Set.of("kitchen", "ground-floor")))
                    .penalizesBy(2);
        }

        @Test
        void allowsARoomWithEveryRequiredFeature() {
            Session film = week.place("film#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::missingFeature)
                    .given(film)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class WorkerUnavailable {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .worker("li", worker -> worker.unavailable(Day.SAT, "10:00-11:00"))
                .worker("wang", worker -> worker.unavailable(Day.SAT, "10:00-10:15"))
                .worker("zhao", worker -> { })
                .activity("choir", activity -> activity.workers("li", "zhao"))
                .activity("chess", activity -> activity.workers("li", "wang")));

        @Test
        void penalizesTheUnavailableMinutes() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:30");

            verifier.verifyThat(SchedulingConstraints::workerUnavailable)
                    .given(choir)
                    .justifiesWithExactly(new Justifications.WorkerUnavailable(choir, week.worker("li"), 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesEachUnavailableWorker() {
            Session chess = week.place("chess#1", "hall", Day.SAT, "09:30");

            verifier.verifyThat(SchedulingConstraints::workerUnavailable)
                    .given(chess)
                    .justifiesWithExactly(new Justifications.WorkerUnavailable(chess, week.worker("li"), 30),
                            new Justifications.WorkerUnavailable(chess, week.worker("wang"), 15))
                    .penalizesBy(30 + 15);
        }

        @Test
        void allowsASessionRightAfterTheUnavailableTime() {
            Session chess = week.place("chess#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::workerUnavailable)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class OutsideAllowedTimes {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00").open(Day.SUN, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .activity("teen-club", activity -> activity.allowed(Day.SAT, "09:00-12:00"))
                .activity("chess", activity -> { }));

        @Test
        void penalizesTheMinutesOutsideTheAllowedTimes() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "11:30");

            verifier.verifyThat(SchedulingConstraints::outsideAllowedTimes)
                    .given(teenClub)
                    .justifiesWithExactly(new Justifications.OutsideAllowedTimes(teenClub, 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesEveryMinuteOnADayWithoutAllowedTimes() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SUN, "09:00");

            verifier.verifyThat(SchedulingConstraints::outsideAllowedTimes)
                    .given(teenClub)
                    .penalizesBy(60);
        }

        @Test
        void allowsTheLastSlotOfTheAllowedTimes() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::outsideAllowedTimes)
                    .given(teenClub)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsAnyTimeWhenNoneIsStated() {
            Session chess = week.place("chess#1", "hall", Day.SUN, "15:00");

            verifier.verifyThat(SchedulingConstraints::outsideAllowedTimes)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class WrongSite {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .site("binbei", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.site("huanghe").capacity(40))
                .room("library", room -> room.site("binbei").capacity(40))
                .worker("li", worker -> worker.sites("huanghe"))
                .worker("wang", worker -> { })
                .worker("zhao", worker -> worker.sites("huanghe"))
                .activity("choir", activity -> activity.sites("huanghe").workers("li", "wang", "zhao"))
                .activity("chess", activity -> activity.workers("wang")));

        @Test
        void penalizesTheActivityAndEachWorkerWhoCannotGoThere() {
            Session choir = week.place("choir#1", "library", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::wrongSite)
                    .given(choir)
                    .justifiesWithExactly(new Justifications.WrongSite(choir, 3))
                    .penalizesBy(1 + 2);
        }

        @Test
        void allowsAnAllowedSiteOfEveryWorker() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::wrongSite)
                    .given(choir)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsAnySiteWithoutRestrictions() {
            Session chess = week.place("chess#1", "library", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::wrongSite)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class UnassignedSession {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .activity("choir", activity -> activity.sessions(4).priority(3)));

        @Test
        void penalizesThePriorityOfEverySessionNotFullyPlaced() {
            Session placed = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session roomOnly = week.session("choir#2");
            roomOnly.setRoom(week.room("hall"));
            Session startOnly = week.session("choir#3");
            startOnly.setStart(WeekTime.boxed(Day.SAT.weekMinute() + 11 * 60));
            Session nothing = week.session("choir#4");

            verifier.verifyThat(SchedulingConstraints::unassignedSession)
                    .given(placed, roomOnly, startOnly, nothing)
                    .justifiesWithExactly(new Justifications.UnassignedSession(roomOnly),
                            new Justifications.UnassignedSession(startOnly),
                            new Justifications.UnassignedSession(nothing))
                    .penalizesBy(3 * 3);
        }

        @Test
        void allowsEverySessionPlaced() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::unassignedSession)
                    .given(first, second)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class NoiseBesideQuiet {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40).adjacent("counselling"))
                .room("counselling", room -> room.capacity(6))
                .room("office", room -> room.capacity(6))
                .room("east-half", room -> room.capacity(20).group("big-hall"))
                .room("west-half", room -> room.capacity(20).group("big-hall"))
                .activity("teen-club", activity -> activity.duration(90).noise(Noise.LOUD))
                .activity("talk", activity -> activity.duration(60).noise(Noise.QUIET))
                .activity("meeting", activity -> activity.duration(60).noise(Noise.NORMAL)));

        @Test
        void penalizesTheOverlapWithAQuietSessionNextDoor() {
            Session loud = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session quiet = week.place("talk#1", "counselling", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, quiet)
                    .justifiesWithExactly(new Justifications.NoiseBesideQuiet(loud, quiet, 30))
                    .penalizesBy(30);
        }

        @Test
        void carriesNoiseBackThroughAOneSidedAdjacency() {
            Session loud = week.place("teen-club#1", "counselling", Day.SAT, "09:00");
            Session quiet = week.place("talk#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, quiet)
                    .justifiesWithExactly(new Justifications.NoiseBesideQuiet(loud, quiet, 60))
                    .penalizesBy(60);
        }

        @Test
        void carriesNoiseWithinOneRoom() {
            Session loud = week.place("teen-club#1", "office", Day.SAT, "09:00");
            Session quiet = week.place("talk#1", "office", Day.SAT, "10:00");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, quiet)
                    .penalizesBy(30);
        }

        @Test
        void carriesNoiseWithinARoomGroup() {
            Session loud = week.place("teen-club#1", "east-half", Day.SAT, "09:00");
            Session quiet = week.place("talk#1", "west-half", Day.SAT, "09:15");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, quiet)
                    .justifiesWithExactly(new Justifications.NoiseBesideQuiet(loud, quiet, 60))
                    .penalizesBy(60);
        }

        @Test
        void allowsAQuietSessionInARoomThatDoesNotHear() {
            Session loud = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session quiet = week.place("talk#1", "office", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, quiet)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsANormalSessionNextDoor() {
            Session loud = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session normal = week.place("meeting#1", "counselling", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, normal)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsAQuietSessionNextDoorAfterTheNoise() {
            Session loud = week.place("teen-club#1", "hall", Day.SAT, "09:00");
            Session quiet = week.place("talk#1", "counselling", Day.SAT, "10:30");

            verifier.verifyThat(SchedulingConstraints::noiseBesideQuiet)
                    .given(loud, quiet)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class NoiseDuringQuietHours {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.MON, "08:30-17:30").open(Day.SAT, "09:00-16:00")
                        .quiet(Day.MON, "08:30-12:00", "14:00-17:30"))
                .room("hall", room -> room.capacity(40))
                .activity("teen-club", activity -> activity.duration(90).noise(Noise.LOUD))
                .activity("meeting", activity -> activity.duration(90).noise(Noise.NORMAL)));

        @Test
        void penalizesTheLoudMinutesInQuietHours() {
            Session loud = week.place("teen-club#1", "hall", Day.MON, "11:00");

            verifier.verifyThat(SchedulingConstraints::noiseDuringQuietHours)
                    .given(loud)
                    .justifiesWithExactly(new Justifications.NoiseDuringQuietHours(loud, 60))
                    .penalizesBy(60);
        }

        @Test
        void allowsALoudSessionInTheLunchBreak() {
            Session loud = week.place("teen-club#1", "hall", Day.MON, "12:00");

            verifier.verifyThat(SchedulingConstraints::noiseDuringQuietHours)
                    .given(loud)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsALoudSessionAtTheWeekend() {
            Session loud = week.place("teen-club#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::noiseDuringQuietHours)
                    .given(loud)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsANormalSessionInQuietHours() {
            Session meeting = week.place("meeting#1", "hall", Day.MON, "09:00");

            verifier.verifyThat(SchedulingConstraints::noiseDuringQuietHours)
                    .given(meeting)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class DoorsOnRequest {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-12:00")
                        .onRequest(Day.SAT, "08:00-10:00", "12:00-14:00"))
                .room("hall", room -> room.capacity(40))
                .room("annex", room -> room.capacity(40).hours(Day.SAT, "09:00-12:00"))
                .activity("choir", activity -> activity.duration(60)));

        @Test
        void penalizesTheMinutesInOnRequestHours() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "11:30");

            verifier.verifyThat(SchedulingConstraints::doorsOnRequest)
                    .given(choir)
                    .justifiesWithExactly(new Justifications.DoorsOnRequest(choir, 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesTheMinutesBeforeOpening() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "08:15");

            verifier.verifyThat(SchedulingConstraints::doorsOnRequest)
                    .given(choir)
                    .penalizesBy(45);
        }

        @Test
        void allowsOnRequestHoursThatAreOpeningHoursAnyway() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::doorsOnRequest)
                    .given(choir)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsARoomWhoseOwnHoursLeaveNoOnRequestTime() {
            Session choir = week.place("choir#1", "annex", Day.SAT, "11:30");

            verifier.verifyThat(SchedulingConstraints::doorsOnRequest)
                    .given(choir)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class Overtime {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .worker("li", worker -> worker.working(Day.SAT, "09:00-12:00"))
                .worker("zhao", worker -> worker.working(Day.SAT, "09:00-12:30"))
                .worker("wang", worker -> { })
                .activity("choir", activity -> activity.duration(90).workers("li", "wang"))
                .activity("duet", activity -> activity.duration(90).workers("li", "zhao"))
                .activity("chess", activity -> activity.duration(90).workers("wang")));

        @Test
        void penalizesTheMinutesOutsideWorkingHours() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::overtime)
                    .given(choir)
                    .justifiesWithExactly(new Justifications.Overtime(choir, week.worker("li"), 30))
                    .penalizesBy(30);
        }

        @Test
        void penalizesEachWorkerInOvertime() {
            Session duet = week.place("duet#1", "hall", Day.SAT, "12:00");

            verifier.verifyThat(SchedulingConstraints::overtime)
                    .given(duet)
                    .justifiesWithExactly(new Justifications.Overtime(duet, week.worker("li"), 90),
                            new Justifications.Overtime(duet, week.worker("zhao"), 60))
                    .penalizesBy(90 + 60);
        }

        @Test
        void allowsASessionInsideWorkingHours() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "10:30");

            verifier.verifyThat(SchedulingConstraints::overtime)
                    .given(choir)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsAnyTimeForAWorkerWithoutWorkingHours() {
            Session chess = week.place("chess#1", "hall", Day.SUN, "20:00");

            verifier.verifyThat(SchedulingConstraints::overtime)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class OverDailyLimit {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00").open(Day.SUN, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .worker("li", worker -> worker.maxMinutesPerDay(120))
                .worker("wang", worker -> { })
                .activity("choir", activity -> activity.duration(90).sessions(2).workers("li", "wang"))
                .activity("chess", activity -> activity.duration(30).workers("li")));

        @Test
        void penalizesTheMinutesOverTheDailyLimit() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::overDailyLimit)
                    .given(first, second)
                    .justifiesWithExactly(new Justifications.OverDailyLimit(week.worker("li"), Day.SAT.ordinal(), 180))
                    .penalizesBy(180 - 120);
        }

        @Test
        void allowsExactlyTheDailyLimit() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::overDailyLimit)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void countsEachDayOnItsOwn() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SUN, "09:00");

            verifier.verifyThat(SchedulingConstraints::overDailyLimit)
                    .given(first, second)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class FairOvertime {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(40))
                .organization("sunrise")
                .organization("moon")
                .worker("li", worker -> worker.organization("sunrise").working(Day.SAT, "09:00-12:00"))
                .worker("wang", worker -> worker.organization("sunrise").working(Day.SAT, "09:00-12:00"))
                .worker("zhao", worker -> worker.organization("moon").working(Day.SAT, "09:00-12:00"))
                .worker("volunteer-a", worker -> worker.working(Day.SAT, "09:00-12:00"))
                .worker("volunteer-b", worker -> worker.working(Day.SAT, "09:00-12:00"))
                .activity("late-club", activity -> activity.workers("li"))
                .activity("late-talk", activity -> activity.workers("wang"))
                .activity("moon-club", activity -> activity.workers("zhao"))
                .activity("fair", activity -> activity.workers("volunteer-a")));

        private Object[] withAllWorkers(Session... sessions) {
            Object[] facts = Arrays.copyOf(sessions, sessions.length + week.schedule.getWorkers().size(), Object[].class);
            for (int i = 0; i < week.schedule.getWorkers().size(); i++) {
                facts[sessions.length + i] = week.schedule.getWorkers().get(i);
            }
            return facts;
        }

        @Test
        void penalizesTheUnfairnessOfOvertimeWithinAnOrganisation() {
            // li works 60 overtime minutes, wang none: sqrt(30² + 30²) = 42.43.
            Session lateClub = week.place("late-club#1", "hall", Day.SAT, "12:00");
            Session lateTalk = week.place("late-talk#1", "studio", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::fairOvertime)
                    .given(withAllWorkers(lateClub, lateTalk))
                    .justifiesWithExactly(new Justifications.FairOvertime("sunrise",
                            Map.of(week.worker("li"), 60L, week.worker("wang"), 0L), new BigDecimal("42.4264")))
                    .penalizesBy(42);
        }

        @Test
        void countsAColleagueWithoutSessionsAsNoOvertime() {
            Session lateClub = week.place("late-club#1", "hall", Day.SAT, "12:00");

            verifier.verifyThat(SchedulingConstraints::fairOvertime)
                    .given(withAllWorkers(lateClub))
                    .justifiesWithExactly(new Justifications.FairOvertime("sunrise",
                            Map.of(week.worker("li"), 60L, week.worker("wang"), 0L), new BigDecimal("42.4264")))
                    .penalizesBy(42);
        }

        @Test
        void allowsOvertimeSharedEvenly() {
            Session lateClub = week.place("late-club#1", "hall", Day.SAT, "12:00");
            Session lateTalk = week.place("late-talk#1", "studio", Day.SAT, "12:00");

            verifier.verifyThat(SchedulingConstraints::fairOvertime)
                    .given(withAllWorkers(lateClub, lateTalk))
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsTheOnlyWorkerOfAnOrganisationAllTheOvertime() {
            Session moonClub = week.place("moon-club#1", "hall", Day.SAT, "12:00");

            verifier.verifyThat(SchedulingConstraints::fairOvertime)
                    .given(withAllWorkers(moonClub))
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void leavesWorkersWithoutAnOrganisationOut() {
            Session fair = week.place("fair#1", "hall", Day.SAT, "12:00");

            verifier.verifyThat(SchedulingConstraints::fairOvertime)
                    .given(withAllWorkers(fair))
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsEveryoneInsideWorkingHours() {
            Session lateClub = week.place("late-club#1", "hall", Day.SAT, "09:00");

            verifier.verifyThat(SchedulingConstraints::fairOvertime)
                    .given(withAllWorkers(lateClub))
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class NotPreferredTime {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .activity("teen-club", activity -> activity.duration(90).preferred(Day.SAT, "09:00-12:00"))
                .activity("chess", activity -> activity.duration(90)));

        @Test
        void penalizesTheMinutesOutsidePreferredTimes() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::notPreferredTime)
                    .given(teenClub)
                    .justifiesWithExactly(new Justifications.NotPreferredTime(teenClub, 30))
                    .penalizesBy(30);
        }

        @Test
        void allowsAPreferredTime() {
            Session teenClub = week.place("teen-club#1", "hall", Day.SAT, "10:30");

            verifier.verifyThat(SchedulingConstraints::notPreferredTime)
                    .given(teenClub)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsAnyTimeWithoutAPreference() {
            Session chess = week.place("chess#1", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::notPreferredTime)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class RoomStability {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00").open(Day.SUN, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(40))
                .room("library", room -> room.capacity(40))
                .activity("choir", activity -> activity.sessions(3)));

        @Test
        void penalizesEachExtraRoom() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "studio", Day.SUN, "09:00");
            Session third = week.place("choir#3", "library", Day.SUN, "14:00");

            verifier.verifyThat(SchedulingConstraints::roomStability)
                    .given(first, second, third)
                    .justifiesWithExactly(new Justifications.RoomStability(first.getActivity(), 3))
                    .penalizesBy(2);
        }

        @Test
        void penalizesOneExtraRoomOnce() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SUN, "09:00");
            Session third = week.place("choir#3", "studio", Day.SUN, "14:00");

            verifier.verifyThat(SchedulingConstraints::roomStability)
                    .given(first, second, third)
                    .justifiesWithExactly(new Justifications.RoomStability(first.getActivity(), 2))
                    .penalizesBy(1);
        }

        @Test
        void allowsOneRoomAllWeek() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SUN, "09:00");
            Session third = week.place("choir#3", "hall", Day.SUN, "14:00");

            verifier.verifyThat(SchedulingConstraints::roomStability)
                    .given(first, second, third)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void ignoresTheRoomOfASessionWithoutAStart() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SUN, "09:00");
            Session third = week.session("choir#3");
            third.setRoom(week.room("studio"));

            verifier.verifyThat(SchedulingConstraints::roomStability)
                    .given(first, second, third)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class SameDayRepeat {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00").open(Day.SUN, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .activity("choir", activity -> activity.sessions(3))
                .activity("chess", activity -> { }));

        @Test
        void penalizesEachPairOnOneDay() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SAT, "11:00");
            Session third = week.place("choir#3", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::sameDayRepeat)
                    .given(first, second, third)
                    .justifiesWithExactly(new Justifications.SameDayRepeat(first, second),
                            new Justifications.SameDayRepeat(first, third),
                            new Justifications.SameDayRepeat(second, third))
                    .penalizesBy(3);
        }

        @Test
        void penalizesOnlyTheSessionsThatShareADay() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SUN, "09:00");
            Session third = week.place("choir#3", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::sameDayRepeat)
                    .given(first, second, third)
                    .justifiesWithExactly(new Justifications.SameDayRepeat(first, third))
                    .penalizesBy(1);
        }

        @Test
        void allowsOtherActivitiesOnTheSameDay() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::sameDayRepeat)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class WorkerSiteChanges {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-18:00").open(Day.SUN, "09:00-18:00"))
                .site("binbei", site -> site.open(Day.SAT, "09:00-18:00").open(Day.SUN, "09:00-18:00"))
                .site("dongcheng", site -> site.open(Day.SAT, "09:00-18:00").open(Day.SUN, "09:00-18:00"))
                .room("hall", room -> room.site("huanghe").capacity(40))
                .room("studio", room -> room.site("huanghe").capacity(40))
                .room("library", room -> room.site("binbei").capacity(40))
                .room("gym", room -> room.site("dongcheng").capacity(40))
                .worker("li", worker -> { })
                .worker("wang", worker -> { })
                .activity("choir", activity -> activity.workers("li", "wang"))
                .activity("duet", activity -> activity.workers("li", "wang"))
                .activity("chess", activity -> activity.workers("li"))
                .activity("reading", activity -> activity.workers("li")));

        @Test
        void penalizesEachExtraSiteInADay() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "library", Day.SAT, "11:00");
            Session reading = week.place("reading#1", "gym", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::workerSiteChanges)
                    .given(choir, chess, reading)
                    .justifiesWithExactly(new Justifications.WorkerSiteChanges(week.worker("li"), Day.SAT.ordinal(), 3))
                    .penalizesBy(3 - 1);
        }

        @Test
        void penalizesEveryWorkerWhoMoves() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session duet = week.place("duet#1", "library", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::workerSiteChanges)
                    .given(choir, duet)
                    .justifiesWithExactly(
                            new Justifications.WorkerSiteChanges(week.worker("li"), Day.SAT.ordinal(), 2),
                            new Justifications.WorkerSiteChanges(week.worker("wang"), Day.SAT.ordinal(), 2))
                    .penalizesBy(1 + 1);
        }

        @Test
        void penalizesOnlyTheWorkerWhoMoves() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "library", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::workerSiteChanges)
                    .given(choir, chess)
                    .justifiesWithExactly(new Justifications.WorkerSiteChanges(week.worker("li"), Day.SAT.ordinal(), 2))
                    .penalizesBy(1);
        }

        @Test
        void allowsTwoRoomsOfOneSite() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "studio", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::workerSiteChanges)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsAnotherSiteOnAnotherDay() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session chess = week.place("chess#1", "library", Day.SUN, "11:00");

            verifier.verifyThat(SchedulingConstraints::workerSiteChanges)
                    .given(choir, chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class Disruption {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(40))
                .activity("choir", activity -> activity.sessions(2))
                .activity("chess", activity -> { })
                .previous("choir", 1, "hall", Day.SAT, "09:00")
                .previous("choir", 2, "hall", Day.SAT, "14:00"));

        @Test
        void penalizesASessionMovedToAnotherTime() {
            Session moved = week.place("choir#1", "hall", Day.SAT, "10:00");
            Session kept = week.place("choir#2", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::disruption)
                    .given(moved, kept)
                    .justifiesWithExactly(new Justifications.Disruption(moved))
                    .penalizesBy(1);
        }

        @Test
        void penalizesASessionMovedToAnotherRoom() {
            Session moved = week.place("choir#1", "studio", Day.SAT, "09:00");
            Session kept = week.place("choir#2", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::disruption)
                    .given(moved, kept)
                    .justifiesWithExactly(new Justifications.Disruption(moved))
                    .penalizesBy(1);
        }

        @Test
        void penalizesAPublishedSessionNoLongerPlaced() {
            Session kept = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session dropped = week.session("choir#2");

            verifier.verifyThat(SchedulingConstraints::disruption)
                    .given(kept, dropped)
                    .justifiesWithExactly(new Justifications.Disruption(dropped))
                    .penalizesBy(1);
        }

        @Test
        void allowsSessionsWhereTheyWerePublished() {
            Session first = week.place("choir#1", "hall", Day.SAT, "09:00");
            Session second = week.place("choir#2", "hall", Day.SAT, "14:00");

            verifier.verifyThat(SchedulingConstraints::disruption)
                    .given(first, second)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void allowsANewSessionAnywhere() {
            Session chess = week.place("chess#1", "studio", Day.SAT, "15:00");

            verifier.verifyThat(SchedulingConstraints::disruption)
                    .given(chess)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    /** All constraints at once, with their default weights. */
    @Nested
    class OutOfOrder {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.MON, "08:00-18:00").open(Day.TUE, "08:00-18:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(20))
                .activity("first-aid-1", activity -> activity.duration(90).sessions(2))
                .activity("first-aid-2", activity -> activity.duration(90).after("first-aid-1"))
                .activity("choir", activity -> activity.duration(60)));

        @Test
        void penalizesEachSessionOfTheEarlierActivityNotEndedBeforeTheLaterStarts() {
            Session partOne = week.place("first-aid-1#1", "hall", Day.MON, "09:00");
            Session partOneAgain = week.place("first-aid-1#2", "hall", Day.TUE, "09:00");
            Session partTwo = week.place("first-aid-2#1", "studio", Day.MON, "10:00");

            verifier.verifyThat(SchedulingConstraints::outOfOrder)
                    .given(week.with(partOne, partOneAgain, partTwo))
                    .justifiesWithExactly(new Justifications.OutOfOrder(partTwo, partOne),
                            new Justifications.OutOfOrder(partTwo, partOneAgain))
                    .penalizesBy(2);
        }

        @Test
        void allowsTheLaterActivityToStartTheMinuteTheEarlierEnds() {
            Session partOne = week.place("first-aid-1#1", "hall", Day.MON, "09:00");
            Session partOneAgain = week.place("first-aid-1#2", "hall", Day.MON, "10:30");
            Session partTwo = week.place("first-aid-2#1", "studio", Day.MON, "12:00");

            verifier.verifyThat(SchedulingConstraints::outOfOrder)
                    .given(week.with(partOne, partOneAgain, partTwo))
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void asksNoOrderOfActivitiesThatNameNone() {
            Session choir = week.place("choir#1", "hall", Day.MON, "08:00");
            Session partOne = week.place("first-aid-1#1", "hall", Day.TUE, "09:00");

            verifier.verifyThat(SchedulingConstraints::outOfOrder)
                    .given(week.with(choir, partOne))
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class TooFewDays {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.openDaily("08:00-18:00"))
                .room("hall", room -> room.capacity(40))
                .activity("homework", activity -> activity.duration(60).sessions(3).minDays(3))
                .activity("choir", activity -> activity.duration(60).sessions(2)));

        @Test
        void penalizesEachDayMissingBelowMinDays() {
            Session monday = week.place("homework#1", "hall", Day.MON, "09:00");
            Session mondayAgain = week.place("homework#2", "hall", Day.MON, "15:00");
            Session alsoMonday = week.place("homework#3", "hall", Day.MON, "16:00");

            verifier.verifyThat(SchedulingConstraints::tooFewDays)
                    .given(monday, mondayAgain, alsoMonday)
                    .justifiesWithExactly(new Justifications.TooFewDays(week.activity("homework"), 1))
                    .penalizesBy(2);
        }

        @Test
        void allowsSessionsSpreadOverEnoughDays() {
            Session monday = week.place("homework#1", "hall", Day.MON, "09:00");
            Session wednesday = week.place("homework#2", "hall", Day.WED, "09:00");
            Session friday = week.place("homework#3", "hall", Day.FRI, "09:00");

            verifier.verifyThat(SchedulingConstraints::tooFewDays)
                    .given(monday, wednesday, friday)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void asksNothingOfAnActivityWithoutMinDays() {
            Session choir = week.place("choir#1", "hall", Day.MON, "09:00");
            Session choirAgain = week.place("choir#2", "hall", Day.MON, "11:00");

            verifier.verifyThat(SchedulingConstraints::tooFewDays)
                    .given(choir, choirAgain)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class LongStretch {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.openDaily("08:00-20:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(20))
                .worker("li", worker -> worker.day(day -> day.maxMinutesInARow(120)))
                .worker("wang", worker -> { })
                .audience("kids", audience -> audience.day(day -> day.maxMinutesInARow(60).minBreakMinutes(60)))
                .activity("homework", activity -> activity.duration(60).sessions(4).workers("li", "wang"))
                .activity("games", activity -> activity.duration(45).sessions(2).audience("kids")));

        @Test
        void penalizesTheMinutesOfARunBeyondTheLongestWanted() {
            // 14:00-15:00, a 15-minute gap (shorter than the week's 30-minute break), 15:15-16:15, 16:15-17:15.
            Session first = week.place("homework#1", "hall", Day.MON, "14:00");
            Session second = week.place("homework#2", "hall", Day.MON, "15:15");
            Session third = week.place("homework#3", "hall", Day.MON, "16:15");

            int start = Day.MON.weekMinute() + 14 * 60;
            verifier.verifyThat(SchedulingConstraints::longStretch)
                    .given(first, second, third)
                    .justifiesWithExactly(new Justifications.LongStretch(week.worker("li"), 0, start, start + 195, 75))
                    .penalizesBy(75);
        }

        @Test
        void addsUpTheLongRunsOfADayAndNamesTheLongest() {
            Week day = new Week(PlanBuilder.plan()
                    .site("huanghe", site -> site.openDaily("08:00-20:00"))
                    .room("hall", room -> room.capacity(40))
                    .worker("zhou", worker -> worker.day(shape -> shape.maxMinutesInARow(60)))
                    .activity("crafts", activity -> activity.duration(60).sessions(5).workers("zhou")));
            Session first = day.place("crafts#1", "hall", Day.TUE, "08:00");
            Session second = day.place("crafts#2", "hall", Day.TUE, "09:00");
            Session third = day.place("crafts#3", "hall", Day.TUE, "14:00");
            Session fourth = day.place("crafts#4", "hall", Day.TUE, "15:00");
            Session fifth = day.place("crafts#5", "hall", Day.TUE, "16:00");

            int afternoon = Day.TUE.weekMinute() + 14 * 60;
            verifier.verifyThat(SchedulingConstraints::longStretch)
                    .given(first, second, third, fourth, fifth)
                    .justifiesWithExactly(new Justifications.LongStretch(day.worker("zhou"), 1, afternoon,
                            afternoon + 180, 60 + 120))
                    .penalizesBy(180);
        }

        @Test
        void joinsSessionsAMinuteShortOfABreak() {
            Session first = week.place("homework#1", "hall", Day.MON, "14:00");
            Session second = week.place("homework#2", "hall", Day.MON, "15:29");

            verifier.verifyThat(SchedulingConstraints::longStretch)
                    .given(first, second)
                    .penalizesBy(29);
        }

        @Test
        void startsANewRunAfterABreakOfMinBreakMinutes() {
            Session first = week.place("homework#1", "hall", Day.MON, "14:00");
            Session second = week.place("homework#2", "hall", Day.MON, "15:00");
            Session afterABreak = week.place("homework#3", "hall", Day.MON, "16:30");
            Session last = week.place("homework#4", "hall", Day.MON, "17:30");

            verifier.verifyThat(SchedulingConstraints::longStretch)
                    .given(first, second, afterABreak, last)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }

        @Test
        void usesTheAudiencesOwnBreakAndCountsEachDayApart() {
            // A 45-minute gap is no break for a group that needs 60 minutes: one run of 135 minutes.
            Session first = week.place("games#1", "studio", Day.SAT, "09:00");
            Session second = week.place("games#2", "studio", Day.SAT, "10:30");

            int start = Day.SAT.weekMinute() + 9 * 60;
            verifier.verifyThat(SchedulingConstraints::longStretch)
                    .given(first, second)
                    .justifiesWithExactly(new Justifications.LongStretch(week.audience("kids"), 5, start, start + 135, 75))
                    .penalizesBy(75);

            week.place("games#2", "studio", Day.SUN, "09:00");
            verifier.verifyThat(SchedulingConstraints::longStretch)
                    .given(first, second)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class SingleSessionDay {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.openDaily("08:00-20:00"))
                .room("hall", room -> room.capacity(40))
                .worker("li", worker -> worker.day(day -> day.avoidSingleSessionDays()))
                .worker("wang", worker -> { })
                .activity("homework", activity -> activity.duration(45).sessions(3).workers("li", "wang")));

        @Test
        void penalizesEachDayWithExactlyOneSessionOfTheWorker() {
            Session wednesday = week.place("homework#1", "hall", Day.WED, "09:00");
            Session friday = week.place("homework#2", "hall", Day.FRI, "09:00");
            Session fridayAgain = week.place("homework#3", "hall", Day.FRI, "16:00");

            verifier.verifyThat(SchedulingConstraints::singleSessionDay)
                    .given(wednesday, friday, fridayAgain)
                    .justifiesWithExactly(new Justifications.SingleSessionDay(week.worker("li"), 2))
                    .penalizesBy(1);
        }

        @Test
        void allowsDaysOfSeveralSessions() {
            Session first = week.place("homework#1", "hall", Day.WED, "09:00");
            Session second = week.place("homework#2", "hall", Day.WED, "14:00");

            verifier.verifyThat(SchedulingConstraints::singleSessionDay)
                    .given(first, second)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class IsolatedSession {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.openDaily("08:00-20:00"))
                .room("hall", room -> room.capacity(40))
                .room("studio", room -> room.capacity(20))
                .audience("class-1", audience -> audience.day(day -> day.compactDays()))
                .audience("class-2", audience -> audience.day(day -> day.compactDays()))
                .activity("maths", activity -> activity.duration(60).sessions(2).audiences("class-1", "class-2"))
                .activity("physics", activity -> activity.duration(60).sessions(2).audience("class-1")));

        @Test
        void penalizesASessionWithNoOtherOfItsAudienceWithinABreak_perAudience() {
            // Maths at 09:00 and 14:00 stands alone for both classes; physics at 10:15 joins class-1's 09:00.
            Session maths = week.place("maths#1", "hall", Day.MON, "09:00");
            Session physics = week.place("physics#1", "studio", Day.MON, "10:15");
            Session mathsAgain = week.place("maths#2", "hall", Day.MON, "14:00");

            verifier.verifyThat(SchedulingConstraints::isolatedSession)
                    .given(maths, physics, mathsAgain)
                    .justifiesWithExactly(
                            new Justifications.IsolatedSession(week.audience("class-2"), maths),
                            new Justifications.IsolatedSession(week.audience("class-1"), mathsAgain),
                            new Justifications.IsolatedSession(week.audience("class-2"), mathsAgain))
                    .penalizesBy(3);
        }

        @Test
        void countsAGapOfABreakAsApart() {
            Session maths = week.place("maths#1", "hall", Day.MON, "09:00");
            Session twentyNineMinutesLater = week.place("physics#1", "studio", Day.MON, "10:29");
            Session aBreakLater = week.place("maths#2", "hall", Day.MON, "10:30");

            verifier.verifyThat(SchedulingConstraints::isolatedSession)
                    .given(maths, twentyNineMinutesLater, aBreakLater)
                    .justifiesWithExactly(new Justifications.IsolatedSession(week.audience("class-2"), maths),
                            new Justifications.IsolatedSession(week.audience("class-2"), aBreakLater))
                    .penalizesBy(2);
        }

        @Test
        void allowsSessionsBackToBack() {
            Session maths = week.place("maths#1", "hall", Day.MON, "09:00");
            Session mathsAgain = week.place("maths#2", "hall", Day.MON, "10:00");

            verifier.verifyThat(SchedulingConstraints::isolatedSession)
                    .given(maths, mathsAgain)
                    .justifiesWithExactly()
                    .penalizesBy(0);
        }
    }

    @Nested
    class WholeWeek {
        private final Week week = new Week(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.MON, "08:30-17:30").open(Day.SAT, "09:00-16:00")
                        .open(Day.SUN, "09:00-16:00").quiet(Day.MON, "08:30-17:30"))
                .room("hall", room -> room.capacity(40).adjacent("counselling"))
                .room("counselling", room -> room.capacity(6))
                .organization("sunrise")
                .worker("li", worker -> worker.organization("sunrise").working(Day.SAT, "09:00-16:00")
                        .working(Day.SUN, "09:00-16:00").working(Day.MON, "08:30-17:30"))
                .worker("wang", worker -> worker.organization("sunrise").working(Day.SAT, "09:00-16:00")
                        .working(Day.SUN, "09:00-16:00").working(Day.MON, "08:30-17:30"))
                .activity("teen-club", activity -> activity.duration(90).sessions(2).participants(20)
                        .audience("teens").noise(Noise.LOUD).workers("li")
                        .allowed(Day.SAT, "09:00-16:00").allowed(Day.SUN, "09:00-16:00").allowed(Day.MON, "08:30-17:30")
                        .preferred(Day.SAT, "09:00-12:00").preferred(Day.SUN, "09:00-12:00"))
                .activity("counselling", activity -> activity.duration(60).participants(2).noise(Noise.QUIET)
                        .workers("wang").priority(2)));

        private Object[] facts() {
            Object[] facts = new Object[week.schedule.getSessions().size() + week.schedule.getWorkers().size()];
            int i = 0;
            for (Session session : week.schedule.getSessions()) {
                facts[i++] = session;
            }
            for (Worker worker : week.schedule.getWorkers()) {
                facts[i++] = worker;
            }
            return facts;
        }

        @Test
        void scoresAFeasiblePlacementZero() {
            week.place("teen-club#1", "hall", Day.SAT, "09:00");
            week.place("teen-club#2", "hall", Day.SUN, "09:00");
            week.place("counselling#1", "counselling", Day.SAT, "14:00");

            verifier.verifyThat()
                    .given(facts())
                    .scores(HardMediumSoftLongScore.ZERO);
        }

        @Test
        void weighsEachBrokenRuleByItsDefaultWeight() {
            // teen-club#2 runs on Monday 09:00-10:30: 90 minutes in quiet hours (5 soft each) and
            // 90 minutes outside its preferred times (1 soft each); counselling#1 is left out (priority 2).
            week.place("teen-club#1", "hall", Day.SAT, "09:00");
            week.place("teen-club#2", "hall", Day.MON, "09:00");

            verifier.verifyThat()
                    .given(facts())
                    .scores(HardMediumSoftLongScore.of(0, -2, -(90 * 5 + 90 * 1)));
        }
    }

    /** A week built from a plan, whose sessions the tests place by hand. */
    /** A make-up workday (调休 补班) is worked with its named weekday's hours by every rule that reads hours. */
    @Nested
    class MakeUpWorkday {
        /** Saturday 5 December 2026 is worked as a Monday: the site, the worker and the activity keep Monday's hours. */
        private final Week week = new Week(PlanBuilder.plan()
                .startDate("2026-11-30")
                .makeUpWorkday("2026-12-05", Day.MON)
                .site("huanghe", site -> site.open(Day.MON, "08:30-12:00").open(Day.SAT, "14:00-17:00"))
                .room("hall", room -> room.capacity(40))
                .worker("li", worker -> worker.working(Day.MON, "08:30-11:00").unavailable(Day.MON, "11:30-12:00")
                        .unavailable(Day.SAT, "08:00-10:00"))
                .activity("choir", activity -> activity.duration(60).workers("li").allowed(Day.MON, "09:00-11:30")));

        @Test
        void opensTheDoorsWithTheWeekdaysHoursOnly() {
            Session morning = week.place("choir#1", "hall", Day.SAT, "09:00");
            verifier.verifyThat(SchedulingConstraints::lockedDoors).given(morning).justifiesWithExactly();

            Session afternoon = week.place("choir#1", "hall", Day.SAT, "14:00");
            verifier.verifyThat(SchedulingConstraints::lockedDoors)
                    .given(afternoon)
                    .justifiesWithExactly(new Justifications.LockedDoors(afternoon, 60))
                    .penalizesBy(60);
        }

        @Test
        void holdsTheActivityToItsWeekdaysAllowedTimes() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "11:00");

            verifier.verifyThat(SchedulingConstraints::outsideAllowedTimes)
                    .given(choir)
                    .justifiesWithExactly(new Justifications.OutsideAllowedTimes(choir, 30))
                    .penalizesBy(30);
        }

        @Test
        void holdsTheWorkerToTheirWeekdaysAvailabilityAndHours() {
            Session choir = week.place("choir#1", "hall", Day.SAT, "09:00");
            verifier.verifyThat(SchedulingConstraints::workerUnavailable).given(choir).justifiesWithExactly();
            verifier.verifyThat(SchedulingConstraints::overtime).given(choir).justifiesWithExactly();

            Session late = week.place("choir#1", "hall", Day.SAT, "11:00");
            verifier.verifyThat(SchedulingConstraints::workerUnavailable)
                    .given(late)
                    .justifiesWithExactly(new Justifications.WorkerUnavailable(late, week.worker("li"), 30))
                    .penalizesBy(30);
            verifier.verifyThat(SchedulingConstraints::overtime)
                    .given(late)
                    .justifiesWithExactly(new Justifications.Overtime(late, week.worker("li"), 60))
                    .penalizesBy(60);
        }
    }

    private static final class Week {
        private final WeeklySchedule schedule;

        Week(PlanBuilder plan) {
            schedule = ModelBuilder.build(plan.build());
        }

        Session session(String id) {
            return schedule.getSessions().stream().filter(session -> session.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no session " + id));
        }

        Room room(String id) {
            return schedule.getRooms().stream().filter(room -> room.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no room " + id));
        }

        Worker worker(String id) {
            return schedule.getWorkers().stream().filter(worker -> worker.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no worker " + id));
        }

        Audience audience(String id) {
            return schedule.getAudiences().stream().filter(audience -> audience.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no audience " + id));
        }

        Activity activity(String id) {
            return schedule.getActivities().stream().filter(activity -> activity.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no activity " + id));
        }

        /** The plan's orders between activities, for a test of "Out of order" (facts the sessions do not carry). */
        Object[] with(Session... sessions) {
            List<Object> facts = new ArrayList<>(schedule.getPrecedences());
            facts.addAll(List.of(sessions));
            return facts.toArray();
        }

        /** Puts the session in the room at the given day and time, as the solver would. */
        Session place(String sessionId, String roomId, Day day, String start) {
            Session session = session(sessionId);
            session.setRoom(room(roomId));
            session.setStart(WeekTime.boxed(day.weekMinute() + TimeOfDay.parse(start).minutes()));
            return session;
        }
    }
}
