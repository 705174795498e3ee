package org.communityscheduler.model;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Text;

/**
 * How big a valid plan a caller takes on; counted before a model is built, so an enormous plan costs nothing.
 *
 * @param maxSessions the most sessions one plan may ask for
 */
public record PlanLimits(int maxSessions) {

    /** No limit beyond what the arithmetic holds: for the command line and the benchmarks. */
    public static final PlanLimits NONE = new PlanLimits(Integer.MAX_VALUE);

    public PlanLimits {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("a plan must be allowed at least one session, not " + maxSessions);
        }
    }

    /** @return the problem when the plan asks for more than {@link #maxSessions} sessions, else null */
    public Problem check(Plan plan) {
        long sessions = plan.sessionCount();
        if (sessions <= maxSessions) {
            return null;
        }
        return new Problem("activities", Text.of("plan.overSessionLimit", sessions, maxSessions));
    }
}
