package org.communityscheduler.server.http;

import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;

import org.communityscheduler.schedule.NextWeek;
import org.communityscheduler.server.calendar.CalendarFeeds;
import org.communityscheduler.server.export.ScheduleExports;
import org.communityscheduler.server.storage.StorageUnavailable;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a route lets through, turned into the API's answer ({@link ApiError}): a refusal of the API itself, an
 * exception of the core (a week without a start date, a next week after the last date a plan may name, an unknown
 * id in a filter, a database that cannot be reached), Javalin's own refusals, and anything unexpected.
 */
public final class ErrorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

    private final RequestLimits limits;

    public ErrorAnswers(RequestLimits limits) {
        this.limits = limits;
    }

    /** Maps each kind of error to its answer, the most particular first. */
    public void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (error, ctx) -> error.answer(ctx));
        routes.exception(CalendarFeeds.NoStartDate.class, (error, ctx) ->
                new ApiError(409, "week.startDate", Text.of("publish.noStartDate")).answer(ctx));
        routes.exception(ScheduleExports.NoStartDate.class, (error, ctx) ->
                new ApiError(409, "week.startDate", Text.of("server.export.noStartDate")).answer(ctx));
        routes.exception(NextWeek.PastLastDate.class, (error, ctx) ->
                new ApiError(409, List.of(error.problem())).answer(ctx));
        routes.exception(ScheduleExports.UnknownIds.class, (error, ctx) ->
                ApiError.badRequest(error.problems()).answer(ctx));
        routes.exception(StorageUnavailable.class, this::databaseUnreachable);
        routes.exception(HttpResponseException.class, this::httpError);
        routes.exception(Exception.class, this::unexpected);
    }

    /** Javalin's own refusals (no such route, wrong method, body too large), in the API's error format. */
    private void httpError(HttpResponseException error, Context ctx) {
        String path = RequestPaths.withoutFeedKeys(ctx.path()); // an answer may be logged on its way back
        ApiError answer = switch (error.getStatus()) {
            case 404 -> ApiError.notFound("$", Text.of("server.noSuchEndpoint", ctx.method().name(), path));
            case 405 -> new ApiError(405, "$", allowed(error) == null
                    ? Text.of("server.methodNotAllowed", ctx.method().name(), path)
                    : Text.of("server.methodNotAllowedUse", ctx.method().name(), path, allowed(error)));
            case 413 -> limits.tooLarge();
            default -> new ApiError(error.getStatus(), "$", Text.of("plan.asWritten", error.getMessage()));
        };
        answer.answer(ctx);
    }

    private static String allowed(HttpResponseException error) {
        return error.getDetails().getOrDefault("availableMethods", error.getDetails().get("Available methods"));
    }

    /** The driver's message names hosts and ports: it goes to the log, the client hears the catalogue's text only. */
    private void databaseUnreachable(StorageUnavailable error, Context ctx) {
        LOG.warn("Answered 503 to {} {}: {}", ctx.method(), RequestPaths.withoutFeedKeys(ctx.path()),
                error.getMessage());
        new ApiError(503, "$", Text.of("database.unreachable")).withHeader("Retry-After", "5").answer(ctx);
    }

    private void unexpected(Exception error, Context ctx) {
        HttpException broken = brokenRequest(error);
        if (broken != null) {
            try {
                new ApiError(broken.getCode(), "$", Text.of("server.bodyUnreadable", broken.getReason()))
                        .answer(ctx);
            } catch (RuntimeException gone) {
                // The client left while sending.
            }
            return;
        }
        LOG.error("Unexpected error", error);
        try {
            new ApiError(500, "$", Text.of("server.failed")).answer(ctx);
        } catch (RuntimeException gone) {
            // The request is over (the client left, or the server is stopping): nobody to answer.
        }
    }

    /** What Jetty found wrong with a request while a route read its body (a bad chunk, a body cut short), if so. */
    private static HttpException brokenRequest(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http;
            }
        }
        return null;
    }
}
