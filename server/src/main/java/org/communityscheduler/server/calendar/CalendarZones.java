package org.communityscheduler.server.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

import org.communityscheduler.server.publish.Publications.PublishedWeek;

/** The VTIMEZONE of each time zone a feed's weeks are in, from Java's time-zone rules for the weeks' dates. */
final class CalendarZones {

    private CalendarZones() {
    }

    /** One VTIMEZONE per time zone of the weeks, covering their dates. */
    static Map<ZoneId, TimezoneAssignment> of(List<PublishedWeek> weeks) {
        Map<ZoneId, LocalDate[]> spans = new LinkedHashMap<>();
        for (PublishedWeek week : weeks) {
            LocalDate[] span = spans.computeIfAbsent(week.timeZone(), zone -> new LocalDate[] {week.startDate(),
                    week.startDate()});
            span[0] = week.startDate().isBefore(span[0]) ? week.startDate() : span[0];
            span[1] = week.startDate().isAfter(span[1]) ? week.startDate() : span[1];
        }
        Map<ZoneId, TimezoneAssignment> zones = new HashMap<>();
        spans.forEach((zone, span) -> zones.put(zone, new TimezoneAssignment(TimeZone.getTimeZone(zone),
                vtimezone(zone, span[0].minusDays(1), span[1].plusDays(8)))));
        return zones;
    }

    /**
     * The zone's offsets from Java's time-zone rules, from the one in force on {@code from} through every change
     * until {@code until}: exact for these dates without writing the zone's whole history.
     */
    static VTimezone vtimezone(ZoneId zone, LocalDate from, LocalDate until) {
        ZoneRules rules = zone.getRules();
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = until.atStartOfDay(ZoneOffset.UTC).toInstant();
        VTimezone component = new VTimezone(zone.getId());
        ZoneOffsetTransition inForce = rules.previousTransition(start.plusNanos(1));
        if (inForce == null) { // a zone that never changed its offset
            ZoneOffset offset = rules.getOffset(start);
            add(component, observance(rules.isDaylightSavings(start)), LocalDateTime.of(1970, 1, 1, 0, 0), offset,
                    offset, zone);
        } else {
            add(component, observance(rules.isDaylightSavings(inForce.getInstant())), inForce.getDateTimeBefore(),
                    inForce.getOffsetBefore(), inForce.getOffsetAfter(), zone);
        }
        for (ZoneOffsetTransition next = rules.nextTransition(start); next != null && next.getInstant().isBefore(end);
                next = rules.nextTransition(next.getInstant())) {
            add(component, observance(rules.isDaylightSavings(next.getInstant())), next.getDateTimeBefore(),
                    next.getOffsetBefore(), next.getOffsetAfter(), zone);
        }
        return component;
    }

    private static Observance observance(boolean daylight) {
        return daylight ? new DaylightSavingsTime() : new StandardTime();
    }

    private static void add(VTimezone component, Observance observance, LocalDateTime onset, ZoneOffset before,
            ZoneOffset after, ZoneId zone) {
        observance.setDateStart(new DateTimeComponents(onset.getYear(), onset.getMonthValue(), onset.getDayOfMonth(),
                onset.getHour(), onset.getMinute(), onset.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(before.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(after.getTotalSeconds() * 1000L));
        observance.addTimezoneName(TimeZone.getTimeZone(zone).getDisplayName(observance instanceof DaylightSavingsTime,
                TimeZone.SHORT, Locale.ROOT));
        if (observance instanceof DaylightSavingsTime daylight) {
            component.addDaylightSavingsTime(daylight);
        } else {
            component.addStandardTime((StandardTime) observance);
        }
    }
}
