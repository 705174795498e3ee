package org.communityscheduler.constraints;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Attendee;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.Worker;
import org.communityscheduler.plan.Day;
import org.communityscheduler.text.Text;

/** One justification record per constraint, each with a description a coordinator can read. */
public final class Justifications {

    private Justifications() {
    }

    /** "青少年成长小组 #1 (多功能厅, 周六 09:00-10:30)". */
    static Text describe(Session session) {
        if (!session.isAssigned()) {
            return Text.of("schedule.session", session.getActivity().getName(), session.getNumber());
        }
        return Text.of("schedule.sessionPlaced", session.getActivity().getName(), session.getNumber(),
                session.getRoom().getName(), WeekTime.text(session.getStart()), WeekTime.formatEnd(session.getEnd()));
    }

    private static boolean attends(Worker worker, Session session) {
        return session.getActivity().getWorkers().contains(worker);
    }

    /** A worker of the session's activity, or one of its audiences. */
    private static boolean attends(Attendee attendee, Session session) {
        return attendee instanceof Worker worker ? attends(worker, session)
                : session.getActivity().getAudiences().contains(attendee);
    }

    private static boolean onDay(Session session, int day) {
        return session.isAssigned() && session.getDay() == day;
    }

    public record RoomClash(Session first, Session second, Room room, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.roomClash", describe(first), describe(second), minutes,
                    room.getName());
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record WorkerClash(Session first, Session second, Worker worker, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.workerClash", worker.getName(), describe(first), describe(second),
                    minutes);
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record AudienceClash(Session first, Session second, Audience audience, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.audienceClash", audience.getName(), describe(first), describe(second),
                    minutes);
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record LockedDoors(Session session, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.lockedDoors", describe(session), minutes,
                    session.getRoom().getName());
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record RoomCapacity(Session session, int excess) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.roomCapacity", describe(session),
                    session.getActivity().getParticipants(), session.getRoom().getName(),
                    session.getRoom().getCapacity());
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record MissingFeature(Session session, Set<String> missing) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.missingFeature", describe(session),
                    missing.stream().sorted().collect(Collectors.joining(", ")), session.getRoom().getName());
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record WorkerUnavailable(Session session, Worker worker, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.workerUnavailable", worker.getName(), minutes, describe(session));
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record OutsideAllowedTimes(Session session, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.outsideAllowedTimes", describe(session), minutes);
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record WrongSite(Session session, int count) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.wrongSite", describe(session), session.getSite().getName());
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record OutOfOrder(Session later, Session earlier) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.outOfOrder", describe(later), describe(earlier));
        }

        public boolean concerns(Session session) {
            return session == later || session == earlier;
        }
    }

    public record UnassignedSession(Session session) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.unassignedSession", describe(session));
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record NoiseBesideQuiet(Session loud, Session quiet, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.noiseBesideQuiet", describe(loud), describe(quiet), minutes);
        }

        public boolean concerns(Session session) {
            return session == loud || session == quiet;
        }
    }

    public record NoiseDuringQuietHours(Session session, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.noiseDuringQuietHours", describe(session), minutes,
                    session.getSite().getName());
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record DoorsOnRequest(Session session, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.doorsOnRequest", describe(session), minutes);
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record Overtime(Session session, Worker worker, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.overtime", worker.getName(), minutes, describe(session));
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record OverDailyLimit(Worker worker, int day, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.overDailyLimit", worker.getName(), minutes, Day.values()[day].text(),
                    worker.getMaxMinutesPerDay());
        }

        public boolean concerns(Session session) {
            return onDay(session, day) && attends(worker, session);
        }
    }

    public record FairOvertime(String organization, Map<Worker, Long> overtime, BigDecimal unfairness)
            implements Justification {
        public Text description() {
            return Text.of("schedule.justification.fairOvertime", organization, overtime.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Worker::getId)))
                    .map(entry -> entry.getKey().getName() + " " + entry.getValue())
                    .collect(Collectors.joining(", ")));
        }

        public boolean concerns(Session session) {
            if (!session.isAssigned()) {
                return false;
            }
            for (Worker worker : session.getActivity().getWorkers()) {
                if (overtime.getOrDefault(worker, 0L) > 0
                        && worker.overtimeMinutes(session.getStart(), session.getEnd()) > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    public record NotPreferredTime(Session session, int minutes) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.notPreferredTime", describe(session), minutes);
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record RoomStability(Activity activity, int rooms) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.roomStability", activity.getName(), rooms);
        }

        public boolean concerns(Session session) {
            return session.isAssigned() && session.getActivity() == activity;
        }
    }

    public record SameDayRepeat(Session first, Session second) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.sameDayRepeat", describe(first), describe(second));
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record TooFewDays(Activity activity, int days) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.tooFewDays", activity.getName(), days, activity.getMinDays());
        }

        public boolean concerns(Session session) {
            return session.isAssigned() && session.getActivity() == activity;
        }
    }

    /**
     * {@code attendee}'s runs on {@code day} go {@code excess} minutes beyond the longest wanted; the longest of them
     * runs from {@code start} to {@code end} (minutes of the week).
     */
    public record LongStretch(Attendee attendee, int day, int start, int end, int excess) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.longStretch", attendee.getName(), WeekTime.text(start),
                    WeekTime.formatEnd(end), end - start, attendee.getDayShape().maxMinutesInARow());
        }

        public boolean concerns(Session session) {
            return onDay(session, day) && attends(attendee, session) && session.getStart() < end
                    && session.getEnd() > start;
        }
    }

    public record SingleSessionDay(Attendee attendee, int day) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.singleSessionDay", attendee.getName(), Day.values()[day].text());
        }

        public boolean concerns(Session session) {
            return onDay(session, day) && attends(attendee, session);
        }
    }

    public record IsolatedSession(Attendee attendee, Session session) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.isolatedSession", describe(session), attendee.getName(),
                    attendee.getDayShape().minBreakMinutes());
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record WorkerSiteChanges(Worker worker, int day, int sites) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.workerSiteChanges", worker.getName(), sites,
                    Day.values()[day].text());
        }

        public boolean concerns(Session session) {
            return onDay(session, day) && attends(worker, session);
        }
    }

    public record Disruption(Session session) implements Justification {
        public Text description() {
            return Text.of("schedule.justification.disruption", describe(session), session.getPreviousRoom().getName(),
                    WeekTime.text(session.getPreviousStart()));
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }
}
