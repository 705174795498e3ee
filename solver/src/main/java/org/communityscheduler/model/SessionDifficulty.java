package org.communityscheduler.model;

import java.util.Comparator;

/**
 * Ascending difficulty, so the construction heuristic places the hardest sessions first: an activity that comes
 * after others only once they are placed (so it knows where they are, rather than blocking them), then fewest
 * possible (start, room) pairs, then longest, then most workers.
 */
public final class SessionDifficulty implements Comparator<Session> {

    private static final Comparator<Session> ORDER = Comparator
            .comparingInt((Session session) -> -session.getActivity().getOrderDepth())
            .thenComparingLong(session -> -(long) session.getStartRange().size() * session.getRoomRange().size())
            .thenComparingInt(session -> session.getActivity().getDurationMinutes())
            .thenComparingInt(session -> session.getActivity().getWorkers().size())
            .thenComparingInt(session -> session.getActivity().getPriority())
            .thenComparing(Session::getId);

    @Override
    public int compare(Session a, Session b) {
        return ORDER.compare(a, b);
    }
}
