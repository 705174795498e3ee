package org.communityscheduler.constraints;


import java.util.Map;

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

    /**
     * {@link LoadBalance#unfairness()} rounded, in plain double arithmetic: the square root of the
     * summed squared deviations from the mean load. The BigDecimal version is too slow for every move.
     */
    static long roundedUnfairness(LoadBalance<Worker> balance) {
        Map<Worker, Long> loads = balance.loads();
        if (loads.size() < 2) {
            return 0;
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (long load : loads.values()) {
            sum += load;
            sumOfSquares += (double) load * load;
        }
        double squaredDeviations = sumOfSquares - sum * sum / loads.size();
        return Math.round(Math.sqrt(Math.max(0, squaredDeviations)));
    }
}
