package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.server.http.EventStream;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on: health (readiness apart from liveness), metrics, event streams that cost nothing once
 * gone, a graceful stop.
 */
class OperationsTest {

    @Test
    void healthAndPrometheusMetricsWithTimefoldsSolverMetricsAndHttpTimings() {
        try (TestServer api = new TestServer()) {
            for (String probe : List.of("/health", "/health/ready")) {
                HttpResponse<String> ready = api.get(probe);
                assertThat(ready.statusCode()).as(probe).isEqualTo(200);
                // Open to anyone who can reach the port: how the server stands, not what it holds.
                assertThat(TestServer.json(ready.body())).as(probe).isEqualTo(TestServer.json("{\"status\": \"UP\"}"));
            }
            assertThat(api.get("/health/live").statusCode()).isEqualTo(200);

            String id = api.submit(TestServer.SAMPLE, "1s");
            api.awaitDone(id, Duration.ofSeconds(60));
            HttpResponse<String> metrics = api.get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("timefold_solver_")
                    .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/schedules\",status=\"202\"} 1")
                    .contains("route=\"/api/schedules/{id}\"")
                    .contains("scheduler_jobs{status=\"NOT_SOLVING\"} 1")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void whileItStartsTheServerLivesButIsNotReadyAsTheApiIsNot() throws Exception {
        // A database that takes connections and never answers: the server has bound its port and waits for it.
        try (ServerSocket silentDatabase = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silentDatabase.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            int port;
            try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            SchedulerServer server = new SchedulerServer(ServerSettings.defaults().withParallelSolvers(1).withPort(port),
                    DatabaseSettings.of("jdbc:postgresql://127.0.0.1:" + silentDatabase.getLocalPort() + "/none",
                            "nobody", "nothing"));
            CompletableFuture<SchedulerServer> starting = CompletableFuture.supplyAsync(server::start);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (held.isEmpty()) { // the port is bound first
                    assertThat(System.nanoTime()).as("the database asked").isLessThan(deadline);
                    TestServer.sleep(20);
                }
                HttpClient client = HttpClient.newHttpClient();
                String base = "http://localhost:" + port;
                assertThat(get(client, base + "/api/schedules").statusCode()).isEqualTo(503);
                for (String probe : List.of("/health", "/health/ready")) {
                    HttpResponse<String> notReady = get(client, base + probe);
                    assertThat(notReady.statusCode()).as(probe).isEqualTo(503);
                    assertThat(TestServer.json(notReady.body()).get("status").asText()).isEqualTo("STARTING");
                }
                assertThat(get(client, base + "/health/live").statusCode()).isEqualTo(200);
                assertThat(starting).isNotDone();
            } finally {
                silentDatabase.close();
                for (Socket socket : held) {
                    socket.close();
                }
                try {
                    starting.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException databaseGone) {
                    // It never answered: the server does not start.
                }
                server.stop();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEventStreamWorksForAPlainClientAndOneThatGoesAwayIsForgotten() throws Exception {
        try (TestServer api = new TestServer()) {
            String id = api.submit(TestServer.SAMPLE, "5m");
            // No Accept header, as curl -N sends none.
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(api.uri("/api/schedules/" + id + "/events")).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("event: status");
            assertThat(api.server.jobs().listenerCount(id)).isEqualTo(1);

            response.body().close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventStream.HEARTBEAT.toSeconds() + 10);
            while (api.server.jobs().listenerCount(id) > 0 && System.nanoTime() < deadline) {
                TestServer.sleep(100);
            }
            assertThat(api.server.jobs().listenerCount(id)).isZero();
            api.delete("/api/schedules/" + id);
        }
    }

    @Test
    void aGracefulStopEndsSolvesEarlyKeepsTheirBestAndEndsTheEventStreams() throws Exception {
        TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1));
        String solving = api.submit(TestServer.SAMPLE, "5m");
        String waiting = api.submit(TestServer.SAMPLE, "5m");
        api.awaitSchedule(solving, schedule -> schedule.has("sessions") && schedule.get("sessions").size() > 2,
                Duration.ofSeconds(60));
        CompletableFuture<List<TestServer.Event>> events = CompletableFuture.supplyAsync(
                () -> TestServer.readUntilDone(api.events(solving).body()));
        TestServer.sleep(300);

        long stopping = System.nanoTime();
        api.server.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(20));
        assertThat(events.get(10, TimeUnit.SECONDS)).last().extracting(TestServer.Event::name).isEqualTo("done");
        Job kept = api.server.jobs().find(solving).orElseThrow();
        assertThat(kept.isFinished()).isTrue();
        assertThat(kept.schedule().sessions().size()).isGreaterThan(2);
        Job notStarted = api.server.jobs().find(waiting).orElseThrow();
        assertThat(notStarted.isFinished()).isTrue();
        assertThat(notStarted.error().code()).isEqualTo("server.job.stoppedBeforeStart");
        api.close(); // stopping twice is harmless
    }
}
