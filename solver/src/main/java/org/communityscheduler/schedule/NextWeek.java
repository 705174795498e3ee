package org.communityscheduler.schedule;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;

/**
 * The plan of the week after a solved one (docs/plan-format.md §7, "Next week from this one"): the same
 * plan a week later, with this week's placements as {@code previous} so that Disruption keeps the week
 * steady. The server's {@code next-week} route and {@code scheduler next-week} both come here.
 */
public final class NextWeek {

    private static final int DAYS = 7;

    private NextWeek() {
    }

    /**
     * @param plan this week's plan
     * @param placed this week's placed sessions (a schedule's {@code sessions})
     * @return the plan of the following week: {@code startDate} 7 days later (an abstract week stays abstract),
     *         closed dates and make-up workdays before it dropped, pins kept (they name a day and time, so they
     *         move with the week), this week's placements as {@code previous}, everything else the same
     */
    public static Plan of(Plan plan, List<Schedule.PlacedSession> placed) {
        Plan.Week week = plan.week();
        LocalDate monday = week.startDate() == null ? null : week.startDate().plusDays(DAYS);
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
        List<Plan.Placement> previous = placed.stream()
                .map(session -> new Plan.Placement(session.activity(), session.session(), session.room(),
                        session.day(), session.start()))
                .toList();
        return new Plan(renamed(plan.name(), week.startDate(), monday),
                new Plan.Week(monday, week.slotMinutes(), week.timeZone(), makeUpWorkdays), sites, plan.rooms(),
                plan.organizations(), plan.workers(), plan.activities(), plan.pinned(), previous,
                plan.constraintWeights());
    }

    /** A name that carries the week's date ("week of 2026-11-30") carries the new one. */
    private static String renamed(String name, LocalDate from, LocalDate to) {
        return from == null ? name : name.replace(from.toString(), to.toString());
    }
}
