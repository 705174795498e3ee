package org.communityscheduler.server;

import java.nio.file.Path;
import java.time.Duration;

import org.communityscheduler.solve.SolverConfigs;

/**
 * How the HTTP server runs. Every default lives in {@link #defaults()}.
 *
 * @param port 0 picks a free port (tests)
 * @param dataDir where jobs will be kept on disk; null keeps them in memory only
 * @param parallelSolvers solves that run at once; later ones wait in order
 * @param defaultTimeLimit a solve's time limit when the request gives none
 * @param maxTimeLimit the longest time limit a request may ask for; longer ones are capped to it
 * @param maxRequestBytes the largest request body accepted (413 above it)
 */
public record ServerSettings(int port, Path dataDir, int parallelSolvers, Duration defaultTimeLimit,
        Duration maxTimeLimit, long maxRequestBytes) {

    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_TIME_LIMIT = Duration.ofMinutes(10);

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, not " + port);
        }
        if (parallelSolvers < 1) {
            throw new IllegalArgumentException("at least one solve must be able to run, not " + parallelSolvers);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("the request size limit must be positive");
        }
        if (defaultTimeLimit.compareTo(maxTimeLimit) > 0) {
            defaultTimeLimit = maxTimeLimit;
        }
    }

    /** Port 7070, jobs in memory, one solve per core, 30 s solves by default and 10 min at most, 10 MB bodies. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, null, Runtime.getRuntime().availableProcessors(),
                SolverConfigs.DEFAULT_TIME_LIMIT, DEFAULT_MAX_TIME_LIMIT, DEFAULT_MAX_REQUEST_BYTES);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(port, dataDir, parallelSolvers, defaultTimeLimit, maxTimeLimit, maxRequestBytes);
    }

    public ServerSettings withDataDir(Path dataDir) {
        return new ServerSettings(port, dataDir, parallelSolvers, defaultTimeLimit, maxTimeLimit, maxRequestBytes);
    }

    public ServerSettings withParallelSolvers(int parallelSolvers) {
        return new ServerSettings(port, dataDir, parallelSolvers, defaultTimeLimit, maxTimeLimit, maxRequestBytes);
    }

    public ServerSettings withMaxTimeLimit(Duration maxTimeLimit) {
        return new ServerSettings(port, dataDir, parallelSolvers, defaultTimeLimit, maxTimeLimit, maxRequestBytes);
    }

    public ServerSettings withMaxRequestBytes(long maxRequestBytes) {
        return new ServerSettings(port, dataDir, parallelSolvers, defaultTimeLimit, maxTimeLimit, maxRequestBytes);
    }
}
