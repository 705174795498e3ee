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
import org.communityscheduler.text.TextException;


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
            problems.add(new Problem("sites", Text.of("plan.noSite")));
        }
        if (plan.rooms().isEmpty()) {
            problems.add(new Problem("rooms", Text.of("plan.noRoom")));
        }
        Set<String> sites = ids("sites", plan.sites(), Plan.Site::id);
        Set<String> rooms = ids("rooms", plan.rooms(), Plan.Room::id);
        Set<String> organizations = ids("organizations", plan.organizations(), Plan.Organization::id);
        Set<String> workers = ids("workers", plan.workers(), Plan.Worker::id);
        ids("audiences", plan.audiences(), Plan.Audience::id);
        Set<String> activityIds = ids("activities", plan.activities(), Plan.Activity::id);
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
                    problems.add(new Problem(at + ".site", Text.of("plan.siteRequired")));
                }
            } else {
                reference(at + ".site", room.site(), sites, "plan.unknownSite");
            }
            references(at + ".adjacentRooms", room.adjacentRooms(), rooms, "plan.unknownRoom");
            if (room.id() != null && room.adjacentRooms().contains(room.id())) {
                problems.add(new Problem(at + ".adjacentRooms", Text.of("plan.adjacentToItself")));
            }
        }
        for (int i = 0; i < plan.workers().size(); i++) {
            Plan.Worker worker = plan.workers().get(i);
            String at = "workers[" + i + "]";
            if (worker.organization() != null) {
                reference(at + ".organization", worker.organization(), organizations, "plan.unknownOrganization");
            }
            if (worker.sites() != null) {
                references(at + ".sites", worker.sites(), sites, "plan.unknownSite");
            }
        }
        for (int i = 0; i < plan.activities().size(); i++) {
            Plan.Activity activity = plan.activities().get(i);
            String at = "activities[" + i + "]";
            if (activity.organization() != null) {
                reference(at + ".organization", activity.organization(), organizations, "plan.unknownOrganization");
            }
            references(at + ".workers", activity.workers(), workers, "plan.unknownWorker");
            duplicates(at + ".workers", activity.workers(), "plan.workerListedTwice");
            if (activity.allowedSites() != null) {
                references(at + ".allowedSites", activity.allowedSites(), sites, "plan.unknownSite");
            }
            duplicates(at + ".audiences", activity.audiences(), "plan.audienceListedTwice");
            references(at + ".after", activity.after(), activityIds, "plan.unknownActivity");
            duplicates(at + ".after", activity.after(), "plan.activityListedTwice");
            if (activity.id() != null && activity.after().contains(activity.id())) {
                problems.add(new Problem(at + ".after", Text.of("plan.afterItself")));
            }
            if (activity.minDays() != null && activity.sessionsPerWeek() != null
                    && activity.minDays() > activity.sessionsPerWeek()) {
                problems.add(new Problem(at + ".minDays", Text.of("plan.minDaysAboveSessions", activity.minDays(),
                        activity.sessionsPerWeek())));
            }
        }
        checkOrderCycles(activities);
        checkPlacements("pinned", plan.pinned(), activities, rooms);
        checkPlacements("previous", plan.previous(), activities, rooms);
        checkConstraintWeights();
        checkSize();
    }

    /**
     * An order that loops back ({@code a} after {@code b}, {@code b} after {@code a}, or longer) can never be kept:
     * it is reported once, at the first activity of the loop in the plan.
     */
    private void checkOrderCycles(Map<String, Plan.Activity> activities) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (int i = 0; i < plan.activities().size(); i++) {
            String id = plan.activities().get(i).id();
            if (id == null || state.containsKey(id)) {
                continue;
            }
            List<String> loop = loopFrom(id, activities, state, new ArrayList<>());
            if (loop != null) {
                problems.add(new Problem("activities[" + i + "].after", Text.of("plan.orderLoop",
                        String.join(" → ", loop))));
            }
        }
    }

    /**
     * Depth first along {@code after} (with its own stack: a plan may chain thousands of activities): the
     * activities of a loop reached from {@code id}, first to last and back to the first, or null.
     */
    private static List<String> loopFrom(String id, Map<String, Plan.Activity> activities, Map<String, Integer> state,
            List<String> path) {
        java.util.ArrayDeque<java.util.Iterator<String>> stack = new java.util.ArrayDeque<>();
        state.put(id, 1);
        path.add(id);
        stack.push(activities.get(id).after().iterator());
        while (!stack.isEmpty()) {
            java.util.Iterator<String> next = stack.peek();
            if (!next.hasNext()) {
                stack.pop();
                state.put(path.remove(path.size() - 1), 2);
                continue;
            }
            String earlier = next.next();
            if (earlier.equals(path.get(path.size() - 1))) {
                continue; // after itself: reported as such
            }
            Integer seen = state.get(earlier);
            if (seen == null && activities.containsKey(earlier)) {
                state.put(earlier, 1);
                path.add(earlier);
                stack.push(activities.get(earlier).after().iterator());
            } else if (seen != null && seen == 1) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(earlier), path.size()));
                loop.add(earlier);
                return loop;
            }
        }
        return null;
    }

    /** The plan's size within what the score arithmetic holds and what building its model may cost. */
    private void checkSize() {
        long sessions = plan.sessionCount();
        if (sessions > Plan.MAX_SESSIONS) {
            problems.add(new Problem("activities", Text.of("plan.tooManySessions", sessions, Plan.MAX_SESSIONS)));
        }
        long attendances = plan.attendanceCount();
        if (attendances > Plan.MAX_ATTENDANCES) {
            problems.add(new Problem("activities", Text.of("plan.tooManyAttendances", attendances,
                    Plan.MAX_ATTENDANCES)));
        }
        long placements = plan.candidatePlacements();
        if (placements > Plan.MAX_CANDIDATE_PLACEMENTS) {
            problems.add(new Problem("activities", Text.of("plan.tooManyCandidatePlacements", placements,
                    plan.week().slotMinutes(), Plan.MAX_CANDIDATE_PLACEMENTS)));
        }
        long linked = plan.linkedPairs();
        if (linked > Plan.MAX_LINKED_PAIRS) {
            problems.add(new Problem("activities", Text.of("plan.tooManyLinkedPairs", linked, Plan.MAX_LINKED_PAIRS)));
        }
    }

    private <T> Set<String> ids(String listPath, List<T> elements, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String value = id.apply(elements.get(i));
            if (value != null && !seen.add(value)) {
                problems.add(new Problem(listPath + "[" + i + "].id", Text.of("plan.duplicateId", value)));
            }
        }
        return seen;
    }

    /** @param unknown the code of the problem when {@code id} is not known ({@code plan.unknownSite}) */
    private void reference(String at, String id, Set<String> known, String unknown) {
        if (!known.contains(id)) {
            problems.add(new Problem(at, Text.of(unknown, id)));
        }
    }

    private void references(String at, List<String> ids, Set<String> known, String unknown) {
        for (int j = 0; j < ids.size(); j++) {
            reference(at + "[" + j + "]", ids.get(j), known, unknown);
        }
    }

    private void duplicates(String at, List<String> ids, String listedTwice) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < ids.size(); j++) {
            if (!seen.add(ids.get(j))) {
                problems.add(new Problem(at + "[" + j + "]", Text.of(listedTwice, ids.get(j))));
            }
        }
    }

    private void checkClosedDates(String at, Plan.Site site) {
        if (site.closedDates().isEmpty()) {
            return;
        }
        LocalDate monday = plan.week().startDate();
        if (monday == null) {
            problems.add(new Problem(at + ".closedDates", Text.of("plan.closedDatesNeedStartDate")));
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
                    problems.add(new Problem(at + ".activity", Text.of("plan.unknownActivity", placement.activity())));
                }
            }
            if (placement.room() != null) {
                reference(at + ".room", placement.room(), rooms, "plan.unknownRoom");
            }
            if (activity != null && placement.session() != null) {
                if (placement.session() > activity.sessionsPerWeek()) {
                    problems.add(new Problem(at + ".session", Text.of("plan.noSuchSession", activity.id(),
                            activity.sessionsPerWeek(), placement.session())));
                } else if (!seen.add(SessionKey.of(activity.id(), placement.session()).toString())) {
                    problems.add(new Problem(at, Text.of("plan.sessionListedTwice", placement.session(),
                            activity.id())));
                }
            }
            if (placement.start() != null) {
                int start = placement.start().minutes();
                if (start % slot != 0) {
                    problems.add(new Problem(at + ".start", Text.of("plan.offTheSlotGrid", placement.start().toString(),
                            slot)));
                } else if (activity != null && activity.durationMinutes() != null
                        && start + activity.durationMinutes() > Day.MINUTES_PER_DAY) {
                    problems.add(new Problem(at + ".start", Text.of("plan.endsAfterMidnight",
                            activity.durationMinutes(), placement.start().toString())));
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
                } catch (TextException e) {
                    problems.add(new Problem(at, e.text()));
                }
            }, () -> problems.add(new Problem(at, Text.of("plan.unknownConstraint", name,
                    java.util.Arrays.stream(Rule.values()).map(Rule::title).toList().toString()))));
        });
    }
}
