package org.communityscheduler.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.communityscheduler.plan.Json;

/**
 * One client's server-sent event stream of a job. The job's events are queued as they happen, without
 * ever waiting on the client; the stream's own thread writes them, with a comment line now and then so
 * that a client that has gone away is noticed and costs nothing more. A slow client misses intermediate
 * best scores, never the end.
 */
final class EventStream {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int QUEUE_SIZE = 256;

    private final BlockingQueue<JobStore.Event> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final Duration heartbeat;

    EventStream(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** Hands an event to the stream; never blocks. */
    void offer(JobStore.Event event) {
        if (!queue.offer(event) && !JobStore.BEST.equals(event.name())) {
            queue.clear();
            queue.offer(event);
        }
    }

    /** Writes events until the job is done (or interrupted by the server stopping) or the client goes away. */
    void pump(HttpServletResponse response, Runnable unsubscribe) {
        try {
            OutputStream out = response.getOutputStream();
            while (true) {
                JobStore.Event event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    write(out, ": still solving\n\n");
                    continue;
                }
                write(out, "event: " + event.name() + "\ndata: " + Json.MAPPER.writeValueAsString(event.data())
                        + "\n\n");
                if (JobStore.DONE.equals(event.name()) || JobStore.INTERRUPTED.equals(event.name())) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unsubscribe.run();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
