package org.communityscheduler.server.calendar;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import biweekly.ICalDataType;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.publish.Publications;
import org.communityscheduler.server.publish.Publications.Event;
import org.communityscheduler.server.publish.Publications.PublishedSession;
import org.communityscheduler.server.publish.Publications.PublishedWeek;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * Calendar feeds of the published weeks (README.md, "Calendar feeds"): publishing a job's schedule as its week,
 * the feeds' keys, and each feed as one iCalendar document holding every published week.
 *
 * <p>A feed is all sessions, or one worker's, room's or organisation's. Its key is an HMAC of the feed's name
 * ({@code worker/li}) under the secret {@link Publications#feedSecret()}: 128 bits no one can guess without the
 * secret, different for every feed (a worker's link opens no other feed), and all replaced at once when the secret
 * is rotated. An event's UID names the activity, the session and the week, never the job: a week solved again
 * and published again updates its events in the calendars that subscribed, with a higher {@code SEQUENCE}.
 */
public final class CalendarFeeds {

    /** Where the feeds are served; outside /api, so that a calendar app needs no API token. */
    public static final String PATH = "/feeds";
    private static final int KEY_BYTES = 16;
    /** Changes whenever what a feed writes for the same publications does, so that cached copies are not kept. */
    private static final String FORMAT = "2";
    /** How often a calendar app is asked to look again. */
    private static final String REFRESH = "PT1H";

    /** Which sessions a feed holds. */
    public enum Kind {
        ALL, WORKER, ROOM, ORGANIZATION;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One feed: all sessions ({@code id} null), or one worker's, room's or organisation's. */
    public record Feed(Kind kind, String id) {

        public static Feed all() {
            return new Feed(Kind.ALL, null);
        }

        /** What its key is made from, and its path after the key: {@code all}, {@code worker/li}. */
        public String name() {
            return kind == Kind.ALL ? "all" : kind.tag() + "/" + id;
        }

        boolean keeps(Event event) {
            return switch (kind) {
                case ALL -> true;
                case WORKER -> event.workers().contains(id);
                case ROOM -> id.equals(event.room());
                case ORGANIZATION -> id.equals(event.organization());
            };
        }
    }

    /** A feed as {@code GET /api/feeds} lists it. */
    public record Listed(String kind, String id, String name, String path, String url, String webcal) {
    }

    /** What publishing changed, against the week published before. */
    public record Published(LocalDate startDate, String job, String name, Instant published, int sessions, int added,
            int changed, int removed, int unchanged) {
    }

    private final Publications publications;

    public CalendarFeeds(Publications publications) {
        this.publications = publications;
    }

    public Publications publications() {
        return publications;
    }

    // --- Publishing

    /** The plan's week has no start date: there is no week to publish it as (answered 409). */
    public static final class NoStartDate extends IllegalStateException {
        NoStartDate() {
            super("the plan's week has no start date");
        }
    }

    /** How the sessions of a week published again compare with those published before. */
    private record Changes(int added, int changed, int removed, int unchanged) {
    }

    /**
     * Makes the schedule the published one for its plan's week. A session whose event says what it said before
     * keeps its event as it was; one that changed gets a higher {@code SEQUENCE}; one no longer placed is gone.
     *
     * @throws NoStartDate when the plan's week has no start date
     */
    public Published publish(String jobId, Plan plan, Schedule schedule) {
        LocalDate startDate = plan.week().startDate();
        if (startDate == null) {
            throw new NoStartDate();
        }
        Instant now = Instant.now();
        Map<String, Event> events = CalendarEvents.facts(plan, schedule);
        AtomicReference<Changes> changes = new AtomicReference<>();
        PublishedWeek week = publications.publish(startDate, before -> {
            Map<String, PublishedSession> earlier = before.map(PublishedWeek::sessions).orElse(List.of()).stream()
                    .collect(Collectors.toMap(s -> key(s.activity(), s.session()), Function.identity()));
            int added = 0;
            int changed = 0;
            int unchanged = 0;
            List<PublishedSession> sessions = new ArrayList<>();
            for (Schedule.PlacedSession placed : schedule.sessions()) {
                Event event = events.get(key(placed.activity(), placed.session()));
                PublishedSession was = earlier.remove(key(placed.activity(), placed.session()));
                if (was == null) {
                    added++;
                    sessions.add(new PublishedSession(placed.activity(), placed.session(), event, 0, now, now));
                } else if (was.event().equals(event)) {
                    unchanged++;
                    sessions.add(was);
                } else {
                    changed++;
                    sessions.add(new PublishedSession(placed.activity(), placed.session(), event, was.sequence() + 1,
                            was.created(), now));
                }
            }
            changes.set(new Changes(added, changed, earlier.size(), unchanged));
            return new PublishedWeek(startDate, plan.week().timeZone(), plan.name(), jobId, now, sessions,
                    named(plan.workers(), Plan.Worker::id, Plan.Worker::name),
                    named(plan.rooms(), Plan.Room::id, Plan.Room::name),
                    named(plan.organizations(), Plan.Organization::id, Plan.Organization::name));
        });
        Changes counted = changes.get();
        return new Published(startDate, jobId, week.name(), week.published(), week.sessions().size(), counted.added(),
                counted.changed(), counted.removed(), counted.unchanged());
    }

    private static String key(String activity, int session) {
        return CalendarEvents.key(activity, session);
    }

    private static <T> List<Publications.Named> named(List<T> items, Function<T, String> id,
            Function<T, String> name) {
        return items.stream().map(item -> new Publications.Named(id.apply(item), name.apply(item))).toList();
    }

    // --- Keys

    /** The feed's key: 128 bits of an HMAC of its name, URL-safe. */
    public String key(Feed feed) {
        return key(feed, publications.feedSecret());
    }

    private static String key(Feed feed, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(feed.name().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, KEY_BYTES));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code given} is the feed's key, compared in constant time. */
    public boolean opens(String given, Feed feed) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                key(feed).getBytes(StandardCharsets.UTF_8));
    }

    /** A new secret: every feed gets a new key and the old links stop working. */
    public void rotate() {
        publications.rotateFeedSecret();
    }

    // --- Listing

    /**
     * Every feed: all sessions, then one per worker, room and organisation of the published weeks (as the latest
     * week names them), with its URL on {@code origin} ({@code http://host:port}) in the language given.
     */
    public List<Listed> list(String origin, Language language) {
        byte[] secret = publications.feedSecret();
        Map<Feed, String> names = new LinkedHashMap<>();
        names.put(Feed.all(), null);
        List<PublishedWeek> weeks = publications.weeks();
        for (Kind kind : List.of(Kind.WORKER, Kind.ROOM, Kind.ORGANIZATION)) {
            // In the order and words of the latest week's plan, then those only earlier weeks had.
            for (int i = weeks.size() - 1; i >= 0; i--) {
                for (Publications.Named one : named(weeks.get(i), kind)) {
                    names.putIfAbsent(new Feed(kind, one.id()), one.name());
                }
            }
        }
        String host = origin.replaceFirst("^https?://", "");
        List<Listed> listed = new ArrayList<>();
        names.forEach((feed, name) -> {
            String path = path(feed, key(feed, secret), language);
            listed.add(new Listed(feed.kind().tag(), feed.id(), name, path, origin + path, "webcal://" + host + path));
        });
        return listed;
    }

    /** {@code /feeds/KEY/worker/li.ics?lang=zh}, with the id percent-encoded. */
    static String path(Feed feed, String key, Language language) {
        String tail = feed.kind() == Kind.ALL ? "all" : feed.kind().tag() + "/" + encode(feed.id());
        return PATH + "/" + key + "/" + tail + ".ics?lang=" + language.tag();
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- A feed

    /**
     * A tag that changes whenever the feed would: the publications' last change and the weeks' publication times,
     * the feed and its language. Computed without writing the calendar, so that a phone asking again costs little.
     */
    public String etag(Feed feed, Language language) {
        StringBuilder state = new StringBuilder(FORMAT).append('|').append(publications.changed()).append('|')
                .append(feed.name()).append('|').append(language.tag());
        for (PublishedWeek week : publications.weeks()) {
            state.append('|').append(week.startDate()).append('@').append(week.published());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** When the feed last changed; null before anything was published. */
    public Instant lastModified() {
        return publications.changed();
    }

    /**
     * The feed: one event per placed session of every published week that the feed keeps, at its date and time in
     * its week's time zone (with that zone's VTIMEZONE), and the texts in {@code language}.
     */
    public String calendar(Feed feed, Language language) {
        List<PublishedWeek> weeks = publications.weeks();
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//community-scheduler//calendar feed//" + language.tag().toUpperCase(Locale.ROOT));
        String name = feed.kind() == Kind.ALL ? Text.of("feed.calendar.all").in(language)
                : Text.of("feed.calendar.one", feedName(feed, weeks)).in(language);
        calendar.setName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        // RFC 7986 wants the VALUE=DURATION that biweekly leaves out of its own REFRESH-INTERVAL.
        calendar.addExperimentalProperty("REFRESH-INTERVAL", ICalDataType.DURATION, REFRESH);
        calendar.setExperimentalProperty("X-PUBLISHED-TTL", REFRESH);
        Map<ZoneId, TimezoneAssignment> zones = CalendarZones.of(weeks);
        if (!weeks.isEmpty()) {
            ZoneId latest = weeks.get(weeks.size() - 1).timeZone();
            calendar.getTimezoneInfo().setDefaultTimezone(zones.get(latest));
            calendar.setExperimentalProperty("X-WR-TIMEZONE", latest.getId());
        }
        for (PublishedWeek week : weeks) {
            TimezoneAssignment zone = zones.get(week.timeZone());
            for (PublishedSession session : week.sessions()) {
                if (feed.keeps(session.event())) {
                    VEvent event = event(week, session, language);
                    calendar.getTimezoneInfo().setTimezone(event.getDateStart(), zone);
                    calendar.getTimezoneInfo().setTimezone(event.getDateEnd(), zone);
                    calendar.addEvent(event);
                }
            }
        }
        return CalendarText.write(calendar);
    }

    private static VEvent event(PublishedWeek week, PublishedSession session, Language language) {
        VEvent event = CalendarEvents.event(week.startDate(), session.activity(), session.session(), session.event(),
                week.timeZone(), language);
        event.setSequence(session.sequence());
        // Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545, 3.8.7.2).
        event.setDateTimeStamp(Date.from(session.modified()));
        event.setLastModified(Date.from(session.modified()));
        event.setCreated(Date.from(session.created()));
        return event;
    }

    private static String feedName(Feed feed, List<PublishedWeek> weeks) {
        for (int i = weeks.size() - 1; i >= 0; i--) {
            Optional<String> name = named(weeks.get(i), feed.kind()).stream().filter(one -> one.id().equals(feed.id()))
                    .map(Publications.Named::name).findFirst();
            if (name.isPresent()) {
                return name.get();
            }
        }
        return feed.id();
    }

    /** The week's workers, rooms or organisations. */
    private static List<Publications.Named> named(PublishedWeek week, Kind kind) {
        return switch (kind) {
            case WORKER -> week.workers();
            case ROOM -> week.rooms();
            case ORGANIZATION -> week.organizations();
            case ALL -> List.of();
        };
    }
}
