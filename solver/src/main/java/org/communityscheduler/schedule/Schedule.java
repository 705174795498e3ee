package org.communityscheduler.schedule;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.TextJson;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.text.Text;

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

    /**
     * A session left out, and why: each reason {@code {"code", "message", "args"}}; {@code takenOut} (written only when
     * true) when a coordinator took it out of the week by hand, which a schedule sent back keeps saying.
     */
    public record UnassignedSession(String activity, int session, List<Text> reasons,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean takenOut) {

        /** A session the schedule leaves out without a coordinator taking it out. */
        public UnassignedSession(String activity, int session, List<Text> reasons) {
            this(activity, session, reasons, false);
        }
    }

    /**
     * One constraint's share of the score; {@code justifications} only in an analysis. {@code name} is the
     * constraint's identifier (as in {@code constraintWeights}); {@code displayName} is for people.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "displayName"})
    @JsonIgnoreProperties(value = "displayName", allowGetters = true)
    public record ConstraintResult(String name, String level, String score, int matches,
            List<Match> justifications) {

        @JsonProperty
        @JsonSerialize(using = TextJson.MessageOnly.class)
        public Text displayName() {
            return Rule.displayNameOf(name);
        }
    }

    /**
     * One match of a constraint: its score, what it means ({@code code}, {@code description}, {@code args}), and
     * the sessions it concerns ({@code activity#n}).
     */
    @JsonPropertyOrder({"score", "code", "description", "args", "sessions"})
    @JsonIgnoreProperties(value = {"code", "description", "args"}, allowGetters = true)
    public record Match(String score, @JsonIgnore Text text, List<String> sessions) {

        @JsonProperty
        public String code() {
            return text.code();
        }

        @JsonProperty
        @JsonSerialize(using = TextJson.MessageOnly.class)
        public Text description() {
            return text;
        }

        @JsonProperty
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<Object> args() {
            return text.args();
        }
    }

    public record WorkerLoad(String id, int activityMinutes, int overtimeMinutes) {
    }

    public record OrganizationCount(String id, int requestedSessions, int assignedSessions) {
    }

    public int placedCount() {
        return sessions.size();
    }
}
