package org.communityscheduler.server.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.JsonObjectReader;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.schedule.ScheduleReader;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.text.Text;

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
    static ScheduleInput read(JsonNode body, JobStore jobs, PlanLimits limits, List<Problem> problems) {
        int before = problems.size();
        JsonObjectReader json = JsonObjectReader.of(body, "", problems, new ArrayList<>());
        if (json.has("job")) {
            return ofJob(json, jobs, problems);
        }
        if (!json.has("plan")) {
            json.problem("plan", Text.of("server.planRequired"));
        }
        json.object("plan"); // an object, or a problem
        if (!json.has("schedule")) {
            json.problem("schedule", Text.of("server.scheduleRequired"));
        }
        if (problems.size() > before) {
            return null;
        }
        JsonNode planNode = body.get("plan");
        JsonNode scheduleNode = body.get("schedule");
        PlanIntake intake = PlanIntake.read(planNode, limits);
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

    private static ScheduleInput ofJob(JsonObjectReader json, JobStore jobs, List<Problem> problems) {
        int before = problems.size();
        if (json.has("plan") || json.has("schedule")) {
            json.problem("job", Text.of("server.jobOrPlan"));
        }
        String jobId = json.text("job");
        if (problems.size() > before) {
            return null;
        }
        // The job and its plan in one look-up: a job pruned in between is not found, never half found.
        JobStore.WithPlan found = jobs.findWithPlan(jobId)
                .orElseThrow(() -> ApiError.notFound("job", Text.of("server.noJob", jobId)));
        Job job = found.job();
        Plan plan = found.plan();
        WeeklySchedule week = ModelBuilder.build(plan);
        List<Problem> placing = job.schedule() == null ? List.of()
                : Assignments.apply(week, job.schedule().sessions(), job.schedule().unassigned(), "schedule");
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
            problems.add(new Problem(path, Text.of("server.sessionRequired")));
            return null;
        }
        int before = problems.size();
        JsonObjectReader json = JsonObjectReader.of(reference, path, problems, new ArrayList<>());
        String activity = json.requiredText("activity");
        Integer number = json.requiredInteger("session", 1, Plan.MAX_SESSIONS_PER_WEEK);
        if (problems.size() > before) {
            return null;
        }
        String id = SessionKey.of(activity, number).toString();
        return week.getSessions().stream().filter(session -> session.getId().equals(id)).findFirst()
                .orElseGet(() -> {
                    problems.add(new Problem(path, Text.of("schedule.unknownSession", number, activity)));
                    return null;
                });
    }

    /** The plan's problems, at their paths inside the request body. */
    private static Problem inPlan(Problem problem) {
        return problem.under("plan");
    }
}
