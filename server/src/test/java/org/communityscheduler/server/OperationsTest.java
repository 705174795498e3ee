package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.server.http.EventStream;
import org.communityscheduler.server.job.Job;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health, metrics, event streams that cost nothing once gone, a graceful stop. */
class OperationsTest {

    @Test
    void healthAndPrometheusMetricsWithTimefoldsSolverMetricsAndHttpTimings() {
        try (TestServer api = new TestServer()) {
            JsonNode health = TestServer.json(api.get("/health").body());
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.get("parallelSolvers").asInt()).isEqualTo(2);

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
