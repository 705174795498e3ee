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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.communityscheduler.server.Replicas.Replica;

/**
 * Two replicas in one process on one real PostgreSQL ({@link TestPostgres}): any of them answers for any job (and
 * takes a week edited by hand for it), events
 * reach a client on either, a replica at capacity leaves jobs to the other, a stop asked on one reaches the job on
 * the other, a replica that stops hands its jobs back at once, a database restart is survived, and a replica that
 * lost its lease cannot write the job again.
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
            if (event.name().equals(JobStore.BEST)) {
                heardOnOne.putIfAbsent(event.data().score(), System.nanoTime());
            }
        }).orElseThrow();
        other.server.jobs().subscribe(id, event -> {
            if (event.name().equals(JobStore.BEST)) {
                heardOnOther.putIfAbsent(event.data().score(), System.nanoTime());
            } else if (event.name().equals(JobStore.DONE)) {
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
        assertThat(other.get("/api/schedules/" + id).statusCode()).isEqualTo(503);
        Thread.sleep(2_000);
        replicas.postgres().startServer();

        await(() -> "NOT_SOLVING".equals(json(other.get("/api/schedules/" + id).body()).path("status").asText()),
                Duration.ofSeconds(30));
        JsonNode finished = json(other.get("/api/schedules/" + id).body());
        assertThat(finished.get("error")).isNull();
        assertThat(finished.get("sessions")).isNotEmpty();
        String after = other.submit(SAMPLE, "1s");
        await(() -> "NOT_SOLVING".equals(json(one.get("/api/schedules/" + after).body()).path("status").asText()),
                Duration.ofSeconds(30));
    }

    @Test
    void aReplicaThatLostItsLeaseCannotWriteTheJobAnyMore() throws Exception {
        DatabaseSettings quick = DatabaseSettings.of(replicas.url(), null, null).withLease(Duration.ofMillis(200),
                Duration.ofMillis(100));
        try (JobDatabase first = new JobDatabase(quick, "first"); JobDatabase second = new JobDatabase(quick, "second")) {
            first.start(notice -> { }, event -> { });
            second.start(notice -> { }, event -> { });
            Job job = Job.queued("6f1c1d3e-0000-4000-8000-000000000001", "week", SAMPLE, List.of(),
                    Duration.ofSeconds(5), Instant.now(), null);
            first.create(job);
            assertThat(first.claim(5)).hasSize(1);
            assertThat(second.claim(5)).isEmpty(); // held
            Thread.sleep(300);
            assertThat(second.claim(5)).hasSize(1); // the lease ran out

            assertThat(first.heartbeat().held()).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.save(job.start(Instant.now())))
                    .isInstanceOf(JobDatabase.NotOwned.class);
            second.save(job.start(Instant.now()));
            assertThat(second.find(job.id()).orElseThrow().job().status().name()).isEqualTo("SOLVING_ACTIVE");
        }
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
}
