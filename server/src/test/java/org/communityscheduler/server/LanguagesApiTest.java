package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import biweekly.Biweekly;
import biweekly.component.VEvent;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every message the API answers in the language asked for ({@code ?lang=} first, then {@code Accept-Language}),
 * each with the same stable code whatever the language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesApiTest {

    /** An unknown worker, a day that is not one, and a room without a capacity. */
    private static final String INVALID_PLAN = """
            {"name": "wrong", "sites": [{"id": "huanghe", "openingHours": {"MOON": ["08:30-12:00"]}}],
             "rooms": [{"id": "hall"}],
             "activities": [{"id": "choir", "durationMinutes": 60, "workers": ["wang"]}]}
            """;

    /** A choir the hall cannot seat (never placed, and why), and a talk with a worker. */
    private static final String SMALL_WEEK = """
            {"name": "小周", "week": {"startDate": "2026-11-30"},
             "sites": [{"id": "huanghe", "name": "黄河社区", "openingHours": {"MON": ["08:30-12:00"]}}],
             "rooms": [{"id": "hall", "name": "多功能厅", "capacity": 10}],
             "workers": [{"id": "li-na", "name": "李娜"}],
             "activities": [{"id": "choir", "name": "合唱团", "durationMinutes": 60, "participants": 50},
                            {"id": "talk", "name": "健康讲座", "durationMinutes": 60, "participants": 8,
                             "workers": ["li-na"]}]}
            """;

    private TestServer api;
    private String solvedId;

    @BeforeAll
    void solveASmallWeek() {
        api = new TestServer();
        solvedId = api.submit(SMALL_WEEK, "1s");
        api.awaitDone(solvedId, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void anInvalidPlansErrorsComeInChineseWithAcceptLanguageAndKeepTheirCodes() {
        JsonNode english = errors(validate(INVALID_PLAN, "/api/plans/validate", null));
        JsonNode chinese = errors(validate(INVALID_PLAN, "/api/plans/validate", "zh-CN,zh;q=0.9,en;q=0.8"));

        assertThat(codes(chinese)).isEqualTo(codes(english)).contains("plan.unknownWorker", "plan.unknownDay",
                "plan.required");
        assertThat(paths(chinese)).isEqualTo(paths(english));
        JsonNode unknownWorker = byCode(chinese, "plan.unknownWorker");
        assertThat(unknownWorker.get("path").asText()).isEqualTo("activities[0].workers[0]");
        assertThat(unknownWorker.get("message").asText()).isEqualTo("未知社工“wang”");
        assertThat(unknownWorker.get("args")).extracting(JsonNode::asText).containsExactly("wang");
        assertThat(byCode(english, "plan.unknownWorker").get("message").asText()).isEqualTo("unknown worker \"wang\"");
    }

    @Test
    void theLangParameterAsksForALanguageAndWinsOverTheHeader() {
        HttpResponse<String> submitted = validate(INVALID_PLAN, "/api/schedules?lang=zh", "en-US");

        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(byCode(errors(submitted), "plan.required").get("message").asText()).isEqualTo("必须填写");
        assertThat(byCode(errors(validate(INVALID_PLAN, "/api/plans/validate?lang=en", "zh-CN")), "plan.required")
                .get("message").asText()).isEqualTo("is required");
        assertThat(submitted.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Accept-Language"));
    }

    @Test
    void theServersOwnRefusalsSpeakChineseToo() {
        HttpResponse<String> unknownJob = api.get("/api/schedules/nobody?lang=zh");
        HttpResponse<String> notJson = api.post("/api/plans/validate?lang=zh", "text/plain",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(unknownJob.statusCode()).isEqualTo(404);
        assertThat(errors(unknownJob).get(0).get("code").asText()).isEqualTo("server.noJob");
        assertThat(errors(unknownJob).get(0).get("message").asText()).startsWith("没有编号为“nobody”的任务");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(errors(notJson).get(0).get("message").asText()).startsWith("请以 JSON 发送请求体");
    }

    @Test
    void aScheduleSaysWhyASessionIsOutAndNamesItsConstraintsInTheLanguageAsked() {
        JsonNode chinese = TestServer.json(api.get("/api/schedules/" + solvedId + "?lang=zh").body());
        JsonNode english = TestServer.json(api.get("/api/schedules/" + solvedId).body());

        JsonNode reason = chinese.at("/unassigned/0/reasons/0");
        assertThat(reason.get("code").asText()).isEqualTo("plan.unplaceable.tooManyParticipants");
        assertThat(reason.get("message").asText()).isEqualTo("它有 50 名参与者，但可用的最大活动室只能容纳 10 人");
        assertThat(english.at("/unassigned/0/reasons/0/message").asText())
                .isEqualTo("it has 50 participants, but the largest room it may use holds 10");
        assertThat(chinese.at("/diagnostics/0/code").asText()).isEqualTo("plan.neverPlaceable");
        assertThat(chinese.at("/diagnostics/0/message").asText()).startsWith("“合唱团”无论如何都无法安排");
        assertThat(chinese.at("/constraints/0/name").asText()).isEqualTo("Room clash");
        assertThat(chinese.at("/constraints/0/displayName").asText()).isEqualTo("活动室冲突");
        assertThat(english.at("/constraints/0/displayName").asText()).isEqualTo("Room clash");
    }

    @Test
    void theCsvHeadersAndReasonsAreInChineseWhenAsked() {
        String chinese = new String(api.getBytes("/api/schedules/" + solvedId + "/export.csv?lang=zh").body(),
                StandardCharsets.UTF_8);
        String english = new String(api.getBytes("/api/schedules/" + solvedId + "/export.csv").body(),
                StandardCharsets.UTF_8);

        assertThat(chinese.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF状态,日期,星期,开始,结束,活动编号,活动,场次,"
                + "活动室编号,活动室,服务点,机构,社工,参与人数,固定,未安排原因");
        assertThat(chinese).contains("它有 50 名参与者");
        assertThat(english.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFstatus,date,day,start,end,activity,"
                + "activityName,session,room,roomName,site,organization,workers,participants,pinned,reasons");
    }

    @Test
    void theCalendarDescribesEachSessionInChineseWhenAsked() {
        VEvent talk = Biweekly.parse(api.get("/api/schedules/" + solvedId + "/export.ics?lang=zh").body()).first()
                .getEvents().get(0);

        assertThat(talk.getSummary().getValue()).isEqualTo("健康讲座");
        assertThat(talk.getDescription().getValue()).contains("社工：李娜").contains("参与人数：8");
    }

    @Test
    void refusalsJettyAnswersBeforeReadingTheHeadersAreInEnglishWithTheirCode() {
        RawHttp.Answer tooLong = RawHttp.send(api.server.port(), RawHttp.request("GET",
                "/api/schedules/" + "a".repeat(100_000) + "?lang=zh", "Accept-Language: zh-CN"));

        JsonNode error = TestServer.json(tooLong.body()).get("errors").get(0);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(error.get("code").asText()).isEqualTo("server.uriTooLong");
        assertThat(error.get("message").asText()).startsWith("the URI is longer than this server reads");
    }

    private HttpResponse<String> validate(String plan, String path, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(plan));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return api.send(request);
    }

    private static JsonNode errors(HttpResponse<String> response) {
        return TestServer.json(response.body()).get("errors");
    }

    private static List<String> codes(JsonNode errors) {
        return StreamSupport.stream(errors.spliterator(), false).map(error -> error.get("code").asText()).toList();
    }

    private static List<String> paths(JsonNode errors) {
        return StreamSupport.stream(errors.spliterator(), false).map(error -> error.get("path").asText()).toList();
    }

    private static JsonNode byCode(JsonNode errors, String code) {
        return StreamSupport.stream(errors.spliterator(), false)
                .filter(error -> error.get("code").asText().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + errors));
    }
}
