package org.communityscheduler.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.communityscheduler.text.Text;


/**
 * The checks that need the whole plan: unique ids, references that resolve, pinned and previous
 * sessions that exist and sit on the slot grid, known constraint names. Fields that could not be
 * read are null here and are skipped: their problem was already reported.
 */
final class PlanValidator {

    private final Plan plan;
    private final List<Problem> problems = new ArrayList<>();

    private PlanValidator(Plan plan) {
        this.plan = plan;
    }

    static List<Problem> validate(Plan plan) {
        PlanValidator validator = new PlanValidator(plan);
        validator.run();
        return validator.problems;
    }

    private void run() {
        if (plan.sites().isEmpty()) {
            problems.add(new Problem("sites", "a plan needs at least one site"));
        }
        if (plan.rooms().isEmpty()) {
            problems.add(new Problem("rooms", "a plan needs at least one room"));
        }
        Set<String> sites = ids("sites", plan.sites(), Plan.Site::id);
        Set<String> rooms = ids("rooms", plan.rooms(), Plan.Room::id);
        Set<String> organizations = ids("organizations", plan.organizations(), Plan.Organization::id);
        Set<String> workers = ids("workers", plan.workers(), Plan.Worker::id);
        ids("activities", plan.activities(), Plan.Activity::id);
        Map<String, Plan.Activity> activities = new HashMap<>();
        for (Plan.Activity activity : plan.activities()) {
            if (activity.id() != null) {
                activities.putIfAbsent(activity.id(), activity);
            }
        }

        for (int i = 0; i < plan.sites().size(); i++) {
            checkClosedDates("sites[" + i + "]", plan.sites().get(i));
        }
        checkMakeUpWorkdays();
        for (int i = 0; i < plan.rooms().size(); i++) {
            Plan.Room room = plan.rooms().get(i);
            String at = "rooms[" + i + "]";
            if (room.site() == null) {
                if (plan.sites().size() > 1) {
                    problems.add(new Problem(at + ".site", "is required when the plan has more than one site"));
                }
            } else {
                reference(at + ".site", room.site(), sites, "site");
            }
            references(at + ".adjacentRooms", room.adjacentRooms(), rooms, "room");
            if (room.id() != null && room.adjacentRooms().contains(room.id())) {
                problems.add(new Problem(at + ".adjacentRooms", "a room cannot be adjacent to itself"));
            }
        }
        for (int i = 0; i < plan.workers().size(); i++) {
            Plan.Worker worker = plan.workers().get(i);
            String at = "workers[" + i + "]";
            if (worker.organization() != null) {
                reference(at + ".organization", worker.organization(), organizations, "organization");
            }
            if (worker.sites() != null) {
                references(at + ".sites", worker.sites(), sites, "site");
            }
        }
        for (int i = 0; i < plan.activities().size(); i++) {
            Plan.Activity activity = plan.activities().get(i);
            String at = "activities[" + i + "]";
            if (activity.organization() != null) {
                reference(at + ".organization", activity.organization(), organizations, "organization");
            }
            references(at + ".workers", activity.workers(), workers, "worker");
            duplicates(at + ".workers", activity.workers(), "worker");
            if (activity.allowedSites() != null) {
                references(at + ".allowedSites", activity.allowedSites(), sites, "site");
            }
        }
        checkPlacements("pinned", plan.pinned(), activities, rooms);
        checkPlacements("previous", plan.previous(), activities, rooms);
        checkConstraintWeights();
        checkSize();
    }

    /** The plan's size within what the score arithmetic holds and what building its model may cost. */
    private void checkSize() {
        long sessions = plan.sessionCount();
        if (sessions > Plan.MAX_SESSIONS) {
            problems.add(new Problem("activities", "the plan asks for " + sessions + " sessions; a plan holds at most "
                    + Plan.MAX_SESSIONS + " (split it by site or by week)"));
        }
        long attendances = plan.attendanceCount();
        if (attendances > Plan.MAX_ATTENDANCES) {
            problems.add(new Problem("activities", "the plan's sessions have " + attendances
                    + " worker attendances (sessions × workers); a plan holds at most " + Plan.MAX_ATTENDANCES));
        }
        long placements = plan.candidatePlacements();
        if (placements > Plan.MAX_CANDIDATE_PLACEMENTS) {
            problems.add(new Problem("activities", "the plan has " + placements
                    + " candidate placements (rooms × starts on the " + plan.week().slotMinutes()
                    + "-minute slot grid, summed over activities); a plan holds at most "
                    + Plan.MAX_CANDIDATE_PLACEMENTS + ": use a coarser week.slotMinutes, allowedSites or fewer rooms"));
        }
        long linked = plan.linkedPairs();
        if (linked > Plan.MAX_LINKED_PAIRS) {
            problems.add(new Problem("activities", "the plan links " + linked + " pairs (for each worker the activities "
                    + "they work in, squared, and for each room group its rooms, squared); a plan holds at most "
                    + Plan.MAX_LINKED_PAIRS + ": a worker in fewer activities or smaller room groups"));
        }
    }

    private <T> Set<String> ids(String listPath, List<T> elements, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String value = id.apply(elements.get(i));
            if (value != null && !seen.add(value)) {
                problems.add(new Problem(listPath + "[" + i + "].id", "duplicate id \"" + value + "\""));
            }
        }
        return seen;
    }

    private void reference(String at, String id, Set<String> known, String kind) {
        if (!known.contains(id)) {
            problems.add(new Problem(at, "unknown " + kind + " \"" + id + "\""));
        }
    }

    private void references(String at, List<String> ids, Set<String> known, String kind) {
        for (int j = 0; j < ids.size(); j++) {
            reference(at + "[" + j + "]", ids.get(j), known, kind);
        }
    }

    private void duplicates(String at, List<String> ids, String kind) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < ids.size(); j++) {
            if (!seen.add(ids.get(j))) {
                problems.add(new Problem(at + "[" + j + "]", kind + " \"" + ids.get(j) + "\" is listed twice"));
            }
        }
    }

    private void checkClosedDates(String at, Plan.Site site) {
        if (site.closedDates().isEmpty()) {
            return;
        }
        LocalDate monday = plan.week().startDate();
        if (monday == null) {
            problems.add(new Problem(at + ".closedDates", "needs week.startDate to know which days of the week they are"));
        }
    }

    /** Make-up workdays need real dates, and a date a site is closed on cannot also be worked. */
    private void checkMakeUpWorkdays() {
        Map<LocalDate, Day> makeUpWorkdays = plan.week().makeUpWorkdays();
        if (makeUpWorkdays.isEmpty()) {
            return;
        }
        if (plan.week().startDate() == null) {
            problems.add(new Problem("week.makeUpWorkdays", Text.of("makeUpWorkdays.needsStartDate")));
        }
        for (int i = 0; i < plan.sites().size(); i++) {
            List<LocalDate> closed = plan.sites().get(i).closedDates();
            for (int j = 0; j < closed.size(); j++) {
                if (makeUpWorkdays.containsKey(closed.get(j))) {
                    problems.add(new Problem("sites[" + i + "].closedDates[" + j + "]",
                            Text.of("makeUpWorkdays.alsoClosed", closed.get(j).toString())));
                }
            }
        }
    }

    private void checkPlacements(String listPath, List<Plan.Placement> placements,
            Map<String, Plan.Activity> activities, Set<String> rooms) {
        Set<String> seen = new HashSet<>();
        int slot = plan.week().slotMinutes();
        for (int i = 0; i < placements.size(); i++) {
            Plan.Placement placement = placements.get(i);
            String at = listPath + "[" + i + "]";
            Plan.Activity activity = null;
            if (placement.activity() != null) {
                activity = activities.get(placement.activity());
                if (activity == null) {
                    problems.add(new Problem(at + ".activity", "unknown activity \"" + placement.activity() + "\""));
                }
            }
            if (placement.room() != null) {
                reference(at + ".room", placement.room(), rooms, "room");
            }
            if (activity != null && placement.session() != null) {
                if (placement.session() > activity.sessionsPerWeek()) {
                    problems.add(new Problem(at + ".session", "activity \"" + activity.id() + "\" has "
                            + activity.sessionsPerWeek() + " session(s) a week, so there is no session "
                            + placement.session()));
                } else if (!seen.add(SessionKey.of(activity.id(), placement.session()).toString())) {
                    problems.add(new Problem(at, "session " + placement.session() + " of \"" + activity.id()
                            + "\" is listed twice"));
                }
            }
            if (placement.start() != null) {
                int start = placement.start().minutes();
                if (start % slot != 0) {
                    problems.add(new Problem(at + ".start", placement.start() + " is off the " + slot
                            + "-minute slot grid"));
                } else if (activity != null && activity.durationMinutes() != null
                        && start + activity.durationMinutes() > Day.MINUTES_PER_DAY) {
                    problems.add(new Problem(at + ".start", "a " + activity.durationMinutes()
                            + "-minute session starting at " + placement.start() + " would end after midnight"));
                }
            }
        }
    }

    private void checkConstraintWeights() {
        plan.constraintWeights().forEach((name, value) -> {
            String at = "constraintWeights." + name;
            Rule.byTitle(name).ifPresentOrElse(rule -> {
                try {
                    rule.parseWeight(value);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(at, e.getMessage()));
                }
            }, () -> problems.add(new Problem(at, "unknown constraint \"" + name + "\"; the constraints are "
                    + java.util.Arrays.stream(Rule.values()).map(Rule::title).toList())));
        });
    }
}
