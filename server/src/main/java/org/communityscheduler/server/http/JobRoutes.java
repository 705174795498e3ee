package org.communityscheduler.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.schedule.ScheduleReader;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.server.threads.DaemonThreads;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.Text;

/**
 * The routes of the solving jobs (README.md, "The HTTP API"): submit, list, read, stop, follow its events, and save a
 * week a coordinator edited as a finished job's schedule.
 */
public final class JobRoutes implements AutoCloseable {

    /** The header that makes a retried submission return the first one's job (README, "The HTTP API"). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final JobStore jobs;
    private final JobLookup lookup;
    private final SchedulingEngine engine;
    private final RequestLimits limits;
    /** The API token, part of an {@code Idempotency-Key}'s digest; null for none. */
    private final String apiToken;
    private final EventStreamSlots streamSlots;
    /** Writes every event stream, without blocking: an open stream holds no thread. */
    private final ScheduledExecutorService eventWriter = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("event-streams"));

    public JobRoutes(JobStore jobs, SchedulingEngine engine, RequestLimits limits, String apiToken,
            EventStreamSlots streamSlots) {
        this.jobs = jobs;
        this.lookup = new JobLookup(jobs);
        this.engine = engine;
        this.limits = limits;
        this.apiToken = apiToken;
        this.streamSlots = streamSlots;
    }

    /** {@code POST /api/schedules}: 202 with the new job, or 200 with the job a retried submission made. */
    public void submit(Context ctx) {
        Duration timeLimit = limits.timeLimit(ctx.queryParam("timeLimit"));
        byte[] body = ctx.bodyAsBytes();
        Job.Request request = idempotencyKey(ctx, body);
        Job first = replay(request);
        if (first != null) {
            answerReplay(ctx, first);
            return;
        }
        PlanBody plan = PlanBody.read(ctx, limits);
        PlanIntake intake = plan.intake();
        if (!intake.isValid()) {
            throw ApiError.badRequest(intake.problems());
        }
        if (jobs.openCount() >= limits.maxOpenJobs()) {
            throw limits.busy(); // before building a model the store would refuse anyway
        }
        WeeklySchedule week = intake.model();
        JobStore.Accepted accepted;
        try {
            accepted = jobs.submit(intake.plan(), new String(plan.json(), StandardCharsets.UTF_8), week, timeLimit,
                    request);
        } catch (JobStore.Full full) {
            throw limits.busy();
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
        String token = apiToken == null ? "" : apiToken;
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public void list(Context ctx) {
        ctx.json(jobs.list().stream().map(Job::summary).toList());
    }

    public void schedule(Context ctx) {
        RequestLanguage.json(ctx, Answers.scheduleOf(lookup.job(ctx), RequestLanguage.of(ctx)));
    }

    public void stop(Context ctx) {
        String id = ctx.pathParam("id");
        RequestLanguage.json(ctx, Answers.scheduleOf(jobs.stop(id).orElseThrow(() -> JobLookup.unknownJob(id)),
                RequestLanguage.of(ctx)));
    }

    /** Server-sent events: the job's status, every new best score, and {@code done} last, then the stream ends. */
    public void events(Context ctx) {
        String id = ctx.pathParam("id");
        EventStream stream = new EventStream(eventWriter, RequestLanguage.of(ctx));
        Runnable freeSlot = streamSlots.take(ctx.ip(), limits.retryAfterSeconds());
        Runnable unsubscribe;
        try {
            unsubscribe = jobs.subscribe(id, stream::offer).orElseThrow(() -> JobLookup.unknownJob(id));
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

    /**
     * A week the coordinator edited by hand becomes the finished job's schedule, scored as analyze scores it (any
     * placement a room and a day hold; what it breaks is in the score), so that its exports and a publication use it.
     */
    public void saveEdited(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        String id = found.job().id();
        if (!found.job().isFinished()) {
            throw stillSolving(id);
        }
        JsonNode body = RequestBodies.jsonObject(ctx);
        WeeklySchedule week = ModelBuilder.build(found.plan());
        List<Problem> problems = ScheduleReader.apply(week, body, "");
        if (!problems.isEmpty()) {
            throw ApiError.badRequest(problems);
        }
        Schedule edited = engine.describe(week, false);
        try {
            RequestLanguage.json(ctx, Answers.scheduleOf(jobs.edit(id, edited)
                    .orElseThrow(() -> JobLookup.unknownJob(id)), RequestLanguage.of(ctx)));
        } catch (JobStore.StillSolving solving) {
            throw stillSolving(id);
        }
    }

    private static ApiError stillSolving(String id) {
        return new ApiError(409, List.of(new Problem("id", Text.of("edit.stillSolving", id))));
    }

    /** Stops writing event streams; call once the HTTP server has stopped. */
    @Override
    public void close() {
        eventWriter.shutdownNow();
    }
}
