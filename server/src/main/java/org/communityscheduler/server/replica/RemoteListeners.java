package org.communityscheduler.server.replica;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.SolverStatus;

import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobRows;
import org.communityscheduler.server.job.storage.JobStorage.Stored;
import org.communityscheduler.server.storage.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners on this replica to jobs another replica solves (or that wait for one): they hear what the owner
 * publishes ({@link ReplicaEvents}), and {@code done} for a job that finished while an event could have been missed.
 */
public final class RemoteListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteListeners.class);

    private final JobRows rows;
    /** Guarded by itself. */
    private final Map<String, List<Consumer<JobEvent>>> listeners = new HashMap<>();

    RemoteListeners(JobRows rows) {
        this.rows = rows;
    }

    /**
     * Listens to a job solved elsewhere through the database's events: hears its status at once, {@code done} at
     * once for a finished job.
     *
     * @return how to stop listening; empty for an unknown job
     * @throws StorageUnavailable when the database cannot be reached
     */
    public Optional<Runnable> subscribe(String id, Consumer<JobEvent> listener) {
        synchronized (listeners) { // first, so that no event between the read and now is missed
            listeners.computeIfAbsent(id, key -> new ArrayList<>()).add(listener);
        }
        Runnable unsubscribe = () -> {
            synchronized (listeners) {
                List<Consumer<JobEvent>> ofJob = listeners.get(id);
                if (ofJob != null && ofJob.remove(listener) && ofJob.isEmpty()) {
                    listeners.remove(id);
                }
            }
        };
        Optional<Job> job;
        try {
            job = rows.find(id).map(Stored::job);
        } catch (IOException e) {
            unsubscribe.run();
            throw new StorageUnavailable(e);
        } catch (RuntimeException e) {
            unsubscribe.run();
            throw e;
        }
        if (job.isEmpty()) {
            unsubscribe.run();
            return Optional.empty();
        }
        listener.accept(JobEvent.of(JobEvent.STATUS, job.get()));
        if (job.get().isFinished()) {
            unsubscribe.run();
            listener.accept(JobEvent.of(JobEvent.DONE, job.get()));
            return Optional.of(() -> {
            });
        }
        return Optional.of(unsubscribe);
    }

    /** An event any replica (this one too) published: for whoever listens here to a job solved elsewhere. */
    void heard(JobEvent event) {
        List<Consumer<JobEvent>> told;
        synchronized (listeners) {
            List<Consumer<JobEvent>> all = JobEvent.DONE.equals(event.name()) ? listeners.remove(event.data().id())
                    : listeners.get(event.data().id());
            told = all == null ? List.of() : List.copyOf(all);
        }
        for (Consumer<JobEvent> listener : told) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener of job {} failed", event.data().id(), e);
            }
        }
    }

    /** Ends the streams of watched jobs that finished while a database event could have been missed. */
    void checkWatched() throws IOException {
        List<String> watched;
        synchronized (listeners) {
            watched = List.copyOf(listeners.keySet());
        }
        for (String id : watched) {
            Optional<Job> job = rows.find(id).map(Stored::job);
            if (job.isEmpty() || job.get().isFinished()) {
                heard(new JobEvent(JobEvent.DONE, job.map(found -> JobEvent.Progress.of(found, null))
                        .orElse(JobEvent.Progress.of(id, SolverStatus.NOT_SOLVING))));
            }
        }
    }

    /** How many listen here to a job through the database. */
    public int count(String id) {
        synchronized (listeners) {
            return listeners.getOrDefault(id, List.of()).size();
        }
    }

    /** This replica stops: every listener hears {@code interrupted}, to listen again on another replica. */
    void interruptAll() {
        Map<String, List<Consumer<JobEvent>>> watched;
        synchronized (listeners) {
            watched = new HashMap<>(listeners);
            listeners.clear();
        }
        watched.forEach((id, ofJob) -> {
            JobEvent.Progress progress = JobEvent.Progress.of(id, null);
            ofJob.forEach(listener -> listener.accept(new JobEvent(JobEvent.INTERRUPTED, progress)));
        });
    }
}
