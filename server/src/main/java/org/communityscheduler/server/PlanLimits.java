package org.communityscheduler.server;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;

/** How big a valid plan this server takes on; counted before a model is built, so an enormous plan costs nothing. */
final class PlanLimits {

    private PlanLimits() {
    }

    /** @return the problem when the plan asks for more than {@code max} sessions, else null */
    static Problem sessions(Plan plan, int max) {
        long sessions = plan.sessionCount();
        if (sessions <= max) {
            return null;
        }
        return new Problem("activities", "the plan asks for " + sessions + " sessions; this server takes at most "
                + max + " in one plan (split it by site or by week)");
    }
}
