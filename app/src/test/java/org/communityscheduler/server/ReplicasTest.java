package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityscheduler.server.Replicas.await;
import static org.communityscheduler.server.ServerProcess.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobRows;
import org.communityscheduler.server.job.storage.JobStorage;
import org.communityscheduler.server.replica.Claims;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.communityscheduler.server.Replicas.Replica;

/**
 * Two replicas in one process on one real PostgreSQL ({@link TestPostgres}): any of them answers for any job (and
 * takes a week edited by hand for it), events
 * reach a client on either, a replica at capacity leaves jobs to the other, a stop asked on one reaches the job on
 * the other, a replica that stops hands its jobs back at once, a database restart is survived, a replica that
 * lost its lease cannot write the job again, a job a replica let go of is not held by it any more (it finishes), and
 * one {@code Idempotency-Key} sent to both at once makes one job.
 */
@Tag("slow") // real PostgreSQL, solves of a few seconds
class ReplicasTest {

    private static final String SAMPLE = DemoPlans.json(DemoPlans.DEFAULT).orElseThrow();
    /** Never perfect (some sessions fit nowhere), so it solves until its time limit or a stop. */
    private static final String LONG_PLAN = DemoPlans.json("overfull-demo").orElseThrow();
    /** Many best scores in a few seconds. */
    private static final String LARGER_PLAN = DemoPlans.json("generated-m").orElseThrow();

    @RegisterExtension
    static final Replicas replicas = new Replicas(ServerSettings.defaults().withCores(1, 1).withMaxOpenJobs(1_000));

    @Test
    void aJobPostedToOneReplicaIsServedByTheOther() {
        Replica one = replicas.start();
        Replica other = replicas.start();
        HttpResponse<String> posted = one.post("/api/schedules?timeLimit=2s", SAMPLE, Map.of("Idempotency-Key", "k-1"));
        assertThat(posted.statusCode()).isEqualTo(202);
        String id = json(posted.body()).get("id").asText();

        assertThat(json(other.get("/api/schedules").body()).findValuesAsText("id")).contains(id);
        List<String> events = other.events(id);
        assertThat(events).anyMatch(line -> line.equals("event: done"));
        JsonNode done = json(other.get("/api/schedules/" + id).body());
        assertThat(done.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(done.get("sessions")).isNotEmpty();
        assertThat(json(one.get("/api/schedules/" + id).body())).isEqualTo(done);

        assertThat(other.get("/api/schedules/" + id + "/export.csv").statusCode()).isEqualTo(200);
        assertThat(other.post("/api/schedules/analyze", "{\"job\":\"" + id + "\"}", Map.of()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> edited = other.put("/api/schedules/" + id + "/schedule", done.toString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(one.get("/api/schedules/" + id).body()).get("edited").asBoolean()).isTrue();
        HttpResponse<String> retried = other.post("/api/schedules?timeLimit=2s", SAMPLE,
                Map.of("Idempotency-Key", "k-1"));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json(retried.body()).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aReplicaAtCapacityLeavesTheNextJobToTheOtherAndAStopReachesItWhereverItRuns() {
        Replica one = replicas.start();
        Replica other = replicas.start();
        String first = one.submit(LONG_PLAN, "60s");
        String second = one.submit(LONG_PLAN, "60s"); // one has its one solver busy
        await(() -> one.server.jobs().solving().contains(first) && other.server.jobs().solving().contains(second),
                Duration.ofSeconds(10));
        assertThat(one.server.jobs().solving()).containsExactly(first);
        await(() -> scoreIn(one.get("/api/schedules/" + second)) != null, Duration.ofSeconds(30));

        long asked = System.nanoTime();
        HttpResponse<String> stopped = one.delete("/api/schedules/" + second);
        long stopMillis = (System.nanoTime() - asked) / 1_000_000;
        System.out.printf("Replicas: a stop asked on one replica ended the job on the other in %d ms%n", stopMillis);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(json(stopped.body()).get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(json(stopped.body()).get("error")).isNull();
        assertThat(other.server.jobs().solving()).isEmpty();
        assertThat(stopMillis).isLessThan(5_000);
    }

    @Test
    void eventsReachAClientOnAnotherReplicaWithinMilliseconds() throws Exception {
        Replica one = replicas.start();
        Replica other = replicas.start();
        String id = one.submit(LARGER_PLAN, "4s");
        Map<String, Long> heardOnOne = new ConcurrentHashMap<>();
        Map<String, Long> heardOnOther = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(1);
        one.server.jobs().subscribe(id, event -> {
            if (event.name().equals(JobEvent.BEST)) {
                heardOnOne.putIfAbsent(event.data().score(), System.nanoTime());
            }
        }).orElseThrow();
        other.server.jobs().subscribe(id, event -> {
            if (event.name().equals(JobEvent.BEST)) {
                heardOnOther.putIfAbsent(event.data().score(), System.nanoTime());
            } else if (event.name().equals(JobEvent.DONE)) {
                done.countDown();
            }
        }).orElseThrow();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        List<Long> delays = new ArrayList<>();
        heardOnOther.forEach((score, at) -> {
            Long first = heardOnOne.get(score);
            if (first != null) {
                delays.add((at - first) / 1_000);
            }
        });
        Collections.sort(delays);
        assertThat(delays).isNotEmpty();
        long median = delays.get(delays.size() / 2);
        System.out.printf("Replicas: %d best scores heard on the other replica %.1f ms after the solving one"
                + " (median; %.1f ms at most)%n", delays.size(), median / 1000.0, delays.get(delays.size() - 1) / 1000.0);
        assertThat(median).isLessThan(1_000_000); // microseconds: under a second, loosely
    }

    @Test
    void aReplicaThatStopsHandsItsJobBackAtOnceAndTheOtherGoesOnFromTheBest() {
        Replica one = replicas.start();
        String id = one.submit(LONG_PLAN, "60s");
        await(() -> scoreIn(one.get("/api/schedules/" + id)) != null, Duration.ofSeconds(30));
        Replica other = replicas.start();

        long stopping = System.nanoTime();
        one.server.stop();
        HardMediumSoftLongScore handedBack = scoreIn(other.get("/api/schedules/" + id));
        await(() -> other.server.jobs().solving().contains(id), Duration.ofSeconds(5));
        long takenMillis = (System.nanoTime() - stopping) / 1_000_000;
        System.out.printf("Replicas: a job handed back by a stopping replica solved on the other %d ms later%n",
                takenMillis);
        assertThat(takenMillis).isLessThan(DatabaseSettings.DEFAULT_LEASE.toMillis());

        JsonNode stopped = json(other.delete("/api/schedules/" + id).body());
        assertThat(stopped.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(HardMediumSoftLongScore.parseScore(stopped.get("score").asText())).isGreaterThanOrEqualTo(handedBack);
    }

    @Test
    void aDatabaseRestartInTheMiddleIsSurvived() throws Exception {
        Replica one = replicas.start();
        Replica other = replicas.start();
        String id = one.submit(LONG_PLAN, "8s");
        await(() -> scoreIn(other.get("/api/schedules/" + id)) != null, Duration.ofSeconds(30));

        replicas.postgres().stopServer();
        HttpResponse<String> away;
        HttpResponse<String> ready;
        HttpResponse<String> health;
        HttpResponse<String> live;
        try {
            away = other.get("/api/schedules/" + id);
            ready = other.get("/health/ready");
            health = other.get("/health");
            live = other.get("/health/live");
            Thread.sleep(2_000);
        } finally { // the next tests need it
            replicas.postgres().startServer();
        }
        assertThat(away.statusCode()).isEqualTo(503);
        // A load balancer sends the API's requests elsewhere meanwhile; nothing restarts the replica.
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(json(ready.body()).get("status").asText()).isEqualTo("DATABASE_UNREACHABLE");
        assertThat(health.statusCode()).as("/health is /health/ready").isEqualTo(503);
        assertThat(live.statusCode()).isEqualTo(200);
        // The driver's message names the database's host and port: only the log hears it.
        assertThat(json(away.body()).findValuesAsText("message"))
                .containsExactly("the job database cannot be reached; try again in a moment");

        await(() -> "NOT_SOLVING".equals(json(other.get("/api/schedules/" + id).body()).path("status").asText()),
                Duration.ofSeconds(30));
        JsonNode finished = json(other.get("/api/schedules/" + id).body());
        assertThat(finished.get("error")).isNull();
        assertThat(finished.get("sessions")).isNotEmpty();
        await(() -> other.get("/health/ready").statusCode() == 200, Duration.ofSeconds(30));
        String after = other.submit(SAMPLE, "1s");
        await(() -> "NOT_SOLVING".equals(json(one.get("/api/schedules/" + after).body()).path("status").asText()),
                Duration.ofSeconds(30));
    }

    @Test
    void aReplicaThatLostItsLeaseCannotWriteTheJobAnyMore() throws Exception {
        DatabaseSettings quick = DatabaseSettings.of(replicas.url(), null, null).withLease(Duration.ofMillis(200),
                Duration.ofMillis(100));
        try (Alone first = Alone.of(quick, "first"); Alone second = Alone.of(quick, "second")) {
            Job job = Job.queued("6f1c1d3e-0000-4000-8000-000000000001", "week", SAMPLE, List.of(),
                    Duration.ofSeconds(5), Instant.now(), null);
            first.rows().create(job);
            assertThat(first.claims().claim(5)).hasSize(1);
            assertThat(second.claims().claim(5)).isEmpty(); // held
            Thread.sleep(300);
            assertThat(second.claims().claim(5)).hasSize(1); // the lease ran out

            assertThat(first.claims().heartbeat(Set.of(job.id())).held()).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.rows().save(job.start(Instant.now())))
                    .isInstanceOf(JobStorage.NotOwned.class);
            second.rows().save(job.start(Instant.now()));
            assertThat(second.rows().find(job.id()).orElseThrow().job().status().name()).isEqualTo("SOLVING_ACTIVE");
        }
    }

    @Test
    void aJobItsReplicaLetGoOfIsSolvedAgainAndFinishes() {
        Replica one = replicas.start();
        String id = one.submit(LONG_PLAN, "6s");
        await(() -> scoreIn(one.get("/api/schedules/" + id)) != null, Duration.ofSeconds(30));

        // As its lease watch does after the database was away for a lease less a heartbeat (7 s).
        long letGo = System.nanoTime();
        one.server.jobs().abandon(id);

        await(() -> "NOT_SOLVING".equals(json(one.get("/api/schedules/" + id).body()).path("status").asText()),
                Duration.ofSeconds(30));
        System.out.printf("Replicas: a job its replica let go of finished %d ms later%n",
                (System.nanoTime() - letGo) / 1_000_000);
        JsonNode finished = json(one.get("/api/schedules/" + id).body());
        assertThat(finished.get("error")).isNull();
        assertThat(finished.get("sessions")).isNotEmpty();
    }

    @Test
    void aHeartbeatRenewsOnlyTheJobsItSolvesAndLetsGoOfTheOthers() throws Exception {
        DatabaseSettings quick = DatabaseSettings.of(replicas.url(), null, null).withLease(Duration.ofSeconds(5),
                Duration.ofMillis(500));
        try (Alone first = Alone.of(quick, "first"); Alone second = Alone.of(quick, "second")) {
            Job solved = Job.queued("6f1c1d3e-0000-4000-8000-000000000002", "week", SAMPLE, List.of(),
                    Duration.ofSeconds(5), Instant.now(), null);
            Job abandoned = Job.queued("6f1c1d3e-0000-4000-8000-000000000003", "week", SAMPLE, List.of(),
                    Duration.ofSeconds(5), Instant.now().plusMillis(1), null);
            first.rows().create(solved);
            first.rows().create(abandoned);
            assertThat(first.claims().claim(5)).hasSize(2);

            // Just claimed: kept, its start may be under way.
            assertThat(first.claims().heartbeat(Set.of(solved.id())).released()).isEmpty();
            Thread.sleep(700);
            Claims.Heartbeat heartbeat = first.claims().heartbeat(Set.of(solved.id()));
            assertThat(heartbeat.held()).containsExactly(solved.id());
            assertThat(heartbeat.released()).containsExactly(abandoned.id());
            // Claimed at once, long before its lease would have run out.
            assertThat(second.claims().claim(5)).extracting(stored -> stored.job().id()).containsExactly(abandoned.id());
        }
    }

    @Test
    void aStopOfAJobWhosePlanIsNoLongerValidHandsItBack() throws Exception {
        Replica one = replicas.start();
        String busy = one.submit(LONG_PLAN, "10s"); // its one solver is busy: it claims nothing more by itself
        await(() -> one.server.jobs().solving().contains(busy), Duration.ofSeconds(10));
        Job broken = Job.queued("6f1c1d3e-0000-4000-8000-000000000006", "week", "{\"not\": \"a plan\"}", List.of(),
                Duration.ofSeconds(5), Instant.now(), null);
        try (Alone alone = Alone.of(DatabaseSettings.of(replicas.url(), null, null), "test")) {
            alone.rows().create(broken);
        }

        one.delete("/api/schedules/" + broken.id());

        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(replicas.url());
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT owner FROM job WHERE id = '" + broken.id() + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("owner").isNull();
        }
    }

    @Test
    void oneKeyMakesOneJobAcrossReplicas() throws Exception {
        try (Alone first = Alone.of(DatabaseSettings.of(replicas.url(), null, null), "first")) {
            Job.Request request = new Job.Request("same-key", "same-body");
            first.rows().create(Job.queued("6f1c1d3e-0000-4000-8000-000000000004", "week", SAMPLE, List.of(),
                    Duration.ofSeconds(5), Instant.now(), request));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.rows().create(Job.queued(
                    "6f1c1d3e-0000-4000-8000-000000000005", "week", SAMPLE, List.of(), Duration.ofSeconds(5),
                    Instant.now(), request))).isInstanceOf(JobStorage.KeyTaken.class);
        }

        Replica one = replicas.start();
        Replica other = replicas.start();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<String> made = new ArrayList<>();
        for (int round = 0; round < 5; round++) { // the same submission reaches both replicas at the same moment
            String key = "k-race-" + round;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Replica to : List.of(one, other)) {
                answers.add(clients.submit(() -> {
                    together.await();
                    return to.post("/api/schedules?timeLimit=1s", SAMPLE, Map.of("Idempotency-Key", key));
                }));
            }
            Set<String> ids = new java.util.HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                ids.add(json(response.body()).get("id").asText());
            }
            assertThat(ids).as(key).hasSize(1);
            assertThat(statuses).as(key).containsExactlyInAnyOrder(200, 202);
            made.addAll(ids);
        }
        clients.shutdown();
        made.add("6f1c1d3e-0000-4000-8000-000000000004");
        assertThat(json(one.get("/api/schedules").body()).findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void measuresTheJobsPerSecondAPairOfReplicasAccepts() throws Exception {
        Replica one = replicas.start();
        Replica other = replicas.start();
        int jobs = 60;
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Replica to = i % 2 == 0 ? one : other;
            answers.add(clients.submit(() -> to.post("/api/schedules?timeLimit=1s", SAMPLE, Map.of()).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(202);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        System.out.printf("Replicas: a pair accepted %d jobs (the sample week, 4 clients) in %.2f s: %.0f jobs/s%n",
                jobs, seconds, jobs / seconds);
        assertThat(json(one.get("/api/schedules").body()).size()).isEqualTo(jobs);
    }

    // --- Helpers

    private static HardMediumSoftLongScore scoreIn(HttpResponse<String> answer) {
        JsonNode score = json(answer.body()).get("score");
        return score == null || score.isNull() ? null : HardMediumSoftLongScore.parseScore(score.asText());
    }

    /** A replica's rows and claims in the database, without its server. */
    private record Alone(Database database, JobRows rows, Claims claims) implements AutoCloseable {

        static Alone of(DatabaseSettings settings, String replica) {
            Database database = new Database(settings);
            database.open();
            return new Alone(database, new JobRows(database, replica), new Claims(database, replica));
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
