package org.communityscheduler.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.javalin.http.Context;

import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.NextWeek;
import org.communityscheduler.server.export.ScheduleExports;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.workbook.PlanWorkbook;
import org.communityscheduler.workbook.ScheduleWorkbook;

/**
 * The routes that hand a job's schedule to other tools: iCalendar, CSV and workbook downloads, the job's plan as a
 * workbook, and the following week's plan.
 */
public final class ExportRoutes {

    private final JobLookup lookup;

    public ExportRoutes(JobStore jobs) {
        this.lookup = new JobLookup(jobs);
    }

    public void exportIcs(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        Job job = found.job();
        Plan plan = found.plan();
        ScheduleExports.Filter filter = filter(ctx, plan);
        String calendar = ScheduleExports.ics(plan, JobLookup.scheduleOf(job), filter, RequestLanguage.of(ctx),
                Instant.now());
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"schedule-" + job.id() + ".ics\"")
                .result(calendar.getBytes(StandardCharsets.UTF_8));
    }

    public void exportCsv(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        Job job = found.job();
        Plan plan = found.plan();
        ScheduleExports.Filter filter = filter(ctx, plan);
        byte[] table = ScheduleExports.csv(plan, JobLookup.scheduleOf(job), filter, RequestLanguage.of(ctx));
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"schedule-" + job.id() + ".csv\"")
                .result(table);
    }

    /**
     * The following week's plan, ready to submit: this week's placements as its {@code previous}, from the job's
     * schedule or, when the body gives one, from that schedule of the job's plan (edited by hand).
     */
    public void nextWeek(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        if (ctx.bodyAsBytes().length == 0) {
            ctx.json(NextWeek.of(found.plan(), JobLookup.scheduleOf(found.job())));
            return;
        }
        try {
            ctx.json(NextWeek.of(found.plan(), RequestBodies.jsonObject(ctx)));
        } catch (InvalidPlanException e) {
            throw ApiError.badRequest(e.problems());
        }
    }

    public void exportXlsx(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        PlanBody.answer(ctx, "schedule-" + found.job().id() + ".xlsx",
                ScheduleWorkbook.write(found.plan(), JobLookup.scheduleOf(found.job()), RequestLanguage.of(ctx)));
    }

    public void planXlsx(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        PlanBody.answer(ctx, "plan-" + found.job().id() + ".xlsx", PlanWorkbook.write(found.plan(),
                RequestLanguage.of(ctx)));
    }

    private static ScheduleExports.Filter filter(Context ctx, Plan plan) {
        return ScheduleExports.Filter.of(ctx.queryParam("room"), ctx.queryParam("worker"),
                ctx.queryParam("organization"), plan);
    }
}
