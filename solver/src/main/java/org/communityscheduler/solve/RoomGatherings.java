package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import org.communityscheduler.model.Activity;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * Gathers an activity's sessions into one room ("Room stability"): each session of the activity elsewhere moves
 * into the room of one of them, at its own time; where a session of the same length already holds that room
 * then, the two trade rooms. Moving them one at a time makes the week worse on the way (the first move adds a
 * room to the activity unless it was its last in the old one, a trade needs two moves), so annealing rarely
 * gathers a course spread over three rooms. A gathering that meets a pinned session, a room outside a session's
 * range or an occupant that cannot trade is no move.
 */
public final class RoomGatherings implements MoveIteratorFactory<WeeklySchedule, ManySessionsMove> {

    /** Draws of a session per move before giving up on this move. */
    private static final int TRIES = 8;

    @Override
    public long getSize(ScoreDirector<WeeklySchedule> scoreDirector) {
        return scoreDirector.getWorkingSolution().getSessions().size();
    }

    @Override
    public Iterator<ManySessionsMove> createOriginalMoveIterator(ScoreDirector<WeeklySchedule> scoreDirector) {
        throw new UnsupportedOperationException("room gatherings are drawn at random only");
    }

    @Override
    public Iterator<ManySessionsMove> createRandomMoveIterator(ScoreDirector<WeeklySchedule> scoreDirector, Random random) {
        return new Draws(scoreDirector.getWorkingSolution().getSessions(), random);
    }

    /** Random gatherings in the week as it stands for one step; its indexes are built on first use. */
    private static final class Draws implements Iterator<ManySessionsMove> {
        private final List<Session> sessions;
        private final Random random;
        private Week week;

        Draws(List<Session> sessions, Random random) {
            this.sessions = sessions;
            this.random = random;
        }

        @Override
        public boolean hasNext() {
            return !sessions.isEmpty();
        }

        @Override
        public ManySessionsMove next() {
            if (week == null) {
                week = new Week(sessions);
            }
            for (int i = 0; i < TRIES; i++) {
                Session keeper = sessions.get(random.nextInt(sessions.size()));
                if (keeper.isAssigned()) {
                    ManySessionsMove gathering = gathering(week, keeper);
                    if (gathering != null) {
                        return gathering;
                    }
                }
            }
            return ManySessionsMove.NONE;
        }
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
