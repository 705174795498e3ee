package org.communityscheduler.benchmarks;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.Worker;

/** The minutes of the week each room, worker and audience is taken, as a spreadsheet of the week would show them. */
final class BusyMinutes {

    private final Map<Room, BitSet> rooms = new HashMap<>();
    private final Map<Worker, BitSet> workers = new HashMap<>();
    private final Map<Audience, BitSet> audiences = new HashMap<>();

    void occupy(Session session, Room room, int start) {
        int end = start + session.getActivity().getDurationMinutes();
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
