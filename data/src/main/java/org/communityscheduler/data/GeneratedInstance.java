package org.communityscheduler.data;

import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Schedule;

/**
 * A generated weekly plan and the schedule planted in it. {@code planted.score()} is the optimum:
 * {@code 0hard/0medium/0soft}, or with overfull sessions {@code 0hard/-Nmedium/0soft} where N is the
 * summed priority of the sessions that cannot fit (listed in {@code planted.unassigned()}).
 */
public record GeneratedInstance(GeneratorOptions options, Plan plan, Schedule planted) {

    /** The plan as the command line prints it: {@link Json#write} of the plan, the same bytes for the same options. */
    public String planJson() {
        return Json.write(plan);
    }

    /** The planted schedule in the format of docs/plan-format.md §6. */
    public String plantedJson() {
        return Json.write(planted);
    }

    public int requestedSessions() {
        return plan.activities().stream().mapToInt(Plan.Activity::sessionsPerWeek).sum();
    }

    public int plantedSessions() {
        return planted.sessions().size();
    }
}
