package org.communityscheduler.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.constraints.Justification;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.text.Text;

/** The solved planning model to the schedule document of docs/plan-format.md §6. */
public final class ScheduleWriter {

    private ScheduleWriter() {
    }

    /**
     * @param analysis with match counts, or with every match when {@code withMatches}
     * @param unassignedReasons why each unplaced session is out, by session
     */
    public static Schedule write(WeeklySchedule week, ScoreAnalysis<HardMediumSoftLongScore> analysis,
            Map<Session, List<Text>> unassignedReasons, boolean withMatches) {
        Plan plan = week.getPlan();
        LocalDate monday = plan.week().startDate();
        List<Schedule.PlacedSession> placed = new ArrayList<>();
        List<Schedule.UnassignedSession> unassigned = new ArrayList<>();
        List<Session> sessions = new ArrayList<>(week.getSessions());
        sessions.sort(Comparator.comparing((Session s) -> s.isAssigned() ? s.getStart() : Integer.MAX_VALUE)
                .thenComparing(s -> s.isAssigned() ? s.getRoom().getId() : "")
                .thenComparing(Session::getId));
        for (Session session : sessions) {
            if (session.isAssigned()) {
                int start = session.getStart();
                placed.add(new Schedule.PlacedSession(session.getActivity().getId(), session.getNumber(),
                        session.getRoom().getId(), WeekTime.day(start), WeekTime.timeOfDay(start),
                        new TimeOfDay(WeekTime.timeOfDay(start).minutes() + session.getActivity().getDurationMinutes()),
                        monday == null ? null : monday.plusDays(session.getDay()), session.isPinned()));
            } else {
                unassigned.add(new Schedule.UnassignedSession(session.getActivity().getId(), session.getNumber(),
                        unassignedReasons.getOrDefault(session, List.of()), session.isTakenOut()));
            }
        }
        HardMediumSoftLongScore score = analysis.score();
        return new Schedule(plan.name(), score.toString(), score.isFeasible(), placed, unassigned,
                constraints(week, analysis, withMatches), workerLoads(week), organizationCounts(week),
                week.getDiagnostics());
    }

    private static List<Schedule.ConstraintResult> constraints(WeeklySchedule week,
            ScoreAnalysis<HardMediumSoftLongScore> analysis, boolean withMatches) {
        List<Schedule.ConstraintResult> results = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            ConstraintAnalysis<HardMediumSoftLongScore> constraint = analysis.getConstraintAnalysis(rule.title());
            HardMediumSoftLongScore weight = constraint == null ? rule.defaultWeight() : constraint.weight();
            String level = weight.isZero() ? rule.level() : Rule.levelOf(weight);
            if (constraint == null) {
                results.add(new Schedule.ConstraintResult(rule.title(), level, HardMediumSoftLongScore.ZERO.toString(),
                        0, withMatches ? List.of() : null));
                continue;
            }
            List<Schedule.Match> matches = null;
            if (withMatches && constraint.matches() != null) {
                matches = new ArrayList<>();
                for (MatchAnalysis<HardMediumSoftLongScore> match : constraint.matches()) {
                    matches.add(match(week, match));
                }
            }
            results.add(new Schedule.ConstraintResult(rule.title(), level, constraint.score().toString(),
                    Math.max(constraint.matchCount(), 0), matches));
        }
        return results;
    }

    private static Schedule.Match match(WeeklySchedule week, MatchAnalysis<HardMediumSoftLongScore> match) {
        if (!(match.justification() instanceof Justification justification)) {
            return new Schedule.Match(match.score().toString(),
                    Text.of("plan.asWritten", match.justification().toString()), List.of());
        }
        List<String> concerned = new ArrayList<>();
        for (Session session : week.getSessions()) {
            if (justification.concerns(session)) {
                concerned.add(session.getId());
            }
        }
        return new Schedule.Match(match.score().toString(), justification.description(), concerned);
    }

    private static List<Schedule.WorkerLoad> workerLoads(WeeklySchedule week) {
        Map<Worker, int[]> loads = new HashMap<>();
        for (Session session : week.getSessions()) {
            if (!session.isAssigned()) {
                continue;
            }
            for (Worker worker : session.getActivity().getWorkers()) {
                int[] load = loads.computeIfAbsent(worker, w -> new int[2]);
                load[0] += session.getActivity().getDurationMinutes();
                load[1] += worker.overtimeMinutes(session.getStart(), session.getEnd());
            }
        }
        return week.getWorkers().stream().map(worker -> {
            int[] load = loads.getOrDefault(worker, new int[2]);
            return new Schedule.WorkerLoad(worker.getId(), load[0], load[1]);
        }).toList();
    }

    private static List<Schedule.OrganizationCount> organizationCounts(WeeklySchedule week) {
        Map<String, int[]> counts = new HashMap<>();
        for (Session session : week.getSessions()) {
            String organization = session.getActivity().getOrganization();
            if (organization != null) {
                int[] count = counts.computeIfAbsent(organization, o -> new int[2]);
                count[0]++;
                count[1] += session.isAssigned() ? 1 : 0;
            }
        }
        return week.getPlan().organizations().stream().map(organization -> {
            int[] count = counts.getOrDefault(organization.id(), new int[2]);
            return new Schedule.OrganizationCount(organization.id(), count[0], count[1]);
        }).toList();
    }
}
