package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.plan.Json;

/** A server on a free port, and a plain HTTP client for it: what a page or curl would send. */
final class TestServer implements AutoCloseable {

    static final String SAMPLE = DemoPlans.json(DemoPlans.DEFAULT).orElseThrow();

    final SchedulerServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    TestServer(ServerSettings settings) {
        server = new SchedulerServer(settings.withPort(0)).start();
    }

    TestServer() {
        this(ServerSettings.defaults().withParallelSolvers(2));
    }

    HttpClient client() {
        return client;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    HttpResponse<String> post(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a job's event stream; the lines arrive as the server sends them. */
    HttpResponse<Stream<String>> events(String id) {
        try {
            return client.send(HttpRequest.newBuilder(uri("/api/schedules/" + id + "/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads server-sent events until {@code done}: each as {@code name} and parsed {@code data}. */
    static List<Event> readUntilDone(Stream<String> lines) {
        List<Event> events = new ArrayList<>();
        String name = null;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                events.add(new Event(name, json(line.substring(6))));
                if ("done".equals(name)) {
                    break;
                }
            }
        }
        return events;
    }

    record Event(String name, JsonNode data) {
    }

    /** Submits a plan and answers the job's id. */
    String submit(String plan, String timeLimit) {
        HttpResponse<String> response = post("/api/schedules?timeLimit=" + timeLimit, plan);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).get("id").asText();
    }

    JsonNode schedule(String id) {
        HttpResponse<String> response = get("/api/schedules/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** Polls the job until it satisfies {@code condition}. */
    JsonNode awaitSchedule(String id, Predicate<JsonNode> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode schedule = schedule(id);
            if (condition.test(schedule)) {
                return schedule;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " did not get there within " + within + ": " + schedule);
            }
            sleep(200);
        }
    }

    JsonNode awaitDone(String id, Duration within) {
        return awaitSchedule(id, schedule -> schedule.get("status").asText().equals("NOT_SOLVING"), within);
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
