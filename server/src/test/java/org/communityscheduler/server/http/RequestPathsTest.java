package org.communityscheduler.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A feed's key never shows in a path the server logs or answers with, however the path is written. */
class RequestPathsTest {

    private static final String KEY = "Xq3vN8bZ0kLm2Pa7Rt5yWc";

    @Test
    void everySegmentAfterTheFeedsIsMaskedHoweverThePathIsWritten() {
        List<String> paths = List.of("/feeds/" + KEY + "/all.ics", "//feeds/" + KEY + "/all.ics",
                "/FEEDS/" + KEY + "/all.ics", "/Feeds//" + KEY + "/room/hall.ics", "/feeds;x=1/" + KEY + "/all.ics",
                "/f%65eds/" + KEY + "/all.ics", "/%2566eeds/" + KEY, "/feeds%2F" + KEY + "/all.ics",
                "/./feeds/" + KEY, "/api/../feeds/" + KEY + "/worker/li-na.ics", "/feeds/" + KEY.substring(0, 4)
                        + "%" + Integer.toHexString(KEY.charAt(4)) + KEY.substring(5) + "/all.ics",
                "\\feeds\\" + KEY + "\\all.ics", "/feeds/" + KEY);
        for (String path : paths) {
            assertThat(RequestPaths.withoutFeedKeys(path)).as(path).doesNotContain(KEY)
                    .containsIgnoringCase("feeds").contains(RequestPaths.MASK);
        }
        assertThat(RequestPaths.withoutFeedKeys("//FEEDS/" + KEY + "/all.ics")).isEqualTo("//FEEDS/*/*");
    }

    @Test
    void otherPathsAreShownAsTheyAre() {
        for (String path : List.of("/api/schedules/2f1c", "/", "/api/schedules/%zz", "/api-docs", "/health")) {
            assertThat(RequestPaths.withoutFeedKeys(path)).isEqualTo(path);
        }
    }
}
