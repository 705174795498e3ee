package org.communityscheduler.server.http;

import io.javalin.http.Context;

import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.text.Text;

/** The job a route names by the {@code {id}} of its path, and its schedule: answered 404 and 409 when there is none. */
final class JobLookup {

    private final JobStore jobs;

    JobLookup(JobStore jobs) {
        this.jobs = jobs;
    }

    Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> unknownJob(id));
    }

    /** The job with its plan, in one look. */
    JobStore.WithPlan withPlan(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.findWithPlan(id).orElseThrow(() -> unknownJob(id));
    }

    static ApiError unknownJob(String id) {
        return ApiError.notFound("id", Text.of("server.noJob", id));
    }

    /** The job's schedule; 409 before it has one (or when it failed without one). */
    static Schedule scheduleOf(Job job) {
        if (job.schedule() == null) {
            throw new ApiError(409, "id", job.error() == null ? Text.of("server.noSchedule", job.id())
                    : Text.of("server.noScheduleBecause", job.id(), job.error()));
        }
        return job.schedule();
    }
}
