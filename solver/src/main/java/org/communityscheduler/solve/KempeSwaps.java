package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;


import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;

/**
 * Kempe chains across two times: a session moves to another start, the sessions there that share a worker, an
 * audience or its room move to the time it left, those that share one with them move on, and so on, so that
 * the two times trade whole groups of related sessions and no clash arises between them. A single move or swap
 * cannot do this when a group's day is tightly packed (ITC2007's curricula, a class's lessons, a worker's
 * afternoon): each of its steps breaks a clash on the way. Only sessions of the same length at exactly the two
 * starts take part; a chain that reaches a pinned session, a start outside a session's range or more than
 * {@value #MAX_CHAIN} sessions is no move.
 */
public final class KempeSwaps extends RandomSessionMoves<Map<Integer, List<Session>>> {

    /** Longer chains rarely keep the soft wishes and cost a scan each. */
    static final int MAX_CHAIN = 12;

    @Override
    Map<Integer, List<Session>> index(List<Session> sessions) {
        return byStart(sessions);
    }

    /** A chain moving {@code first} to a random start of its range. */
    @Override
    ManySessionsMove from(Map<Integer, List<Session>> byStart, Session first, Random random) {
        if (first.isLocked() || first.getStartRange().size() < 2) {
            return null;
        }
        return chain(byStart, first, first.getStartRange().get(random.nextInt(first.getStartRange().size())));
    }

    /** The placed sessions by start. */
    static Map<Integer, List<Session>> byStart(List<Session> sessions) {
        Map<Integer, List<Session>> byStart = new HashMap<>();
        for (Session session : sessions) {
            if (session.isAssigned()) {
                byStart.computeIfAbsent(session.getStart(), start -> new ArrayList<>()).add(session);
            }
        }
        return byStart;
    }

    /** The chain that moves placed {@code first} to {@code to}, or null when there is none. */
    static ManySessionsMove chain(Map<Integer, List<Session>> byStart, Session first, int to) {
        int from = first.getStart();
        if (from == to) {
            return null;
        }
        int duration = first.getActivity().getDurationMinutes();
        List<Session> moving = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        moving.add(first);
        targets.add(WeekTime.boxed(to));
        for (int next = 0; next < moving.size(); next++) {
            Session session = moving.get(next);
            int target = targets.get(next);
            int left = target == to ? from : to;
            for (Session other : byStart.getOrDefault(target, List.of())) {
                if (moving.contains(other) || !related(session, other)) {
                    continue;
                }
                if (other.isLocked() || other.getActivity().getDurationMinutes() != duration
                        || !other.getStartRange().contains(WeekTime.boxed(left)) || moving.size() == MAX_CHAIN) {
                    return null;
                }
                moving.add(other);
                targets.add(WeekTime.boxed(left));
            }
        }
        return new ManySessionsMove("start", moving, targets);
    }

    /** Sessions that cannot be at one time: a shared worker, audience or room. */
    private static boolean related(Session session, Session other) {
        return session.getRoom() == other.getRoom()
                || session.getActivity().sharedWorkers(other.getActivity()) > 0
                || shareAnAudience(session, other);
    }

    private static boolean shareAnAudience(Session session, Session other) {
        Collection<?> audiences = session.getActivity().getAudiences();
        for (Object audience : other.getActivity().getAudiences()) {
            if (audiences.contains(audience)) {
                return true;
            }
        }
        return false;
    }
}
