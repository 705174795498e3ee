package org.communityscheduler.server.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.model.Session;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.text.Text;

/** The routes that score a week and recommend where a session could go, for a job's schedule or one sent along. */
public final class AnalysisRoutes {

    private static final int DEFAULT_RECOMMENDATIONS = 5;
    private static final int MAX_RECOMMENDATIONS = 50;

    private final JobStore jobs;
    private final SchedulingEngine engine;
    private final PlanLimits planLimits;

    public AnalysisRoutes(JobStore jobs, SchedulingEngine engine, PlanLimits planLimits) {
        this.jobs = jobs;
        this.engine = engine;
        this.planLimits = planLimits;
    }

    /** {@code POST /api/schedules/analyze}: the week's score, by constraint and by what breaks it. */
    public void analyze(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        ScheduleInput input = ScheduleInput.read(RequestBodies.jsonObject(ctx), jobs, planLimits, problems);
        if (input == null) {
            throw ApiError.badRequest(problems);
        }
        RequestLanguage.json(ctx, engine.describe(input.week(), true));
    }

    /** {@code POST /api/schedules/recommend}: the best places for one session, and what each would change. */
    public void recommend(Context ctx) {
        JsonNode body = RequestBodies.jsonObject(ctx);
        List<Problem> problems = new ArrayList<>();
        int limit = recommendationLimit(body.get("limit"), problems);
        ScheduleInput input = ScheduleInput.read(body, jobs, planLimits, problems);
        Session session = input == null ? null : input.session(body.get("session"), "session", problems);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest(problems);
        }
        if (session.isPinned()) {
            throw new ApiError(409, "session", Text.of("server.sessionPinned", session.getNumber(),
                    session.getActivity().getId()));
        }
        Answers.Placement current = session.isAssigned()
                ? Answers.Placement.of(input.plan(), session, session.getRoom(), session.getStart())
                : null;
        // A placed session is taken out first: the question is where else it could go.
        session.setRoom(null);
        session.setStart(null);
        RequestLanguage.json(ctx, Answers.recommendations(input.plan(), session, current,
                engine.recommend(input.week(), session, limit)));
    }

    private static int recommendationLimit(JsonNode limit, List<Problem> problems) {
        if (limit == null || limit.isNull()) {
            return DEFAULT_RECOMMENDATIONS;
        }
        if (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > MAX_RECOMMENDATIONS) {
            problems.add(new Problem("limit", Text.of("server.limitOutOfRange", MAX_RECOMMENDATIONS)));
            return DEFAULT_RECOMMENDATIONS;
        }
        return limit.asInt();
    }
}
