package org.communityscheduler.server.replica;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.threads.DaemonThreads;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the replicas tell each other through the database's {@code NOTIFY}: every job event its owner tells (so that a
 * client may listen to a job on any replica), and notices that a job waits for a replica or is asked to stop.
 */
public final class ReplicaEvents implements AutoCloseable {

    /** Every replica's job events, as JSON {@link JobEvent}s. */
    static final String EVENTS = "scheduler_events";
    /** A job waiting for a replica ({@code queued}), or asked to stop ({@code stop:ID}). */
    static final String JOBS = "scheduler_jobs";
    public static final String QUEUED = "queued";
    public static final String STOP = "stop:";
    /** A NOTIFY payload must stay under 8000 bytes; an event's error is cut to this. */
    private static final int MAX_ERROR = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaEvents.class);

    private final Database database;
    private final ConcurrentLinkedQueue<JobEvent> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(DaemonThreads.named("job-events-out"));
    private volatile boolean closed;
    private Thread listener;

    public ReplicaEvents(Database database) {
        this.database = database;
    }

    /**
     * Listens for job events and notices on a connection of its own.
     *
     * @param notices hears every {@link #JOBS} payload, and {@code null} after the listening connection came back
     *     (a notice may have been missed)
     * @param events hears every job event any replica published
     */
    public void start(Consumer<String> notices, Consumer<JobEvent> events) {
        listener = DaemonThreads.named("job-database-listener").newThread(() -> listen(notices, events));
        listener.start();
    }

    /**
     * Sends a job's event to every replica, without waiting: events are sent in order, and a best score is left out
     * when a newer one of the same job is already waiting to go.
     */
    public void publish(JobEvent event) {
        if (closed) {
            return;
        }
        outgoing.add(event);
        if (flushing.compareAndSet(false, true)) {
            try {
                publisher.execute(this::flush);
            } catch (RejectedExecutionException e) {
                flushing.set(false);
            }
        }
    }

    private void flush() {
        flushing.set(false);
        List<JobEvent> batch = new ArrayList<>();
        for (JobEvent event; (event = outgoing.poll()) != null;) {
            batch.add(event);
        }
        List<String> payloads = new ArrayList<>();
        Set<String> newerBest = new HashSet<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            JobEvent event = batch.get(i);
            boolean best = JobEvent.BEST.equals(event.name());
            if (best && !newerBest.add(event.data().id())) {
                continue;
            }
            payloads.add(0, payload(event));
        }
        if (payloads.isEmpty()) {
            return;
        }
        try {
            database.run("SELECT pg_notify('" + EVENTS + "', ?)", statement -> {
                for (String payload : payloads) {
                    statement.setString(1, payload);
                    statement.execute();
                }
                return payloads.size();
            });
        } catch (IOException e) {
            LOG.debug("Cannot publish {} job event(s): {}", payloads.size(), e.getMessage());
        }
    }

    private static String payload(JobEvent event) {
        JobEvent.Progress data = event.data();
        String error = data.error() == null ? null : data.error().in(Language.EN);
        if (error != null && error.length() > MAX_ERROR) { // NOTIFY carries at most 8000 bytes
            data = new JobEvent.Progress(data.id(), data.status(), data.score(), data.feasible(), data.placed(),
                    data.unassigned(), data.seconds(), Text.of("plan.asWritten", error.substring(0, MAX_ERROR)));
        }
        try {
            return Json.MAPPER.writeValueAsString(new JobEvent(event.name(), data));
        } catch (IOException e) {
            throw new IllegalStateException("an event is always JSON", e);
        }
    }

    /** Listens on a connection of its own, and connects again whenever it is lost (a database restart). */
    private void listen(Consumer<String> notices, Consumer<JobEvent> events) {
        boolean lost = false;
        while (!closed) {
            try (Connection connection = database.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EVENTS);
                    statement.execute("LISTEN " + JOBS);
                }
                if (lost) {
                    LOG.info("Listening to the database again");
                    notices.accept(null);
                    lost = false;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = postgres.getNotifications(500);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        try {
                            if (EVENTS.equals(notification.getName())) {
                                events.accept(Json.MAPPER.readValue(notification.getParameter(), JobEvent.class));
                            } else {
                                notices.accept(notification.getParameter());
                            }
                        } catch (IOException | RuntimeException e) {
                            LOG.warn("Cannot handle the database notice {}: {}", notification.getParameter(),
                                    e.toString());
                        }
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn("Lost the connection that listens to the database ({}); connecting again",
                            e.getMessage());
                    lost = true;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Stops listening and publishing; what waits to be published is sent first. */
    @Override
    public void close() {
        publisher.shutdown();
        try {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
