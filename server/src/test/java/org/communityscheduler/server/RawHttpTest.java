package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests that go wrong before a route sees them, written byte for byte: whoever refuses them (Jetty's parser,
 * its URI checks, or the router), the answer is the API's JSON error body with the right status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawHttpTest {

    private TestServer api;

    @BeforeAll
    void start() {
        api = new TestServer(ServerSettings.defaults().withParallelSolvers(1));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void aBadPercentEncodingIsABadRequest() {
        for (String target : List.of("/api/schedules/%zz", "/api/schedules/a%00b", "/api/schedules/%", "/%C3%28")) {
            assertJsonError(send("GET", target), 400);
        }
    }

    @Test
    void aTooLongUriAndTooLargeHeadersAreRefusedWithTheirOwnStatus() {
        assertJsonError(send("GET", "/api/schedules/" + "a".repeat(100_000)), 414);
        assertJsonError(send("GET", "/health", "X-Filler: " + "x".repeat(20_000)), 431);
    }

    @Test
    void aBodyWhoseLengthCannotBeToldIsABadRequest() {
        assertJsonError(send("POST", "/api/plans/validate", "Content-Type: application/json", "Content-Length: abc"),
                400);
        assertJsonError(RawHttp.send(api.server.port(), "POST /api/plans/validate HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n"), 400);
    }

    @Test
    void aBrokenChunkOrMissingHostIsABadRequestNotAFailure() {
        JsonNode brokenChunk = assertJsonError(RawHttp.send(api.server.port(), "POST /api/plans/validate HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400);
        assertThat(brokenChunk.get("message").asText()).startsWith("the request body could not be read");
        assertJsonError(RawHttp.send(api.server.port(), "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
        JsonNode expectation = assertJsonError(send("POST", "/api/plans/validate", "Content-Type: application/json",
                "Expect: 200-nope", "Content-Length: 2"), 417);
        assertThat(expectation.get("message").asText()).isEqualTo("Expectation Failed");
    }

    @Test
    void anUnknownPathOrMethodIsAnsweredLikeAnyOtherRefusal() {
        assertJsonError(send("GET", "/nowhere"), 404);
        assertJsonError(send("FOO", "/api/schedules"), 405);
        assertJsonError(send("FOO", "/nowhere"), 404);
        assertJsonError(send("GET", "/api/schedules/x/../../../etc/passwd"), 404);
    }

    @Test
    void afterARefusalTheConnectionEitherGoesOnOrTheAnswerSaysItCloses() {
        String next = RawHttp.request("GET", "/health/live");
        List<String> refused = List.of(RawHttp.request("GET", "/api/schedules/%zz"),
                RawHttp.request("GET", "/%C3%28"),
                RawHttp.request("GET", "/api/schedules/" + "a".repeat(100_000)),
                RawHttp.request("GET", "/health", "X-Filler: " + "x".repeat(20_000)),
                "GET /health HTTP/1.1\r\n\r\n",
                "HELLO\r\n\r\n",
                RawHttp.request("POST", "/api/plans/validate", "Content-Type: application/json", "Content-Length: abc"),
                RawHttp.request("POST", "/api/plans/validate", "Content-Type: application/json",
                        "Transfer-Encoding: chunked") + "zz\r\n{}\r\n0\r\n\r\n",
                RawHttp.request("POST", "/api/plans/validate", "Content-Type: application/json", "Content-Length: 2")
                        + "{]",
                RawHttp.request("GET", "/nowhere"),
                RawHttp.request("FOO", "/api/schedules"));
        for (String request : refused) {
            String first = RawHttp.keepingTheConnection(request);
            List<RawHttp.Answer> answers = RawHttp.pipelined(api.server.port(), first, next);
            String line = first.lines().findFirst().orElse("");
            String what = line.substring(0, Math.min(60, line.length()));
            assertThat(answers).as(what).isNotEmpty();
            assertThat(answers.get(0).status()).as(what).isBetween(400, 499);
            if (answers.size() == 1) {
                assertThat(answers.get(0).header("Connection")).as("%s: closed, and said so", what)
                        .containsIgnoringCase("close");
            } else {
                assertThat(answers.get(1).status()).as("%s: the next request answered", what).isEqualTo(200);
            }
        }
    }

    @Test
    void anUnknownCharsetIsAnUnsupportedMediaTypeOnEveryPostRoute() {
        for (String route : List.of("/api/schedules", "/api/plans/validate", "/api/schedules/analyze",
                "/api/schedules/recommend")) {
            for (String charset : List.of("foo", "", "\"utf-42\"", "x-no-such-charset", "utf-16")) {
                RawHttp.Answer answer = post(route, "application/json; charset=" + charset, "{}");
                JsonNode error = assertJsonError(answer, 415);
                assertThat(error.get("message").asText()).as(route).contains("charset").contains("UTF-8");
            }
        }
        // Where no body is read, the charset does not matter.
        assertJsonError(send("GET", "/api/schedules/x/export.csv?room=a", "Content-Type: text/plain; charset=foo"),
                404);
        // UTF-8, however it is spelled, is read.
        assertThat(post("/api/plans/validate", "application/json; charset=UTF-8", TestServer.SAMPLE).status())
                .isEqualTo(200);
        assertThat(post("/api/plans/validate", "application/json;charset=\"utf-8\"", TestServer.SAMPLE).status())
                .isEqualTo(200);
    }

    private RawHttp.Answer send(String method, String target, String... headerLines) {
        return RawHttp.send(api.server.port(), RawHttp.request(method, target, headerLines));
    }

    private RawHttp.Answer post(String route, String contentType, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return RawHttp.send(api.server.port(), RawHttp.request("POST", route, "Content-Type: " + contentType,
                "Content-Length: " + bytes.length) + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The API's error body with {@code status}, as JSON, with the headers every answer carries; its first error. */
    static JsonNode assertJsonError(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("<html");
        JsonNode errors = TestServer.json(answer.body()).get("errors");
        assertThat(errors).as(answer.body()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.get("path").asText()).isNotBlank();
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(answer.header("X-Content-Type-Options")).as(answer.body()).isEqualTo("nosniff");
        return errors.get(0);
    }
}
