package org.communityscheduler.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.SessionKey;

/**
 * A week's plan to solve again, kept close to a schedule of it (docs/plan-format.md §7, "Solving a week again"): its
 * pins as the schedule has them, and its placed sessions as {@code previous}, so that Disruption weighs every move
 * away from it. The page solves a week it has already solved, edited or published this way; {@link NextWeek} does the
 * same a week later.
 */
public final class Replan {

    private Replan() {
    }

    /**
     * @param plan the week's plan
     * @param placed the schedule's placed sessions (a schedule's {@code sessions})
     * @param unassigned the sessions the schedule leaves out (a schedule's {@code unassigned})
     * @return the same plan with the schedule's pins and its placements as {@code previous}, everything else the same
     */
    public static Plan of(Plan plan, List<Schedule.PlacedSession> placed, List<Schedule.UnassignedSession> unassigned) {
        List<Plan.Placement> previous = placed.stream()
                .map(session -> new Plan.Placement(session.activity(), session.session(), session.room(),
                        session.day(), session.start()))
                .toList();
        return new Plan(plan.name(), plan.week(), plan.sites(), plan.rooms(), plan.organizations(), plan.workers(),
                plan.audiences(), plan.activities(), pins(plan, placed, unassigned), previous,
                plan.constraintWeights());
    }

    /**
     * The plan kept close to a schedule document of it ({@code {"sessions": [...], "unassigned": [...]}}, for example
     * one a coordinator edited by hand or one published).
     *
     * @throws InvalidPlanException with every problem of the document, and every session or room the plan does not
     *         know, at their JSON paths
     */
    public static Plan of(Plan plan, JsonNode schedule) {
        List<Problem> problems = ScheduleReader.apply(ModelBuilder.build(plan), schedule, "");
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        ScheduleReader.Reading reading = ScheduleReader.read(schedule, "");
        return of(plan, reading.sessions(), reading.unassigned());
    }

    /**
     * The pins as the schedule has them, read as {@link Assignments} reads it: a listed session is pinned where it
     * is exactly when it says {@code pinned} (a coordinator's pin or unpin wins over the plan's), a left-out one is
     * not pinned, and a session the schedule names nowhere keeps the plan's pin. The plan's pins keep their order.
     */
    private static List<Plan.Placement> pins(Plan plan, List<Schedule.PlacedSession> placed,
            List<Schedule.UnassignedSession> unassigned) {
        Map<SessionKey, Plan.Placement> pins = new LinkedHashMap<>();
        plan.pinned().forEach(pin -> pins.put(SessionKey.of(pin.activity(), pin.session()), pin));
        unassigned.forEach(session -> pins.remove(SessionKey.of(session.activity(), session.session())));
        for (Schedule.PlacedSession session : placed) {
            SessionKey key = SessionKey.of(session.activity(), session.session());
            if (session.pinned()) {
                pins.put(key, new Plan.Placement(session.activity(), session.session(), session.room(),
                        session.day(), session.start()));
            } else {
                pins.remove(key);
            }
        }
        return List.copyOf(pins.values());
    }
}
