package org.communityscheduler.schedule;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/** The schedule as a coordinator reads it in a terminal: per day and room, then what is wrong. */
public final class ScheduleText {

    private ScheduleText() {
    }

    public static String render(Schedule schedule, Plan plan, Language language) {
        Map<String, Plan.Activity> activities = plan.activities().stream()
                .collect(Collectors.toMap(Plan.Activity::id, Function.identity()));
        Map<String, Plan.Room> rooms = plan.rooms().stream()
                .collect(Collectors.toMap(Plan.Room::id, Function.identity()));
        StringBuilder text = new StringBuilder();
        text.append(schedule.name()).append('\n');
        text.append(summary(schedule, language)).append("\n");

        Map<Day, List<Schedule.PlacedSession>> byDay = new LinkedHashMap<>();
        for (Day day : Day.values()) {
            byDay.put(day, schedule.sessions().stream().filter(s -> s.day() == day).toList());
        }
        byDay.forEach((day, sessions) -> {
            if (sessions.isEmpty()) {
                return;
            }
            text.append('\n').append(day.text().in(language));
            if (sessions.get(0).date() != null) {
                text.append(' ').append(sessions.get(0).date());
            }
            text.append('\n');
            Map<String, List<Schedule.PlacedSession>> byRoom = sessions.stream()
                    .sorted(Comparator.comparing(Schedule.PlacedSession::start))
                    .collect(Collectors.groupingBy(Schedule.PlacedSession::room, LinkedHashMap::new, Collectors.toList()));
            plan.rooms().stream().map(Plan.Room::id).filter(byRoom::containsKey).forEach(roomId -> {
                text.append("  ").append(rooms.get(roomId).name()).append(" (").append(roomId).append(")\n");
                for (Schedule.PlacedSession session : byRoom.get(roomId)) {
                    Plan.Activity activity = activities.get(session.activity());
                    text.append("    ").append(session.start()).append('-').append(session.end()).append("  ")
                            .append(activity.name()).append(" #").append(session.session());
                    if (!activity.workers().isEmpty()) {
                        text.append("  [").append(String.join(", ", activity.workers())).append(']');
                    }
                    if (session.pinned()) {
                        text.append("  ").append(Text.of("schedule.text.pinned").in(language));
                    }
                    text.append('\n');
                }
            });
        });

        if (!schedule.unassigned().isEmpty()) {
            text.append('\n').append(Text.of("schedule.text.notPlaced").in(language)).append('\n');
            for (Schedule.UnassignedSession session : schedule.unassigned()) {
                text.append("  ").append(activities.get(session.activity()).name()).append(" #")
                        .append(session.session()).append('\n');
                session.reasons().forEach(reason -> text.append("    - ").append(reason.in(language)).append('\n'));
            }
        }
        List<Schedule.ConstraintResult> broken = schedule.constraints().stream().filter(c -> c.matches() > 0).toList();
        if (!broken.isEmpty()) {
            text.append('\n').append(Text.of("schedule.text.penalties").in(language)).append('\n');
            for (Schedule.ConstraintResult constraint : broken) {
                text.append(String.format("  %-32s %-6s %5d x  %s%n", constraint.displayName().in(language),
                        constraint.level(), constraint.matches(), constraint.score()));
            }
        }
        List<Diagnostic> warnings = schedule.diagnostics();
        if (!warnings.isEmpty()) {
            text.append('\n').append(Text.of("schedule.text.diagnostics").in(language)).append('\n');
            warnings.forEach(diagnostic -> text.append("  ")
                    .append(Text.of("plan.severity." + diagnostic.severity()).in(language)).append(' ')
                    .append(diagnostic.path()).append(": ").append(diagnostic.message(language)).append('\n'));
        }
        return text.toString();
    }

    /** "Score 0hard/0medium/-240soft: all hard rules hold; 40 of 40 sessions placed." */
    public static String summary(Schedule schedule, Language language) {
        int placed = schedule.sessions().size();
        int total = placed + schedule.unassigned().size();
        return Text.of(schedule.feasible() ? "schedule.text.summaryFeasible" : "schedule.text.summaryInfeasible",
                schedule.score(), placed, total).in(language);
    }
}
