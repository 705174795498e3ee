package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityscheduler.server.ServerProcess.json;

import java.net.http.HttpResponse;
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
import org.communityscheduler.server.publish.PublicationDatabase;
import org.communityscheduler.server.publish.Publications.PublishedWeek;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.communityscheduler.server.Replicas.Replica;

/**
 * Calendar feeds on two replicas of one real PostgreSQL ({@link TestPostgres}): a week published on one is served
 * by the other with the same events and ETag, publishing it again there keeps every event, new keys made on one
 * close the old links on the other, a publication of a week waits for one of the same week on the other, and the
 * weeks and keys outlive a restart of every replica.
 */
@Tag("slow") // real PostgreSQL, a solve of a second
class FeedReplicasTest {

    private static final String SAMPLE = DemoPlans.json(DemoPlans.DEFAULT).orElseThrow();

    @RegisterExtension
    static final Replicas replicas = new Replicas(ServerSettings.defaults().withCores(1, 1));

    @Test
    void aWeekPublishedOnOneReplicaIsServedByTheOtherAndNewKeysCloseTheOldLinksOnBoth() {
        Replica one = replicas.start();
        Replica other = replicas.start();
        // Two replicas asking for the links of a new database at once make one secret between them.
        List<JsonNode> links = atOnce(List.of(() -> feeds(one), () -> feeds(other)));
        assertThat(links.get(0)).isEqualTo(links.get(1));

        String job = one.solve(SAMPLE);
        long asked = System.nanoTime();
        HttpResponse<String> published = one.post("/api/schedules/" + job + "/publish");
        long publishMillis = (System.nanoTime() - asked) / 1_000_000;
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        int sessions = json(published.body()).get("sessions").asInt();
        String all = path(feeds(one), "all", null);
        String li = path(feeds(one), "worker", "li-na");

        asked = System.nanoTime();
        HttpResponse<String> onOther = other.get(all);
        long feedMillis = (System.nanoTime() - asked) / 1_000_000;
        HttpResponse<String> onOne = one.get(all);
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
        assertThat(other.get(li).body()).isEqualTo(one.get(li).body());
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
                .isEqualTo(other.get(all).headers().firstValue("ETag").orElseThrow());
        assertThat(uids(republished.body())).isEqualTo(uids(onOne.body()));

        HttpResponse<String> rotated = one.post("/api/feeds/rotate?lang=en");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(other.get(all).statusCode()).isEqualTo(404);
        assertThat(other.get(li).statusCode()).isEqualTo(404);
        JsonNode newLinks = links(one, rotated.body());
        String newAll = path(newLinks, "all", null);
        assertThat(newAll).isNotEqualTo(all);
        assertThat(other.get(newAll).statusCode()).isEqualTo(200);
        assertThat(feeds(other)).isEqualTo(newLinks);
    }

    @Test
    void publicationsAtOnceOnBothReplicasAndTheWeeksAndKeysOutliveARestartOfEveryReplica() throws Exception {
        Replica one = replicas.start();
        Replica other = replicas.start();
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
        JsonNode links = feeds(one);
        String all = path(links, "all", null);
        HttpResponse<String> before = one.get(all);

        replicas.stopAll();
        Replica first = replicas.start();
        Replica second = replicas.start();
        assertThat(feeds(second)).isEqualTo(links);
        HttpResponse<String> after = first.get(all);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
        assertThat(json(second.get("/api/publications").body()).findValuesAsText("startDate"))
                .containsExactly("2026-11-30");

        // While the database is away a feed asks the calendar app to come back, not to forget it.
        replicas.postgres().stopServer();
        try {
            HttpResponse<String> away = second.get(all);
            assertThat(away.statusCode()).isEqualTo(503);
            assertThat(away.headers().firstValue("Retry-After")).isPresent();
        } finally {
            replicas.postgres().startServer();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> back;
        while ((back = second.get(all)).statusCode() == 503 && System.nanoTime() < deadline) {
            ServerProcess.sleep(200); // as the calendar app would, later
        }
        assertThat(back.body()).isEqualTo(before.body());
    }

    @Test
    void aPublicationWaitsForOneOfTheSameWeekOnAnotherReplica() throws Exception {
        try (Database first = database(); Database second = database()) {
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

    /** A replica's database alone, without its server. */
    private Database database() {
        Database database = new Database(DatabaseSettings.of(replicas.url(), null, null));
        database.open();
        return database;
    }

    private static PublishedWeek week(LocalDate startDate, String job) {
        return new PublishedWeek(startDate, ZoneId.of("Asia/Shanghai"), "Week", job, Instant.now(), List.of(),
                List.of(), List.of(), List.of());
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

    /** Every feed's link, in English, as this replica hands them out. */
    private static JsonNode feeds(Replica replica) {
        HttpResponse<String> answer = replica.get("/api/feeds?lang=en");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return links(replica, answer.body());
    }

    /** Links as this replica wrote them, with its address left out: the keys and paths are what must agree. */
    private static JsonNode links(Replica replica, String body) {
        return json(body.replace("localhost:" + replica.server.port(), "replica"));
    }
}
