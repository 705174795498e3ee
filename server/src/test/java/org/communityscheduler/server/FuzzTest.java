package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanSchema;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.server.http.RequestPaths;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of broken and hostile versions of the bundled plans, as JSON ({@link PlanMutations}) and as workbooks
 * ({@link WorkbookMutations}): each is refused with problems that have a path (a workbook's at its sheet and cell)
 * and a plain message, or accepted as a plan that reads back from the JSON a job keeps — never an exception, a
 * stack trace, a 5xx or a hang. And calendar feed links written every odd way: never a 5xx, and never the key in
 * an answer or in the path the server logs.
 */
@Tag("slow") // thousands of mutated plans, and hundreds over HTTP
class FuzzTest {

    private static final List<String> PLANS = List.of("binzhou-huanghe", "generated-s", "overfull-demo").stream()
            .map(name -> DemoPlans.json(name).orElseThrow()).toList();
    private static final int READER_CASES = 3_000;
    private static final int HTTP_CASES = 300;
    private static final int ANALYSIS_CASES = 100;
    private static final int FEED_CASES = 300;
    private static final int SCHEMA_CASES = 300;
    private static final int WORKBOOK_CASES = 300;
    private static final int WORKBOOK_HTTP_CASES = 90;
    /** The bundled plans as the workbooks a coordinator would send, in both languages. */
    private static final List<byte[]> WORKBOOKS = PLANS.stream().flatMap(json -> Stream.of(Language.values())
            .map(language -> PlanWorkbook.write(PlanIntake.read(json.getBytes(StandardCharsets.UTF_8),
                    PlanLimits.NONE).plan(), language))).toList();

    @Test
    void thePlanReaderAnswersEveryMutatedPlanWithPathsAndNeverThrows() {
        PlanMutations mutations = new PlanMutations(PLANS, 20261130);
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < READER_CASES; i++) {
            byte[] plan = mutations.next();
            PlanIntake reading = PlanIntake.read(plan, new PlanLimits(ServerSettings.DEFAULT_MAX_SESSIONS));
            if (reading.isValid()) {
                reading.model(); // a valid plan within the limits must always make a model
            } else {
                refused++;
                assertThat(reading.problems()).as("case %d", i).isNotEmpty().allSatisfy(FuzzTest::isPlain);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Fuzz, plan reader: %d mutated plans, %d refused, %d accepted, in %d ms%n", READER_CASES,
                refused, READER_CASES - refused, millis);
        assertThat(refused).isGreaterThan(READER_CASES / 2);
        assertThat(millis).isLessThan(60_000);
    }

    @Test
    void docsPlanSchemaAgreesWithTheReaderOnEveryMutatedPlan() {
        PlanMutations mutations = new PlanMutations(PLANS, 5);
        for (int i = 0; i < SCHEMA_CASES; i++) {
            PlanSchema.read(mutations.next()); // fails, showing the plan, where they disagree
        }
    }

    @Test
    void everyRouteAnswersMutatedPlansWithoutA5xxAndWithPaths() {
        PlanMutations mutations = new PlanMutations(PLANS, 7);
        int[] byStatus = new int[600];
        long started = System.nanoTime();
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withMaxOpenJobs(1_000)
                .withMaxTimeLimit(Duration.ofMillis(200)))) {
            for (int i = 0; i < HTTP_CASES; i++) {
                byte[] plan = mutations.next();
                HttpResponse<String> response = switch (i % 3) {
                    case 0 -> api.post("/api/plans/validate", "application/json", plan);
                    case 1 -> api.post("/api/schedules?timeLimit=200ms", "application/json", plan);
                    default -> api.post("/api/schedules/analyze", "application/json", wrapped(plan));
                };
                byStatus[response.statusCode()]++;
                assertThat(response.statusCode()).as("case %d: %s", i, response.body()).isLessThan(500);
                assertThat(response.body()).as("case %d", i).doesNotContain("\tat ").doesNotContain("Exception");
                if (response.statusCode() >= 400) {
                    JsonNode errors = TestServer.json(response.body()).get("errors");
                    assertThat(errors).as("case %d: %s", i, response.body()).isNotEmpty();
                    errors.forEach(error -> isPlain(new Problem(error.path("path").asText(null),
                            Text.of("plan.asWritten", error.path("message").asText(null)))));
                }
            }
        }
        System.out.printf("Fuzz, HTTP: %d mutated requests in %d ms; 200: %d, 202: %d, 400: %d, 413: %d%n", HTTP_CASES,
                (System.nanoTime() - started) / 1_000_000, byStatus[200], byStatus[202], byStatus[400], byStatus[413]);
    }

    @Test
    void anAnalysisOfSessionsAtTheDaysEdgeIsAnsweredWithoutA5xx() {
        PlanMutations mutations = new PlanMutations(PLANS, 2400);
        int[] byStatus = new int[600];
        try (TestServer api = new TestServer()) {
            for (int i = 0; i < ANALYSIS_CASES; i++) {
                HttpResponse<String> response = api.post("/api/schedules/analyze", "application/json",
                        mutations.analysisAtTheDaysEdge());
                byStatus[response.statusCode()]++;
                assertThat(response.statusCode()).as("case %d: %s", i, response.body()).isIn(200, 400);
                if (response.statusCode() == 400) {
                    JsonNode errors = TestServer.json(response.body()).get("errors");
                    assertThat(errors).as("case %d: %s", i, response.body()).isNotEmpty();
                    errors.forEach(error -> {
                        isPlain(new Problem(error.path("path").asText(null),
                                Text.of("plan.asWritten", error.path("message").asText(null))));
                        assertThat(error.path("path").asText()).startsWith("schedule.sessions[");
                    });
                }
            }
        }
        System.out.printf("Fuzz, analyses at the day's edge: %d requests; 200: %d, 400: %d%n", ANALYSIS_CASES,
                byStatus[200], byStatus[400]);
        assertThat(byStatus[200]).as("sessions ending exactly at 24:00 are analysed").isPositive();
        assertThat(byStatus[400]).as("sessions passing 24:00 are refused").isPositive();
    }

    @Test
    void feedLinksWrittenEveryOddWayAreAnsweredWithoutA5xxAndNeverShowTheKey() {
        int[] byStatus = new int[600];
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1))) {
            String job = api.submit(TestServer.SAMPLE, "1s");
            api.awaitDone(job, Duration.ofSeconds(60));
            assertThat(api.post("/api/schedules/" + job + "/publish", "{}").statusCode()).isEqualTo(200);
            List<String> links = new ArrayList<>();
            TestServer.json(api.get("/api/feeds").body()).get("feeds")
                    .forEach(feed -> links.add(feed.get("path").asText()));
            Random random = new Random(24);
            for (int i = 0; i < FEED_CASES; i++) {
                String link = links.get(random.nextInt(links.size()));
                String key = link.split("/")[2];
                String odd = oddly(link, key, random);
                RawHttp.Answer answer = RawHttp.send(api.server.port(), RawHttp.request("GET", odd));
                byStatus[answer.status()]++;
                assertThat(answer.status()).as("case %d: %s", i, odd).isLessThan(500);
                assertThat(RequestPaths.withoutFeedKeys(odd)).as("case %d: %s, as logged", i, odd).doesNotContain(key);
                if (answer.status() != 200) {
                    assertThat(answer.body()).as("case %d: %s", i, odd).doesNotContain(key);
                    RawHttpTest.assertJsonError(answer, answer.status());
                }
            }
        }
        System.out.printf("Fuzz, feed links: %d odd links; 200: %d, 400: %d, 404: %d%n", FEED_CASES, byStatus[200],
                byStatus[400], byStatus[404]);
        assertThat(byStatus[200]).as("some odd links are still the feed").isPositive();
        assertThat(byStatus[404]).isPositive();
    }

    /** A feed's link written one to three odd ways: the feeds' name in capitals, slashes doubled, escapes, keys. */
    private static String oddly(String link, String key, Random random) {
        String odd = link;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            odd = switch (random.nextInt(10)) {
                case 0 -> odd.replaceFirst("(?i)feeds", random.nextBoolean() ? "FEEDS" : "Feeds");
                case 1 -> "/" + odd;
                case 2 -> odd.replaceFirst("(?i)(feeds)/", "$1//");
                case 3 -> odd.replaceFirst("(?i)f(eeds)", "%66$1");
                case 4 -> odd.replaceFirst("(?i)(feeds)", "$1;v=1");
                case 5 -> odd.replace(key, key.substring(0, key.length() - 1)
                        + (key.endsWith("A") ? "B" : "A")); // a wrong key
                case 6 -> odd.replace(key, key.toLowerCase(Locale.ROOT));
                case 7 -> odd.replace(key, "%" + Integer.toHexString(key.charAt(0)) + key.substring(1));
                case 8 -> "/api/.." + odd;
                default -> odd.replaceFirst("\\?lang=\\w+$", "") + "/";
            };
        }
        return odd;
    }

    @Test
    void theWorkbookReaderAnswersEveryMutatedWorkbookAtItsCellsAndWhatItTakesReadsBack() {
        WorkbookMutations mutations = new WorkbookMutations(WORKBOOKS, 20261130);
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < WORKBOOK_CASES; i++) {
            byte[] workbook = mutations.next();
            PlanWorkbook.Reading reading = PlanWorkbook.read(workbook,
                    new PlanLimits(ServerSettings.DEFAULT_MAX_SESSIONS));
            PlanIntake intake = reading.intake();
            if (intake.isValid()) {
                intake.model();
                // What a server takes from a workbook is the JSON its job keeps: it must read back the same.
                PlanIntake again = PlanIntake.read(reading.json(), PlanLimits.NONE);
                assertThat(again.problems()).as("case %d read back", i).isEmpty();
                assertThat(again.plan()).as("case %d read back", i).isEqualTo(intake.plan());
            } else {
                refused++;
                assertThat(intake.problems()).as("case %d", i).isNotEmpty().allSatisfy(FuzzTest::isPlainQuoting);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Fuzz, workbook reader: %d mutated workbooks, %d refused, %d accepted, in %d ms%n",
                WORKBOOK_CASES, refused, WORKBOOK_CASES - refused, millis);
        assertThat(refused).isGreaterThan(WORKBOOK_CASES / 3);
    }

    @Test
    void everyWorkbookRouteAnswersMutatedWorkbooksWithoutA5xxAndAtTheirCells() {
        WorkbookMutations mutations = new WorkbookMutations(WORKBOOKS, 24);
        int[] byStatus = new int[600];
        long started = System.nanoTime();
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withMaxOpenJobs(1_000)
                .withMaxTimeLimit(Duration.ofMillis(200)))) {
            for (int i = 0; i < WORKBOOK_HTTP_CASES; i++) {
                byte[] workbook = mutations.next();
                String route = List.of("/api/plans/validate", "/api/schedules?timeLimit=200ms", "/api/plans/convert")
                        .get(i % 3);
                HttpResponse<String> response = api.post(route, PlanWorkbook.MEDIA_TYPE, workbook);
                byStatus[response.statusCode()]++;
                assertThat(response.statusCode()).as("case %d: %s", i, response.body()).isLessThan(500);
                assertThat(response.body()).as("case %d", i).doesNotContain("\tat ").doesNotContain("Exception");
                if (response.statusCode() >= 400) {
                    JsonNode errors = TestServer.json(response.body()).get("errors");
                    assertThat(errors).as("case %d: %s", i, response.body()).isNotEmpty();
                    errors.forEach(error -> isPlainQuoting(new Problem(error.path("path").asText(null),
                            Text.of("plan.asWritten", error.path("message").asText(null)))));
                }
            }
        }
        System.out.printf("Fuzz, workbooks over HTTP: %d mutated requests in %d ms; 200: %d, 202: %d, 400: %d, "
                + "413: %d%n", WORKBOOK_HTTP_CASES, (System.nanoTime() - started) / 1_000_000, byStatus[200],
                byStatus[202], byStatus[400], byStatus[413]);
    }

    /** {"plan": <the mutated bytes>, "schedule": {"sessions": []}}, built as bytes so that broken ones stay broken. */
    private static byte[] wrapped(byte[] plan) {
        byte[] head = "{\"plan\": ".getBytes();
        byte[] tail = ", \"schedule\": {\"sessions\": []}}".getBytes();
        byte[] body = new byte[head.length + plan.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(plan, 0, body, head.length, plan.length);
        System.arraycopy(tail, 0, body, head.length + plan.length, tail.length);
        return body;
    }

    /**
     * Plain, though it may quote a value whole, as the plan reader's messages do ({@code "…" is not a time of day}):
     * a cell's text of up to a million characters.
     */
    private static void isPlainQuoting(Problem problem) {
        assertThat(problem.path()).isNotBlank();
        assertThat(problem.message()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("com.fasterxml").doesNotContain("org.apache")
                .hasSizeLessThan(Json.MAX_STRING_LENGTH + 2_000);
    }

    private static void isPlain(Problem problem) {
        assertThat(problem.path()).isNotBlank();
        assertThat(problem.message()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("com.fasterxml").hasSizeLessThan(2_000);
    }
}
