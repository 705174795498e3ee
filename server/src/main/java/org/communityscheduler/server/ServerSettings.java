package org.communityscheduler.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.server.http.RequestLimits;
import org.communityscheduler.server.job.run.JobLimits;
import org.communityscheduler.solve.SolverConfigs;
import org.communityscheduler.text.TextException;

/**
 * How the HTTP server runs. Every default lives in {@link #defaults()}.
 *
 * @param port 0 picks a free port (tests)
 * @param dataDir where jobs are kept on disk (and found again after a restart); null keeps them in memory only
 * @param parallelSolvers solves that run at once; later ones wait in order
 * @param threads cores a solve uses when it runs alone (each its share of the independent groups, in turn, or differently seeded solvers); a
 *     solve started while k others wait or run gets threads / (k + 1) of them
 * @param defaultTimeLimit a solve's time limit when the request gives none
 * @param maxTimeLimit the longest time limit a request may ask for; longer ones are capped to it
 * @param maxRequestBytes the largest request body accepted (413 above it)
 * @param maxOpenJobs jobs solving or waiting at once; more are refused with 429 and a Retry-After
 * @param maxSessions the most sessions a plan may ask for (400 above it)
 * @param keepFinished finished jobs kept (the newest); older ones are deleted, running ones never
 * @param keepFinishedFor how long a finished job is kept
 * @param apiToken when set, every {@code /api} request needs {@code Authorization: Bearer <token>}; null for none
 * @param corsOrigins origins (such as {@code https://example.org}) whose pages may call the API; empty for none
 * @param maxEventStreamsPerClient event streams one client (remote address) may hold open; more are refused with 429
 * @param maxEventStreams event streams open at once from all clients; more are refused with 503
 * @param publicUrl where people reach this server ({@code https://example.org}), for the feed links handed out; null
 *     to use the address each request came to (wrong behind a TLS-terminating load balancer)
 * @param metricsToken when set, {@code /metrics} needs {@code Authorization: Bearer <metricsToken>} (not the API's
 *     token: a scraper needs no access to the jobs); null leaves it open
 */
public record ServerSettings(int port, Path dataDir, int parallelSolvers, int threads, Duration defaultTimeLimit,
        Duration maxTimeLimit, long maxRequestBytes, int maxOpenJobs, int maxSessions, int keepFinished,
        Duration keepFinishedFor, String apiToken, List<String> corsOrigins, int maxEventStreamsPerClient,
        int maxEventStreams, String publicUrl, String metricsToken) {

    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_TIME_LIMIT = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_SESSIONS = 5_000;
    public static final int DEFAULT_KEEP_FINISHED = 500;
    /** Jobs waiting or solving at once, per solver, unless {@code --max-jobs} says otherwise (README, "The HTTP API"). */
    public static final int JOBS_PER_SOLVER = 8;
    public static final Duration DEFAULT_KEEP_FINISHED_FOR = Duration.ofDays(30);
    public static final int DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT = 16;
    public static final int DEFAULT_MAX_EVENT_STREAMS = 256;
    /** Where jobs are kept unless {@code --data-dir} says otherwise. */
    public static final Path DEFAULT_DATA_DIR = Path.of(System.getProperty("user.home"), ".community-scheduler", "jobs");

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new TextException("server.settings.port", port);
        }
        if (parallelSolvers < 1) {
            throw new TextException("server.settings.solvers", parallelSolvers);
        }
        if (threads < 1) {
            throw new TextException("server.settings.threads", threads);
        }
        if (maxRequestBytes < 1) {
            throw new TextException("server.settings.requestSize");
        }
        if (maxOpenJobs < 1) {
            throw new TextException("server.settings.maxJobs", maxOpenJobs);
        }
        if (maxSessions < 1) {
            throw new TextException("server.settings.maxSessions", maxSessions);
        }
        if (keepFinished < 0) {
            throw new TextException("server.settings.keepFinished");
        }
        if (maxEventStreamsPerClient < 1 || maxEventStreams < 1) {
            throw new TextException("server.settings.eventStreams");
        }
        if (apiToken != null && apiToken.isBlank()) {
            throw new TextException("server.settings.blankToken");
        }
        if (metricsToken != null && metricsToken.isBlank()) {
            throw new TextException("server.settings.blankMetricsToken");
        }
        if (defaultTimeLimit.compareTo(maxTimeLimit) > 0) {
            defaultTimeLimit = maxTimeLimit;
        }
        corsOrigins = List.copyOf(corsOrigins);
        if (publicUrl != null) {
            if (!publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                throw new TextException("server.settings.publicUrl", publicUrl);
            }
            publicUrl = publicUrl.replaceFirst("/+$", "");
        }
    }

    /**
     * Port 7070, jobs in memory, one solve per core, every core for a solve that runs alone, 30 s solves by default and 10 min at most, 10 MB bodies,
     * 8 jobs per solver waiting or running, 5 000 sessions a plan, the newest 500 finished jobs for 30 days,
     * no token, no CORS, 16 event streams per client and 256 in all, feed links on the address a request came to,
     * {@code /metrics} open.
     */
    public static ServerSettings defaults() {
        int solvers = Runtime.getRuntime().availableProcessors();
        return new ServerSettings(DEFAULT_PORT, null, solvers, solvers, SolverConfigs.DEFAULT_TIME_LIMIT,
                DEFAULT_MAX_TIME_LIMIT, DEFAULT_MAX_REQUEST_BYTES, JOBS_PER_SOLVER * solvers, DEFAULT_MAX_SESSIONS,
                DEFAULT_KEEP_FINISHED, DEFAULT_KEEP_FINISHED_FOR, null, List.of(), DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT,
                DEFAULT_MAX_EVENT_STREAMS, null, null);
    }

    /** Solves at once and cores each: both given, or the other one chosen so that together they fill the cores. */
    public ServerSettings withCores(Integer solvers, Integer threadsPerSolve) {
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = solvers != null ? solvers : threadsPerSolve != null ? Math.max(1, cores / threadsPerSolve) : parallelSolvers;
        int each = threadsPerSolve != null ? threadsPerSolve : solvers != null ? Math.max(1, cores / jobs) : threads;
        return withParallelSolvers(jobs).withThreads(each);
    }

    public ServerSettings withThreads(int threads) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withDataDir(Path dataDir) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    /** Also sets the job limit to {@link #JOBS_PER_SOLVER} per solver; {@link #withMaxOpenJobs} after it overrides that. */
    public ServerSettings withParallelSolvers(int parallelSolvers) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                JOBS_PER_SOLVER * Math.max(1, parallelSolvers), maxSessions, keepFinished, keepFinishedFor,
                apiToken, corsOrigins, maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withDefaultTimeLimit(Duration defaultTimeLimit) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withMaxTimeLimit(Duration maxTimeLimit) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withMaxRequestBytes(long maxRequestBytes) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withMaxOpenJobs(int maxOpenJobs) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    /** The plan size this server takes on, for {@link PlanIntake}. */
    public PlanLimits planLimits() {
        return new PlanLimits(maxSessions);
    }

    /** What the job store takes on and keeps. */
    public JobLimits jobLimits() {
        return new JobLimits(parallelSolvers, maxOpenJobs, keepFinished, keepFinishedFor);
    }

    /** What a request is held to. */
    public RequestLimits requestLimits() {
        return new RequestLimits(defaultTimeLimit, maxTimeLimit, maxRequestBytes, maxOpenJobs, planLimits());
    }

    public ServerSettings withMaxSessions(int maxSessions) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withKeepFinished(int keepFinished, Duration keepFinishedFor) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withApiToken(String apiToken) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    public ServerSettings withCorsOrigins(List<String> corsOrigins) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    /** Event streams one client may hold open, and all clients together. */
    public ServerSettings withMaxEventStreams(int perClient, int inAll) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins, perClient, inAll, publicUrl,
                metricsToken);
    }

    /** Where people reach this server, for the feed links; null for the address each request came to. */
    public ServerSettings withPublicUrl(String publicUrl) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }

    /** The token {@code /metrics} needs; null leaves it open. */
    public ServerSettings withMetricsToken(String metricsToken) {
        return new ServerSettings(port, dataDir, parallelSolvers, threads, defaultTimeLimit, maxTimeLimit, maxRequestBytes,
                maxOpenJobs, maxSessions, keepFinished, keepFinishedFor, apiToken, corsOrigins,
                maxEventStreamsPerClient, maxEventStreams, publicUrl, metricsToken);
    }
}
