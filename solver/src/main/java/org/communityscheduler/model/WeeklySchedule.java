package org.communityscheduler.model;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Plan;

/** The planning solution: one week of one plan, its sessions and their score. */
@PlanningSolution
public class WeeklySchedule {

    /** The plan this week was built from: names, dates and the time zone for the answer. */
    private Plan plan;
    private List<Diagnostic> diagnostics;

    @ProblemFactCollectionProperty
    private List<Site> sites;
    @ProblemFactCollectionProperty
    private List<Room> rooms;
    @ProblemFactCollectionProperty
    private List<Worker> workers;
    @ProblemFactCollectionProperty
    private List<Audience> audiences;
    @ProblemFactCollectionProperty
    private List<Activity> activities;
    @ProblemFactCollectionProperty
    private List<Precedence> precedences;
    @PlanningEntityCollectionProperty
    private List<Session> sessions;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For Timefold's cloning. */
    public WeeklySchedule() {
    }

    public WeeklySchedule(Plan plan, List<Diagnostic> diagnostics, List<Site> sites, List<Room> rooms,
            List<Worker> workers, List<Audience> audiences, List<Activity> activities, List<Precedence> precedences,
            List<Session> sessions, ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.plan = plan;
        this.diagnostics = List.copyOf(diagnostics);
        this.sites = sites;
        this.rooms = rooms;
        this.workers = workers;
        this.audiences = audiences;
        this.activities = activities;
        this.precedences = precedences;
        this.sessions = sessions;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    /**
     * The same week with other sessions (a part of this week's, or a solver's copies of them): the plan, facts
     * and weights are shared, the score is not.
     */
    public WeeklySchedule withSessions(List<Session> otherSessions) {
        return new WeeklySchedule(plan, diagnostics, sites, rooms, workers, audiences, activities, precedences, otherSessions,
                constraintWeightOverrides);
    }

    /** The same week with its diagnostics said elsewhere (at the cells of the workbook it was read from). */
    public WeeklySchedule withDiagnostics(List<Diagnostic> otherDiagnostics) {
        return new WeeklySchedule(plan, otherDiagnostics, sites, rooms, workers, audiences, activities, precedences, sessions,
                constraintWeightOverrides);
    }

    /** A copy whose sessions a solver may change without touching this week's. */
    public WeeklySchedule copy() {
        WeeklySchedule copy = withSessions(sessions.stream().map(Session::copy).toList());
        copy.score = score;
        return copy;
    }

    public Plan getPlan() {
        return plan;
    }

    public List<Diagnostic> getDiagnostics() {
        return diagnostics;
    }

    public List<Site> getSites() {
        return sites;
    }

    public List<Room> getRooms() {
        return rooms;
    }

    public List<Worker> getWorkers() {
        return workers;
    }

    public List<Audience> getAudiences() {
        return audiences;
    }

    public List<Activity> getActivities() {
        return activities;
    }

    public List<Precedence> getPrecedences() {
        return precedences;
    }

    public List<Session> getSessions() {
        return sessions;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    public long assignedCount() {
        return sessions.stream().filter(Session::isAssigned).count();
    }
}
