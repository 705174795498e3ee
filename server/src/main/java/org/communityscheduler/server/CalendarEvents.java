package org.communityscheduler.server;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import biweekly.component.VEvent;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.Publications.Event;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * A placed session as a calendar event, the same in the schedule's .ics export and in the calendar feeds: its facts
 * from the plan ({@link Event}, which a published week keeps), its texts from the catalogue in the reader's language
 * when the calendar is written.
 */
final class CalendarEvents {

    private static final String UID_DOMAIN = "@community-scheduler";

    private CalendarEvents() {
    }

    /**
     * The event's UID: the week, the activity and the session, never the job, so that a week solved again updates
     * the events of a feed or of an imported file instead of adding them twice.
     */
    static String uid(LocalDate startDate, String activity, int session) {
        return startDate + "/" + activity + "#" + session + UID_DOMAIN;
    }

    /** Each placed session's event facts, by {@code activity#session}, in the plan's words. */
    static Map<String, Event> facts(Plan plan, Schedule schedule) {
        Map<String, Plan.Activity> activities = byId(plan.activities(), Plan.Activity::id);
        Map<String, Plan.Room> rooms = byId(plan.rooms(), Plan.Room::id);
        Map<String, Plan.Site> sites = byId(plan.sites(), Plan.Site::id);
        Map<String, Plan.Worker> workers = byId(plan.workers(), Plan.Worker::id);
        Map<String, Plan.Organization> organizations = byId(plan.organizations(), Plan.Organization::id);
        String onlySite = plan.sites().size() == 1 ? plan.sites().get(0).id() : null;
        Map<String, Event> events = new HashMap<>();
        for (Schedule.PlacedSession placed : schedule.sessions()) {
            Plan.Activity activity = activities.get(placed.activity());
            Plan.Room room = rooms.get(placed.room());
            Plan.Site site = sites.get(room.site() != null ? room.site() : onlySite);
            Plan.Organization organization = activity.organization() == null ? null
                    : organizations.get(activity.organization());
            LocalDate date = placed.date() != null ? placed.date()
                    : plan.week().startDate().plusDays(placed.day().ordinal());
            events.put(key(placed.activity(), placed.session()), new Event(activity.name(), date, placed.start(),
                    placed.end(), room.id(), room.name(), site == null ? null : site.name(), activity.organization(),
                    organization == null ? activity.organization() : organization.name(), activity.workers(),
                    activity.workers().stream().map(id -> workers.containsKey(id) ? workers.get(id).name() : id)
                            .toList(), activity.participants(), placed.pinned(), activity.sessionsPerWeek() > 1));
        }
        return events;
    }

    static String key(String activity, int session) {
        return activity + "#" + session;
    }

    /**
     * The event of one session of the week of {@code startDate}: UID, title, times (in UTC; a feed assigns its
     * zone), location, description and category, in {@code language}. Its SEQUENCE and stamps are the caller's.
     */
    static VEvent event(LocalDate startDate, String activity, int session, Event facts, ZoneId zone,
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

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
