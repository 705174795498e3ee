package org.communityscheduler.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import ai.timefold.solver.core.api.solver.SolverStatus;

import io.javalin.http.Context;

import org.communityscheduler.server.job.run.JobStore;

/** The routes for those who run the server: health, metrics, the API's description with the plan's schema, and docs. */
public final class OperationRoutes {

    private final JobStore jobs;
    private final int parallelSolvers;
    private final ServerMetrics metrics;
    private final String openApi = resource("/openapi.yaml");
    /** docs/plan.schema.json, which openapi.yaml's Plan refers to. */
    private final String planSchema = resource("/plan.schema.json");
    private final String apiDocs = resource("/api-docs.html").replace("{{swagger-ui}}", swaggerUiVersion());
    private final String apiDocsScript = resource("/api-docs.js");

    public OperationRoutes(JobStore jobs, int parallelSolvers, ServerMetrics metrics) {
        this.jobs = jobs;
        this.parallelSolvers = parallelSolvers;
        this.metrics = metrics;
    }

    /** {@code GET /health}: up or stopping, and this server's jobs by status (with a database, this replica's). */
    public void health(Context ctx) {
        Map<SolverStatus, Long> counts = new EnumMap<>(SolverStatus.class);
        for (SolverStatus status : SolverStatus.values()) {
            counts.put(status, jobs.localCount(status));
        }
        boolean up = jobs.isAccepting();
        ctx.status(up ? 200 : 503).json(new Answers.Health(up ? "UP" : "STOPPING", parallelSolvers, counts));
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
