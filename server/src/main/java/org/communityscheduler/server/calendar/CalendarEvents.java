package org.communityscheduler.server.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import biweekly.component.VEvent;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.publish.Publications.Event;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * A placed session as a calendar event, the same in the schedule's .ics export and in the calendar feeds: its facts
 * from the plan ({@link Event}, which a published week keeps), its texts from the catalogue in the reader's language
 * when the calendar is written.
 */
public final class CalendarEvents {

    private static final String UID_DOMAIN = "@community-scheduler";

    private CalendarEvents() {
    }

    /**
     * The event's UID: the week, the activity and the session, never the job, so that a week solved again updates
     * the events of a feed or of an imported file instead of adding them twice.
     */
    public static String uid(LocalDate startDate, String activity, int session) {
        return startDate + "/" + activity + "#" + session + UID_DOMAIN;
    }

    /** Each placed session's event facts, by {@code activity#session}, in the plan's words. */
    public static Map<String, Event> facts(Plan plan, Schedule schedule) {
        PlanNames names = new PlanNames(plan);
        Map<String, Event> events = new HashMap<>();
        for (Schedule.PlacedSession placed : schedule.sessions()) {
            Plan.Activity activity = names.activity(placed.activity());
            Plan.Room room = names.room(placed.room());
            LocalDate date = placed.date() != null ? placed.date()
                    : plan.week().startDate().plusDays(placed.day().ordinal());
            events.put(key(placed.activity(), placed.session()), new Event(activity.name(), date, placed.start(),
                    placed.end(), room.id(), room.name(), names.siteName(room), activity.organization(),
                    names.organizationName(activity.organization()), activity.workers(), names.workerNames(activity),
                    activity.participants(), placed.pinned(), activity.sessionsPerWeek() > 1));
        }
        return events;
    }

    public static String key(String activity, int session) {
        return activity + "#" + session;
    }

    /**
     * The event of one session of the week of {@code startDate}: UID, title, times (in UTC; a feed assigns its
     * zone), location, description and category, in {@code language}. Its SEQUENCE and stamps are the caller's.
     */
    public static VEvent event(LocalDate startDate, String activity, int session, Event facts, ZoneId zone,
            Language language) {
        VEvent event = new VEvent();
        event.setUid(uid(startDate, activity, session));
        event.setSummary(facts.numbered() ? Text.of("schedule.session", facts.activityName(), session).in(language)
                : facts.activityName());
        event.setDateStart(at(facts.date(), facts.start().minutes(), zone), true);
        event.setDateEnd(at(facts.date(), facts.end().minutes(), zone), true);
        event.setLocation(facts.siteName() == null ? facts.roomName() : facts.roomName() + ", " + facts.siteName());
        List<String> lines = new ArrayList<>();
        if (facts.organizationName() != null) {
            lines.add(facts.organizationName());
            event.addCategories(facts.organizationName());
        }
        if (!facts.workerNames().isEmpty()) {
            lines.add(Text.of("feed.event.workers", String.join(", ", facts.workerNames())).in(language));
        }
        if (facts.participants() > 0) {
            lines.add(Text.of("feed.event.participants", facts.participants()).in(language));
        }
        if (facts.pinned()) {
            lines.add(Text.of("feed.event.pinned").in(language));
        }
        event.setDescription(String.join("\n", lines));
        return event;
    }

    private static Date at(LocalDate date, int minutes, ZoneId zone) {
        return Date.from(date.atStartOfDay().plusMinutes(minutes).atZone(zone).toInstant());
    }
}
