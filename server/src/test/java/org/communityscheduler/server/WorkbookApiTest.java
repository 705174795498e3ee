package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.workbook.PlanWorkbook;

/** Plans sent and fetched as Excel/WPS workbooks, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookApiTest {

    private static final String XLSX = PlanWorkbook.MEDIA_TYPE;
    private TestServer api;
    private byte[] sampleWorkbook;

    @BeforeAll
    void start() {
        api = new TestServer();
        HttpResponse<byte[]> converted = postForBytes("/api/plans/convert?lang=zh", "application/json",
                TestServer.SAMPLE.getBytes(StandardCharsets.UTF_8));
        assertThat(converted.statusCode()).isEqualTo(200);
        assertThat(converted.headers().firstValue("Content-Type")).hasValue(XLSX);
        sampleWorkbook = converted.body();
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void aWorkbookConvertedBackIsTheSamePlan() {
        HttpResponse<String> back = api.post("/api/plans/convert", XLSX, sampleWorkbook);

        assertThat(back.statusCode()).isEqualTo(200);
        JsonNode answer = TestServer.json(back.body());
        assertThat(plan(answer.get("plan").toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(plan(TestServer.SAMPLE.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.get("diagnostics")).isEmpty();
    }

    @Test
    void aConvertedWorkbooksWarningsAndErrorsComeInTheLanguageAsked() throws IOException {
        byte[] extra;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sampleWorkbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet rooms = workbook.getSheet("活动室");
            rooms.getRow(0).createCell(rooms.getRow(0).getLastCellNum()).setCellValue("颜色");
            workbook.createSheet("备注").createRow(0).createCell(0).setCellValue("下周再说");
            workbook.write(out);
            extra = out.toByteArray();
        }

        HttpResponse<String> read = api.send(HttpRequest.newBuilder(api.uri("/api/plans/convert"))
                .header("Content-Type", XLSX).header("Accept-Language", "zh")
                .POST(HttpRequest.BodyPublishers.ofByteArray(extra)));

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode diagnostics = TestServer.json(read.body()).get("diagnostics");
        assertThat(diagnostics.findValuesAsText("code"))
                .containsExactlyInAnyOrder("workbook.unknownColumn", "workbook.sheetIgnored");
        assertThat(diagnostics.findValuesAsText("path")).containsExactlyInAnyOrder("活动室!O1", "备注");
        assertThat(diagnostics.findValuesAsText("message")).contains("未知列\"颜色\"，已忽略");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(extra));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet activities = workbook.getSheet("活动");
            activities.getRow(3).getCell(column(activities, "社工")).setCellValue("wang");
            workbook.write(out);
            extra = out.toByteArray();
        }
        HttpResponse<String> refused = api.send(HttpRequest.newBuilder(api.uri("/api/plans/convert"))
                .header("Content-Type", XLSX).header("Accept-Language", "zh")
                .POST(HttpRequest.BodyPublishers.ofByteArray(extra)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(refused.body()).get("errors").findValuesAsText("message"))
                .contains("未知社工“wang”");
    }

    @Test
    void aWorkbooksErrorsAreAnsweredAtTheirSheetAndCell() throws IOException {
        byte[] broken;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sampleWorkbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet activities = workbook.getSheet("活动");
            int workers = column(activities, "社工");
            activities.getRow(3).getCell(workers).setCellValue("wang");
            workbook.getSheet("活动室").getRow(1).getCell(column(workbook.getSheet("活动室"), "容量"))
                    .setCellValue("many");
            workbook.write(out);
            broken = out.toByteArray();
        }

        for (String route : new String[] { "/api/plans/validate", "/api/schedules" }) {
            HttpResponse<String> answer = api.post(route, XLSX, broken);

            assertThat(answer.statusCode()).as(route).isEqualTo(400);
            JsonNode errors = TestServer.json(answer.body()).get("errors");
            assertThat(errors).as(route).hasSize(2);
            assertThat(errors.findValuesAsText("path")).as(route).allMatch(path -> path.matches("活动室?!\\w+\\d+"));
            assertThat(errors.findValuesAsText("message")).as(route).contains("unknown worker \"wang\"");
        }
    }

    @Test
    void aWorkbookIsSolvedAndItsScheduleAndPlanComeBackAsWorkbooks() throws IOException {
        HttpResponse<String> submitted = api.post("/api/schedules?timeLimit=1s", XLSX, sampleWorkbook);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = TestServer.json(submitted.body()).get("id").asText();
        api.awaitDone(id, Duration.ofSeconds(30));

        HttpResponse<byte[]> schedule = api.getBytes("/api/schedules/" + id + "/export.xlsx?lang=zh");
        assertThat(schedule.statusCode()).isEqualTo(200);
        assertThat(schedule.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains(".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(schedule.body()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("概况");
            assertThat(workbook.getSheet("场次").getPhysicalNumberOfRows()).isEqualTo(41); // a header and 40 sessions
        }

        HttpResponse<byte[]> plan = api.getBytes("/api/schedules/" + id + "/plan.xlsx");
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(PlanWorkbook.read(plan.body(), PlanLimits.NONE).intake().plan())
                .isEqualTo(plan(TestServer.SAMPLE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWorkbookIsNoBodyForRoutesThatTakeNoPlan() {
        assertThat(api.post("/api/schedules/analyze", XLSX, sampleWorkbook).statusCode()).isEqualTo(415);
    }

    @Test
    void aWorkbookThatUnpacksPastTheBoundIsRefusedUnread() {
        byte[] bomb = WorkbookMutations.edited(sampleWorkbook, "xl/padding.xml", none -> "\0".repeat(24 * 1024 * 1024)); // 24 KB packed

        HttpResponse<String> answer = api.post("/api/plans/validate", XLSX, bomb);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(answer.body()).get("errors").findValuesAsText("code"))
                .containsExactly("workbook.tooLarge");
    }

    @Test
    void aTextLongerThanJsonTakesIsRefusedAtItsCellOnEveryRoute() {
        byte[] workbook = WorkbookMutations.edited(sampleWorkbook, "xl/sharedStrings.xml",
                xml -> xml.replace(">儿童成长小组<", ">" + WorkbookMutations.text(1_200_000) + "<"));

        for (String route : new String[] { "/api/schedules", "/api/plans/validate", "/api/plans/convert" }) {
            HttpResponse<String> answer = api.post(route, XLSX, workbook);

            assertThat(answer.statusCode()).as(route).isEqualTo(400);
            JsonNode errors = TestServer.json(answer.body()).get("errors");
            assertThat(errors).as(route).hasSize(1);
            assertThat(errors.get(0).path("path").asText()).as(route).isEqualTo("活动!B2");
            assertThat(errors.get(0).path("code").asText()).as(route).isEqualTo("plan.tooLarge");
        }
    }

    @Test
    void thePlanAWorkbookHoldsIsHeldToTheBodyLimitAJsonPlanIsHeldTo() {
        // One text of a million characters, in the eleven cells of one organisation: a workbook of 2 MB, a plan
        // of 33 MB as JSON, which could not be sent as JSON.
        byte[] workbook = WorkbookMutations.edited(sampleWorkbook, "xl/sharedStrings.xml",
                xml -> xml.replace(">lezhu<", ">" + WorkbookMutations.text(1_000_000) + "<"));
        assertThat((long) workbook.length).isLessThan(ServerSettings.defaults().maxRequestBytes());

        HttpResponse<String> answer = api.post("/api/schedules", XLSX, workbook);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(answer.body()).get("errors").findValuesAsText("code"))
                .containsExactly("server.workbookPlanTooLarge");
    }

    private static int column(Sheet sheet, String header) {
        for (var cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static Plan plan(byte[] json) {
        PlanIntake intake = PlanIntake.read(json, PlanLimits.NONE);
        assertThat(intake.problems()).isEmpty();
        return intake.plan();
    }

    private HttpResponse<byte[]> postForBytes(String path, String contentType, byte[] body) {
        try {
            return api.client().send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
