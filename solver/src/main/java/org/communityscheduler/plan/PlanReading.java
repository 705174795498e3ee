package org.communityscheduler.plan;

import java.util.List;

/**
 * What reading a plan gave: the plan (only when there are no problems), every problem found, and
 * the diagnostics that do not stop it from being solved.
 */
public record PlanReading(Plan plan, List<Problem> problems, List<Diagnostic> diagnostics) {

    public PlanReading {
        problems = List.copyOf(problems);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The plan, or the one bad-input error carrying every problem. */
    public Plan orThrow() {
        if (!isValid()) {
            throw new InvalidPlanException(problems);
        }
        return plan;
    }
}
