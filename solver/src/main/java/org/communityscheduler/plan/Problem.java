package org.communityscheduler.plan;

/**
 * One thing wrong with the input: where (a JSON path such as {@code activities[3].workers[0]};
 * {@code $} for the document itself) and what, in plain words. Always bad input: Timefold's "planning
 * problem" is called the planning model here ({@code WeeklySchedule}), so the two never meet.
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
