package org.communityscheduler.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Text;

/**
 * A request the API turns down, answered as {@code {"errors": [{"path", "code", "message", "args"}]}} with a 4xx
 * status, each message in the request's language ({@link RequestLanguage}).
 * A path is a JSON path into the request body ({@code plan.activities[3].workers[0]}), the name of a
 * query or path parameter ({@code timeLimit}, {@code id}), or {@code $} for the request as a whole.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final transient List<Problem> problems;
    /** Headers the answer needs, such as {@code Retry-After} or {@code WWW-Authenticate}. */
    private final transient Map<String, String> headers;

    ApiError(int status, List<Problem> problems) {
        this(status, problems, Map.of());
    }

    private ApiError(int status, List<Problem> problems, Map<String, String> headers) {
        super(status + " " + problems, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    /** The same refusal with one more header. */
    ApiError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, problems, more);
    }

    /** Writes the refusal as the answer. */
    void answer(Context ctx) {
        headers.forEach(ctx::header);
        RequestLanguage.json(ctx.status(status), errors());
    }

    ApiError(int status, String path, Text message) {
        this(status, List.of(new Problem(path, message)));
    }

    static ApiError badRequest(List<Problem> problems) {
        return new ApiError(400, problems);
    }

    static ApiError badRequest(String path, Text message) {
        return new ApiError(400, path, message);
    }

    static ApiError notFound(String path, Text message) {
        return new ApiError(404, path, message);
    }

    int status() {
        return status;
    }

    /** The body of the answer. */
    record Errors(List<Problem> errors) {
    }

    Errors errors() {
        return new Errors(problems);
    }
}
