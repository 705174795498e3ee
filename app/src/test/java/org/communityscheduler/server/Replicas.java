package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityscheduler.server.ServerProcess.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.communityscheduler.server.storage.DatabaseSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Replicas of the server in the test's own process on one real PostgreSQL ({@link TestPostgres}), each with a plain
 * HTTP client. Registered as an extension, it starts the cluster for the test class, makes a new database before
 * each test and stops that test's replicas after it.
 */
final class Replicas implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final ServerSettings settings;
    private final List<Replica> started = new ArrayList<>();
    private TestPostgres postgres;
    private String url;

    /** Replicas with these settings; their port, data directory and database are the test's. */
    Replicas(ServerSettings settings) {
        this.settings = settings.withPort(0).withDataDir(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = TestPostgres.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        url = postgres.newDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopAll();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A new replica on this test's database, started. */
    Replica start() {
        Replica replica = new Replica(new SchedulerServer(settings, DatabaseSettings.of(url, null, null)).start());
        started.add(replica);
        return replica;
    }

    /** Stops every replica at once: one after the other, each would hand its jobs to the next. */
    void stopAll() {
        started.parallelStream().forEach(replica -> replica.server.stop());
        started.clear();
    }

    /** This test's database. */
    String url() {
        return url;
    }

    TestPostgres postgres() {
        return postgres;
    }

    static void await(BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + within);
            }
            ServerProcess.sleep(50);
        }
    }

    /** One replica and a plain HTTP client for it. */
    static final class Replica {
        final SchedulerServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private Replica(SchedulerServer server) {
            this.server = server;
        }

        /** Submits a plan; the new job's id. */
        String submit(String plan, String timeLimit) {
            HttpResponse<String> answer = post("/api/schedules?timeLimit=" + timeLimit, plan, Map.of());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            return json(answer.body()).get("id").asText();
        }

        /** Solves a plan for a second; the job's id once it is done. */
        String solve(String plan) {
            String id = submit(plan, "1s");
            await(() -> json(get("/api/schedules/" + id).body()).get("status").asText().equals("NOT_SOLVING"),
                    Duration.ofSeconds(30));
            return id;
        }

        HttpResponse<String> get(String path) {
            return get(path, Map.of());
        }

        HttpResponse<String> get(String path, Map<String, String> headers) {
            HttpRequest.Builder request = request(path).GET();
            headers.forEach(request::header);
            return send(request);
        }

        HttpResponse<String> delete(String path) {
            return send(request(path).DELETE());
        }

        /** A POST without a body of its own ({@code {}}). */
        HttpResponse<String> post(String path) {
            return post(path, "{}", Map.of());
        }

        HttpResponse<String> post(String path, String json, Map<String, String> headers) {
            HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            return send(request);
        }

        HttpResponse<String> put(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        /** The lines of a job's event stream, until it ends. */
        List<String> events(String id) {
            return ServerProcess.send(client, request("/api/schedules/" + id + "/events").GET().build(),
                    HttpResponse.BodyHandlers.ofLines()).body().filter(Predicate.not(String::isEmpty)).toList();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .timeout(Duration.ofSeconds(60));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            return ServerProcess.send(client, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
