package org.communityscheduler.constraints;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.loadBalance;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.tri.TriConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

import org.communityscheduler.constraints.Justifications.AudienceClash;
import org.communityscheduler.constraints.Justifications.Disruption;
import org.communityscheduler.constraints.Justifications.DoorsOnRequest;
import org.communityscheduler.constraints.Justifications.FairOvertime;
import org.communityscheduler.constraints.Justifications.IsolatedSession;
import org.communityscheduler.constraints.Justifications.LongStretch;
import org.communityscheduler.constraints.Justifications.LockedDoors;
import org.communityscheduler.constraints.Justifications.MissingFeature;
import org.communityscheduler.constraints.Justifications.NoiseBesideQuiet;
import org.communityscheduler.constraints.Justifications.NoiseDuringQuietHours;
import org.communityscheduler.constraints.Justifications.NotPreferredTime;
import org.communityscheduler.constraints.Justifications.OutOfOrder;
import org.communityscheduler.constraints.Justifications.OutsideAllowedTimes;
import org.communityscheduler.constraints.Justifications.OverDailyLimit;
import org.communityscheduler.constraints.Justifications.Overtime;
import org.communityscheduler.constraints.Justifications.RoomCapacity;
import org.communityscheduler.constraints.Justifications.RoomClash;
import org.communityscheduler.constraints.Justifications.RoomStability;
import org.communityscheduler.constraints.Justifications.SameDayRepeat;
import org.communityscheduler.constraints.Justifications.SingleSessionDay;
import org.communityscheduler.constraints.Justifications.TooFewDays;
import org.communityscheduler.constraints.Justifications.UnassignedSession;
import org.communityscheduler.constraints.Justifications.WorkerClash;
import org.communityscheduler.constraints.Justifications.WorkerSiteChanges;
import org.communityscheduler.constraints.Justifications.WorkerUnavailable;
import org.communityscheduler.constraints.Justifications.WrongSite;
import org.communityscheduler.model.Attendance;
import org.communityscheduler.model.Attendee;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Precedence;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.Worker;
import org.communityscheduler.plan.Rule;

/**
 * Every rule of the weekly plan (docs/plan-format.md §5), hard first. Penalties are integer minutes
 * or counts; weights come from {@link Rule} and may be overridden per plan.
 */
public class SchedulingConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                roomClash(factory),
                workerClash(factory),
                audienceClash(factory),
                lockedDoors(factory),
                roomCapacity(factory),
                missingFeature(factory),
                workerUnavailable(factory),
                outsideAllowedTimes(factory),
                wrongSite(factory),
                outOfOrder(factory),
                unassignedSession(factory),
                noiseBesideQuiet(factory),
                noiseDuringQuietHours(factory),
                doorsOnRequest(factory),
                overtime(factory),
                overDailyLimit(factory),
                fairOvertime(factory),
                notPreferredTime(factory),
                roomStability(factory),
                sameDayRepeat(factory),
                tooFewDays(factory),
                longStretch(factory),
                singleSessionDay(factory),
                isolatedSession(factory),
                workerSiteChanges(factory),
                disruption(factory)
        };
    }

    /** Each worker at each placed session. */
    private static UniConstraintStream<Attendance> attendances(ConstraintFactory factory) {
        return factory.forEach(Session.class).flattenLast(Session::getAttendances);
    }

    // Two sessions may not overlap in one room.
    Constraint roomClash(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .groupBy(Session::getRoom, Session::getDay, RoomDays.COLLECTOR)
                .filter((room, day, clashes) -> !clashes.isEmpty())
                .flattenLast(clashes -> clashes)
                .penalizeLong(Rule.ROOM_CLASH.defaultWeight(), (room, day, clash) -> clash.minutes())
                .justifyWith((room, day, clash, score) -> new RoomClash(clash.first(), clash.second(), room, clash.minutes()))
                .asConstraint(Rule.ROOM_CLASH.title());
    }

    // A worker cannot be in two sessions at once.
    Constraint workerClash(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, sessions) -> attendee instanceof Worker && !sessions.clashes().isEmpty())
                .flattenLast(DayRuns.Day::clashes)
                .penalizeLong(Rule.WORKER_CLASH.defaultWeight(), (worker, day, clash) -> clash.minutes())
                .justifyWith((worker, day, clash, score) -> new WorkerClash(clash.first(), clash.second(),
                        (Worker) worker, clash.minutes()))
                .asConstraint(Rule.WORKER_CLASH.title());
    }

    // One audience (a participant group) cannot attend two sessions at once.
    Constraint audienceClash(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, sessions) -> attendee instanceof Audience && !sessions.clashes().isEmpty())
                .flattenLast(DayRuns.Day::clashes)
                .penalizeLong(Rule.AUDIENCE_CLASH.defaultWeight(), (audience, day, clash) -> clash.minutes())
                .justifyWith((audience, day, clash, score) -> new AudienceClash(clash.first(), clash.second(),
                        (Audience) audience, clash.minutes()))
                .asConstraint(Rule.AUDIENCE_CLASH.title());
    }

    // A session must lie inside its room's opening or on-request hours: nobody opens the door otherwise.
    Constraint lockedDoors(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> !session.getRoom().getDoorsOpen().covers(session.getStart(), session.getEnd()))
                .penalizeLong(Rule.LOCKED_DOORS.defaultWeight(), Constraints::lockedMinutes)
                .justifyWith((session, score) -> new LockedDoors(session, Constraints.lockedMinutes(session)))
                .asConstraint(Rule.LOCKED_DOORS.title());
    }

    // A room must seat every participant.
    Constraint roomCapacity(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getActivity().getParticipants() > session.getRoom().getCapacity())
                .penalizeLong(Rule.ROOM_CAPACITY.defaultWeight(), Constraints::excessParticipants)
                .justifyWith((session, score) -> new RoomCapacity(session, Constraints.excessParticipants(session)))
                .asConstraint(Rule.ROOM_CAPACITY.title());
    }

    // A room must have every feature the activity requires.
    Constraint missingFeature(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getRoom().missingFeatures(session.getActivity().getRequiredFeatures()) > 0)
                .penalizeLong(Rule.MISSING_FEATURE.defaultWeight(),
                        session -> session.getRoom().missingFeatures(session.getActivity().getRequiredFeatures()))
                .justifyWith((session, score) -> {
                    Set<String> missing = new HashSet<>(session.getActivity().getRequiredFeatures());
                    missing.removeAll(session.getRoom().getFeatures());
                    return new MissingFeature(session, missing);
                })
                .asConstraint(Rule.MISSING_FEATURE.title());
    }

    // A worker cannot be scheduled in their unavailable times.
    Constraint workerUnavailable(ConstraintFactory factory) {
        return attendances(factory)
                .filter(attendance -> attendance.unavailableMinutes() > 0)
                .penalizeLong(Rule.WORKER_UNAVAILABLE.defaultWeight(), Attendance::unavailableMinutes)
                .justifyWith((attendance, score) -> new WorkerUnavailable(attendance.getSession(),
                        attendance.getWorker(), attendance.unavailableMinutes()))
                .asConstraint(Rule.WORKER_UNAVAILABLE.title());
    }

    // A session must lie inside its activity's allowed times.
    Constraint outsideAllowedTimes(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> !session.getActivity().getAllowedTimes().covers(session.getStart(), session.getEnd()))
                .penalizeLong(Rule.OUTSIDE_ALLOWED_TIMES.defaultWeight(), Constraints::minutesNotAllowed)
                .justifyWith((session, score) -> new OutsideAllowedTimes(session, Constraints.minutesNotAllowed(session)))
                .asConstraint(Rule.OUTSIDE_ALLOWED_TIMES.title());
    }

    // A session must be at a site its activity allows and every one of its workers can work at.
    Constraint wrongSite(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getActivity().wrongSiteCount(session.getSite()) > 0)
                .penalizeLong(Rule.WRONG_SITE.defaultWeight(),
                        session -> session.getActivity().wrongSiteCount(session.getSite()))
                .justifyWith((session, score) ->
                        new WrongSite(session, session.getActivity().wrongSiteCount(session.getSite())))
                .asConstraint(Rule.WRONG_SITE.title());
    }

    // A session of an activity that comes after another must start once every session of the other has ended.
    Constraint outOfOrder(ConstraintFactory factory) {
        return factory.forEach(Precedence.class)
                .join(Session.class, Joiners.equal(Precedence::later, Session::getActivity))
                .join(Session.class, Joiners.equal((precedence, later) -> precedence.earlier(), Session::getActivity),
                        Joiners.lessThan((precedence, later) -> later.getStart(), Session::getEnd))
                .penalizeLong(Rule.OUT_OF_ORDER.defaultWeight())
                .justifyWith((precedence, later, earlier, score) -> new OutOfOrder(later, earlier))
                .asConstraint(Rule.OUT_OF_ORDER.title());
    }

    // Every requested session should be placed; leaving one out costs its activity's priority.
    Constraint unassignedSession(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Session.class)
                .filter(session -> !session.isAssigned())
                .penalizeLong(Rule.UNASSIGNED_SESSION.defaultWeight(), session -> session.getActivity().getPriority())
                .justifyWith((session, score) -> new UnassignedSession(session))
                .asConstraint(Rule.UNASSIGNED_SESSION.title());
    }

    // A loud session should not overlap a quiet one in the same room, an adjacent room or the same room group.
    Constraint noiseBesideQuiet(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getActivity().isLoud())
                .join(factory.forEach(Session.class).filter(session -> session.getActivity().isQuiet()),
                        Joiners.equal(Session::getSite),
                        Joiners.overlapping(Session::getStart, Session::getEnd),
                        Joiners.filtering((loud, quiet) -> loud.getRoom().carriesNoiseTo(quiet.getRoom())))
                .penalizeLong(Rule.NOISE_BESIDE_QUIET.defaultWeight(), Session::overlapMinutes)
                .justifyWith((loud, quiet, score) -> new NoiseBesideQuiet(loud, quiet, loud.overlapMinutes(quiet)))
                .asConstraint(Rule.NOISE_BESIDE_QUIET.title());
    }

    // A loud session should stay out of its site's quiet hours (the community office is working).
    Constraint noiseDuringQuietHours(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getActivity().isLoud()
                        && session.getSite().getQuietHours().touches(session.getStart(), session.getEnd()))
                .penalizeLong(Rule.NOISE_DURING_QUIET_HOURS.defaultWeight(), Constraints::quietMinutes)
                .justifyWith((session, score) -> new NoiseDuringQuietHours(session, Constraints.quietMinutes(session)))
                .asConstraint(Rule.NOISE_DURING_QUIET_HOURS.title());
    }

    // Keeping the doors open on request costs the staff an arrangement.
    Constraint doorsOnRequest(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getRoom().getOnRequest().touches(session.getStart(), session.getEnd()))
                .penalizeLong(Rule.DOORS_ON_REQUEST.defaultWeight(), Constraints::onRequestMinutes)
                .justifyWith((session, score) -> new DoorsOnRequest(session, Constraints.onRequestMinutes(session)))
                .asConstraint(Rule.DOORS_ON_REQUEST.title());
    }

    // A worker's session minutes outside their working hours are (unpaid) overtime.
    Constraint overtime(ConstraintFactory factory) {
        return attendances(factory)
                .filter(attendance -> attendance.overtimeMinutes() > 0)
                .penalizeLong(Rule.OVERTIME.defaultWeight(), Attendance::overtimeMinutes)
                .justifyWith((attendance, score) ->
                        new Overtime(attendance.getSession(), attendance.getWorker(), attendance.overtimeMinutes()))
                .asConstraint(Rule.OVERTIME.title());
    }

    // A worker's activity minutes in one day should stay within their daily limit.
    Constraint overDailyLimit(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, sessions) -> attendee instanceof Worker worker
                        && sessions.minutes() > worker.getMaxMinutesPerDay())
                .penalizeLong(Rule.OVER_DAILY_LIMIT.defaultWeight(),
                        (worker, day, sessions) -> sessions.minutes() - ((Worker) worker).getMaxMinutesPerDay())
                .justifyWith((worker, day, sessions, score) -> new OverDailyLimit((Worker) worker, day, sessions.minutes()))
                .asConstraint(Rule.OVER_DAILY_LIMIT.title());
    }

    // Unavoidable overtime should be spread evenly across the workers of one organisation (idle colleagues count as 0).
    Constraint fairOvertime(ConstraintFactory factory) {
        return attendances(factory)
                .groupBy(Attendance::getWorker, sum(Attendance::overtimeMinutes))
                .complement(Worker.class, worker -> 0)
                .filter((worker, minutes) -> worker.getOrganization() != null)
                .groupBy((worker, minutes) -> worker.getOrganization(),
                        loadBalance((worker, minutes) -> worker, (worker, minutes) -> minutes))
                .expand((organization, balance) -> Constraints.roundedUnfairness(balance))
                .filter((organization, balance, unfairness) -> unfairness > 0)
                .penalizeLong(Rule.FAIR_OVERTIME.defaultWeight(), (organization, balance, unfairness) -> unfairness)
                .justifyWith((organization, balance, unfairness, score) ->
                        new FairOvertime(organization, Map.copyOf(balance.loads()), balance.unfairness()))
                .asConstraint(Rule.FAIR_OVERTIME.title());
    }

    // A session should lie inside its activity's preferred times, when it states any.
    Constraint notPreferredTime(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getActivity().minutesOutsidePreferred(session.getStart(), session.getEnd()) > 0)
                .penalizeLong(Rule.NOT_PREFERRED_TIME.defaultWeight(),
                        session -> session.getActivity().minutesOutsidePreferred(session.getStart(), session.getEnd()))
                .justifyWith((session, score) -> new NotPreferredTime(session,
                        session.getActivity().minutesOutsidePreferred(session.getStart(), session.getEnd())))
                .asConstraint(Rule.NOT_PREFERRED_TIME.title());
    }

    // The sessions of one activity should meet in one room all week.
    Constraint roomStability(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .groupBy(Session::getActivity, countDistinct(Session::getRoom))
                .filter((activity, rooms) -> rooms > 1)
                .penalizeLong(Rule.ROOM_STABILITY.defaultWeight(), (activity, rooms) -> rooms - 1)
                .justifyWith((activity, rooms, score) -> new RoomStability(activity, rooms))
                .asConstraint(Rule.ROOM_STABILITY.title());
    }

    // Two sessions of one activity should not fall on the same day.
    Constraint sameDayRepeat(ConstraintFactory factory) {
        return factory.forEachUniquePair(Session.class,
                        Joiners.equal(Session::getActivity),
                        Joiners.equal(Session::getDay))
                .penalizeLong(Rule.SAME_DAY_REPEAT.defaultWeight())
                .justifyWith((first, second, score) -> new SameDayRepeat(first, second))
                .asConstraint(Rule.SAME_DAY_REPEAT.title());
    }

    // The sessions of an activity should spread over at least its minDays days.
    Constraint tooFewDays(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getActivity().getMinDays() > 1)
                .groupBy(Session::getActivity, countDistinct(Session::getDay))
                .filter((activity, days) -> days < activity.getMinDays())
                .penalizeLong(Rule.TOO_FEW_DAYS.defaultWeight(), (activity, days) -> activity.getMinDays() - days)
                .justifyWith((activity, days, score) -> new TooFewDays(activity, days))
                .asConstraint(Rule.TOO_FEW_DAYS.title());
    }

    // A worker or an audience should get a break after at most maxMinutesInARow minutes of sessions.
    Constraint longStretch(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, shape) -> shape.stretch().excess() > 0)
                .penalizeLong(Rule.LONG_STRETCH.defaultWeight(), (attendee, day, shape) -> shape.stretch().excess())
                .justifyWith((attendee, day, shape, score) -> new LongStretch(attendee, day, shape.stretch().start(),
                        shape.stretch().end(), shape.stretch().excess()))
                .asConstraint(Rule.LONG_STRETCH.title());
    }

    // A worker or an audience asking for whole days should not come in for one session only.
    Constraint singleSessionDay(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, shape) -> shape.sessions() == 1 && attendee.getDayShape().avoidSingleSessionDays())
                .penalizeLong(Rule.SINGLE_SESSION_DAY.defaultWeight())
                .justifyWith((attendee, day, shape, score) -> new SingleSessionDay(attendee, day))
                .asConstraint(Rule.SINGLE_SESSION_DAY.title());
    }

    // A worker or an audience asking for compact days should have another session within a break of each one.
    Constraint isolatedSession(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, shape) -> !shape.isolated().isEmpty())
                .flattenLast(DayRuns.Day::isolated)
                .penalizeLong(Rule.ISOLATED_SESSION.defaultWeight())
                .justifyWith((attendee, day, session, score) -> new IsolatedSession(attendee, session))
                .asConstraint(Rule.ISOLATED_SESSION.title());
    }

    /**
     * Each worker and audience, each day they have sessions, and how that day runs: one grouping shared by the
     * clash and day-shape rules (the same stream and collector instances, so Timefold builds it once).
     */
    private static TriConstraintStream<Attendee, Integer, DayRuns.Day> attendeeDays(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .flattenLast(Session::getEveryAttendance)
                .groupBy(Attendance::getAttendee, Attendance::getDay, DayRuns.COLLECTOR);
    }

    // A worker should not have to travel between sites within a day.
    Constraint workerSiteChanges(ConstraintFactory factory) {
        return attendeeDays(factory)
                .filter((attendee, day, sessions) -> attendee instanceof Worker && sessions.sites() > 1)
                .penalizeLong(Rule.WORKER_SITE_CHANGES.defaultWeight(), (worker, day, sessions) -> sessions.sites() - 1)
                .justifyWith((worker, day, sessions, score) -> new WorkerSiteChanges((Worker) worker, day, sessions.sites()))
                .asConstraint(Rule.WORKER_SITE_CHANGES.title());
    }

    // A published session should stay where it was (re-planning with minimal disruption).
    Constraint disruption(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Session.class)
                .filter(Session::isMovedFromPrevious)
                .penalizeLong(Rule.DISRUPTION.defaultWeight())
                .justifyWith((session, score) -> new Disruption(session))
                .asConstraint(Rule.DISRUPTION.title());
    }
}
