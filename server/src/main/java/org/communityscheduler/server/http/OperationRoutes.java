package org.communityscheduler.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.javalin.http.Context;

import org.communityscheduler.server.job.run.JobStore;

/**
 * The routes for those who run the server: readiness and liveness for probes, metrics, and the API's description
 * with the plan's schema, and docs.
 */
public final class OperationRoutes {

    /** How the server stands, as the probes tell it: only {@code UP} serves the API. */
    enum Standing {
        /** The port is bound; the jobs kept are not read back yet (or the database not reached yet). */
        STARTING,
        UP,
        /** A replica whose database does not answer: the API answers 503 until it does. */
        DATABASE_UNREACHABLE,
        /** Stopping: no new jobs. */
        STOPPING,
        /** The liveness probe's answer, whatever the rest: the process answers. */
        ALIVE
    }

    private final JobStore jobs;
    private final BooleanSupplier started;
    private final ServerMetrics metrics;
    private final String openApi = resource("/openapi.yaml");
    /** docs/plan.schema.json, which openapi.yaml's Plan refers to. */
    private final String planSchema = resource("/plan.schema.json");
    private final String apiDocs = resource("/api-docs.html").replace("{{swagger-ui}}", swaggerUiVersion());
    private final String apiDocsScript = resource("/api-docs.js");

    /** @param started whether the jobs kept are read back (the API answers 503 before) */
    public OperationRoutes(JobStore jobs, BooleanSupplier started, ServerMetrics metrics) {
        this.jobs = jobs;
        this.started = started;
        this.metrics = metrics;
    }

    /**
     * {@code GET /health/ready} (and {@code /health}): 200 while the API serves, 503 while it answers 503 — starting,
     * stopping, or without its database. A load balancer sends requests only to a ready server.
     */
    public void ready(Context ctx) {
        Standing standing = !started.getAsBoolean() ? Standing.STARTING
                : !jobs.isAccepting() ? Standing.STOPPING
                : !jobs.storageAnswers() ? Standing.DATABASE_UNREACHABLE
                : Standing.UP;
        ctx.status(standing == Standing.UP ? 200 : 503).json(new Answers.Health(standing.name()));
    }

    /**
     * {@code GET /health/live}: 200 while the process answers at all, also while it starts, stops or waits for its
     * database, none of which a restart would mend.
     */
    public void live(Context ctx) {
        ctx.json(new Answers.Health(Standing.ALIVE.name()));
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    public void openApi(Context ctx) {
        ctx.contentType("application/yaml; charset=utf-8").result(openApi.getBytes(StandardCharsets.UTF_8));
    }

    public void planSchema(Context ctx) {
        ctx.contentType("application/schema+json; charset=utf-8").result(planSchema.getBytes(StandardCharsets.UTF_8));
    }

    public void apiDocs(Context ctx) {
        ctx.html(apiDocs);
    }

    /** Swagger UI's start, a file of its own: the Content-Security-Policy allows no inline script. */
    public void apiDocsScript(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(apiDocsScript.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = OperationRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the server's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the bundled Swagger UI webjar, which is part of its path. */
    private static String swaggerUiVersion() {
        try (InputStream in = OperationRoutes.class
                .getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
