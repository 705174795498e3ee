package org.communityscheduler.model;

import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.plan.Problem;

/**
 * The one way in: plan bytes are read and validated, held to the caller's {@link PlanLimits}, and then
 * either make a planning model ({@link #model()}) carrying every diagnostic — the reading's, then the
 * model's — or are refused with every problem. The server's handlers, its job store, the command line
 * and the benchmarks all take plans through here.
 *
 * @param plan the plan, only when there are no problems
 * @param problems every problem found; none when the plan may be solved
 * @param diagnostics what reading noted (unknown fields...); the model adds its own
 * @param where where a JSON path of the plan was in what was read: the path itself for JSON, a sheet and cell
 *     ({@code 活动!J5}) for a workbook; the model's diagnostics are said there
 */
public record PlanIntake(Plan plan, List<Problem> problems, List<Diagnostic> diagnostics, UnaryOperator<String> where) {

    /** JSON's paths are where they were. */
    private static final UnaryOperator<String> AS_READ = path -> path;

    public PlanIntake {
        problems = List.copyOf(problems);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Read from JSON: every path is where it was. */
    public PlanIntake(Plan plan, List<Problem> problems, List<Diagnostic> diagnostics) {
        this(plan, problems, diagnostics, AS_READ);
    }

    /** Reads UTF-8 plan JSON. */
    public static PlanIntake read(byte[] bytes, PlanLimits limits) {
        return limited(PlanReader.read(bytes), limits);
    }

    /** Reads a plan that arrived inside a larger JSON document (an analysis request). */
    public static PlanIntake read(JsonNode plan, PlanLimits limits) {
        return limited(PlanReader.read(plan), limits);
    }

    private static PlanIntake limited(PlanReading reading, PlanLimits limits) {
        if (!reading.isValid()) {
            return new PlanIntake(null, reading.problems(), reading.diagnostics());
        }
        Problem tooLarge = limits.check(reading.plan());
        if (tooLarge != null) {
            return new PlanIntake(null, List.of(tooLarge), reading.diagnostics());
        }
        return new PlanIntake(reading.plan(), List.of(), reading.diagnostics());
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * A new planning model of the valid plan (each call builds a fresh one: solving changes it).
     *
     * @throws InvalidPlanException with every problem, when the plan has any
     */
    public WeeklySchedule model() {
        if (!isValid()) {
            throw new InvalidPlanException(problems);
        }
        WeeklySchedule week = ModelBuilder.build(plan, diagnostics);
        if (where == AS_READ) {
            return week;
        }
        return week.withDiagnostics(week.getDiagnostics().stream()
                .map(d -> new Diagnostic(d.severity(), where.apply(d.path()), d.text())).toList());
    }
}
