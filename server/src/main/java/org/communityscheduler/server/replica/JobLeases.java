package org.communityscheduler.server.replica;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.communityscheduler.server.job.storage.JobStorage;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.communityscheduler.server.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's hold on the jobs it solves from a shared database: every heartbeat it renews the leases of the jobs it
 * solves (and hands back any other it still owns), stops the jobs a coordinator asked to stop on another replica,
 * lets go of those another replica took over, and claims waiting jobs while it has solvers free. When it cannot
 * renew its leases for nearly a whole lease (the database is away), it stops solving its jobs before another replica
 * may take them: a job is never solved by two at once. It asks the jobs through {@link LocalJobs}, never the store.
 */
public final class JobLeases {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);
    private static final java.time.Duration WATCH_EVERY = java.time.Duration.ofMillis(250);

    private final Claims claims;
    private final RemoteListeners listeners;
    private final DatabaseSettings settings;
    /** This replica's jobs; set by {@link #start}. */
    private volatile LocalJobs jobs;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("job-leases"));
    /** Looks often whether the leases are still fresh, whatever the heartbeat is waiting for. */
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("job-lease-watch"));
    /** Stops that wait for a solver to finish, off the heartbeat's thread. */
    private final ExecutorService work = Executors.newCachedThreadPool(DaemonThreads.named("job-lease-work"));
    /**
     * Starts claimed jobs (reading the plan, building the model), one at a time, off the heartbeat's thread: a slow
     * start must not delay the next renewal.
     */
    private final ExecutorService starting = Executors.newSingleThreadExecutor(DaemonThreads.named("job-takeover"));
    /** Jobs claimed and not yet started: their leases are renewed too. Touched on the heartbeat's thread and by starts. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** When the leases were last renewed ({@link System#nanoTime()}). */
    private volatile long renewed = System.nanoTime();
    private volatile boolean unreachable;

    JobLeases(Claims claims, RemoteListeners listeners, DatabaseSettings settings) {
        this.claims = claims;
        this.listeners = listeners;
        this.settings = settings;
    }

    /** Starts the heartbeat for {@code jobs}, this replica's. */
    void start(LocalJobs jobs) {
        this.jobs = jobs;
        renewed = System.nanoTime();
        long every = settings.heartbeat().toMillis();
        beat.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
        watch.scheduleAtFixedRate(this::letGoIfStale, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Claims waiting jobs now rather than at the next heartbeat (a job was queued, the database is back). */
    public void wake() {
        try {
            beat.execute(this::claim);
        } catch (RejectedExecutionException e) {
            // Stopping: nothing more is claimed.
        }
    }

    /** Runs a task that may wait (a stop) off the heartbeat's thread. */
    public void later(Runnable task) {
        try {
            work.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("A job's stop failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Claims nothing more and renews no lease; the jobs are handed back by the store. */
    public void stop() {
        watch.shutdownNow();
        beat.shutdown();
        starting.shutdown();
        try {
            beat.awaitTermination(10, TimeUnit.SECONDS);
            starting.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Not renewed for a lease less a heartbeat (the database is away, or this process stalled): another replica may
     * take the jobs over any moment, so this one lets go first.
     */
    private void letGoIfStale() {
        if (System.nanoTime() - renewed >= settings.lease().minus(settings.heartbeat()).toNanos()) {
            jobs.solving().forEach(jobs::abandon);
            // A claimed job not started yet is another replica's soon: it is not started here.
            claimed.clear();
        }
    }

    private void beat() {
        letGoIfStale();
        try {
            // The database counts the new lease from the statement's start: so does this replica.
            long began = System.nanoTime();
            // Claimed ones first: a start moves its job from there to the store's solving ones, never the other way.
            Set<String> solving = new java.util.HashSet<>(claimed);
            Set<String> before = jobs.solving();
            solving.addAll(before);
            Claims.Heartbeat heartbeat = claims.heartbeat(solving);
            renewed = began;
            if (!heartbeat.released().isEmpty()) {
                LOG.info("Let go of {} job(s) this replica held without solving them: {}", heartbeat.released().size(),
                        heartbeat.released());
            }
            if (unreachable) {
                LOG.info("The database answers again; leases renewed");
                unreachable = false;
            }
            for (String id : before) {
                if (!heartbeat.held().contains(id)) {
                    jobs.abandon(id);
                }
            }
            for (String id : heartbeat.stopRequested()) {
                later(() -> jobs.stop(id));
            }
            claim();
            listeners.checkWatched();
        } catch (IOException e) {
            if (!unreachable) {
                LOG.warn("Cannot renew the leases ({}); trying again", e.getMessage());
                unreachable = true;
            }
        } catch (RuntimeException e) {
            LOG.error("The heartbeat failed", e);
        }
    }

    private void claim() {
        if (jobs == null) {
            return; // a notice came before the leases started: the first heartbeat claims
        }
        int free = jobs.freeSolvers() - claimed.size();
        if (free <= 0) {
            return;
        }
        try {
            for (JobStorage.Stored job : claims.claim(free)) {
                String id = job.job().id();
                claimed.add(id);
                try {
                    starting.execute(() -> {
                        try {
                            if (claimed.contains(id)) { // not let go since (the database was away)
                                jobs.takeOver(job);
                            }
                        } catch (RuntimeException e) {
                            LOG.error("Cannot start job {}", id, e);
                        } finally {
                            claimed.remove(id);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    claimed.remove(id); // stopping: handed back with the rest
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot claim waiting jobs: {}", e.getMessage());
        }
    }
}
