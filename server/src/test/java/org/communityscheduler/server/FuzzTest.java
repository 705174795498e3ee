package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of broken and hostile versions of the bundled plans, as JSON ({@link PlanMutations}) and as workbooks
 * ({@link WorkbookMutations}): each is refused with problems that have a path (a workbook's at its sheet and cell)
 * and a plain message, or accepted as a plan that reads back from the JSON a job keeps — never an exception, a
 * stack trace, a 5xx or a hang.
 */
@Tag("slow") // thousands of mutated plans, and hundreds over HTTP
class FuzzTest {

    private static final List<String> PLANS = List.of("binzhou-huanghe", "generated-s", "overfull-demo").stream()
            .map(name -> DemoPlans.json(name).orElseThrow()).toList();
    private static final int READER_CASES = 3_000;
    private static final int HTTP_CASES = 300;
    private static final int ANALYSIS_CASES = 100;
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
