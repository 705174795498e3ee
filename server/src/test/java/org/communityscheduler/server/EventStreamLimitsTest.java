package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communityscheduler.server.http.EventStream;
import org.junit.jupiter.api.Test;

/** Event streams are bounded per client and in all, and a stream that ends gives its place back. */
class EventStreamLimitsTest {

    private static final Pattern OPEN = Pattern.compile("(?m)^scheduler_event_streams (\\S+)");

    @Test
    void aClientOverItsShareIsTooManyTheServerOverItsAllIsUnavailableAndAClosedStreamFreesItsPlace()
            throws IOException {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1)
                .withMaxEventStreams(2, 3));
                Streams streams = new Streams(api.server.port())) {
            String id = api.submit(TestServer.SAMPLE, "5m");
            String events = RawHttp.request("GET", "/api/schedules/" + id + "/events");

            Socket first = streams.open("127.0.0.1", events);
            streams.open("127.0.0.1", events);
            RawHttp.Answer tooMany = RawHttp.send(api.server.port(), "127.0.0.1", events);
            assertThat(RawHttpTest.assertJsonError(tooMany, 429).get("message").asText())
                    .isEqualTo("this client already has 2 event streams open; close one, or try again in 30 s");
            assertThat(tooMany.header("Retry-After")).isEqualTo("30");

            streams.open("127.0.0.2", events);
            RawHttp.Answer unavailable = RawHttp.send(api.server.port(), "127.0.0.3", events);
            assertThat(RawHttpTest.assertJsonError(unavailable, 503).get("message").asText())
                    .isEqualTo("the server already has 3 event streams open; try again in 30 s");
            assertThat(unavailable.header("Retry-After")).isEqualTo("30");
            assertThat(open(api)).isEqualTo(3);

            // A client that hangs up is noticed at the next event or heartbeat.
            first.close();
            awaitOpen(api, 2, EventStream.HEARTBEAT.plusSeconds(10));
            streams.open("127.0.0.3", events);

            // Stopping the job ends its streams: every place is free again.
            assertThat(api.delete("/api/schedules/" + id).statusCode()).isEqualTo(200);
            awaitOpen(api, 0, Duration.ofSeconds(10));
            assertThat(RawHttp.send(api.server.port(), "127.0.0.3", events).status()).isEqualTo(200);
        }
    }

    @Test
    void byDefaultSixteenStreamsPerClientAndTwoHundredFiftySixInAll() {
        assertThat(ServerSettings.defaults().maxEventStreamsPerClient()).isEqualTo(16);
        assertThat(ServerSettings.defaults().maxEventStreams()).isEqualTo(256);
        assertThatThrownBy(() -> ServerSettings.defaults().withMaxEventStreams(0, 10))
                .hasMessageContaining("at least one event stream");
    }

    @Test
    void anOpenStreamHoldsNoThread() throws IOException {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1));
                Streams streams = new Streams(api.server.port())) {
            String id = api.submit(TestServer.SAMPLE, "5m");
            String events = RawHttp.request("GET", "/api/schedules/" + id + "/events");
            streams.open("127.0.0.1", events); // the writer thread starts with the first stream
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();

            for (int i = 0; i < 15; i++) {
                streams.open("127.0.0.1", events);
            }

            assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(threads + 5);
            assertThat(open(api)).isEqualTo(16);
            api.delete("/api/schedules/" + id);
        }
    }

    @Test
    void aRefusedOrUnknownStreamTakesNoPlace() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1)
                .withMaxEventStreams(1, 1))) {
            for (int i = 0; i < 3; i++) {
                RawHttpTest.assertJsonError(RawHttp.send(api.server.port(),
                        RawHttp.request("GET", "/api/schedules/no-such-job/events")), 404);
            }
            assertThat(open(api)).isZero();
        }
    }

    private static int open(TestServer api) {
        Matcher open = OPEN.matcher(api.get("/metrics").body());
        assertThat(open.find()).isTrue();
        return (int) Double.parseDouble(open.group(1));
    }

    private static void awaitOpen(TestServer api, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (open(api) != count && System.nanoTime() < deadline) {
            TestServer.sleep(100);
        }
        assertThat(open(api)).isEqualTo(count);
    }

    /** Event streams held open from raw sockets, closed at the end. */
    private static final class Streams implements AutoCloseable {

        private final int port;
        private final List<Socket> sockets = new ArrayList<>();

        Streams(int port) {
            this.port = port;
        }

        /** Opens a stream from {@code from} and reads its head: 200 and the event-stream type. */
        Socket open(String from, String request) throws IOException {
            Socket socket = RawHttp.connect(port, from);
            sockets.add(socket);
            RawHttp.write(socket, request);
            RawHttp.Answer head = RawHttp.readHead(socket.getInputStream());
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).startsWith("text/event-stream");
            return socket;
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
