package org.communityscheduler.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectWriter;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.text.Language;

/**
 * One client's server-sent event stream of a job. The job's events are queued as they happen, without ever
 * waiting on the client; the server's one writer thread writes them without blocking (servlet non-blocking
 * output), so an open stream holds no thread. A comment line now and then lets a client that has gone away
 * be noticed, after which it costs nothing more. A slow client misses intermediate best scores, never the end.
 */
public final class EventStream {

    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int QUEUE_SIZE = 256;
    private static final byte[] STILL_SOLVING = ": still solving\n\n".getBytes(StandardCharsets.UTF_8);

    private final BlockingQueue<JobEvent> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final ScheduledExecutorService writer;
    private final ObjectWriter json;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    // The rest is touched by the writer thread only.
    private ServletOutputStream out;
    private byte[] unwritten;
    private boolean unflushed;
    /** {@code done}, or {@code interrupted} by the server stopping: the stream ends after it. */
    private boolean lastWritten;
    private boolean heartbeatDue;

    /**
     * @param writer the one thread that writes every stream of the server
     * @param language the language of the messages in the events (a failed job's error)
     */
    EventStream(ScheduledExecutorService writer, Language language) {
        this.writer = writer;
        this.json = Json.writer(language);
    }

    /** Hands an event to the stream; never blocks. */
    void offer(JobEvent event) {
        if (!queue.offer(event) && !JobEvent.BEST.equals(event.name())) {
            queue.clear();
            queue.offer(event);
        }
        onWriter(this::drain);
    }

    /**
     * Writes events to the response of a request in async mode until the job is done or the client goes away.
     *
     * @param onEnd runs once when the stream ends, either way
     * @return completes when the stream has ended
     */
    CompletableFuture<Void> start(HttpServletResponse response, Runnable onEnd) {
        ScheduledFuture<?> heartbeat = writer.scheduleAtFixedRate(() -> {
            heartbeatDue = true;
            drain();
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        ended.whenComplete((nothing, error) -> {
            heartbeat.cancel(false);
            onEnd.run();
        });
        try {
            ServletOutputStream output = response.getOutputStream();
            output.setWriteListener(new WriteListener() {
                @Override
                public void onWritePossible() {
                    onWriter(() -> {
                        out = output;
                        drain();
                    });
                }

                @Override
                public void onError(Throwable clientGone) {
                    ended.complete(null);
                }
            });
        } catch (IOException | IllegalStateException e) {
            ended.complete(null);
        }
        return ended;
    }

    /** Writes what is queued for as long as the connection takes it without waiting; Jetty calls back for more. */
    private void drain() {
        if (out == null || ended.isDone()) {
            return;
        }
        try {
            while (out.isReady()) {
                if (unwritten != null) {
                    out.write(unwritten);
                    unwritten = null;
                    unflushed = true;
                } else if (unflushed) {
                    out.flush();
                    unflushed = false;
                } else if (lastWritten) {
                    ended.complete(null);
                    return;
                } else if (!next()) {
                    return;
                }
            }
        } catch (IOException e) {
            ended.complete(null); // the client went away
        }
    }

    /** Takes the next event, or a heartbeat when one is due and nothing else was written since; false for none. */
    private boolean next() throws IOException {
        JobEvent event = queue.poll();
        if (event != null) {
            unwritten = ("event: " + event.name() + "\ndata: " + json.writeValueAsString(event.data())
                    + "\n\n").getBytes(StandardCharsets.UTF_8);
            lastWritten = event.isLast();
        } else if (heartbeatDue) {
            unwritten = STILL_SOLVING;
        } else {
            return false;
        }
        heartbeatDue = false;
        return true;
    }

    private void onWriter(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException stopped) {
            // The server has stopped; its connections are closed.
        }
    }
}
