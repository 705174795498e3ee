package org.communityscheduler.server.http;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.solver.SolverStatus;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.communityscheduler.server.job.run.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /metrics} reports (the JVM's, Timefold's solver metrics, every request by route and status, the event
 * streams and jobs open) and the request log: one line per request, as {@code key=value} pairs.
 */
public final class ServerMetrics implements AutoCloseable {

    /** One line per request, as {@code key=value} pairs. */
    private static final Logger REQUESTS = LoggerFactory.getLogger("org.communityscheduler.server.requests");
    /** The methods /metrics names; any other is counted as OTHER. */
    private static final Set<String> METRIC_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServerMetrics(JobStore jobs, EventStreamSlots streams) {
        Metrics.addRegistry(registry); // Timefold reports its solver metrics to Micrometer's global registry
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("scheduler.event.streams", streams, EventStreamSlots::open)
                .description("Event streams open").register(registry);
        // This server's jobs (with a database, this replica's): the probes tell only how it stands.
        for (SolverStatus status : SolverStatus.values()) {
            Gauge.builder("scheduler.jobs", jobs, store -> store.localCount(status)).description("Solving jobs by status")
                    .tag("status", status.name()).register(registry);
        }
    }

    /** Every meter, in Prometheus' text format. */
    String scrape() {
        return registry.scrape();
    }

    /** Times the request under its route and status, and logs it (a feed's path without its key: {@link RequestPaths}). */
    public void logRequest(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path
                : ctx.path().startsWith("/webjars/") && ctx.statusCode() < 400 ? "/webjars/*" : "unmatched";
        // Labels come from a fixed set: a made-up method or path must not add a series.
        String method = METRIC_METHODS.contains(ctx.method().name()) ? ctx.method().name() : "OTHER";
        Timer.builder("http.server.requests").description("HTTP requests by route and status")
                .tag("method", method).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        // A feed's path holds its key, which the log must not.
        String path = RequestPaths.withoutFeedKeys(ctx.path());
        if (route.startsWith("/health") || route.equals("/metrics")) { // probes and scrapes: every few seconds
            REQUESTS.debug("method={} path={} route={} status={} durationMs={}", ctx.method(), path, route,
                    ctx.statusCode(), String.format(Locale.ROOT, "%.1f", millis));
        } else {
            REQUESTS.info("method={} path={} route={} status={} durationMs={} ip={}", ctx.method(), path, route,
                    ctx.statusCode(), String.format(Locale.ROOT, "%.1f", millis), ctx.ip());
        }
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
