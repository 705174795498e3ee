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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.component.VEvent;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.plan.Json;
import org.communityscheduler.server.Publications.PublishedWeek;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds on two replicas of one real PostgreSQL ({@link TestPostgres}): a week published on one is served
 * by the other with the same events and ETag, publishing it again there keeps every event, new keys made on one
 * close the old links on the other, a publication of a week waits for one of the same week on the other, and the
 * weeks and keys outlive a restart of every replica.
 */
@Tag("slow") // real PostgreSQL, a solve of a second
class FeedReplicasTest {

    private static final String SAMPLE = DemoPlans.json(DemoPlans.DEFAULT).orElseThrow();
    private static TestPostgres postgres;

    private String url;
    private final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void newDatabase() throws Exception {
        url = postgres.newDatabase();
    }

    @AfterEach
    void stopReplicas() {
        replicas.parallelStream().forEach(replica -> replica.server.stop());
    }

    @Test
    void aWeekPublishedOnOneReplicaIsServedByTheOtherAndNewKeysCloseTheOldLinksOnBoth() {
        Replica one = replica();
        Replica other = replica();
        // Two replicas asking for the links of a new database at once make one secret between them.
        List<JsonNode> links = atOnce(List.of(one::feeds, other::feeds));
        assertThat(links.get(0)).isEqualTo(links.get(1));

        String job = one.solve(SAMPLE);
        long asked = System.nanoTime();
        HttpResponse<String> published = one.post("/api/schedules/" + job + "/publish");
        long publishMillis = (System.nanoTime() - asked) / 1_000_000;
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        int sessions = json(published.body()).get("sessions").asInt();
        String all = path(one.feeds(), "all", null);
        String li = path(one.feeds(), "worker", "li-na");

        asked = System.nanoTime();
        HttpResponse<String> onOther = other.get(all, Map.of());
        long feedMillis = (System.nanoTime() - asked) / 1_000_000;
        HttpResponse<String> onOne = one.get(all, Map.of());
        assertThat(onOther.statusCode()).isEqualTo(200);
        assertThat(onOther.body()).isEqualTo(onOne.body());
        assertThat(uids(onOther.body())).hasSize(sessions);
        String etag = onOne.headers().firstValue("ETag").orElseThrow();
        assertThat(onOther.headers().firstValue("ETag")).hasValue(etag);
        assertThat(onOther.headers().firstValue("Last-Modified"))
                .isEqualTo(onOne.headers().firstValue("Last-Modified"));
        asked = System.nanoTime();
        assertThat(other.get(all, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        long notModifiedMillis = (System.nanoTime() - asked) / 1_000_000;
        assertThat(other.get(li, Map.of()).body()).isEqualTo(one.get(li, Map.of()).body());
        System.out.printf("Feed replicas: publish %d ms, a feed of %d events on the other replica %d ms, 304 %d ms%n",
                publishMillis, sessions, feedMillis, notModifiedMillis);

        // Published again on the other replica: it finds the week the first one published, every event stays.
        HttpResponse<String> again = other.post("/api/schedules/" + job + "/publish");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again.body()).get("unchanged").asInt()).isEqualTo(sessions);
        assertThat(json(again.body()).get("added").asInt()).isZero();
        HttpResponse<String> republished = one.get(all, Map.of("If-None-Match", etag));
        assertThat(republished.statusCode()).isEqualTo(200);
        assertThat(republished.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag)
                .isEqualTo(other.get(all, Map.of()).headers().firstValue("ETag").orElseThrow());
        assertThat(uids(republished.body())).isEqualTo(uids(onOne.body()));

        HttpResponse<String> rotated = one.post("/api/feeds/rotate?lang=en");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(other.get(all, Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.get(li, Map.of()).statusCode()).isEqualTo(404);
        JsonNode newLinks = one.links(rotated.body());
        String newAll = path(newLinks, "all", null);
        assertThat(newAll).isNotEqualTo(all);
        assertThat(other.get(newAll, Map.of()).statusCode()).isEqualTo(200);
        assertThat(other.feeds()).isEqualTo(newLinks);
    }

    @Test
    void publicationsAtOnceOnBothReplicasAndTheWeeksAndKeysOutliveARestartOfEveryReplica() throws Exception {
        Replica one = replica();
        Replica other = replica();
        String job = one.solve(SAMPLE);
        // Four publications of a new week at once, two on each replica: one finds no week, the others find its.
        List<Supplier<JsonNode>> publications = new ArrayList<>();
        for (Replica replica : List.of(one, other, one, other)) {
            publications.add(() -> {
                HttpResponse<String> published = replica.post("/api/schedules/" + job + "/publish");
                assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
                return json(published.body());
            });
        }
        List<JsonNode> answers = atOnce(publications);
        int sessions = answers.get(0).get("sessions").asInt();
        assertThat(answers).filteredOn(answer -> answer.get("added").asInt() == sessions).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.get("unchanged").asInt() == sessions).hasSize(3);
        JsonNode links = one.feeds();
        String all = path(links, "all", null);
        HttpResponse<String> before = one.get(all, Map.of());

        replicas.parallelStream().forEach(replica -> replica.server.stop());
        replicas.clear();
        Replica first = replica();
        Replica second = replica();
        assertThat(second.feeds()).isEqualTo(links);
        HttpResponse<String> after = first.get(all, Map.of());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
        assertThat(json(second.get("/api/publications", Map.of()).body()).findValuesAsText("startDate"))
                .containsExactly("2026-11-30");

        // While the database is away a feed asks the calendar app to come back, not to forget it.
        postgres.stopServer();
        try {
            HttpResponse<String> away = second.get(all, Map.of());
            assertThat(away.statusCode()).isEqualTo(503);
            assertThat(away.headers().firstValue("Retry-After")).isPresent();
        } finally {
            postgres.startServer();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> back;
        while ((back = second.get(all, Map.of())).statusCode() == 503 && System.nanoTime() < deadline) {
            Replica.sleep(200); // as the calendar app would, later
        }
        assertThat(back.body()).isEqualTo(before.body());
    }

    @Test
    void aPublicationWaitsForOneOfTheSameWeekOnAnotherReplica() throws Exception {
        try (JobDatabase first = database("first"); JobDatabase second = database("second")) {
            LocalDate week = LocalDate.of(2026, 11, 30);
            new PublicationDatabase(first).feedSecret(); // the feed's state is made: only the lock holds the next back
            CountDownLatch revising = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<PublishedWeek> slow = CompletableFuture.supplyAsync(() ->
                    new PublicationDatabase(first).publish(week, before -> {
                        revising.countDown();
                        await(release);
                        return week(week, "slow");
                    }));
            await(revising);
            AtomicReference<Optional<PublishedWeek>> seen = new AtomicReference<>();
            CompletableFuture<PublishedWeek> next = CompletableFuture.supplyAsync(() ->
                    new PublicationDatabase(second).publish(week, before -> {
                        seen.set(before);
                        return week(week, "next");
                    }));
            try {
                Thread.sleep(300);
                assertThat(seen.get()).as("the second waits while the first revises").isNull();
            } finally {
                release.countDown();
            }
            slow.join();
            next.join();
            assertThat(seen.get()).hasValueSatisfying(before -> assertThat(before.job()).isEqualTo("slow"));
            assertThat(new PublicationDatabase(first).weeks()).extracting(PublishedWeek::job).containsExactly("next");
        }
    }

    // --- Helpers

    /** A replica's job database alone, without its server. */
    private JobDatabase database(String replica) {
        JobDatabase database = new JobDatabase(DatabaseSettings.of(url, null, null), replica);
        database.start(notice -> { }, event -> { });
        return database;
    }

    private static PublishedWeek week(LocalDate startDate, String job) {
        return new PublishedWeek(startDate, ZoneId.of("Asia/Shanghai"), "Week", job, Instant.now(), List.of(),
                List.of(), List.of(), List.of());
    }

    private Replica replica() {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withDataDir(null).withCores(1, 1);
        Replica replica = new Replica(new SchedulerServer(settings, DatabaseSettings.of(url, null, null)).start());
        replicas.add(replica);
        return replica;
    }

    /** A feed's path in a list of links, its key included. */
    private static String path(JsonNode links, String kind, String id) {
        for (JsonNode feed : links.get("feeds")) {
            if (feed.get("kind").asText().equals(kind) && (id == null || feed.get("id").asText().equals(id))) {
                return feed.get("path").asText();
            }
        }
        throw new AssertionError("no " + kind + " feed " + id + " in " + links);
    }

    private static List<String> uids(String calendar) {
        return Biweekly.parse(calendar).first().getEvents().stream().map(VEvent::getUid)
                .map(uid -> uid.getValue()).sorted().collect(Collectors.toList());
    }

    /** Makes every call at the same moment, each on a thread of its own; their results in order. */
    private static <T> List<T> atOnce(List<Supplier<T>> calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        try {
            return calls.stream().map(call -> CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                await(ready);
                return call.get();
            }, threads)).toList().stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** One replica and a plain HTTP client for it. */
    private static final class Replica {
        final SchedulerServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Replica(SchedulerServer server) {
            this.server = server;
        }

        /** Solves a plan for a second; the job's id once it is done. */
        String solve(String plan) {
            HttpResponse<String> submitted = send(request("/api/schedules?timeLimit=1s")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(plan, StandardCharsets.UTF_8)));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            String id = json(submitted.body()).get("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!json(get("/api/schedules/" + id, Map.of()).body()).get("status").asText().equals("NOT_SOLVING")) {
                assertThat(System.nanoTime()).as("job " + id + " finishes").isLessThan(deadline);
                sleep(100);
            }
            return id;
        }

        JsonNode feeds() {
            HttpResponse<String> answer = get("/api/feeds?lang=en", Map.of());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return links(answer.body());
        }

        /** Links as this replica wrote them, with its address left out: the keys and paths are what must agree. */
        JsonNode links(String body) {
            return json(body.replace("localhost:" + server.port(), "replica"));
        }

        HttpResponse<String> get(String path, Map<String, String> headers) {
            HttpRequest.Builder request = request(path).GET();
            headers.forEach(request::header);
            return send(request);
        }

        HttpResponse<String> post(String path) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .timeout(Duration.ofSeconds(60));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
