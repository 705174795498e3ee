package org.communityscheduler.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;
import io.nayuki.qrcodegen.QrCode;

import org.communityscheduler.server.calendar.CalendarFeeds;
import org.communityscheduler.server.calendar.CalendarFeeds.Feed;
import org.communityscheduler.server.calendar.CalendarFeeds.Kind;
import org.communityscheduler.plan.Day;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.server.publish.Publications;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * The routes of publishing and calendar feeds (README.md, "Calendar feeds"). Publishing and the feed list are under /api and need the API token; the feeds themselves
 * are under {@link CalendarFeeds#PATH} and need only their key.
 */
public final class FeedRoutes {

    /** {@code GET /api/publications}: one published week. */
    record Week(LocalDate startDate, String name, String job, Instant published, int sessions) {
    }

    /** {@code GET /api/publications/{startDate}}: one published week with its sessions, as a schedule lists them. */
    record WeekPublished(LocalDate startDate, String name, String job, Instant published,
            List<Schedule.PlacedSession> sessions) {
    }

    /** {@code GET /api/feeds}: the language the URLs ask for, and the feeds. */
    record Feeds(String language, List<CalendarFeeds.Listed> feeds) {
    }

    /** Longer than any feed's URL, short enough for a QR code a phone reads off a screen. */
    public static final int MAX_QR_TEXT = 512;

    /**
     * RFC 9110's IMF-fixdate, {@code Mon, 07 Dec 2026 03:19:09 GMT}: the day in two digits, which Java's RFC 1123
     * formatter writes in one ({@code 7 Dec}) and strict clients refuse. Read back, both forms are taken.
     */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    /** Calendars written lately, by ETag: feed readers that do not ask conditionally cost a copy, not a rewrite. */
    private static final int CACHED_CALENDARS = 256;

    private final JobLookup lookup;
    private final CalendarFeeds feeds;
    private final String publicUrl; // where people reach this server, for the links handed out; null: as asked
    private final Map<String, byte[]> written = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > CACHED_CALENDARS;
                }
            });

    /** @param publicUrl where people reach this server, for the links handed out; null: as each request asked */
    public FeedRoutes(JobStore jobs, CalendarFeeds feeds, String publicUrl) {
        this.lookup = new JobLookup(jobs);
        this.feeds = feeds;
        this.publicUrl = publicUrl;
    }

    /**
     * {@code POST /api/schedules/{id}/publish}: the finished job's schedule becomes its week's. A job still waiting
     * or solving is refused (409), as its editing is: its schedule is the solver's until it ends.
     */
    public void publish(Context ctx) {
        JobStore.WithPlan found = lookup.withPlan(ctx);
        if (!found.job().isFinished()) {
            throw new ApiError(409, "id", Text.of("publish.stillSolving", found.job().id()));
        }
        ctx.json(feeds.publish(found.job().id(), found.plan(), JobLookup.scheduleOf(found.job())));
    }

    public void publications(Context ctx) {
        ctx.json(feeds.publications().weeks().stream().map(week -> new Week(week.startDate(), week.name(),
                week.job(), week.published(), week.sessions().size())).toList());
    }

    /**
     * {@code GET /api/publications/{startDate}}: the week as published, its sessions where the calendars have them,
     * so that solving the week again can keep them (the page sends them back as a schedule).
     */
    public void published(Context ctx) {
        LocalDate startDate = startDate(ctx);
        Publications.PublishedWeek week = feeds.publications().weeks().stream()
                .filter(published -> published.startDate().equals(startDate)).findFirst()
                .orElseThrow(() -> ApiError.notFound("startDate", Text.of("publish.notPublished", startDate.toString())));
        List<Schedule.PlacedSession> sessions = week.sessions().stream().map(session -> {
            Publications.Event event = session.event();
            return new Schedule.PlacedSession(session.activity(), session.session(), event.room(),
                    Day.values()[event.date().getDayOfWeek().ordinal()], event.start(), event.end(), event.date(), event.pinned());
        }).toList();
        ctx.json(new WeekPublished(week.startDate(), week.name(), week.job(), week.published(), sessions));
    }

    /** {@code DELETE /api/publications/{startDate}}: the week leaves every feed. */
    public void unpublish(Context ctx) {
        LocalDate startDate = startDate(ctx);
        if (!feeds.publications().unpublish(startDate)) {
            throw ApiError.notFound("startDate", Text.of("publish.notPublished", startDate.toString()));
        }
        ctx.status(204);
    }

    private static LocalDate startDate(Context ctx) {
        String text = ctx.pathParam("startDate");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("startDate", Text.of("publish.badDate", text));
        }
    }

    /** {@code GET /api/feeds}: every feed's URL, in the language asked for. */
    public void list(Context ctx) {
        Language language = RequestLanguage.of(ctx);
        ctx.json(new Feeds(language.tag(), feeds.list(publicUrl != null ? publicUrl : origin(ctx), language)));
    }

    /** {@code POST /api/feeds/rotate}: new keys for every feed; the old URLs answer 404 from now on. */
    public void rotate(Context ctx) {
        feeds.rotate();
        list(ctx);
    }

    /** {@code GET /api/feeds/qr.svg?text=}: a QR code of a feed's link, for a phone's camera. */
    public void qrCode(Context ctx) {
        String text = ctx.queryParam("text");
        if (text == null || text.isEmpty() || text.length() > MAX_QR_TEXT) {
            throw ApiError.badRequest("text", Text.of("feed.qrText", MAX_QR_TEXT));
        }
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg(QrCode.encodeText(text, QrCode.Ecc.MEDIUM))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The code's dark modules as one path, inside the quiet zone of four modules that scanners need. */
    static String svg(QrCode code) {
        int border = 4;
        int size = code.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    public void all(Context ctx) {
        serve(ctx, Feed.all());
    }

    public void worker(Context ctx) {
        serve(ctx, new Feed(Kind.WORKER, ctx.pathParam("worker")));
    }

    public void room(Context ctx) {
        serve(ctx, new Feed(Kind.ROOM, ctx.pathParam("room")));
    }

    public void organization(Context ctx) {
        serve(ctx, new Feed(Kind.ORGANIZATION, ctx.pathParam("organization")));
    }

    /**
     * A feed, or 404 for a wrong key (the same answer as for a feed that does not exist); 304 when the calendar
     * app's copy is current, by {@code If-None-Match} or else {@code If-Modified-Since}.
     */
    private void serve(Context ctx, Feed feed) {
        if (!feeds.opens(ctx.pathParam("key"), feed)) {
            throw ApiError.notFound("$", Text.of("feed.notFound"));
        }
        Language language = RequestLanguage.of(ctx);
        String etag = feeds.etag(feed, language);
        Instant modified = feeds.lastModified();
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        if (modified != null) {
            ctx.header("Last-Modified", HTTP_DATE.format(modified));
        }
        if (current(ctx, etag, modified)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + (feed.kind() == Kind.ALL ? "all"
                        : feed.kind().tag()) + ".ics\"")
                .result(calendar(feed, language, etag));
    }

    /** The feed as written for this ETag; written outside the lock, so that a big feed holds up no other. */
    private byte[] calendar(Feed feed, Language language, String etag) {
        byte[] calendar = written.get(etag);
        if (calendar == null) {
            calendar = feeds.calendar(feed, language).getBytes(StandardCharsets.UTF_8);
            written.put(etag, calendar);
        }
        return calendar;
    }

    /** Whether the client's copy is this one (RFC 9110 13.1: If-None-Match wins over If-Modified-Since). */
    private static boolean current(Context ctx, String etag, Instant modified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip().replaceFirst("^W/", "");
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null && modified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                // A date later than this server's clock says nothing of the client's copy: ignored (RFC 9110 13.1.3).
                return !since.isAfter(Instant.now()) && !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an unreadable date is ignored (RFC 9110 13.1.3)
            }
        }
        return false;
    }

    /** Where the client reached this server, {@code http://host:port}: for links when no public URL is set. */
    private static String origin(Context ctx) {
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost:" + ctx.port() : host);
    }
}
