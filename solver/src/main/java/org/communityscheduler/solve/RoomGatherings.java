package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;


import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;

/**
 * Gathers an activity's sessions into one room ("Room stability"): each session of the activity elsewhere moves
 * into the room of one of them, at its own time; where a session of the same length already holds that room
 * then, the two trade rooms. Moving them one at a time makes the week worse on the way (the first move adds a
 * room to the activity unless it was its last in the old one, a trade needs two moves), so annealing rarely
 * gathers a course spread over three rooms. A gathering that meets a pinned session, a room outside a session's
 * range or an occupant that cannot trade is no move.
 */
public final class RoomGatherings extends RandomSessionMoves<RoomGatherings.Week> {

    @Override
    Week index(List<Session> sessions) {
        return new Week(sessions);
    }

    @Override
    ManySessionsMove from(Week week, Session keeper, Random random) {
        return gathering(week, keeper);
    }

    /** The placed sessions of a week by activity and by room. */
    static final class Week {
        private final Map<Activity, List<Session>> byActivity = new HashMap<>();
        private final Map<Room, List<Session>> byRoom = new HashMap<>();

        Week(List<Session> sessions) {
            for (Session session : sessions) {
                if (session.isAssigned()) {
                    byActivity.computeIfAbsent(session.getActivity(), a -> new ArrayList<>()).add(session);
                    byRoom.computeIfAbsent(session.getRoom(), r -> new ArrayList<>()).add(session);
                }
            }
        }
    }

    /**
     * Every other session of {@code keeper}'s activity into {@code keeper}'s room, trading rooms with the session
     * there at its time; null when the activity already meets in one room or cannot be gathered there.
     */
    static ManySessionsMove gathering(Week week, Session keeper) {
        Room room = keeper.getRoom();
        List<Session> moving = new ArrayList<>();
        List<Room> rooms = new ArrayList<>();
        for (Session session : week.byActivity.get(keeper.getActivity())) {
            if (session.getRoom() == room) {
                continue;
            }
            if (session.isLocked() || !session.getRoomRange().contains(room)) {
                return null;
            }
            Session occupant = null;
            for (Session other : week.byRoom.getOrDefault(room, List.of())) {
                if (other.getStart() < session.getEnd() && session.getStart() < other.getEnd()) {
                    if (occupant != null || other.isLocked() || !other.getStart().equals(session.getStart())
                            || other.getEnd().intValue() != session.getEnd().intValue()
                            || !other.getRoomRange().contains(session.getRoom()) || moving.contains(other)) {
                        return null;
                    }
                    occupant = other;
                }
            }
            moving.add(session);
            rooms.add(room);
            if (occupant != null) {
                moving.add(occupant);
                rooms.add(session.getRoom());
            }
        }
        return moving.isEmpty() ? null : new ManySessionsMove("room", moving, rooms);
    }
}
