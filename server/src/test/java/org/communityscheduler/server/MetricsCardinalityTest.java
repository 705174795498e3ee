package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** /metrics stays small whatever clients send: made-up methods and paths share one label each. */
class MetricsCardinalityTest {

    private static final String TOKEN = "c0ordinator-token";

    @Test
    void madeUpMethodsAndPathsAddNoSeriesEvenWhenTheTokenRefusesThem() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withApiToken(TOKEN))) {
            int port = api.server.port();
            String[] methods = { "GET", "POST", "DELETE", "PUT", "OPTIONS" };
            Random random = new Random(11);
            // One of each shape first, so that the series the shapes need exist before the count starts.
            for (int i = 0; i < 300; i++) {
                if (i == 30) {
                    assertThat(RawHttp.send(port, RawHttp.request("GET", "/api/schedules", "Authorization: Bearer "
                            + TOKEN)).status()).isEqualTo(200);
                }
                String method = i % 3 == 0 ? methods[random.nextInt(methods.length)] : madeUp(random);
                String path = switch (i % 4) {
                    case 0 -> "/api/" + madeUp(random).toLowerCase();
                    case 1 -> "/api/schedules/" + madeUp(random) + "/" + madeUp(random);
                    case 2 -> "/" + madeUp(random);
                    default -> "/api/schedules";
                };
                String authorization = i % 2 == 0 ? "Authorization: Bearer " + TOKEN : "X-None: 1";
                RawHttp.send(port, RawHttp.request(method, path, authorization));
            }
            int before = metrics(port).length();
            for (int i = 0; i < 300; i++) {
                String method = i % 3 == 0 ? methods[random.nextInt(methods.length)] : madeUp(random);
                String path = i % 2 == 0 ? "/api/" + madeUp(random) : "/" + madeUp(random) + "/" + madeUp(random);
                String authorization = i % 2 == 0 ? "Authorization: Bearer " + TOKEN : "X-None: 1";
                RawHttp.send(port, RawHttp.request(method, path, authorization));
            }
            String after = metrics(port);

            // The timings of /metrics itself change by a few digits; no new series is more than that.
            assertThat(after.length() - before).isLessThan(1_000);
            assertThat(after).contains("method=\"OTHER\"").contains("route=\"unmatched\"")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/schedules\",status=\"200\"} 1")
                    .doesNotContainPattern("method=\"(?!GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|OTHER\")");
        }
    }

    private static String metrics(int port) {
        RawHttp.Answer answer = RawHttp.send(port, RawHttp.request("GET", "/metrics"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** A method or path segment no route knows: 3 to 10 capital letters. */
    private static String madeUp(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0, length = 3 + random.nextInt(8); i < length; i++) {
            word.append((char) ('A' + random.nextInt(26)));
        }
        return word.toString();
    }
}
