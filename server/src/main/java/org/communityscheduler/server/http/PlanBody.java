package org.communityscheduler.server.http;

import java.util.Set;

import io.javalin.http.Context;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanWorkbook;

/**
 * A plan in a request body: JSON, or an Excel/WPS workbook when the Content-Type says so, read into the same plan
 * through the same validation; a workbook's problems are said at their sheet and cell ({@code 活动!J5}). The JSON a
 * workbook holds is held to the body limit a JSON plan is held to (413 above it): a small workbook can show one long
 * text in many cells.
 *
 * @param intake the plan's intake
 * @param json the plan as JSON: the body itself, or what the workbook holds (what a job keeps)
 */
record PlanBody(PlanIntake intake, byte[] json) {

    /** The routes that take a plan as a workbook too. */
    static final Set<String> ROUTES = Set.of("/api/schedules", "/api/plans/validate", "/api/plans/convert");

    static PlanBody read(Context ctx, RequestLimits limits) {
        byte[] body = ctx.bodyAsBytes();
        if (isWorkbook(ctx)) {
            PlanWorkbook.Reading reading = PlanWorkbook.read(body, limits.planLimits());
            if (reading.json().length > limits.maxRequestBytes()) {
                throw new ApiError(413, "$", Text.of("server.workbookPlanTooLarge", reading.json().length,
                        limits.maxRequestBytes()));
            }
            return new PlanBody(reading.intake(), reading.json());
        }
        return new PlanBody(PlanIntake.read(body, limits.planLimits()), body);
    }

    /** Whether the body is a workbook, by its Content-Type. */
    static boolean isWorkbook(Context ctx) {
        return RequestBodies.ContentType.of(ctx).mediaType().equals(PlanWorkbook.MEDIA_TYPE);
    }

    /** Answers a workbook as a download. */
    static void answer(Context ctx, String fileName, byte[] workbook) {
        ctx.contentType(PlanWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .result(workbook);
    }
}
