package org.communityscheduler.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanWorkbook;

/**
 * What every request passes before its route: the security headers of every answer, the API token (and the metrics
 * token of {@code /metrics}), the server having started, and a body of the right type and size.
 */
public final class AccessFilters {

    /** The page and the API docs load only this server's own files; there is no inline script anywhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    /** Every answer: scripts, styles and data only from this server, never framed, no guessing of types. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private final String apiToken;
    private final String metricsToken;
    private final RequestLimits limits;
    private final BooleanSupplier started;

    /**
     * @param apiToken the token every /api request carries; null for none
     * @param metricsToken the token every /metrics request carries; null for none
     * @param started whether the jobs kept are read back: before, the API answers 503
     */
    public AccessFilters(String apiToken, String metricsToken, RequestLimits limits, BooleanSupplier started) {
        this.apiToken = apiToken;
        this.metricsToken = metricsToken;
        this.limits = limits;
        this.started = started;
    }

    public void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** With a token configured, every /api request carries it (a CORS preflight cannot, and needs not). */
    public void requireToken(Context ctx) {
        if (ctx.method().equals(HandlerType.OPTIONS)) {
            return;
        }
        require(ctx, apiToken, "server.tokenMissing", "server.tokenWrong");
    }

    /** With a metrics token configured, every /metrics request carries it. */
    public void requireMetricsToken(Context ctx) {
        require(ctx, metricsToken, "server.metricsTokenMissing", "server.metricsTokenWrong");
    }

    /** {@code Authorization: Bearer <token>}, unless {@code token} is null; 401 with why not otherwise. */
    private static void require(Context ctx, String token, String missing, String wrong) {
        if (token == null) {
            return;
        }
        String authorization = ctx.header("Authorization");
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "Authorization", Text.of(given == null ? missing : wrong))
                    .withHeader("WWW-Authenticate", "Bearer realm=\"community-scheduler\"");
        }
    }

    /** Between binding the port and reading the jobs back, a job that exists must not be answered 404. */
    public void requireStarted(Context ctx) {
        if (!started.getAsBoolean()) {
            throw new ApiError(503, "$", Text.of("server.starting"))
                    .withHeader("Retry-After", "1");
        }
    }

    /** POST bodies are JSON (or a plan's workbook), no larger than the limit; both checked before a body is read. */
    public void requireJsonBody(Context ctx) {
        HandlerType method = ctx.method();
        if (!method.equals(HandlerType.POST) && !method.equals(HandlerType.PUT) && !method.equals(HandlerType.PATCH)) {
            return;
        }
        String type = ctx.header("Content-Type");
        if (type == null && ctx.contentLength() <= 0 && ctx.header("Transfer-Encoding") == null) {
            return; // no body at all (curl -X POST .../publish): nothing to read in a wrong type
        }
        RequestBodies.ContentType contentType = RequestBodies.ContentType.of(ctx);
        boolean workbook = contentType.mediaType().equals(PlanWorkbook.MEDIA_TYPE) && PlanBody.ROUTES.contains(ctx.path());
        if (!workbook && !contentType.isJson()) {
            throw new ApiError(415, "$", type == null ? Text.of("server.sendJson")
                    : Text.of("server.sendJsonNot", type));
        }
        for (String charset : contentType.charsets()) {
            if (!RequestBodies.isUtf8(charset)) {
                throw new ApiError(415, "$", Text.of("server.utf8Only", charset));
            }
        }
        if (ctx.contentLength() > limits.maxRequestBytes()) {
            throw limits.tooLarge();
        }
    }
}
