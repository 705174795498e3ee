package org.communityscheduler.server.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.communityscheduler.text.Text;

/**
 * The event streams open at once, per client (remote address) and in all: a stream is held open for a whole
 * solve, so without a bound a few clients could hold every connection the server has.
 */
public final class EventStreamSlots {

    private final int perClient;
    private final int inAll;
    private final Map<String, Integer> byClient = new HashMap<>();
    private int open;

    public EventStreamSlots(int perClient, int inAll) {
        this.perClient = perClient;
        this.inAll = inAll;
    }

    /**
     * Takes a slot for one more stream of {@code client}.
     *
     * @return what frees the slot again (once, however often it runs)
     * @throws ApiError 429 when this client holds its share, 503 when the server holds all it takes
     */
    synchronized Runnable take(String client, long retryAfterSeconds) {
        String retryAfter = Long.toString(retryAfterSeconds);
        if (byClient.getOrDefault(client, 0) >= perClient) {
            throw new ApiError(429, "$", Text.of("server.clientStreamsFull", perClient, retryAfterSeconds))
                    .withHeader("Retry-After", retryAfter);
        }
        if (open >= inAll) {
            throw new ApiError(503, "$", Text.of("server.streamsFull", inAll, retryAfterSeconds))
                    .withHeader("Retry-After", retryAfter);
        }
        byClient.merge(client, 1, Integer::sum);
        open++;
        AtomicBoolean freed = new AtomicBoolean();
        return () -> {
            if (freed.compareAndSet(false, true)) {
                free(client);
            }
        };
    }

    synchronized int open() {
        return open;
    }

    private synchronized void free(String client) {
        byClient.computeIfPresent(client, (address, count) -> count > 1 ? count - 1 : null);
        open--;
    }
}
