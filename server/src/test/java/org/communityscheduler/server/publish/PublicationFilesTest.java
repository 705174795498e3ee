package org.communityscheduler.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.server.publish.Publications.Event;
import org.communityscheduler.server.publish.Publications.Named;
import org.communityscheduler.server.publish.Publications.PublishedSession;
import org.communityscheduler.server.publish.Publications.PublishedWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published weeks and the feed secret on disk: read back as written, replaced whole, taken out. */
class PublicationFilesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dataDir;

    @Test
    void weeksAndTheSecretAreReadBackAsWritten() {
        PublicationFiles files = new PublicationFiles(dataDir);
        files.load();
        byte[] secret = files.feedSecret();
        PublishedWeek week = week(MONDAY, "hall");
        files.publish(MONDAY, before -> {
            assertThat(before).isEmpty();
            return week;
        });

        PublicationFiles again = new PublicationFiles(dataDir);
        again.load();
        assertThat(again.weeks()).containsExactly(week);
        assertThat(again.feedSecret()).isEqualTo(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(again.changed()).isEqualTo(files.changed());
    }

    @Test
    void publishingAWeekAgainReplacesItAndSeesTheOneBefore() {
        PublicationFiles files = new PublicationFiles(dataDir);
        files.publish(MONDAY, before -> week(MONDAY, "hall"));
        files.publish(MONDAY, before -> {
            assertThat(before).map(w -> w.sessions().get(0).event().room()).hasValue("hall");
            return week(MONDAY, "classroom");
        });
        PublicationFiles again = new PublicationFiles(dataDir);
        again.load();
        assertThat(again.weeks()).singleElement().satisfies(w ->
                assertThat(w.sessions().get(0).event().room()).isEqualTo("classroom"));
    }

    @Test
    void aWeekTakenOutIsGoneFromDiskAndRotationMakesANewSecret() {
        PublicationFiles files = new PublicationFiles(dataDir);
        files.publish(MONDAY, before -> week(MONDAY, "hall"));
        byte[] secret = files.feedSecret();
        assertThat(files.unpublish(MONDAY)).isTrue();
        assertThat(files.unpublish(MONDAY)).isFalse();
        assertThat(files.rotateFeedSecret()).isNotEqualTo(secret);

        PublicationFiles again = new PublicationFiles(dataDir);
        again.load();
        assertThat(again.weeks()).isEmpty();
        assertThat(again.feedSecret()).isNotEqualTo(secret).isEqualTo(files.feedSecret());
    }

    @Test
    void aWeekPublishedWithItsTitleWrittenOutIsStillReadAndKeepsThatTitle() throws Exception {
        PublicationFiles files = new PublicationFiles(dataDir);
        files.publish(MONDAY, before -> week(MONDAY, "hall"));
        Path file = dataDir.resolve("publications/weeks/2026-11-30.json");
        // As weeks were stored before titles were written from facts: the title, numbered in English.
        ObjectNode stored = (ObjectNode) Json.MAPPER.readTree(file.toFile());
        ObjectNode event = (ObjectNode) stored.get("sessions").get(0).get("event");
        assertThat(event.remove("activityName").asText()).isEqualTo("儿童成长小组");
        assertThat(event.remove("numbered").asBoolean()).isTrue();
        event.put("title", "儿童成长小组 #1");
        Files.write(file, Json.MAPPER.writeValueAsBytes(stored));

        PublicationFiles again = new PublicationFiles(dataDir);
        again.load();
        assertThat(again.weeks()).singleElement().satisfies(week -> {
            assertThat(week.sessions().get(0).event().activityName()).isEqualTo("儿童成长小组 #1");
            assertThat(week.sessions().get(0).event().numbered()).isFalse();
        });
    }

    @Test
    void anUnreadableWeekIsLeftOutAndTheRestRead() throws Exception {
        PublicationFiles files = new PublicationFiles(dataDir);
        files.publish(MONDAY, before -> week(MONDAY, "hall"));
        Files.writeString(dataDir.resolve("publications/weeks/2026-12-07.json"), "{not json");
        PublicationFiles again = new PublicationFiles(dataDir);
        again.load();
        assertThat(again.weeks()).extracting(PublishedWeek::startDate).containsExactly(MONDAY);
    }

    @Test
    void withoutADataDirectoryEverythingIsInMemory() {
        PublicationFiles memory = new PublicationFiles(null);
        memory.load();
        memory.publish(MONDAY, before -> week(MONDAY, "hall"));
        assertThat(memory.weeks()).hasSize(1);
        assertThat(memory.feedSecret()).isEqualTo(memory.feedSecret());
    }

    private static PublishedWeek week(LocalDate monday, String room) {
        Instant at = Instant.parse("2026-11-25T08:00:00Z");
        Event event = new Event("儿童成长小组", monday, TimeOfDay.of(9, 0), TimeOfDay.of(10, 30), room, "多功能厅",
                "黄河社区服务中心", "lezhu", "乐助", List.of("wang-fang"), List.of("王芳"), 20, false, true);
        return new PublishedWeek(monday, ZoneId.of("Asia/Shanghai"), "week", "job-1", at,
                List.of(new PublishedSession("kids-club", 1, event, 0, at, at)), List.of(new Named("wang-fang", "王芳")),
                List.of(new Named(room, "多功能厅")), List.of(new Named("lezhu", "乐助")));
    }
}
