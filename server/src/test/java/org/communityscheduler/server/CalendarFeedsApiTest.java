package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.http.FeedRoutes;
import org.communityscheduler.server.publish.PublicationFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing weeks and subscribing to their calendar feeds over real HTTP, on a server with an API token: the feeds
 * need only their key, a wrong key is 404, a week published again keeps its events' UIDs and raises the SEQUENCE of
 * those that changed, and a rotation of the keys shuts the old links.
 */
@Tag("slow") // solves the sample week a few times
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedsApiTest {

    private static final String TOKEN = "feeds-test-token";
    private static final String WEEK = "2026-11-30";

    /** Where the server keeps jobs and publications, for the whole class: it is started again on it. */
    private Path dataDir;
    private TestServer api;
    /** The sample week solved once, its schedule as it was. */
    private String sampleJob;
    private JsonNode sampleSchedule;

    @BeforeAll
    void solveTheSample(@TempDir Path directory) {
        dataDir = directory;
        api = new TestServer(ServerSettings.defaults().withParallelSolvers(2).withApiToken(TOKEN).withDataDir(dataDir));
        sampleJob = solve(TestServer.SAMPLE);
        sampleSchedule = TestServer.json(authorized("GET", "/api/schedules/" + sampleJob, null).body());
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aPublishedWeekIsAFeedACalendarAppReadsWithoutTheToken() {
        HttpResponse<String> published = authorized("POST", "/api/schedules/" + sampleJob + "/publish", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode answer = TestServer.json(published.body());
        assertThat(answer.get("startDate").asText()).isEqualTo(WEEK);
        assertThat(answer.get("sessions").asInt()).isEqualTo(sampleSchedule.get("sessions").size());

        assertThat(api.get("/api/feeds").statusCode()).as("the list needs the token").isEqualTo(401);
        JsonNode feeds = feeds("en");
        JsonNode all = feed(feeds, "all", null);
        assertThat(all.get("path").asText()).matches("/feeds/[A-Za-z0-9_-]{22}/all\\.ics\\?lang=en");
        assertThat(all.get("url").asText()).isEqualTo("http://localhost:" + api.server.port() + all.get("path").asText());
        assertThat(all.get("webcal").asText()).isEqualTo("webcal://localhost:" + api.server.port()
                + all.get("path").asText());
        JsonNode li = feed(feeds, "worker", "li-na");
        assertThat(li.get("name").asText()).isNotBlank();
        assertThat(feed(feeds, "room", "hall").get("path").asText()).endsWith("/room/hall.ics?lang=en");
        assertThat(feed(feeds, "organization", "lezhu").get("path").asText())
                .endsWith("/organization/lezhu.ics?lang=en");
        assertThat(keyOf(li)).as("every feed has its own key").isNotEqualTo(keyOf(all));

        HttpResponse<String> calendarFile = api.get(all.get("path").asText()); // no token
        assertThat(calendarFile.statusCode()).isEqualTo(200);
        assertThat(calendarFile.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/calendar"));
        ICalendar calendar = Biweekly.parse(calendarFile.body()).first();
        assertThat(calendar.getEvents()).hasSize(sampleSchedule.get("sessions").size());
        VTimezone zone = calendar.getTimezoneInfo().getComponents().iterator().next();
        assertThat(zone.getTimezoneId().getValue()).isEqualTo("Asia/Shanghai");
        assertThat(calendarFile.body()).contains("DTSTART;TZID=Asia/Shanghai:202612").contains("BEGIN:VTIMEZONE")
                .contains("TZOFFSETTO:+0800");

        // Every placed session is an event at its date and time in Shanghai, named by its week, activity and session.
        Map<String, VEvent> byUid = byUid(calendar);
        for (JsonNode session : sampleSchedule.get("sessions")) {
            String uid = WEEK + "/" + session.get("activity").asText() + "#" + session.get("session").asInt()
                    + "@community-scheduler";
            VEvent event = byUid.get(uid);
            assertThat(event).as(uid).isNotNull();
            String start = session.get("date").asText().replace("-", "") + "T"
                    + session.get("start").asText().replace(":", "") + "00";
            assertThat(calendarFile.body()).contains("UID:" + uid.replace(",", "\\,"));
            assertThat(event.getDateStart().getValue().getRawComponents().toString(true, false)).isEqualTo(start);
            assertThat(event.getSequence().getValue()).isZero();
        }

        ICalendar lisWeek = Biweekly.parse(api.get(li.get("path").asText()).body()).first();
        assertThat(lisWeek.getEvents()).isNotEmpty().hasSizeLessThan(calendar.getEvents().size());
        assertThat(lisWeek.getEvents()).allSatisfy(event ->
                assertThat(event.getDescription().getValue()).contains("Workers: ").contains(li.get("name").asText()));
    }

    @Test
    void aWrongKeyIsNotFoundLikeAFeedThatDoesNotExist() {
        publish(sampleJob);
        JsonNode feeds = feeds("en");
        String all = feed(feeds, "all", null).get("path").asText();
        String li = feed(feeds, "worker", "li-na").get("path").asText();
        String key = keyOf(feed(feeds, "all", null));
        char last = key.charAt(key.length() - 1);
        String wrong = all.replace(key, key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A'));

        HttpResponse<String> wrongKey = api.get(wrong);
        HttpResponse<String> otherFeedsKey = api.get(li.replace("/worker/li-na.ics", "/worker/wang.ics"));
        HttpResponse<String> allsKeyForLi = api.get(li.replace(keyOf(feed(feeds, "worker", "li-na")), key));
        assertThat(wrongKey.statusCode()).isEqualTo(404);
        assertThat(otherFeedsKey.statusCode()).isEqualTo(404);
        assertThat(allsKeyForLi.statusCode()).isEqualTo(404);
        assertThat(otherFeedsKey.body()).isEqualTo(wrongKey.body()).isEqualTo(allsKeyForLi.body())
                .contains("no such calendar feed");
        assertThat(api.get(all).statusCode()).isEqualTo(200);
    }

    @Test
    void publishingTheWeekAgainKeepsEveryUidAndUpdatesWhatChanged() {
        publish(sampleJob);
        String all = feed(feeds("en"), "all", null).get("path").asText();
        ICalendar before = Biweekly.parse(api.get(all).body()).first();

        // The week solved again from a plan where the hall has a new name and one activity is dropped.
        ObjectNode plan = (ObjectNode) TestServer.json(TestServer.SAMPLE);
        rename(plan, "rooms", "hall", "新多功能厅");
        String dropped = dropOneActivity(plan);
        String again = solve(plan.toString());
        HttpResponse<String> republished = authorized("POST", "/api/schedules/" + again + "/publish", "{}");
        assertThat(republished.statusCode()).as(republished.body()).isEqualTo(200);
        JsonNode counts = TestServer.json(republished.body());
        assertThat(counts.get("removed").asInt()).isPositive();
        assertThat(counts.get("added").asInt()).isZero();

        ICalendar after = Biweekly.parse(api.get(all).body()).first();
        Map<String, VEvent> earlier = byUid(before);
        Map<String, VEvent> now = byUid(after);
        assertThat(earlier.keySet()).containsAll(now.keySet());
        assertThat(earlier.keySet()).filteredOn(uid -> uid.contains("/" + dropped + "#"))
                .isNotEmpty().noneMatch(now::containsKey);
        for (Map.Entry<String, VEvent> entry : now.entrySet()) {
            VEvent was = earlier.get(entry.getKey());
            VEvent is = entry.getValue();
            boolean same = same(was, is);
            assertThat(is.getSequence().getValue()).as(entry.getKey())
                    .isEqualTo(was.getSequence().getValue() + (same ? 0 : 1));
            if (same) {
                assertThat(is.getDateTimeStamp().getValue()).isEqualTo(was.getDateTimeStamp().getValue());
            } else {
                assertThat(is.getLastModified().getValue()).isAfter(was.getLastModified().getValue());
            }
            if (is.getLocation().getValue().startsWith("新多功能厅")) {
                assertThat(same).as("an event in the renamed hall changed").isFalse();
            }
        }
        publish(sampleJob); // as the other tests expect it
    }

    @Test
    void oneFeedServesEveryPublishedWeekUntilOneIsTakenOut() {
        publish(sampleJob);
        ObjectNode nextWeek = (ObjectNode) TestServer.json(TestServer.SAMPLE);
        ((ObjectNode) nextWeek.get("week")).put("startDate", "2026-12-07");
        nextWeek.get("sites").forEach(site -> ((ObjectNode) site).remove("closedDates"));
        publish(solve(nextWeek.toString()));
        try {
            String all = feed(feeds("en"), "all", null).get("path").asText();
            Set<String> uids = byUid(Biweekly.parse(api.get(all).body()).first()).keySet();
            assertThat(uids).anyMatch(uid -> uid.startsWith("2026-11-30/")).anyMatch(uid -> uid.startsWith("2026-12-07/"));
            assertThat(uids.stream().filter(uid -> uid.startsWith("2026-12-07/")).map(uid -> uid.substring(11)))
                    .containsAnyElementsOf(uids.stream().filter(uid -> uid.startsWith("2026-11-30/"))
                            .map(uid -> uid.substring(11)).toList());

            JsonNode weeks = TestServer.json(authorized("GET", "/api/publications", null).body());
            assertThat(weeks.findValuesAsText("startDate")).contains("2026-11-30", "2026-12-07");
        } finally {
            assertThat(authorized("DELETE", "/api/publications/2026-12-07", null).statusCode()).isEqualTo(204);
        }
        String all = feed(feeds("en"), "all", null).get("path").asText();
        assertThat(byUid(Biweekly.parse(api.get(all).body()).first()).keySet()).allMatch(uid -> uid.startsWith(WEEK + "/"));
        HttpResponse<String> again = authorized("DELETE", "/api/publications/2026-12-07", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("no week starting 2026-12-07 is published");
        assertThat(authorized("DELETE", "/api/publications/next-monday", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aPublishedWeeksSessionsAreThereToKeepWhenTheWeekIsSolvedAgain() {
        publish(sampleJob);
        JsonNode schedule = TestServer.json(authorized("GET", "/api/schedules/" + sampleJob, null).body());

        HttpResponse<String> answer = authorized("GET", "/api/publications/" + WEEK, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode week = TestServer.json(answer.body());
        assertThat(week.get("job").asText()).isEqualTo(sampleJob);
        assertThat(week.get("sessions")).containsExactlyInAnyOrderElementsOf(schedule.get("sessions"));
        assertThat(authorized("GET", "/api/publications/2030-01-07", null).statusCode()).isEqualTo(404);
        assertThat(authorized("GET", "/api/publications/monday", null).statusCode()).isEqualTo(400);
    }

    @Test
    void rotatingTheKeysShutsEveryOldLink() {
        publish(sampleJob);
        JsonNode old = feeds("en");
        HttpResponse<String> rotated = authorized("POST", "/api/feeds/rotate", "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        JsonNode fresh = TestServer.json(rotated.body());
        for (String[] feed : new String[][] {{"all", null}, {"worker", "li-na"}, {"room", "hall"}}) {
            String oldPath = feed(old, feed[0], feed[1]).get("path").asText();
            String newPath = feed(fresh, feed[0], feed[1]).get("path").asText();
            assertThat(newPath).isNotEqualTo(oldPath);
            assertThat(api.get(oldPath).statusCode()).isEqualTo(404);
            assertThat(api.get(newPath).statusCode()).isEqualTo(200);
        }
        assertThat(feeds("en").toString()).isEqualTo(fresh.toString());
    }

    @Test
    void aPhoneAskingAgainGetsNotModifiedUntilTheWeekChanges() {
        publish(sampleJob);
        String all = feed(feeds("en"), "all", null).get("path").asText();
        HttpResponse<String> first = api.get(all);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(conditional(all, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(conditional(all, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        // A date later than the server's clock says nothing of the client's copy (RFC 9110 13.1.3): ignored.
        String tomorrow = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
        assertThat(conditional(all, "If-Modified-Since", tomorrow).statusCode()).isEqualTo(200);
        assertThat(conditional(all.replace("lang=en", "lang=zh"), "If-None-Match", etag).statusCode())
                .as("another language is another document").isEqualTo(200);

        TestServer.sleep(1100); // Last-Modified counts whole seconds
        publish(sampleJob);
        HttpResponse<String> changed = conditional(all, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(conditional(all, "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
    }

    @Test
    void aJobStillSolvingIsPublishedOnlyOnceItIsDoneAsItIsEditedOnlyThen() {
        HttpResponse<String> submitted = authorized("POST", "/api/schedules?timeLimit=5m", TestServer.SAMPLE);
        String id = TestServer.json(submitted.body()).get("id").asText();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!TestServer.json(authorized("GET", "/api/schedules/" + id, null).body()).has("sessions")) {
                assertThat(System.nanoTime()).as("a first schedule").isLessThan(deadline);
                TestServer.sleep(100);
            }
            HttpResponse<String> solving = authorized("POST", "/api/schedules/" + id + "/publish", "{}");
            assertThat(solving.statusCode()).as(solving.body()).isEqualTo(409);
            JsonNode error = TestServer.json(solving.body()).get("errors").get(0);
            assertThat(error.get("path").asText()).isEqualTo("id");
            assertThat(error.get("code").asText()).isEqualTo("publish.stillSolving");
            assertThat(error.get("message").asText()).contains(id).contains("DELETE /api/schedules/" + id);
        } finally {
            assertThat(authorized("DELETE", "/api/schedules/" + id, null).statusCode()).isEqualTo(200);
        }
        publish(id);
        publish(sampleJob); // as the other tests expect it
    }

    @Test
    void feedsInChineseWhenTheLinkAsks() {
        publish(sampleJob);
        JsonNode feeds = feeds("zh");
        assertThat(feeds.get("language").asText()).isEqualTo("zh");
        JsonNode li = feed(feeds, "worker", "li-na");
        assertThat(li.get("path").asText()).endsWith("/worker/li-na.ics?lang=zh");
        String calendar = api.get(li.get("path").asText()).body();
        assertThat(Biweekly.parse(calendar).first().getEvents()).allSatisfy(event ->
                assertThat(event.getDescription().getValue()).contains("社工："));
        assertThat(calendar).contains("X-WR-CALNAME:社区活动排期 · " + li.get("name").asText());
    }

    @Test
    void chineseFeedsAreFoldedAt75OctetsNeverInsideACharacter() {
        publish(sampleJob);
        int longLines = 0;
        for (JsonNode feed : feeds("zh").get("feeds")) {
            String calendar = api.get(feed.get("path").asText()).body();
            String[] lines = calendar.split("\r\n", -1);
            assertThat(lines[lines.length - 1]).as("the document ends with a line break").isEmpty();
            assertThat(calendar.replace("\r\n", "")).as("line breaks are CRLF").doesNotContain("\r", "\n");
            for (String line : List.of(lines)) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
                assertThat(line.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE).count()).as("half a pair: " + line).isZero();
            }

            // Unfolded (RFC 5545, 3.1), each text is back whole, as a calendar app reads it.
            String unfolded = calendar.replace("\r\n ", "");
            for (VEvent event : Biweekly.parse(calendar).first().getEvents()) {
                assertThat(event.getDescription().getValue()).contains("社工：");
                for (String line : List.of("SUMMARY:" + escaped(event.getSummary().getValue()),
                        "LOCATION:" + escaped(event.getLocation().getValue()),
                        "DESCRIPTION:" + escaped(event.getDescription().getValue()))) {
                    assertThat(unfolded).contains("\r\n" + line + "\r\n");
                    longLines += line.getBytes(StandardCharsets.UTF_8).length > 75 ? 1 : 0;
                }
            }
        }
        assertThat(longLines).as("lines that had to be folded").isPositive();
    }

    @Test
    void lastModifiedIsAnHttpDateWithTwoDigitsOfDay() throws Exception {
        publish(sampleJob);
        String all = feed(feeds("en"), "all", null).get("path").asText();
        api.close();
        // The weeks last changed on a day of one digit: Monday 7 December.
        Path feedState = dataDir.resolve(PublicationFiles.FOLDER).resolve("feeds.json");
        ObjectNode state = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(feedState));
        Files.write(feedState, Json.MAPPER.writeValueAsBytes(state.put("changed", "2026-12-07T03:19:09Z")));
        api = new TestServer(ServerSettings.defaults().withParallelSolvers(2).withApiToken(TOKEN).withDataDir(dataDir));

        HttpResponse<String> feed = api.get(all);
        assertThat(feed.headers().firstValue("Last-Modified")).hasValue("Mon, 07 Dec 2026 03:19:09 GMT");
        assertThat(conditional(all, "If-Modified-Since", "Mon, 07 Dec 2026 03:19:09 GMT").statusCode()).isEqualTo(304);
        assertThat(conditional(all, "If-Modified-Since", "Mon, 7 Dec 2026 03:19:08 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void aFeedsLinkIsAQrCode() {
        String webcal = feed(feeds("en"), "worker", "li-na").get("webcal").asText();
        HttpResponse<String> qr = authorized("GET", "/api/feeds/qr.svg?text="
                + java.net.URLEncoder.encode(webcal, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("image/svg+xml"));
        assertThat(qr.body()).startsWith("<svg").contains("<path d=\"M").endsWith("</svg>");
        assertThat(authorized("GET", "/api/feeds/qr.svg?text=" + "x".repeat(FeedRoutes.MAX_QR_TEXT + 1), null)
                .statusCode()).isEqualTo(400);
        assertThat(api.get("/api/feeds/qr.svg?text=x").statusCode()).as("under /api: the token").isEqualTo(401);
    }

    @Test
    void aWeekWithoutAStartDateCannotBePublished() {
        ObjectNode plan = (ObjectNode) TestServer.json(TestServer.SAMPLE);
        ((ObjectNode) plan.get("week")).remove("startDate");
        plan.get("sites").forEach(site -> ((ObjectNode) site).remove("closedDates"));
        String job = solve(plan.toString());
        HttpResponse<String> refused = authorized("POST", "/api/schedules/" + job + "/publish", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("week.startDate").contains("no startDate");
        assertThat(authorized("POST", "/api/schedules/no-such-job/publish", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void publicationsAndKeysOutliveARestartInOwnerOnlyFiles() throws Exception {
        publish(sampleJob);
        String all = feed(feeds("en"), "all", null).get("path").asText();
        String before = api.get(all).body();
        api.close();
        api = new TestServer(ServerSettings.defaults().withParallelSolvers(2).withApiToken(TOKEN)
                .withDataDir(dataDir));
        String port = ":" + api.server.port();
        HttpResponse<String> after = api.get(all);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before);
        assertThat(feed(feeds("en"), "all", null).get("url").asText()).endsWith(port + all);
        try (Stream<Path> files = Files.walk(dataDir.resolve(PublicationFiles.FOLDER))) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo(Files.isDirectory(file) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void behindALoadBalancerTheLinksAreOnThePublicUrl() {
        publish(sampleJob);
        api.close();
        api = new TestServer(ServerSettings.defaults().withParallelSolvers(2).withApiToken(TOKEN).withDataDir(dataDir)
                .withPublicUrl("https://plan.example.org/scheduler/"));

        try {
            JsonNode all = feed(feeds("en"), "all", null);
            assertThat(all.get("url").asText()).isEqualTo("https://plan.example.org/scheduler" + all.get("path").asText());
            assertThat(all.get("webcal").asText())
                    .isEqualTo("webcal://plan.example.org/scheduler" + all.get("path").asText());
            assertThat(feeds("en").get("feeds")).allSatisfy(feed ->
                    assertThat(feed.get("url").asText()).startsWith("https://plan.example.org/scheduler/feeds/"));
        } finally {
            api.close(); // the other tests expect the links on the address they asked
            api = new TestServer(ServerSettings.defaults().withParallelSolvers(2).withApiToken(TOKEN).withDataDir(dataDir));
        }
    }

    // --- Helpers

    private String solve(String plan) {
        HttpResponse<String> submitted = authorized("POST", "/api/schedules?timeLimit=1s", plan);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = TestServer.json(submitted.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!TestServer.json(authorized("GET", "/api/schedules/" + id, null).body()).get("status").asText()
                .equals("NOT_SOLVING")) {
            assertThat(System.nanoTime()).as("job " + id + " finishes").isLessThan(deadline);
            TestServer.sleep(200);
        }
        return id;
    }

    private void publish(String job) {
        HttpResponse<String> published = authorized("POST", "/api/schedules/" + job + "/publish", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    private JsonNode feeds(String language) {
        HttpResponse<String> listed = authorized("GET", "/api/feeds?lang=" + language, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return TestServer.json(listed.body());
    }

    private static JsonNode feed(JsonNode feeds, String kind, String id) {
        for (JsonNode feed : feeds.get("feeds")) {
            if (feed.get("kind").asText().equals(kind) && (id == null || id.equals(feed.path("id").asText()))) {
                return feed;
            }
        }
        throw new AssertionError("no feed " + kind + " " + id + " in " + feeds);
    }

    private static String keyOf(JsonNode feed) {
        return feed.get("path").asText().split("/")[2];
    }

    private HttpResponse<String> authorized(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request);
    }

    private HttpResponse<String> conditional(String path, String header, String value) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header(header, value).GET());
    }

    /** A text value as iCalendar writes it (RFC 5545, 3.3.11). */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        Map<String, VEvent> events = new HashMap<>();
        calendar.getEvents().forEach(event -> events.put(event.getUid().getValue(), event));
        return events;
    }

    /** Whether two versions of an event say the same. */
    private static boolean same(VEvent a, VEvent b) {
        return a.getDateStart().getValue().equals(b.getDateStart().getValue())
                && a.getDateEnd().getValue().equals(b.getDateEnd().getValue())
                && a.getSummary().getValue().equals(b.getSummary().getValue())
                && a.getLocation().getValue().equals(b.getLocation().getValue())
                && a.getDescription().getValue().equals(b.getDescription().getValue());
    }

    private static void rename(ObjectNode plan, String part, String id, String name) {
        for (JsonNode item : plan.get(part)) {
            if (item.get("id").asText().equals(id)) {
                ((ObjectNode) item).put("name", name);
                return;
            }
        }
        throw new AssertionError("no " + id + " in " + part);
    }

    /** Drops an activity that no pinned or previous placement names; answers its id. */
    private static String dropOneActivity(ObjectNode plan) {
        Set<String> named = Stream.of("pinned", "previous").filter(plan::has)
                .flatMap(part -> toList(plan.get(part)).stream())
                .map(placement -> placement.get("activity").asText()).collect(Collectors.toSet());
        ArrayNode activities = (ArrayNode) plan.get("activities");
        for (int i = 0; i < activities.size(); i++) {
            String id = activities.get(i).get("id").asText();
            if (!named.contains(id)) {
                activities.remove(i);
                return id;
            }
        }
        throw new AssertionError("every activity is pinned");
    }

    private static List<JsonNode> toList(JsonNode array) {
        return Json.MAPPER.convertValue(array, Json.MAPPER.getTypeFactory().constructCollectionType(List.class,
                JsonNode.class));
    }
}
