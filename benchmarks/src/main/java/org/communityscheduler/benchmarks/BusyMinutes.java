package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Precedence;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * The minutes of the week each room, worker and audience is taken, as a spreadsheet of the week would show them,
 * and when each activity's sessions written in begin and end, for the plan's order between activities.
 */
final class BusyMinutes {

    /** For each activity, those that must be over before it starts, and those that must start after it ends. */
    private final Map<Activity, List<Activity>> earlier = new HashMap<>();
    private final Map<Activity, List<Activity>> later = new HashMap<>();
    /** For each activity with sessions written in: the first start and the last end among them. */
    private final Map<Activity, int[]> spans = new HashMap<>();

    private final Map<Room, BitSet> rooms = new HashMap<>();
    private final Map<Worker, BitSet> workers = new HashMap<>();
    private final Map<Audience, BitSet> audiences = new HashMap<>();

    BusyMinutes(WeeklySchedule week) {
        for (Precedence precedence : week.getPrecedences()) {
            earlier.computeIfAbsent(precedence.later(), a -> new ArrayList<>()).add(precedence.earlier());
            later.computeIfAbsent(precedence.earlier(), a -> new ArrayList<>()).add(precedence.later());
        }
    }

    /** The activities that must be over before this one starts. */
    List<Activity> earlier(Activity activity) {
        return earlier.getOrDefault(activity, List.of());
    }

    /** Whether {@code [start, end)} keeps the order with every session written in so far. */
    boolean inOrder(Activity activity, int start, int end) {
        for (Activity before : earlier(activity)) {
            int[] span = spans.get(before);
            if (span != null && start < span[1]) {
                return false;
            }
        }
        for (Activity after : later.getOrDefault(activity, List.of())) {
            int[] span = spans.get(after);
            if (span != null && end > span[0]) {
                return false;
            }
        }
        return true;
    }

    void occupy(Session session, Room room, int start) {
        int end = start + session.getActivity().getDurationMinutes();
        spans.merge(session.getActivity(), new int[] { start, end },
                (span, added) -> new int[] { Math.min(span[0], added[0]), Math.max(span[1], added[1]) });
        rooms.computeIfAbsent(room, r -> new BitSet()).set(start, end);
        for (Worker worker : session.getActivity().getWorkers()) {
            workers.computeIfAbsent(worker, w -> new BitSet()).set(start, end);
        }
        for (Audience audience : session.getActivity().getAudiences()) {
            audiences.computeIfAbsent(audience, a -> new BitSet()).set(start, end);
        }
    }

    boolean roomFree(Room room, int start, int end) {
        return free(rooms.get(room), start, end);
    }

    /** Whether every worker and every audience of the activity are free in {@code [start, end)}. */
    boolean peopleFree(Activity activity, int start, int end) {
        for (Worker worker : activity.getWorkers()) {
            if (!free(workers.get(worker), start, end)) {
                return false;
            }
        }
        for (Audience audience : activity.getAudiences()) {
            if (!free(audiences.get(audience), start, end)) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(BitSet busy, int start, int end) {
        if (busy == null) {
            return true;
        }
        int next = busy.nextSetBit(start);
        return next < 0 || next >= end;
    }
}
