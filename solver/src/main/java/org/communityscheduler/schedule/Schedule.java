package org.communityscheduler.schedule;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.TimeOfDay;

/** The schedule the engine answers (docs/plan-format.md §6), as plain records. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(String name, String score, boolean feasible, List<PlacedSession> sessions,
        List<UnassignedSession> unassigned, List<ConstraintResult> constraints, List<WorkerLoad> workers,
        List<OrganizationCount> organizations, List<Diagnostic> diagnostics) {

    /** A placed session; {@code date} only when the plan's week has a start date. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacedSession(String activity, int session, String room, Day day, TimeOfDay start, TimeOfDay end,
            LocalDate date, boolean pinned) {
    }

    public record UnassignedSession(String activity, int session, List<String> reasons) {
    }

    /** One constraint's share of the score; {@code justifications} only in an analysis. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConstraintResult(String name, String level, String score, int matches,
            List<Match> justifications) {
    }

    /** One match of a constraint: its score, what it means, and the sessions it concerns ({@code activity#n}). */
    public record Match(String score, String description, List<String> sessions) {
    }

    public record WorkerLoad(String id, int activityMinutes, int overtimeMinutes) {
    }

    public record OrganizationCount(String id, int requestedSessions, int assignedSessions) {
    }

    public int placedCount() {
        return sessions.size();
    }
}
