package org.communityscheduler.constraints;

import java.math.RoundingMode;

import ai.timefold.solver.core.api.score.stream.common.LoadBalance;

import org.communityscheduler.model.Session;
import org.communityscheduler.model.Worker;

/** Match weights shared by a constraint's penalty and its justification; allocation-free. */
final class Constraints {

    private Constraints() {
    }

    static int lockedMinutes(Session session) {
        return session.getRoom().getDoorsOpen().minutesOutside(session.getStart(), session.getEnd());
    }

    static int excessParticipants(Session session) {
        return session.getActivity().getParticipants() - session.getRoom().getCapacity();
    }

    static int minutesNotAllowed(Session session) {
        return session.getActivity().getAllowedTimes().minutesOutside(session.getStart(), session.getEnd());
    }

    static int quietMinutes(Session session) {
        return session.getSite().getQuietHours().minutesInside(session.getStart(), session.getEnd());
    }

    static int onRequestMinutes(Session session) {
        return session.getRoom().getOnRequest().minutesInside(session.getStart(), session.getEnd());
    }

    /** Computed once per change of an organisation's balance: the square root is the costly part. */
    static long roundedUnfairness(LoadBalance<Worker> balance) {
        return balance.unfairness().setScale(0, RoundingMode.HALF_UP).longValue();
    }
}
