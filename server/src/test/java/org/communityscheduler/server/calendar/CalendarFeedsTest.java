package org.communityscheduler.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;

import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.server.calendar.CalendarFeeds.Feed;
import org.communityscheduler.server.calendar.CalendarFeeds.Kind;
import org.communityscheduler.server.publish.PublicationFiles;
import org.communityscheduler.server.publish.Publications.Event;
import org.communityscheduler.server.publish.Publications.Named;
import org.communityscheduler.server.publish.Publications.PublishedSession;
import org.communityscheduler.server.publish.Publications.PublishedWeek;
import org.communityscheduler.text.Language;
import org.junit.jupiter.api.Test;

/** A feed's calendar read back by a calendar library: the events at their times in their zone, the right ones. */
class CalendarFeedsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void eventsAreAtTheirWallClockTimesInTheWeeksTimeZone() {
        CalendarFeeds feeds = feedsOf(week(LocalDate.of(2026, 11, 30), "Asia/Shanghai"));
        ICalendar calendar = Biweekly.parse(feeds.calendar(Feed.all(), Language.EN)).first();

        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(event.getUid().getValue()).isEqualTo("2026-11-30/kids-club#1@community-scheduler");
        assertThat(event.getLocation().getValue()).isEqualTo("多功能厅, 黄河社区服务中心");
        assertThat(event.getSummary().getValue()).isEqualTo("儿童成长小组 #1");
        assertThat(event.getDescription().getValue())
                .isEqualTo("乐助\nWorkers: 王芳\nParticipants: 20\nPinned by the coordinator");
        assertThat(calendar.getTimezoneInfo().getTimezone(event.getDateStart()).getComponent().getTimezoneId()
                .getValue()).isEqualTo("Asia/Shanghai");
        assertThat(calendar.getRefreshInterval().getValue()).hasToString("PT1H");
    }

    @Test
    void aChineseFeedWritesTheTitleAndDescriptionInChineseFromTheSameFacts() {
        CalendarFeeds feeds = feedsOf(week(LocalDate.of(2026, 11, 30), "Asia/Shanghai"));

        VEvent event = events(feeds, Feed.all()).get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("儿童成长小组 第1场");
        assertThat(event.getDescription().getValue()).isEqualTo("乐助\n社工：王芳\n参与人数：20\n协调员固定的场次");
    }

    @Test
    void aZoneThatChangesItsClocksInTheWeekHasBothOffsets() {
        // Europe/Berlin goes to summer time on Sunday 29 March 2026.
        VTimezone zone = CalendarZones.vtimezone(ZoneId.of("Europe/Berlin"), LocalDate.of(2026, 3, 22),
                LocalDate.of(2026, 4, 1));
        String written = Biweekly.write(calendarWith(zone)).go();
        assertThat(written).contains("BEGIN:DAYLIGHT").contains("DTSTART:20260329T020000")
                .contains("TZOFFSETFROM:+0100").contains("TZOFFSETTO:+0200");
        assertThat(zone.getStandardTimes()).isNotEmpty();

        CalendarFeeds feeds = feedsOf(week(LocalDate.of(2026, 3, 23), "Europe/Berlin"));
        ICalendar calendar = Biweekly.parse(feeds.calendar(Feed.all(), Language.EN)).first();
        assertThat(calendar.getEvents().get(0).getDateStart().getValue().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 3, 24, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void aFeedKeepsItsWorkersRoomsOrOrganisationsSessionsOnly() {
        CalendarFeeds feeds = feedsOf(week(LocalDate.of(2026, 11, 30), "Asia/Shanghai"));
        assertThat(events(feeds, new Feed(Kind.WORKER, "wang-fang"))).hasSize(1);
        assertThat(events(feeds, new Feed(Kind.WORKER, "zhao-lei"))).isEmpty();
        assertThat(events(feeds, new Feed(Kind.ROOM, "hall"))).hasSize(1);
        assertThat(events(feeds, new Feed(Kind.ROOM, "classroom"))).isEmpty();
        assertThat(events(feeds, new Feed(Kind.ORGANIZATION, "lezhu"))).hasSize(1);
    }

    @Test
    void keysDifferByFeedAndOpenOnlyTheirOwn() {
        CalendarFeeds feeds = feedsOf(week(LocalDate.of(2026, 11, 30), "Asia/Shanghai"));
        Feed wang = new Feed(Kind.WORKER, "wang-fang");
        Feed hall = new Feed(Kind.ROOM, "hall");
        assertThat(feeds.key(wang)).hasSize(22).isNotEqualTo(feeds.key(hall)).isNotEqualTo(feeds.key(Feed.all()));
        assertThat(feeds.opens(feeds.key(wang), wang)).isTrue();
        assertThat(feeds.opens(feeds.key(wang), hall)).isFalse();
        assertThat(feeds.opens(null, wang)).isFalse();
        String before = feeds.key(wang);
        feeds.rotate();
        assertThat(feeds.opens(before, wang)).isFalse();
    }

    private static List<VEvent> events(CalendarFeeds feeds, Feed feed) {
        return Biweekly.parse(feeds.calendar(feed, Language.ZH)).first().getEvents();
    }

    private static ICalendar calendarWith(VTimezone zone) {
        ICalendar calendar = new ICalendar();
        calendar.addComponent(zone);
        return calendar;
    }

    private static CalendarFeeds feedsOf(PublishedWeek week) {
        PublicationFiles memory = new PublicationFiles(null);
        memory.publish(week.startDate(), before -> week);
        return new CalendarFeeds(memory);
    }

    private static PublishedWeek week(LocalDate monday, String zone) {
        Event event = new Event("儿童成长小组", monday.plusDays(1), TimeOfDay.of(9, 0), TimeOfDay.of(10, 30), "hall",
                "多功能厅", "黄河社区服务中心", "lezhu", "乐助", List.of("wang-fang"), List.of("王芳"), 20, true, true);
        return new PublishedWeek(monday, ZoneId.of(zone), "week", "job-1", PUBLISHED,
                List.of(new PublishedSession("kids-club", 1, event, 0, PUBLISHED, PUBLISHED)),
                List.of(new Named("wang-fang", "王芳"), new Named("zhao-lei", "赵磊")),
                List.of(new Named("hall", "多功能厅"), new Named("classroom", "培训教室")),
                List.of(new Named("lezhu", "乐助")));
    }
}
