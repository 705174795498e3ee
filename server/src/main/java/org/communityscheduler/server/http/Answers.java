package org.communityscheduler.server.http;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverStatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.TextJson;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/** The JSON answers of the API that are not a plan or a schedule, as src/main/resources/openapi.yaml names them. */
final class Answers {

    private Answers() {
    }

    /** {@code GET /api/schedules/{id}}: the schedule document with the job's id and status at the top. */
    static ObjectNode scheduleOf(Job job, Language language) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("id", job.id());
        document.put("status", job.status().name());
        if (job.error() != null) {
            document.set("error", Json.tree(job.error(), language));
        }
        document.put("submitted", job.submitted().toString());
        if (job.started() != null) {
            document.put("started", job.started().toString());
        }
        if (job.finished() != null) {
            document.put("finished", job.finished().toString());
        }
        if (Boolean.TRUE.equals(job.edited())) {
            document.put("edited", true);
        }
        if (job.schedule() != null) {
            document.setAll((ObjectNode) Json.tree(job.schedule(), language));
        } else {
            // Before the solver's first best there is no schedule yet; what the plan says is known.
            document.put("name", job.name());
            document.set("diagnostics", Json.tree(job.diagnostics(), language));
        }
        return document;
    }

    /** {@code POST /api/schedules}: the new job, its time limit, and what the plan's reading and model noted. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Submitted(String id, SolverStatus status, String timeLimit, List<Diagnostic> diagnostics) {
    }

    /** {@code POST /api/plans/validate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Validation(boolean valid, List<Problem> errors, List<Diagnostic> diagnostics, Integer sessions,
            Integer activities, Integer rooms, Integer workers) {

        static Validation invalid(PlanIntake intake) {
            return new Validation(false, intake.problems(), intake.diagnostics(), null, null, null, null);
        }

        /** The week's diagnostics include the reading's (unknown fields) and the model's (never placeable). */
        static Validation valid(WeeklySchedule week) {
            return new Validation(true, List.of(), week.getDiagnostics(), week.getSessions().size(),
                    week.getActivities().size(), week.getRooms().size(), week.getWorkers().size());
        }
    }

    /** {@code POST /api/plans/convert} of a workbook: its plan, and what its reading ignored (at sheet and cell). */
    record WorkbookPlan(Plan plan, List<Diagnostic> diagnostics) {
    }

    /** {@code GET /api/demo-data}: a bundled plan's name (for the URL) and its title. */
    record DemoPlan(String name, String title) {
    }

    /**
     * {@code GET /health}, {@code /health/ready} and {@code /health/live}: how the server stands, and nothing of what
     * it holds (the probes need no token; the jobs are counted in {@code /metrics}).
     */
    record Health(String status) {
    }

    /** {@code POST /api/schedules/recommend}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recommendations(SessionRef session, Placement current, List<Recommended> recommendations,
            Text reason) {
    }

    record SessionRef(String activity, int session) {
    }

    /** Where a session is or could be. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Placement(String room, Day day, TimeOfDay start, TimeOfDay end, LocalDate date) {

        static Placement of(Plan plan, Session session, Room room, int start) {
            int duration = session.getActivity().getDurationMinutes();
            TimeOfDay from = WeekTime.timeOfDay(start);
            LocalDate monday = plan.week().startDate();
            return new Placement(room.getId(), WeekTime.day(start), from, new TimeOfDay(from.minutes() + duration),
                    monday == null ? null : monday.plusDays(WeekTime.day(start).ordinal()));
        }
    }

    /** A placement with what it would change: the score difference, and by constraint. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recommended(String room, Day day, TimeOfDay start, TimeOfDay end, LocalDate date, String scoreDifference,
            List<ConstraintChange> constraints) {
    }

    /** {@code name} is the constraint's identifier; {@code displayName} is for people, in the request's language. */
    record ConstraintChange(String name, String score) {

        @JsonProperty
        @JsonSerialize(using = TextJson.MessageOnly.class)
        Text displayName() {
            return Rule.displayNameOf(name);
        }
    }

    static Recommendations recommendations(Plan plan, Session session, Placement current,
            List<SchedulingEngine.Recommendation> found) {
        List<Recommended> recommended = new ArrayList<>();
        for (SchedulingEngine.Recommendation recommendation : found) {
            Placement at = Placement.of(plan, session, recommendation.room(), recommendation.start());
            List<ConstraintChange> changes = new ArrayList<>();
            if (recommendation.analysisDifference() != null) {
                recommendation.analysisDifference().constraintAnalyses().stream()
                        .filter(constraint -> !constraint.score().isZero())
                        .forEach(constraint -> changes.add(new ConstraintChange(constraint.constraintName(),
                                constraint.score().toString())));
            }
            recommended.add(new Recommended(at.room(), at.day(), at.start(), at.end(), at.date(),
                    recommendation.scoreDifference().toString(), changes));
        }
        Text reason = recommended.isEmpty() ? session.getActivity().getUnplaceableReason() : null;
        return new Recommendations(new SessionRef(session.getActivity().getId(), session.getNumber()), current,
                recommended, reason);
    }
}
