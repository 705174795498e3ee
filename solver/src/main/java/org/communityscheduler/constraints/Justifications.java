package org.communityscheduler.constraints;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.Worker;
import org.communityscheduler.plan.Day;

/** One justification record per constraint, each with a description a coordinator can read. */
public final class Justifications {

    private Justifications() {
    }

    /** "青少年成长小组 #1 (多功能厅, SAT 09:00-10:30)". */
    static String describe(Session session) {
        String name = session.getActivity().getName() + " #" + session.getNumber();
        if (!session.isAssigned()) {
            return name;
        }
        return name + " (" + session.getRoom().getName() + ", " + WeekTime.format(session.getStart()) + "-"
                + WeekTime.formatEnd(session.getEnd()) + ")";
    }

    private static boolean attends(Worker worker, Session session) {
        return session.getActivity().getWorkers().contains(worker);
    }

    private static boolean onDay(Session session, int day) {
        return session.isAssigned() && session.getDay() == day;
    }

    public record RoomClash(Session first, Session second, Room room, int minutes) implements Justification {
        public String description() {
            return describe(first) + " and " + describe(second) + " overlap by " + minutes + " minutes in "
                    + room.getName();
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record WorkerClash(Session first, Session second, Worker worker, int minutes) implements Justification {
        public String description() {
            return worker.getName() + " would be in " + describe(first) + " and " + describe(second) + " at once, for "
                    + minutes + " minutes";
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record AudienceClash(Session first, Session second, String audience, int minutes) implements Justification {
        public String description() {
            return "the audience \"" + audience + "\" would attend " + describe(first) + " and " + describe(second)
                    + " at once, for " + minutes + " minutes";
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record LockedDoors(Session session, int minutes) implements Justification {
        public String description() {
            return describe(session) + " runs " + minutes + " minutes while the doors of "
                    + session.getRoom().getName() + " are locked";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record RoomCapacity(Session session, int excess) implements Justification {
        public String description() {
            return describe(session) + " has " + session.getActivity().getParticipants() + " participants; "
                    + session.getRoom().getName() + " seats " + session.getRoom().getCapacity();
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record MissingFeature(Session session, Set<String> missing) implements Justification {
        public String description() {
            return describe(session) + " needs " + missing.stream().sorted().collect(Collectors.joining(", "))
                    + ", which " + session.getRoom().getName() + " lacks";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record WorkerUnavailable(Session session, Worker worker, int minutes) implements Justification {
        public String description() {
            return worker.getName() + " is unavailable for " + minutes + " minutes of " + describe(session);
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record OutsideAllowedTimes(Session session, int minutes) implements Justification {
        public String description() {
            return describe(session) + " runs " + minutes + " minutes outside its allowed times";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record WrongSite(Session session, int count) implements Justification {
        public String description() {
            return describe(session) + " is at " + session.getSite().getName()
                    + ", where the activity or its workers may not go";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record UnassignedSession(Session session) implements Justification {
        public String description() {
            return describe(session) + " is not placed";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record NoiseBesideQuiet(Session loud, Session quiet, int minutes) implements Justification {
        public String description() {
            return "loud " + describe(loud) + " disturbs quiet " + describe(quiet) + " for " + minutes + " minutes";
        }

        public boolean concerns(Session session) {
            return session == loud || session == quiet;
        }
    }

    public record NoiseDuringQuietHours(Session session, int minutes) implements Justification {
        public String description() {
            return "loud " + describe(session) + " runs " + minutes + " minutes in the quiet hours of "
                    + session.getSite().getName();
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record DoorsOnRequest(Session session, int minutes) implements Justification {
        public String description() {
            return describe(session) + " needs the doors kept open on request for " + minutes + " minutes";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record Overtime(Session session, Worker worker, int minutes) implements Justification {
        public String description() {
            return worker.getName() + " works " + minutes + " minutes of overtime in " + describe(session);
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record OverDailyLimit(Worker worker, int day, int minutes) implements Justification {
        public String description() {
            return worker.getName() + " has " + minutes + " activity minutes on " + Day.values()[day]
                    + ", over the daily limit of " + worker.getMaxMinutesPerDay();
        }

        public boolean concerns(Session session) {
            return onDay(session, day) && attends(worker, session);
        }
    }

    public record FairOvertime(String organization, Map<Worker, Long> overtime, BigDecimal unfairness)
            implements Justification {
        public String description() {
            return "overtime in " + organization + " is spread unevenly: " + overtime.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Worker::getId)))
                    .map(entry -> entry.getKey().getName() + " " + entry.getValue() + " min")
                    .collect(Collectors.joining(", "));
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
        public String description() {
            return describe(session) + " runs " + minutes + " minutes outside its preferred times";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }

    public record RoomStability(Activity activity, int rooms) implements Justification {
        public String description() {
            return "the sessions of " + activity.getName() + " use " + rooms + " different rooms";
        }

        public boolean concerns(Session session) {
            return session.isAssigned() && session.getActivity() == activity;
        }
    }

    public record SameDayRepeat(Session first, Session second) implements Justification {
        public String description() {
            return describe(first) + " and " + describe(second) + " are on the same day";
        }

        public boolean concerns(Session session) {
            return session == first || session == second;
        }
    }

    public record WorkerSiteChanges(Worker worker, int day, int sites) implements Justification {
        public String description() {
            return worker.getName() + " works at " + sites + " sites on " + Day.values()[day];
        }

        public boolean concerns(Session session) {
            return onDay(session, day) && attends(worker, session);
        }
    }

    public record Disruption(Session session) implements Justification {
        public String description() {
            return describe(session) + " moved from its published place (" + session.getPreviousRoom().getName()
                    + ", " + WeekTime.format(session.getPreviousStart()) + ")";
        }

        public boolean concerns(Session other) {
            return other == session;
        }
    }
}
