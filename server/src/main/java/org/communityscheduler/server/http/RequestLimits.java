package org.communityscheduler.server.http;

import java.time.Duration;

import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

/**
 * What a request is held to, from the server's settings: the size of its body and plan, the time limit it may ask
 * for, and how many jobs may wait or solve before a submission is refused.
 *
 * @param defaultTimeLimit a solve's time limit when the request gives none
 * @param maxTimeLimit the longest time limit a request may ask for; longer ones are capped to it
 * @param maxRequestBytes the largest request body accepted (413 above it)
 * @param maxOpenJobs jobs solving or waiting at once; more are refused with 429 and a Retry-After
 * @param planLimits the plan size this server takes on
 */
public record RequestLimits(Duration defaultTimeLimit, Duration maxTimeLimit, long maxRequestBytes, int maxOpenJobs,
        PlanLimits planLimits) {

    /** The time limit {@code ?timeLimit=} asks for, capped; the default without one. */
    Duration timeLimit(String text) {
        if (text == null) {
            return defaultTimeLimit;
        }
        try {
            Duration asked = TimeLimit.parse(text);
            return asked.compareTo(maxTimeLimit) > 0 ? maxTimeLimit : asked;
        } catch (TextException e) {
            throw ApiError.badRequest("timeLimit", e.text());
        }
    }

    /** About one solve: a job's place, or its event stream's, will be free by then. */
    long retryAfterSeconds() {
        return Math.max(1, defaultTimeLimit.toSeconds());
    }

    /** 429 with a Retry-After of about one solve. */
    ApiError busy() {
        long seconds = retryAfterSeconds();
        return new ApiError(429, "$", Text.of("server.busy", maxOpenJobs, seconds)).withHeader("Retry-After",
                Long.toString(seconds));
    }

    /** 413: the body is larger than the limit. */
    ApiError tooLarge() {
        return new ApiError(413, "$", Text.of("server.bodyTooLarge", maxRequestBytes));
    }
}
