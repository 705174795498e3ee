package org.communityscheduler.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.timefold.solver.core.api.solver.SolverStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPlugin;
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
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.handler.GracefulHandler;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.NextWeek;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.schedule.ScheduleReader;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.solve.SolverConfigs;
import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;
import org.communityscheduler.workbook.PlanWorkbook;
import org.communityscheduler.workbook.ScheduleWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (README.md, "The HTTP API"), described in src/main/resources/openapi.yaml: the configuration and
 * every route up front, then one short handler per route that reads the request, asks the engine or the
 * job store, and writes the answer. Errors are {@code {"errors": [{"path", "code", "message"}]}} ({@link ApiError}),
 * in the language the request asks for ({@link RequestLanguage}); those
 * Jetty answers before a route sees the request too ({@link JsonErrorHandler}).
 */
public final class SchedulerServer {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerServer.class);
    /** One line per request, as {@code key=value} pairs. */
    private static final Logger REQUESTS = LoggerFactory.getLogger("org.communityscheduler.server.requests");
    private static final int DEFAULT_RECOMMENDATIONS = 5;
    private static final int MAX_RECOMMENDATIONS = 50;
    private static final String JSON = "application/json";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** The header that makes a retried submission return the first one's job (README, "The HTTP API"). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    /** The page and the API docs load only this server's own files; there is no inline script anywhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    /** Every answer: scripts, styles and data only from this server, never framed, no guessing of types. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");
    /** The methods /metrics names; any other is counted as OTHER. */
    private static final Set<String> METRIC_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");
    /** The request line and headers together; longer URIs are refused with 414, larger headers with 431. */
    private static final int REQUEST_HEADER_BYTES = 8 * 1024;

    private final ServerSettings settings;
    private final SchedulingEngine engine;
    private final JobStore jobs;
    private final Publications publications;
    private final FeedRoutes feeds;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String openApi = resource("/openapi.yaml");
    private final String apiDocs = resource("/api-docs.html").replace("{{swagger-ui}}", swaggerUiVersion());
    private final String apiDocsScript = resource("/api-docs.js");
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final EventStreamSlots streamSlots;
    /** Writes every event stream, without blocking: an open stream holds no thread. */
    private final ScheduledExecutorService eventWriter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-streams");
        thread.setDaemon(true);
        return thread;
    });
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
    public SchedulerServer(ServerSettings settings, DatabaseSettings database) {
        this.settings = settings;
        this.engine = new SchedulingEngine(SolverConfigs.shipped(), settings.parallelSolvers(), settings.threads());
        this.jobs = new JobStore(engine, settings, database);
        // With a database, every replica serves the feeds from it; the pool is the jobs' one.
        this.publications = jobs.database() != null ? new PublicationDatabase(jobs.database())
                : new PublicationFiles(settings.dataDir());
        this.feeds = new FeedRoutes(jobs, new CalendarFeeds(publications), settings.publicUrl());
        this.streamSlots = new EventStreamSlots(settings.maxEventStreamsPerClient(), settings.maxEventStreams());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                // Stopping lets the requests in flight finish (event streams end once the solves have).
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS, REQUEST_HEADER_BYTES));
            });
            config.jetty.modifyServletContextHandler(context ->
                    context.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS, REQUEST_HEADER_BYTES)));
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            config.staticFiles.enableWebjars();
            config.staticFiles.add("/public"); // the coordinators' web page at / (from the classpath)
            config.requestLogger.http(this::logRequest);
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
            config.routes.before(this::securityHeaders);
            config.routes.before("/api/*", this::requireToken);
            config.routes.before("/api/*", this::requireStarted);
            config.routes.before(CalendarFeeds.PATH + "/*", this::requireStarted);
            config.routes.beforeMatched("/api/*", this::requireJsonBody);

            config.routes.post("/api/schedules", this::submit);
            config.routes.get("/api/schedules", this::list);
            config.routes.get("/api/schedules/{id}", this::schedule);
            config.routes.delete("/api/schedules/{id}", this::stop);
            config.routes.get("/api/schedules/{id}/events", this::events);
            config.routes.get("/api/schedules/{id}/export.ics", this::exportIcs);
            config.routes.get("/api/schedules/{id}/export.csv", this::exportCsv);
            config.routes.post("/api/schedules/{id}/next-week", this::nextWeek);
            config.routes.put("/api/schedules/{id}/schedule", this::saveEdited);
            config.routes.get("/api/schedules/{id}/export.xlsx", this::exportXlsx);
            config.routes.get("/api/schedules/{id}/plan.xlsx", this::planXlsx);
            config.routes.post("/api/schedules/analyze", this::analyze);
            config.routes.post("/api/schedules/recommend", this::recommend);
            config.routes.post("/api/plans/validate", this::validate);
            config.routes.post("/api/plans/convert", this::convert);
            config.routes.get("/api/demo-data", this::demoPlans);
            config.routes.get("/api/demo-data/{name}", this::demoPlan);
            config.routes.post("/api/schedules/{id}/publish", feeds::publish);
            config.routes.get("/api/publications", feeds::publications);
            config.routes.delete("/api/publications/{startDate}", feeds::unpublish);
            config.routes.get("/api/feeds", feeds::list);
            config.routes.post("/api/feeds/rotate", feeds::rotate);
            config.routes.get("/api/feeds/qr.svg", feeds::qrCode);
            config.routes.get(CalendarFeeds.PATH + "/{key}/all.ics", feeds::all);
            config.routes.get(CalendarFeeds.PATH + "/{key}/worker/{worker}.ics", feeds::worker);
            config.routes.get(CalendarFeeds.PATH + "/{key}/room/{room}.ics", feeds::room);
            config.routes.get(CalendarFeeds.PATH + "/{key}/organization/{organization}.ics", feeds::organization);
            config.routes.get("/health", this::health);
            config.routes.get("/metrics", this::metrics);
            config.routes.get("/openapi.yaml", this::openApi);
            config.routes.get("/api-docs", this::apiDocs);
            config.routes.get("/api-docs.js", this::apiDocsScript);

            config.routes.exception(ApiError.class, (error, ctx) -> error.answer(ctx));
            config.routes.exception(JobStore.StorageUnavailable.class, this::databaseUnreachable);
            config.routes.exception(HttpResponseException.class, this::httpError);
            config.routes.exception(Exception.class, this::unexpected);
        });
        Metrics.addRegistry(metrics); // Timefold reports its solver metrics to Micrometer's global registry
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        Gauge.builder("scheduler.event.streams", streamSlots, EventStreamSlots::open)
                .description("Event streams open").register(metrics);
        for (SolverStatus status : SolverStatus.values()) {
            Gauge.builder("scheduler.jobs", jobs, store -> store.count(status)).description("Solving jobs by status")
                    .tag("status", status.name()).register(metrics);
        }
    }

    /**
     * Binds the port, then holds the data directory, then reads its jobs back and starts again those that were
     * solving: a server that cannot serve, or whose directory another server holds, touches no job.
     *
     * @throws DataDirectoryLock.Unavailable when another server holds the data directory (or it cannot be made)
     * @throws JobDatabase.Unavailable when the job database cannot be reached or set up
     */
    public SchedulerServer start() {
        app.start(settings.port());
        if (settings.dataDir() != null) {
            dataDirectory = DataDirectoryLock.acquire(settings.dataDir());
        }
        jobs.restore();
        if (publications instanceof PublicationFiles files) {
            files.load();
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
            eventWriter.shutdownNow();
            engine.close();
        } finally {
            if (dataDirectory != null) {
                dataDirectory.close();
            }
            Metrics.removeRegistry(metrics);
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

    // --- Solving jobs

    private void submit(Context ctx) {
        Duration timeLimit = timeLimit(ctx.queryParam("timeLimit"));
        byte[] body = ctx.bodyAsBytes();
        Job.Request request = idempotencyKey(ctx, body);
        Job first = replay(request);
        if (first != null) {
            answerReplay(ctx, first);
            return;
        }
        PlanBody plan = PlanBody.read(ctx, settings.planLimits());
        PlanIntake intake = plan.intake();
        if (!intake.isValid()) {
            throw ApiError.badRequest(intake.problems());
        }
        if (jobs.openCount() >= settings.maxOpenJobs()) {
            throw busy(); // before building a model the store would refuse anyway
        }
        WeeklySchedule week = intake.model();
        JobStore.Accepted accepted;
        try {
            accepted = jobs.submit(intake.plan(), new String(plan.json(), StandardCharsets.UTF_8), week, timeLimit,
                    request);
        } catch (JobStore.Full full) {
            throw busy();
        } catch (JobStore.Closed stopping) {
            throw new ApiError(503, "$", Text.of("server.stopping"))
                    .withHeader("Retry-After", "30");
        } catch (JobStore.KeyReused reused) {
            throw new ApiError(422, IDEMPOTENCY_KEY, reused.text());
        }
        Job job = accepted.job();
        if (accepted.replayed()) {
            answerReplay(ctx, job);
            return;
        }
        RequestLanguage.json(ctx.status(202).header("Location", "/api/schedules/" + job.id()),
                new Answers.Submitted(job.id(), job.status(), TimeLimit.format(timeLimit), job.diagnostics()));
    }

    /**
     * The submission's {@code Idempotency-Key}, kept as digests: of the key with the API token (a key is a client's
     * own), and of the time limit with the plan (a key names one request); null without the header.
     */
    private Job.Request idempotencyKey(Context ctx, byte[] body) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiError.badRequest(IDEMPOTENCY_KEY, Text.of("server.idempotencyKeyUnreadable", MAX_IDEMPOTENCY_KEY));
        }
        String token = settings.apiToken() == null ? "" : settings.apiToken();
        String timeLimit = ctx.queryParam("timeLimit") == null ? "" : ctx.queryParam("timeLimit");
        return new Job.Request(sha256((token + "\n" + key).getBytes(StandardCharsets.UTF_8)),
                sha256((timeLimit + "\n").getBytes(StandardCharsets.UTF_8), body));
    }

    private Job replay(Job.Request request) {
        try {
            return jobs.replay(request).orElse(null);
        } catch (JobStore.KeyReused reused) {
            throw new ApiError(422, IDEMPOTENCY_KEY, reused.text());
        }
    }

    /** 200 with the job the first submission with this key made, as it stands. */
    private static void answerReplay(Context ctx, Job job) {
        RequestLanguage.json(ctx.status(200).header("Location", "/api/schedules/" + job.id())
                .header("Idempotent-Replayed", "true"), new Answers.Submitted(job.id(), job.status(),
                TimeLimit.format(job.timeLimit()), job.diagnostics()));
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void list(Context ctx) {
        ctx.json(jobs.list().stream().map(Job::summary).toList());
    }

    private void schedule(Context ctx) {
        RequestLanguage.json(ctx, Answers.scheduleOf(job(ctx), RequestLanguage.of(ctx)));
    }

    private void stop(Context ctx) {
        String id = ctx.pathParam("id");
        RequestLanguage.json(ctx, Answers.scheduleOf(jobs.stop(id).orElseThrow(() -> unknownJob(id)),
                RequestLanguage.of(ctx)));
    }

    /** Server-sent events: the job's status, every new best score, and {@code done} last, then the stream ends. */
    private void events(Context ctx) {
        String id = ctx.pathParam("id");
        EventStream stream = new EventStream(eventWriter, RequestLanguage.of(ctx));
        Runnable freeSlot = streamSlots.take(ctx.ip(), retryAfterSeconds());
        Runnable unsubscribe;
        try {
            unsubscribe = jobs.subscribe(id, stream::offer).orElseThrow(() -> unknownJob(id));
        } catch (RuntimeException e) {
            freeSlot.run();
            throw e;
        }
        Runnable end = () -> {
            unsubscribe.run();
            freeSlot.run();
        };
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // tells a proxy such as nginx to pass events on at once
        ctx.future(() -> stream.start(response, end));
    }

    // --- Analysis and recommendations

    private void analyze(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        ScheduleInput input = ScheduleInput.read(jsonObject(ctx), jobs, problems);
        if (input == null) {
            throw ApiError.badRequest(problems);
        }
        RequestLanguage.json(ctx, engine.describe(input.week(), true));
    }

    private void recommend(Context ctx) {
        JsonNode body = jsonObject(ctx);
        List<Problem> problems = new ArrayList<>();
        int limit = recommendationLimit(body.get("limit"), problems);
        ScheduleInput input = ScheduleInput.read(body, jobs, problems);
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

    /**
     * A week the coordinator edited by hand becomes the finished job's schedule, scored as analyze scores it (any
     * placement a room and a day hold; what it breaks is in the score), so that its exports and a publication use it.
     */
    private void saveEdited(Context ctx) {
        JobStore.WithPlan found = jobWithPlan(ctx);
        String id = found.job().id();
        if (!found.job().isFinished()) {
            throw stillSolving(id);
        }
        JsonNode body = jsonObject(ctx);
        WeeklySchedule week = ModelBuilder.build(found.plan());
        List<Problem> problems = ScheduleReader.apply(week, body, "");
        if (!problems.isEmpty()) {
            throw ApiError.badRequest(problems);
        }
        Schedule edited = engine.describe(week, false);
        try {
            RequestLanguage.json(ctx, Answers.scheduleOf(jobs.edit(id, edited).orElseThrow(() -> unknownJob(id)),
                    RequestLanguage.of(ctx)));
        } catch (JobStore.StillSolving solving) {
            throw stillSolving(id);
        }
    }

    private static ApiError stillSolving(String id) {
        return new ApiError(409, List.of(new Problem("id", Text.of("edit.stillSolving", id))));
    }

    // --- Plans

    /** 200 with the diagnostics for a valid plan; 400 with every error (and the diagnostics) for an invalid one. */
    private void validate(Context ctx) {
        PlanIntake intake = PlanBody.read(ctx, settings.planLimits()).intake();
        if (intake.isValid()) {
            RequestLanguage.json(ctx, Answers.Validation.valid(intake.model()));
        } else {
            RequestLanguage.json(ctx.status(400), Answers.Validation.invalid(intake));
        }
    }

    /**
     * A workbook in, its plan JSON out with the reading's warnings at their sheet and cell; a plan JSON in, its
     * workbook out; 400 with every error of either.
     */
    private void convert(Context ctx) {
        PlanIntake intake = PlanBody.read(ctx, settings.planLimits()).intake();
        if (!intake.isValid()) {
            RequestLanguage.json(ctx.status(400), Answers.Validation.invalid(intake));
        } else if (PlanBody.isWorkbook(ctx)) {
            RequestLanguage.json(ctx, new Answers.WorkbookPlan(intake.plan(), intake.diagnostics()));
        } else {
            PlanBody.answer(ctx, "plan.xlsx", PlanWorkbook.write(intake.plan(), RequestLanguage.of(ctx)));
        }
    }

    private void demoPlans(Context ctx) {
        ctx.json(DemoPlans.names().stream()
                .map(name -> new Answers.DemoPlan(name, title(DemoPlans.json(name).orElseThrow(), name)))
                .toList());
    }

    private void demoPlan(Context ctx) {
        String name = ctx.pathParam("name");
        String json = DemoPlans.json(name)
                .orElseThrow(() -> ApiError.notFound("name", Text.of("server.noDemoPlan", name)));
        ctx.contentType(JSON + "; charset=utf-8").result(json.getBytes(StandardCharsets.UTF_8));
    }

    // --- Exports

    private void exportIcs(Context ctx) {
        JobStore.WithPlan found = jobWithPlan(ctx);
        Job job = found.job();
        Plan plan = found.plan();
        ScheduleExports.Filter filter = filter(ctx, plan);
        String calendar = ScheduleExports.ics(plan, scheduleOf(job), filter, RequestLanguage.of(ctx),
                Instant.now());
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"schedule-" + job.id() + ".ics\"")
                .result(calendar.getBytes(StandardCharsets.UTF_8));
    }

    private void exportCsv(Context ctx) {
        JobStore.WithPlan found = jobWithPlan(ctx);
        Job job = found.job();
        Plan plan = found.plan();
        ScheduleExports.Filter filter = filter(ctx, plan);
        byte[] table = ScheduleExports.csv(plan, scheduleOf(job), filter, RequestLanguage.of(ctx));
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"schedule-" + job.id() + ".csv\"")
                .result(table);
    }

    /**
     * The following week's plan, ready to submit: this week's placements as its {@code previous}, from the job's
     * schedule or, when the body gives one, from that schedule of the job's plan (edited by hand).
     */
    private void nextWeek(Context ctx) {
        JobStore.WithPlan found = jobWithPlan(ctx);
        if (ctx.bodyAsBytes().length == 0) {
            ctx.json(NextWeek.of(found.plan(), scheduleOf(found.job())));
            return;
        }
        try {
            ctx.json(NextWeek.of(found.plan(), jsonObject(ctx)));
        } catch (InvalidPlanException e) {
            throw ApiError.badRequest(e.problems());
        }
    }

    private void exportXlsx(Context ctx) {
        JobStore.WithPlan found = jobWithPlan(ctx);
        PlanBody.answer(ctx, "schedule-" + found.job().id() + ".xlsx",
                ScheduleWorkbook.write(found.plan(), scheduleOf(found.job()), RequestLanguage.of(ctx)));
    }

    private void planXlsx(Context ctx) {
        JobStore.WithPlan found = jobWithPlan(ctx);
        PlanBody.answer(ctx, "plan-" + found.job().id() + ".xlsx", PlanWorkbook.write(found.plan(),
                RequestLanguage.of(ctx)));
    }

    // --- Operations

    private void health(Context ctx) {
        Map<SolverStatus, Long> counts = new EnumMap<>(SolverStatus.class);
        for (SolverStatus status : SolverStatus.values()) {
            counts.put(status, jobs.count(status));
        }
        boolean up = jobs.isAccepting();
        ctx.status(up ? 200 : 503).json(new Answers.Health(up ? "UP" : "STOPPING", settings.parallelSolvers(), counts));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/yaml; charset=utf-8").result(openApi.getBytes(StandardCharsets.UTF_8));
    }

    private void apiDocs(Context ctx) {
        ctx.html(apiDocs);
    }

    /** Swagger UI's start, a file of its own: the Content-Security-Policy allows no inline script. */
    private void apiDocsScript(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(apiDocsScript.getBytes(StandardCharsets.UTF_8));
    }

    // --- Access and limits

    private void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** With a token configured, every /api request carries it (a CORS preflight cannot, and needs not). */
    private void requireToken(Context ctx) {
        if (settings.apiToken() == null || ctx.method().equals(HandlerType.OPTIONS)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                settings.apiToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "Authorization", Text.of(given == null ? "server.tokenMissing"
                    : "server.tokenWrong"))
                    .withHeader("WWW-Authenticate", "Bearer realm=\"community-scheduler\"");
        }
    }

    /** Between binding the port and reading the jobs back, a job that exists must not be answered 404. */
    private void requireStarted(Context ctx) {
        if (!started) {
            throw new ApiError(503, "$", Text.of("server.starting"))
                    .withHeader("Retry-After", "1");
        }
    }

    /** About one solve: a job's place, or its event stream's, will be free by then. */
    private long retryAfterSeconds() {
        return Math.max(1, settings.defaultTimeLimit().toSeconds());
    }

    /** 429 with a Retry-After of about one solve. */
    private ApiError busy() {
        long seconds = retryAfterSeconds();
        return new ApiError(429, "$", Text.of("server.busy", settings.maxOpenJobs(), seconds)).withHeader("Retry-After",
                Long.toString(seconds));
    }

    // --- Reading requests

    /** POST bodies are JSON (or a plan's workbook), no larger than the limit; both checked before a body is read. */
    private void requireJsonBody(Context ctx) {
        HandlerType method = ctx.method();
        if (!method.equals(HandlerType.POST) && !method.equals(HandlerType.PUT) && !method.equals(HandlerType.PATCH)) {
            return;
        }
        // The header as sent: the servlet API's getContentType() throws on a charset Java does not know.
        String type = ctx.header("Content-Type");
        if (type == null && ctx.contentLength() <= 0 && ctx.header("Transfer-Encoding") == null) {
            return; // no body at all (curl -X POST .../publish): nothing to read in a wrong type
        }
        String[] parts = type == null ? new String[] { "" } : type.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean workbook = mediaType.equals(PlanWorkbook.MEDIA_TYPE) && PlanBody.ROUTES.contains(ctx.path());
        if (!workbook && !mediaType.equals(JSON) && !mediaType.endsWith("+json")) {
            throw new ApiError(415, "$", type == null ? Text.of("server.sendJson")
                    : Text.of("server.sendJsonNot", type));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String charset = parameter.length < 2 ? "" : parameter[1].strip();
            if (parameter[0].strip().equalsIgnoreCase("charset") && !isUtf8(charset)) {
                throw new ApiError(415, "$", Text.of("server.utf8Only", charset));
            }
        }
        if (ctx.contentLength() > settings.maxRequestBytes()) {
            throw tooLarge();
        }
    }

    private static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "");
        try {
            return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    /** A JSON object body; JSON syntax errors are worded as they are for plans. */
    private static JsonNode jsonObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            List<Problem> problems = PlanReader.read(body).problems();
            throw ApiError.badRequest(problems.isEmpty()
                    ? List.of(new Problem("$", Text.of("plan.malformedJson", Text.of("plan.unreadableInput"))))
                    : problems);
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("$", Text.of("server.bodyNotAnObject"));
        }
        return node;
    }

    private Duration timeLimit(String text) {
        if (text == null) {
            return settings.defaultTimeLimit();
        }
        try {
            Duration asked = TimeLimit.parse(text);
            return asked.compareTo(settings.maxTimeLimit()) > 0 ? settings.maxTimeLimit() : asked;
        } catch (TextException e) {
            throw ApiError.badRequest("timeLimit", e.text());
        }
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

    private Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> unknownJob(id));
    }

    private JobStore.WithPlan jobWithPlan(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.findWithPlan(id).orElseThrow(() -> unknownJob(id));
    }

    static ApiError unknownJob(String id) {
        return ApiError.notFound("id", Text.of("server.noJob", id));
    }

    static Schedule scheduleOf(Job job) {
        if (job.schedule() == null) {
            throw new ApiError(409, "id", job.error() == null ? Text.of("server.noSchedule", job.id())
                    : Text.of("server.noScheduleBecause", job.id(), job.error()));
        }
        return job.schedule();
    }

    private static ScheduleExports.Filter filter(Context ctx, Plan plan) {
        return ScheduleExports.Filter.of(ctx.queryParam("room"), ctx.queryParam("worker"),
                ctx.queryParam("organization"), plan);
    }

    private static String title(String planJson, String fallback) {
        try {
            return Json.MAPPER.readTree(planJson).path("name").asText(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }

    // --- Errors and logging

    private ApiError tooLarge() {
        return new ApiError(413, "$", Text.of("server.bodyTooLarge", settings.maxRequestBytes()));
    }

    /** Javalin's own refusals (no such route, wrong method, body too large), in the API's error format. */
    private void httpError(HttpResponseException error, Context ctx) {
        ApiError answer = switch (error.getStatus()) {
            case 404 -> ApiError.notFound("$", Text.of("server.noSuchEndpoint", ctx.method().name(), ctx.path()));
            case 405 -> new ApiError(405, "$", allowed(error) == null
                    ? Text.of("server.methodNotAllowed", ctx.method().name(), ctx.path())
                    : Text.of("server.methodNotAllowedUse", ctx.method().name(), ctx.path(), allowed(error)));
            case 413 -> tooLarge();
            default -> new ApiError(error.getStatus(), "$", Text.of("plan.asWritten", error.getMessage()));
        };
        answer.answer(ctx);
    }

    private static String allowed(HttpResponseException error) {
        String methods = error.getDetails().getOrDefault("availableMethods",
                error.getDetails().get("Available methods"));
        return methods;
    }

    /** The driver's message names hosts and ports: it goes to the log, the client hears the catalogue's text only. */
    private void databaseUnreachable(JobStore.StorageUnavailable error, Context ctx) {
        LOG.warn("Answered 503 to {} {}: {}", ctx.method(), ctx.path(), error.getMessage());
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

    private void logRequest(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path
                : ctx.path().startsWith("/webjars/") && ctx.statusCode() < 400 ? "/webjars/*" : "unmatched";
        // Labels come from a fixed set: a made-up method or path must not add a series.
        String method = METRIC_METHODS.contains(ctx.method().name()) ? ctx.method().name() : "OTHER";
        Timer.builder("http.server.requests").description("HTTP requests by route and status")
                .tag("method", method).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        // A feed's path holds its key, which the log must not.
        String path = ctx.path().startsWith(CalendarFeeds.PATH + "/") ? route : ctx.path();
        if (route.equals("/health") || route.equals("/metrics")) {
            REQUESTS.debug("method={} path={} route={} status={} durationMs={}", ctx.method(), ctx.path(), route,
                    ctx.statusCode(), String.format(Locale.ROOT, "%.1f", millis));
        } else {
            REQUESTS.info("method={} path={} route={} status={} durationMs={} ip={}", ctx.method(), path, route,
                    ctx.statusCode(), String.format(Locale.ROOT, "%.1f", millis), ctx.ip());
        }
    }

    private static String resource(String name) {
        try (InputStream in = SchedulerServer.class.getResourceAsStream(name)) {
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
        try (InputStream in = SchedulerServer.class
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
