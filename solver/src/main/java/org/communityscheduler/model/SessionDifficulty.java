package org.communityscheduler.model;

import java.util.Comparator;

/**
 * Ascending difficulty, so the construction heuristic places the hardest sessions first: fewest
 * possible (start, room) pairs, then longest, then most workers.
 */
public final class SessionDifficulty implements Comparator<Session> {

    private static final Comparator<Session> ORDER = Comparator
            .comparingLong((Session session) -> -(long) session.getStartRange().size() * session.getRoomRange().size())
            .thenComparingInt(session -> session.getActivity().getDurationMinutes())
            .thenComparingInt(session -> session.getActivity().getWorkers().size())
            .thenComparingInt(session -> session.getActivity().getPriority())
            .thenComparing(Session::getId);

    @Override
    public int compare(Session a, Session b) {
        return ORDER.compare(a, b);
    }
}
