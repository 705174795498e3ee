package org.communityscheduler.schedule;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Text;

/**
 * The plan of the week after a solved one (docs/plan-format.md §7, "Next week from this one"): the same
 * plan a week later, kept close to this week's schedule ({@link Replan}: its pins, its placements as
 * {@code previous}) so that Disruption keeps the week steady. The server's {@code next-week} route and
 * {@code scheduler next-week} both come here.
 */
public final class NextWeek {

    private static final int DAYS = 7;
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日");

    private NextWeek() {
    }

    /** This week is the last a plan may name ({@link Plan#LAST_DATE}): the next one would start after it. */
    public static final class PastLastDate extends RuntimeException {
        private final transient Problem problem;

        PastLastDate(LocalDate monday) {
            super("next week would start on " + monday + ", after " + Plan.LAST_DATE);
            this.problem = new Problem("week.startDate", Text.of("nextWeek.pastLastDate", monday.toString(),
                    Plan.LAST_DATE.toString()));
        }

        /** At {@code week.startDate} of this week's plan. */
        public Problem problem() {
            return problem;
        }
    }

    /** Next week's plan from this week's schedule, pins as its sessions have them (see the list form). */
    public static Plan of(Plan plan, Schedule schedule) {
        return of(plan, schedule.sessions(), schedule.unassigned());
    }

    /** Next week's plan from a schedule that leaves no session out on purpose (see the form with the unassigned). */
    public static Plan of(Plan plan, List<Schedule.PlacedSession> placed) {
        return of(plan, placed, List.of());
    }

    /**
     * @param plan this week's plan
     * @param placed this week's placed sessions (a schedule's {@code sessions})
     * @param unassigned the sessions this week's schedule leaves out (a schedule's {@code unassigned})
     * @return the plan of the following week: {@code startDate} 7 days later (an abstract week stays abstract),
     *         closed dates and make-up workdays before it dropped, pins as this week's schedule has them (they
     *         name a day and time, so they move with the week), this week's placements as {@code previous},
     *         everything else the same
     * @throws PastLastDate when the following week would start after the last date a plan may name
     */
    public static Plan of(Plan plan, List<Schedule.PlacedSession> placed,
            List<Schedule.UnassignedSession> unassigned) {
        return aWeekLater(Replan.of(plan, placed, unassigned));
    }

    /**
     * Next week's plan from this week's plan and a schedule document of it ({@code {"sessions": [...]}}, for
     * example one a coordinator edited by hand): its placed sessions become {@code previous}, its pins and left-out
     * sessions give next week's pins.
     *
     * @throws InvalidPlanException with every problem of the document, and every session or room the plan does
     *         not know, at their JSON paths
     * @throws PastLastDate when the following week would start after the last date a plan may name
     */
    public static Plan of(Plan plan, JsonNode schedule) {
        return aWeekLater(Replan.of(plan, schedule));
    }

    /** The plan, already kept close to this week's schedule, a week later. */
    private static Plan aWeekLater(Plan plan) {
        Plan.Week week = plan.week();
        LocalDate monday = week.startDate() == null ? null : week.startDate().plusDays(DAYS);
        if (monday != null && monday.isAfter(Plan.LAST_DATE)) {
            throw new PastLastDate(monday);
        }
        Map<LocalDate, Day> makeUpWorkdays = new LinkedHashMap<>();
        week.makeUpWorkdays().forEach((date, day) -> {
            if (monday != null && !date.isBefore(monday)) {
                makeUpWorkdays.put(date, day);
            }
        });
        List<Plan.Site> sites = plan.sites().stream()
                .map(site -> new Plan.Site(site.id(), site.name(), site.openingHours(), site.onRequestHours(),
                        site.quietHours(), site.closedDates().stream()
                                .filter(date -> monday != null && !date.isBefore(monday)).toList()))
                .toList();
        return new Plan(renamed(plan.name(), week.startDate(), monday),
                new Plan.Week(monday, week.slotMinutes(), week.timeZone(), makeUpWorkdays, week.minBreakMinutes()),
                sites, plan.rooms(), plan.organizations(), plan.workers(), plan.audiences(), plan.activities(),
                plan.pinned(), plan.previous(), plan.constraintWeights());
    }

    /**
     * The dates of this week in the plan's name, written {@code 2026-11-30} or {@code 2026年11月30日} (the year may be
     * left out: {@code 12月6日}), a week later: "黄河 · 2026年11月30日—12月6日" becomes "黄河 · 2026年12月7日—12月13日".
     */
    private static String renamed(String name, LocalDate monday, LocalDate nextMonday) {
        if (monday == null) {
            return name;
        }
        String renamed = ISO_DATE.matcher(name).replaceAll(match -> {
            LocalDate date = dateOrNull(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                    Integer.parseInt(match.group(3)));
            return inWeek(date, monday) ? date.plusDays(DAYS).toString() : match.group();
        });
        return CHINESE_DATE.matcher(renamed).replaceAll(match -> {
            int month = Integer.parseInt(match.group(2));
            // Without a year, the week's own: the year of its Monday, or the next one for January in a week from December.
            int year = match.group(1) != null ? Integer.parseInt(match.group(1))
                    : monday.getYear() + (month < monday.getMonthValue() ? 1 : 0);
            LocalDate date = dateOrNull(year, month, Integer.parseInt(match.group(3)));
            if (!inWeek(date, monday)) {
                return match.group();
            }
            LocalDate moved = date.plusDays(DAYS);
            return (match.group(1) == null ? "" : moved.getYear() + "年") + moved.getMonthValue() + "月"
                    + moved.getDayOfMonth() + "日";
        });
    }

    private static boolean inWeek(LocalDate date, LocalDate monday) {
        return date != null && !date.isBefore(monday) && date.isBefore(monday.plusDays(DAYS));
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }
}
