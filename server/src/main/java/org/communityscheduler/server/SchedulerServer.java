package org.communityscheduler.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPlugin;
import org.eclipse.jetty.server.handler.GracefulHandler;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.calendar.CalendarFeeds;
import org.communityscheduler.server.http.AccessFilters;
import org.communityscheduler.server.http.AnalysisRoutes;
import org.communityscheduler.server.http.ErrorAnswers;
import org.communityscheduler.server.http.EventStreamSlots;
import org.communityscheduler.server.http.ExportRoutes;
import org.communityscheduler.server.http.FeedRoutes;
import org.communityscheduler.server.http.JobRoutes;
import org.communityscheduler.server.http.JsonErrorHandler;
import org.communityscheduler.server.http.OperationRoutes;
import org.communityscheduler.server.http.PlanRoutes;
import org.communityscheduler.server.http.ServerMetrics;
import org.communityscheduler.server.http.StaticFiles;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.server.job.storage.JobFiles;
import org.communityscheduler.server.publish.PublicationDatabase;
import org.communityscheduler.server.publish.PublicationFiles;
import org.communityscheduler.server.publish.Publications;
import org.communityscheduler.server.replica.Replica;
import org.communityscheduler.server.storage.DataDirectoryLock;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.solve.SolverConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server, put together (README.md, "The HTTP API", described in src/main/resources/openapi.yaml): where the jobs
 * and publications are kept, the engine, and every route up front in {@code Javalin.create}, each handled by the route
 * class of its area ({@code server.http}). Errors are {@code {"errors": [{"path", "code", "message"}]}}, in the
 * language the request asks for; those Jetty answers before a route sees the request too ({@link JsonErrorHandler}).
 */
public final class SchedulerServer {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** The request line and headers together; longer URIs are refused with 414, larger headers with 431. */
    private static final int REQUEST_HEADER_BYTES = 8 * 1024;

    private final ServerSettings settings;
    private final SchedulingEngine engine;
    private final JobStore jobs;
    /** The publications in the data directory (or in memory), read back at start; null with a database. */
    private final PublicationFiles publicationFiles;
    private final JobRoutes jobRoutes;
    private final ServerMetrics metrics;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Javalin app;
    /** Held from {@link #start()} to {@link #stop()} when jobs are kept on disk. */
    private DataDirectoryLock dataDirectory;
    /** Once the jobs on disk are read back: before, the API answers 503. */
    private volatile boolean started;

    public SchedulerServer(ServerSettings settings) {
        this(settings, null);
    }

    /**
     * A replica that keeps its jobs in a database shared with others (README, "Running several replicas"); without
     * one ({@code null}), as {@link #SchedulerServer(ServerSettings)}.
     */
    public SchedulerServer(ServerSettings settings, DatabaseSettings databaseSettings) {
        this.settings = settings;
        this.engine = new SchedulingEngine(SolverConfigs.shipped(), settings.parallelSolvers(), settings.threads());
        Publications publications;
        if (databaseSettings != null) {
            // Every replica serves the jobs and the feeds from the database, on one pool.
            Database database = new Database(databaseSettings);
            this.jobs = JobStore.shared(engine, settings.jobLimits(), new Replica(database));
            this.publicationFiles = null;
            publications = new PublicationDatabase(database);
        } else {
            this.jobs = settings.dataDir() == null ? JobStore.inMemory(engine, settings.jobLimits())
                    : JobStore.inFiles(engine, settings.jobLimits(), new JobFiles(settings.dataDir()));
            this.publicationFiles = new PublicationFiles(settings.dataDir());
            publications = publicationFiles;
        }
        EventStreamSlots streamSlots = new EventStreamSlots(settings.maxEventStreamsPerClient(),
                settings.maxEventStreams());
        this.metrics = new ServerMetrics(jobs, streamSlots);
        this.jobRoutes = new JobRoutes(jobs, engine, settings.requestLimits(), settings.apiToken(), streamSlots);
        AccessFilters access = new AccessFilters(settings.apiToken(), settings.metricsToken(), settings.requestLimits(),
                () -> started);
        AnalysisRoutes analysis = new AnalysisRoutes(jobs, engine, settings.planLimits());
        PlanRoutes plans = new PlanRoutes(settings.requestLimits());
        ExportRoutes exports = new ExportRoutes(jobs);
        FeedRoutes feeds = new FeedRoutes(jobs, new CalendarFeeds(publications), settings.publicUrl());
        OperationRoutes operations = new OperationRoutes(jobs, () -> started, metrics);
        ErrorAnswers errors = new ErrorAnswers(settings.requestLimits());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                // Stopping lets the requests in flight finish (event streams end once the solves have).
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new JsonErrorHandler(AccessFilters.SECURITY_HEADERS, REQUEST_HEADER_BYTES));
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(
                    new JsonErrorHandler(AccessFilters.SECURITY_HEADERS, REQUEST_HEADER_BYTES)));
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            StaticFiles.add(config); // the coordinators' web page at /, and Swagger UI's files
            config.requestLogger.http(metrics::logRequest);
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(handler.getHttpMethod() + " " + handler.getPath());
                }
            });

            if (!settings.corsOrigins().isEmpty()) { // off unless configured: the page is served from here
                config.registerPlugin(new CorsPlugin(cors -> cors.addRule(rule -> {
                    settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                    rule.exposeHeader("Location");
                    rule.exposeHeader("Retry-After");
                })));
            }
            config.routes.before(access::securityHeaders);
            config.routes.before("/api/*", access::requireToken);
            config.routes.before("/api/*", access::requireStarted);
            config.routes.before(CalendarFeeds.PATH + "/*", access::requireStarted);
            config.routes.before("/metrics", access::requireMetricsToken);
            config.routes.beforeMatched("/api/*", access::requireJsonBody);

            config.routes.post("/api/schedules", jobRoutes::submit);
            config.routes.get("/api/schedules", jobRoutes::list);
            config.routes.get("/api/schedules/{id}", jobRoutes::schedule);
            config.routes.delete("/api/schedules/{id}", jobRoutes::stop);
            config.routes.get("/api/schedules/{id}/events", jobRoutes::events);
            config.routes.get("/api/schedules/{id}/export.ics", exports::exportIcs);
            config.routes.get("/api/schedules/{id}/export.csv", exports::exportCsv);
            config.routes.post("/api/schedules/{id}/next-week", exports::nextWeek);
            config.routes.put("/api/schedules/{id}/schedule", jobRoutes::saveEdited);
            config.routes.get("/api/schedules/{id}/export.xlsx", exports::exportXlsx);
            config.routes.get("/api/schedules/{id}/plan.xlsx", exports::planXlsx);
            config.routes.post("/api/schedules/analyze", analysis::analyze);
            config.routes.post("/api/schedules/recommend", analysis::recommend);
            config.routes.post("/api/plans/validate", plans::validate);
            config.routes.post("/api/plans/convert", plans::convert);
            config.routes.post("/api/plans/replan", plans::replan);
            config.routes.get("/api/demo-data", plans::demoPlans);
            config.routes.get("/api/demo-data/{name}", plans::demoPlan);
            config.routes.post("/api/schedules/{id}/publish", feeds::publish);
            config.routes.get("/api/publications", feeds::publications);
            config.routes.get("/api/publications/{startDate}", feeds::published);
            config.routes.delete("/api/publications/{startDate}", feeds::unpublish);
            config.routes.get("/api/feeds", feeds::list);
            config.routes.post("/api/feeds/rotate", feeds::rotate);
            config.routes.get("/api/feeds/qr.svg", feeds::qrCode);
            config.routes.get(CalendarFeeds.PATH + "/{key}/all.ics", feeds::all);
            config.routes.get(CalendarFeeds.PATH + "/{key}/worker/{worker}.ics", feeds::worker);
            config.routes.get(CalendarFeeds.PATH + "/{key}/room/{room}.ics", feeds::room);
            config.routes.get(CalendarFeeds.PATH + "/{key}/organization/{organization}.ics", feeds::organization);
            config.routes.get("/health", operations::ready);
            config.routes.get("/health/ready", operations::ready);
            config.routes.get("/health/live", operations::live);
            config.routes.get("/metrics", operations::metrics);
            config.routes.get("/openapi.yaml", operations::openApi);
            config.routes.get("/plan.schema.json", operations::planSchema);
            config.routes.get("/api-docs", operations::apiDocs);
            config.routes.get("/api-docs.js", operations::apiDocsScript);

            errors.register(config.routes);
        });
    }

    /**
     * Binds the port, then holds the data directory, then reads its jobs back and starts again those that were
     * solving: a server that cannot serve, or whose directory another server holds, touches no job.
     *
     * @throws DataDirectoryLock.Unavailable when another server holds the data directory (or it cannot be made)
     * @throws Database.Unavailable when the job database cannot be reached or set up
     */
    public SchedulerServer start() {
        app.start(settings.port());
        if (settings.dataDir() != null) {
            dataDirectory = DataDirectoryLock.acquire(settings.dataDir());
        }
        jobs.start();
        if (publicationFiles != null) {
            publicationFiles.load();
        }
        started = true;
        LOG.info("Serving the scheduling API on http://localhost:{}/ ({} solve(s) at once; API docs at /api-docs)",
                port(), settings.parallelSolvers());
        return this;
    }

    /** The port the server listens on (the one picked when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** Every route, as {@code "GET /api/schedules/{id}"}. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** The jobs, for tests that look behind the API. */
    JobStore jobs() {
        return jobs;
    }

    /**
     * Stops gracefully: no new jobs, every solve stopped early with its best schedule kept (event streams
     * hear {@code interrupted} when the job goes on after a restart, {@code done} otherwise), then the HTTP
     * server, then the data directory is let go. Safe to call more than once.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStop();
            return;
        }
        LOG.info("Stopping the server");
        try {
            jobs.close();
            app.stop();
            jobRoutes.close();
            engine.close();
        } finally {
            if (dataDirectory != null) {
                dataDirectory.close();
            }
            metrics.close();
            stopped.countDown();
        }
    }

    /** Waits until {@link #stop()} has finished. */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
