package org.communityscheduler.server.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import biweekly.ICalendar;
import biweekly.component.VEvent;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.calendar.CalendarEvents;
import org.communityscheduler.server.calendar.CalendarText;
import org.communityscheduler.server.calendar.PlanNames;
import org.communityscheduler.server.publish.Publications.Event;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * A job's schedule for other tools: an iCalendar file for calendar apps and a CSV table for Excel or WPS.
 * Both can be narrowed to one room, one worker or one organisation.
 */
public final class ScheduleExports {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema ROWS = CSV.schemaFor(Row.class).withoutHeader().withLineSeparator("\r\n");
    private static final CsvSchema HEADER = CsvSchema.emptySchema().withoutHeader().withLineSeparator("\r\n");
    /** Excel and WPS read a CSV file as UTF-8 only when it starts with a byte order mark. */
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private ScheduleExports() {
    }

    /** The plan's week has no start date: there are no real dates and no week for a UID (answered 409). */
    public static final class NoStartDate extends IllegalStateException {
        NoStartDate() {
            super("the plan's week has no start date");
        }
    }

    /** A filter names a room, worker or organisation the plan does not know (answered 400). */
    public static final class UnknownIds extends IllegalArgumentException {
        private final transient List<Problem> problems;

        UnknownIds(List<Problem> problems) {
            super("unknown " + problems);
            this.problems = List.copyOf(problems);
        }

        /** Each unknown id at its query parameter. */
        public List<Problem> problems() {
            return problems;
        }
    }

    /** Which sessions an export keeps; an absent field keeps all. */
    public record Filter(String room, String worker, String organization) {

        /**
         * Reads {@code ?room=&worker=&organization=}.
         *
         * @throws UnknownIds for an id the plan does not know
         */
        public static Filter of(String room, String worker, String organization, Plan plan) {
            List<Problem> problems = new ArrayList<>();
            check("room", room, plan.rooms().stream().map(Plan.Room::id).toList(), problems);
            check("worker", worker, plan.workers().stream().map(Plan.Worker::id).toList(), problems);
            check("organization", organization, plan.organizations().stream().map(Plan.Organization::id).toList(),
                    problems);
            if (!problems.isEmpty()) {
                throw new UnknownIds(problems);
            }
            return new Filter(room, worker, organization);
        }

        private static void check(String name, String value, List<String> known, List<Problem> problems) {
            if (value != null && !known.contains(value)) {
                problems.add(new Problem(name, Text.of("server.export.unknown." + name, value)));
            }
        }

        boolean keeps(String roomId, Plan.Activity activity) {
            return (room == null || room.equals(roomId))
                    && (worker == null || activity.workers().contains(worker))
                    && (organization == null || organization.equals(activity.organization()));
        }
    }

    /**
     * One event per placed session at its real date and time: the plan's wall-clock times in its time
     * zone, written in UTC so that every calendar app shows them right wherever it is. Each event has the calendar
     * feeds' UID (the week, the activity and the session, never the job), so importing the file of a week solved
     * again or edited updates the events imported before instead of adding them twice.
     *
     * @param exported when the file is made: its events' {@code DTSTAMP}, and their {@code SEQUENCE}
     * @throws NoStartDate when the plan's week has no start date, so there are no real dates and no week for a UID
     */
    public static String ics(Plan plan, Schedule schedule, Filter filter, Language language, Instant exported) {
        if (plan.week().startDate() == null) {
            throw new NoStartDate();
        }
        // No history of earlier files is kept: the minute of the export is a SEQUENCE that only grows, so a later
        // file outranks an earlier one in the apps that compare it (a minute's exports tie and DTSTAMP decides).
        int sequence = Math.toIntExact(exported.getEpochSecond() / 60);
        ZoneId zone = plan.week().timeZone();
        PlanNames names = new PlanNames(plan);
        Map<String, Event> events = CalendarEvents.facts(plan, schedule);
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//community-scheduler//schedule export//EN");
        calendar.setName(plan.name());
        calendar.setExperimentalProperty("X-WR-CALNAME", plan.name());
        calendar.setExperimentalProperty("X-WR-TIMEZONE", zone.getId());
        for (Schedule.PlacedSession session : schedule.sessions()) {
            if (!filter.keeps(session.room(), names.activity(session.activity()))) {
                continue;
            }
            VEvent event = CalendarEvents.event(plan.week().startDate(), session.activity(), session.session(),
                    events.get(CalendarEvents.key(session.activity(), session.session())), zone, language);
            event.setSequence(sequence);
            event.setDateTimeStamp(Date.from(exported));
            calendar.addEvent(event);
        }
        return CalendarText.write(calendar);
    }

    /** One row per session of the week, placed or not, in UTF-8 with a byte order mark. */
    public static byte[] csv(Plan plan, Schedule schedule, Filter filter, Language language) {
        PlanNames names = new PlanNames(plan);
        List<Row> rows = new ArrayList<>();
        for (Schedule.PlacedSession session : schedule.sessions()) {
            Plan.Activity activity = names.activity(session.activity());
            if (filter.keeps(session.room(), activity)) {
                Plan.Room room = names.room(session.room());
                rows.add(Row.of("placed", session.date() == null ? null : session.date().toString(),
                        session.day().name(), session.start().toString(), session.end().toString(), activity,
                        session.session(), room.id(), room.name(), names.siteName(room),
                        names.organizationName(activity.organization()), workers(names, activity),
                        session.pinned(), ""));
            }
        }
        for (Schedule.UnassignedSession session : schedule.unassigned()) {
            Plan.Activity activity = names.activity(session.activity());
            if (filter.keeps(null, activity)) {
                rows.add(Row.of("unassigned", null, null, null, null, activity, session.session(), null, null, null,
                        names.organizationName(activity.organization()), workers(names, activity), false,
                        session.reasons().stream().map(reason -> reason.in(language))
                                .collect(Collectors.joining("; "))));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(BOM);
            // The header in the reader's language; the English one names the columns as the API does.
            out.write(CSV.writer(HEADER).writeValueAsBytes(ROWS.getColumnNames().stream()
                    .map(column -> Text.of("server.export.column." + column).in(language)).toList()));
            CSV.writer(ROWS).writeValue(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String workers(PlanNames names, Plan.Activity activity) {
        return String.join(", ", names.workerNames(activity));
    }

    /** A CSV row; text that a spreadsheet would run as a formula is neutralised. */
    @JsonPropertyOrder({ "status", "date", "day", "start", "end", "activity", "activityName", "session", "room",
            "roomName", "site", "organization", "workers", "participants", "pinned", "reasons" })
    record Row(String status, String date, String day, String start, String end, String activity, String activityName,
            int session, String room, String roomName, String site, String organization, String workers,
            int participants, boolean pinned, String reasons) {

        static Row of(String status, String date, String day, String start, String end, Plan.Activity activity,
                int session, String room, String roomName, String site, String organization, String workers,
                boolean pinned, String reasons) {
            return new Row(status, date, day, start, end, safe(activity.id()), safe(activity.name()), session,
                    safe(room), safe(roomName), safe(site), safe(organization), safe(workers),
                    activity.participants(), pinned, safe(reasons));
        }

        /** What makes a spreadsheet read a cell as a formula, in ASCII and in fullwidth forms (a Chinese keyboard's). */
        private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

        /**
         * A cell that starts with a line break or tab, or whose first visible character starts a formula (after
         * spaces, which spreadsheets skip), would run as a formula: a quote in front makes it text.
         */
        static String safe(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            int first = 0;
            while (first < text.length() && (Character.isWhitespace(text.charAt(first))
                    || Character.isSpaceChar(text.charAt(first)))) {
                first++;
            }
            boolean controlFirst = text.charAt(0) == '\t' || text.charAt(0) == '\r' || text.charAt(0) == '\n';
            boolean formula = first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0;
            return controlFirst || formula ? "'" + text : text;
        }
    }
}
