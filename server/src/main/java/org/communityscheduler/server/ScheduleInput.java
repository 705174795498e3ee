package org.communityscheduler.server;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.schedule.ScheduleReader;

/**
 * The week an analysis or a recommendation is about, with its sessions placed: a job's best schedule
 * ({@code {"job": id}}), or a plan with a schedule document, for example one a coordinator edited by
 * hand ({@code {"plan": {...}, "schedule": {...}}}).
 */
record ScheduleInput(Plan plan, WeeklySchedule week) {

    /**
     * Reads the request body; every problem is added to {@code problems}.
     *
     * @return the week, or null when it has problems
     * @throws ApiError 404 for an unknown job
     */
    static ScheduleInput read(JsonNode body, JobStore jobs, List<Problem> problems) {
        int before = problems.size();
        JsonNode jobId = body.get("job");
        if (jobId != null && !jobId.isNull()) {
            return ofJob(body, jobId, jobs, problems);
        }
        JsonNode planNode = body.get("plan");
        JsonNode scheduleNode = body.get("schedule");
        if (planNode == null || planNode.isNull()) {
            problems.add(new Problem("plan", "is required, with \"schedule\" (or give \"job\": the id of a job)"));
        } else if (!planNode.isObject()) {
            problems.add(new Problem("plan", "must be a JSON object (a weekly plan)"));
        }
        if (scheduleNode == null || scheduleNode.isNull()) {
            problems.add(new Problem("schedule", "is required, with \"plan\" (or give \"job\": the id of a job)"));
        }
        if (problems.size() > before) {
            return null;
        }
        PlanIntake intake = PlanIntake.read(planNode, jobs.planLimits());
        if (!intake.isValid()) {
            intake.problems().forEach(problem -> problems.add(inPlan(problem)));
            problems.addAll(ScheduleReader.read(scheduleNode, "schedule").problems());
            return null;
        }
        WeeklySchedule week = intake.model();
        List<Problem> placing = ScheduleReader.apply(week, scheduleNode, "schedule");
        problems.addAll(placing);
        return placing.isEmpty() ? new ScheduleInput(intake.plan(), week) : null;
    }

    private static ScheduleInput ofJob(JsonNode body, JsonNode jobId, JobStore jobs, List<Problem> problems) {
        int before = problems.size();
        if (body.has("plan") || body.has("schedule")) {
            problems.add(new Problem("job", "give either a job or a plan with its schedule, not both"));
        }
        if (!jobId.isTextual()) {
            problems.add(new Problem("job", "must be the id of a job, a string"));
        }
        if (problems.size() > before) {
            return null;
        }
        // The job and its plan in one look-up: a job pruned in between is not found, never half found.
        JobStore.WithPlan found = jobs.findWithPlan(jobId.asText())
                .orElseThrow(() -> ApiError.notFound("job", "no job with id \"" + jobId.asText() + "\""));
        Job job = found.job();
        Plan plan = found.plan();
        WeeklySchedule week = ModelBuilder.build(plan);
        List<Problem> placing = job.schedule() == null ? List.of()
                : Assignments.apply(week, job.schedule().sessions(), "schedule.sessions");
        problems.addAll(placing);
        return placing.isEmpty() ? new ScheduleInput(plan, week) : null;
    }

    /**
     * The session a reference such as {@code {"activity": "teen-club", "session": 2}} names.
     *
     * @return the session, or null after adding a problem at {@code path}
     */
    Session session(JsonNode reference, String path, List<Problem> problems) {
        if (reference == null || !reference.isObject()) {
            problems.add(new Problem(path, "is required: the session, as {\"activity\": \"id\", \"session\": 1}"));
            return null;
        }
        int before = problems.size();
        JsonNode activity = reference.get("activity");
        JsonNode number = reference.get("session");
        if (activity == null || !activity.isTextual()) {
            problems.add(new Problem(path + ".activity", "is required: the id of an activity"));
        }
        if (number == null || !number.isIntegralNumber() || !number.canConvertToInt() || number.asInt() < 1) {
            problems.add(new Problem(path + ".session", "is required: a session number from 1"));
        }
        if (problems.size() > before) {
            return null;
        }
        String id = SessionKey.of(activity.asText(), number.asInt()).toString();
        return week.getSessions().stream().filter(session -> session.getId().equals(id)).findFirst()
                .orElseGet(() -> {
                    problems.add(new Problem(path, "the plan has no session " + number.asInt() + " of activity \""
                            + activity.asText() + "\""));
                    return null;
                });
    }

    /** The plan's problems, at their paths inside the request body. */
    private static Problem inPlan(Problem problem) {
        return new Problem("$".equals(problem.path()) ? "plan" : "plan." + problem.path(), problem.message());
    }
}
