package org.communityscheduler.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.Replan;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanWorkbook;

/**
 * The routes of plans on their own: validate one, convert between JSON and a workbook, keep one close to a schedule
 * of it to solve again, and the bundled demo plans.
 */
public final class PlanRoutes {

    private final RequestLimits limits;

    public PlanRoutes(RequestLimits limits) {
        this.limits = limits;
    }

    /** 200 with the diagnostics for a valid plan; 400 with every error (and the diagnostics) for an invalid one. */
    public void validate(Context ctx) {
        PlanIntake intake = PlanBody.read(ctx, limits).intake();
        if (intake.isValid()) {
            RequestLanguage.json(ctx, Answers.Validation.valid(intake.model()));
        } else {
            RequestLanguage.json(ctx.status(400), Answers.Validation.invalid(intake));
        }
    }

    /**
     * A workbook in, its plan JSON out with the reading's warnings at their sheet and cell; a plan JSON in, its
     * workbook out; 400 with every error of either.
     */
    public void convert(Context ctx) {
        PlanIntake intake = PlanBody.read(ctx, limits).intake();
        if (!intake.isValid()) {
            RequestLanguage.json(ctx.status(400), Answers.Validation.invalid(intake));
        } else if (PlanBody.isWorkbook(ctx)) {
            RequestLanguage.json(ctx, new Answers.WorkbookPlan(intake.plan(), intake.diagnostics()));
        } else {
            PlanBody.answer(ctx, "plan.xlsx", PlanWorkbook.write(intake.plan(), RequestLanguage.of(ctx)));
        }
    }

    /**
     * {@code {"plan", "schedule"}} in, the plan out ready to solve again kept close to that schedule of it: its pins as
     * the schedule has them, its placed sessions as {@code previous}; 400 with every problem of either.
     */
    public void replan(Context ctx) {
        JsonNode body = RequestBodies.jsonObject(ctx);
        List<Problem> problems = new ArrayList<>();
        for (String field : List.of("plan", "schedule")) {
            if (!body.path(field).isObject()) {
                problems.add(new Problem(field, Text.of("server.replanRequired")));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiError.badRequest(problems);
        }
        PlanIntake intake = PlanIntake.read(body.get("plan"), limits.planLimits());
        if (!intake.isValid()) {
            throw ApiError.badRequest(intake.problems().stream().map(problem -> problem.under("plan")).toList());
        }
        try {
            ctx.json(Replan.of(intake.plan(), body.get("schedule")));
        } catch (InvalidPlanException e) {
            throw ApiError.badRequest(e.problems().stream().map(problem -> problem.under("schedule")).toList());
        }
    }

    public void demoPlans(Context ctx) {
        ctx.json(DemoPlans.names().stream()
                .map(name -> new Answers.DemoPlan(name, title(DemoPlans.json(name).orElseThrow(), name)))
                .toList());
    }

    public void demoPlan(Context ctx) {
        String name = ctx.pathParam("name");
        String json = DemoPlans.json(name)
                .orElseThrow(() -> ApiError.notFound("name", Text.of("server.noDemoPlan", name)));
        ctx.contentType(RequestBodies.JSON + "; charset=utf-8").result(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String title(String planJson, String fallback) {
        try {
            return Json.MAPPER.readTree(planJson).path("name").asText(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }
}
