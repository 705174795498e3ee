package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Precedence;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.model.Worker;

/**
 * Who is where in a week, by room, worker and audience and day, and by activity: answers "which placed sessions
 * stand in the way of this session at this start in this room" without scoring the whole week. It knows the clash
 * rules, locked doors and the plan's order between activities; the sessions' ranges already keep every other
 * hard rule. A clash is always on the session's own day, so only that day's bookings are looked at (on a week
 * whose students chose their own lessons, the chains spent two thirds of their time scanning the other days).
 */
final class Bookings {

    private static final int DAYS = 7;

    /** Each room's sessions of each day, at {@code room index × 7 + day}. */
    private final List<List<Session>> byRoom;
    private final Map<Worker, List<Session>[]> byWorker = new HashMap<>();
    private final Map<Audience, List<Session>[]> byAudience = new HashMap<>();
    private final Map<Activity, List<Session>> byActivity = new HashMap<>();
    /** For each activity, those that must be over before it starts, and those that must start after it ends. */
    private final Map<Activity, List<Activity>> earlier = new HashMap<>();
    private final Map<Activity, List<Activity>> later = new HashMap<>();

    Bookings(WeeklySchedule week) {
        for (Precedence precedence : week.getPrecedences()) {
            earlier.computeIfAbsent(precedence.later(), a -> new ArrayList<>()).add(precedence.earlier());
            later.computeIfAbsent(precedence.earlier(), a -> new ArrayList<>()).add(precedence.later());
        }
        byRoom = new ArrayList<>(week.getRooms().size() * DAYS);
        for (int i = 0; i < week.getRooms().size() * DAYS; i++) {
            byRoom.add(new ArrayList<>());
        }
        for (Session session : week.getSessions()) {
            if (session.isAssigned()) {
                add(session);
            }
        }
    }

    void add(Session session) {
        int day = session.getDay();
        byRoom.get(session.getRoom().getIndex() * DAYS + day).add(session);
        for (Worker worker : session.getActivity().getWorkers()) {
            byWorker.computeIfAbsent(worker, w -> week())[day].add(session);
        }
        for (Audience audience : session.getActivity().getAudiences()) {
            byAudience.computeIfAbsent(audience, a -> week())[day].add(session);
        }
        if (earlier.containsKey(session.getActivity()) || later.containsKey(session.getActivity())) {
            byActivity.computeIfAbsent(session.getActivity(), a -> new ArrayList<>()).add(session);
        }
    }

    /** Call before the session's room or start changes. */
    void remove(Session session) {
        int day = session.getDay();
        byRoom.get(session.getRoom().getIndex() * DAYS + day).remove(session);
        for (Worker worker : session.getActivity().getWorkers()) {
            byWorker.get(worker)[day].remove(session);
        }
        for (Audience audience : session.getActivity().getAudiences()) {
            byAudience.get(audience)[day].remove(session);
        }
        List<Session> ordered = byActivity.get(session.getActivity());
        if (ordered != null) {
            ordered.remove(session);
        }
    }

    /**
     * Fills {@code blockers} with the placed sessions that {@code session} would clash with at
     * {@code start} in {@code room} (in the room, through a worker, or through one of its audiences), or be out of
     * order with (a session of an activity it comes after that has not ended, or of one that comes after it that
     * has started).
     * Returns false, leaving {@code blockers} partial, when the doors are locked then or when more
     * than {@code maxBlockers} stand in the way.
     */
    boolean blockers(Session session, Room room, int start, List<Session> blockers, int maxBlockers) {
        blockers.clear();
        int end = start + session.getActivity().getDurationMinutes();
        if (!room.getDoorsOpen().covers(start, end)) {
            return false;
        }
        int day = start / Day.MINUTES_PER_DAY;
        if (!collect(byRoom.get(room.getIndex() * DAYS + day), session, start, end, blockers, maxBlockers)) {
            return false;
        }
        List<Worker> workers = session.getActivity().getWorkers();
        for (int i = 0; i < workers.size(); i++) {
            List<Session>[] busy = byWorker.get(workers.get(i));
            if (busy != null && !collect(busy[day], session, start, end, blockers, maxBlockers)) {
                return false;
            }
        }
        List<Audience> audiences = session.getActivity().getAudiences();
        for (int i = 0; i < audiences.size(); i++) {
            List<Session>[] busy = byAudience.get(audiences.get(i));
            if (busy != null && !collect(busy[day], session, start, end, blockers, maxBlockers)) {
                return false;
            }
        }
        // Out of order is an overlap too: a session of an activity this one comes after overlaps the time from
        // this one's start to the week's end; one of an activity that comes after this one, the time before its end.
        for (Activity before : earlier.getOrDefault(session.getActivity(), List.of())) {
            List<Session> booked = byActivity.get(before);
            if (booked != null && !collect(booked, session, start, Integer.MAX_VALUE, blockers, maxBlockers)) {
                return false;
            }
        }
        for (Activity after : later.getOrDefault(session.getActivity(), List.of())) {
            List<Session> booked = byActivity.get(after);
            if (booked != null && !collect(booked, session, 0, end, blockers, maxBlockers)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Session>[] week() {
        List<Session>[] days = new List[DAYS];
        for (int day = 0; day < DAYS; day++) {
            days[day] = new ArrayList<>(4);
        }
        return days;
    }

    private static boolean collect(List<Session> placed, Session session, int start, int end, List<Session> blockers,
            int maxBlockers) {
        for (int i = 0; i < placed.size(); i++) {
            Session other = placed.get(i);
            if (other == session || other.getStart() >= end
                    || other.getStart() + other.getActivity().getDurationMinutes() <= start) {
                continue;
            }
            if (!blockers.contains(other)) {
                if (blockers.size() >= maxBlockers) {
                    return false;
                }
                blockers.add(other);
            }
        }
        return true;
    }
}
