package org.communityscheduler.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.data.Community.RoomDraft;
import org.communityscheduler.data.Community.SiteDraft;
import org.communityscheduler.data.Community.WorkerDraft;
import org.communityscheduler.data.Planter.PlantedActivity;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.text.Text;

/**
 * Realistic weekly plans of every size whose best possible schedule is known.
 *
 * <p>First a complete schedule is planted: activities are invented and each session placed where it
 * breaks no hard rule and costs nothing on any soft constraint ({@link Planter}). Then the plan is
 * shaped around it: allowed and preferred times, working hours, daily limits, capacities and
 * features all admit the planted sessions; a few of them are pinned, a few are the {@code previous}
 * placements. The slack left around them (empty rooms, free hours, evenings on request, wide
 * allowed times) distracts a solver without beating the planted schedule, which scores
 * {@code 0hard/0medium/0soft}: the optimum.
 *
 * <p><b>Tight weeks.</b> Above the default tightness the {@link Planter} also books the rooms out, up to
 * {@link GeneratorOptions#MAX_OCCUPANCY} of their open hours at tightness 1 ({@link Occupancy} says how
 * that is measured), still free of every hard rule and cost. <b>Course timetables</b> ({@link InstanceShape#COURSE})
 * plant a college's lessons instead ({@link CourseTimetable}); the plan is shaped around them the same way.
 *
 * <p><b>Overfull weeks.</b> With {@code overfullPercent} P, round(P% of the planted sessions) extra
 * sessions are requested, one more per activity (chosen at random) until they are all handed out;
 * those activities are allowed exactly the times of their planted sessions. Any hard-feasible
 * schedule puts each session of such an activity inside one of those intervals, each exactly one
 * session long, and two sessions in one interval would share their workers: so at most the planted
 * number of its sessions can be placed. The planted schedule, which leaves exactly the extra sessions
 * out and costs nothing else, is therefore still optimal: {@code 0hard/-Nmedium/0soft}, N the summed
 * priority of the extra sessions (its {@code score}).
 */
public final class InstanceGenerator {

    /** Weeks are drawn from the year starting on this Monday. */
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 1, 5);
    private static final double PINNED_SHARE = 0.03;
    private static final double PREVIOUS_SHARE = 0.02;

    private final GeneratorOptions options;
    private final SplittableRandom random;
    /** The wishes' own draws, so that stating them leaves the rest of the week as it was. */
    private final SplittableRandom wishRandom;
    private final Names names = new Names();

    private InstanceGenerator(GeneratorOptions options) {
        this.options = options;
        long seed = options.seed() * 0x9E3779B97F4A7C15L + options.size().ordinal();
        this.random = new SplittableRandom(seed);
        this.wishRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** A plan of the size for the seed, at the default tightness, nothing overfull. */
    public static GeneratedInstance generate(InstanceSize size, long seed) {
        return generate(GeneratorOptions.of(size, seed));
    }

    public static GeneratedInstance generate(GeneratorOptions options) {
        return new InstanceGenerator(options).generate();
    }

    private GeneratedInstance generate() {
        double tightness = options.tightness();
        LocalDate monday = FIRST_MONDAY.plusWeeks(random.nextInt(52));
        Community community;
        Planter planter;
        Electives.Enrolment enrolment = Electives.Enrolment.NONE;
        if (options.shape() == InstanceShape.COURSE) {
            community = Community.college(options.size(), random, names);
            planter = CourseTimetable.plant(community, options.size(), tightness, random);
        } else if (options.shape() == InstanceShape.ENROLMENT) {
            community = Community.college(options.size(), random, names);
            Electives.Planted electives = Electives.plant(community, options.size(), tightness, random, names);
            planter = electives.planter();
            enrolment = electives.enrolment();
        } else {
            community = Community.create(options.size(), random, names);
            planter = new Planter(community, random, tightness);
            planter.plant((int) Math.round(options.size().targetSessions() * (0.8 + 0.4 * tightness)));
            if (tightness > GeneratorOptions.DEFAULT_TIGHTNESS) {
                planter.fill(GeneratorOptions.occupancyGoal(tightness));
            }
            planter.gather(Set.of(ActivityKind.CHILDREN_GROUP, ActivityKind.TEEN_GROUP));
        }

        // By site and kind, in the order they were planted (the sort is stable): a plan a person can read.
        List<PlantedActivity> activities = new ArrayList<>(planter.activities);
        activities.sort(Comparator.comparingInt((PlantedActivity a) -> a.room.site.index).thenComparing(a -> a.kind));
        int[] extra = overfull(activities, planter.plantedSessions);
        boolean manySites = community.sites.size() > 1;
        Wishes wishes = Wishes.of(activities, community.workers, manySites, enrolment, wishRandom);
        List<String> activityIds = new ArrayList<>();
        Map<PlantedActivity, String> idOf = new IdentityHashMap<>();
        List<Plan.Activity> planActivities = new ArrayList<>();
        for (PlantedActivity activity : activities) {
            String base = manySites ? activity.room.site.id + "-" + activity.variant[0] : activity.variant[0];
            String id = names.unique(base);
            activityIds.add(id);
            idOf.put(activity, id);
        }
        for (int i = 0; i < activities.size(); i++) {
            PlantedActivity activity = activities.get(i);
            String id = activityIds.get(i);
            String base = manySites ? activity.room.site.id + "-" + activity.variant[0] : activity.variant[0];
            String name = activity.variant[1] + (manySites ? "（" + activity.room.site.shortName + "）" : "")
                    + (id.equals(base) ? "" : " " + id.substring(base.length() + 1));
            List<String> after = wishes.after.getOrDefault(activity, List.of()).stream().map(idOf::get).toList();
            planActivities.add(activity(activity, id, name, extra[i], wishes, after));
        }
        List<WorkerDraft> workers = new ArrayList<>(community.workers);
        workers.sort(Comparator.comparingInt((WorkerDraft w) -> w.organization.index)
                .thenComparingInt(w -> w.sites.get(0).index)
                .thenComparingInt(w -> w.index));
        List<Plan.Worker> planWorkers = new ArrayList<>();
        for (WorkerDraft worker : workers) {
            planWorkers.add(worker(worker, planter, wishes.workerShapes.get(worker)));
        }

        List<Plan.Placement> pinned = new ArrayList<>();
        List<Plan.Placement> previous = new ArrayList<>();
        pinsAndPrevious(activities, activityIds, pinned, previous);

        Plan plan = new Plan(name(monday), new Plan.Week(monday, WeekSlots.SLOT_MINUTES, Plan.DEFAULT_TIME_ZONE),
                community.sites.stream().map(site -> site(site, monday)).toList(),
                community.rooms.stream().map(InstanceGenerator::room).toList(),
                community.organizations.stream().map(o -> new Plan.Organization(o.id, o.name)).toList(),
                planWorkers, wishes.audiences, planActivities, pinned, previous, Map.of());
        return new GeneratedInstance(options, plan, planted(plan, activities, activityIds, extra, pinned));
    }

    private String name(LocalDate monday) {
        String shape = switch (options.shape()) {
            case COURSE -> "course timetable ";
            case ENROLMENT -> "elective enrolment ";
            case COMMUNITY -> "";
        };
        StringBuilder name = new StringBuilder("Generated " + shape + options.size() + " instance, seed " + options.seed());
        if (options.tightness() != GeneratorOptions.DEFAULT_TIGHTNESS) {
            name.append(", tightness ").append(options.tightness());
        }
        if (options.overfullPercent() > 0) {
            name.append(", ").append(options.overfullPercent()).append("% overfull");
        }
        return name.append(" · 滨州 ").append(monday).append(" 起一周").toString();
    }

    /** How many extra sessions each activity asks for beyond its planted ones. */
    private int[] overfull(List<PlantedActivity> activities, int planted) {
        int[] extra = new int[activities.size()];
        int wanted = (int) Math.round(planted * options.overfullPercent() / 100.0);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            order.add(i);
        }
        Community.shuffle(random, order);
        for (int handed = 0; handed < wanted; handed++) {
            extra[order.get(handed % order.size())]++;
        }
        return extra;
    }

    /**
     * The planted activity as the plan states it: its allowed times admit the planted sessions (exactly
     * them when it is overfull), its preferred times cover them.
     */
    private Plan.Activity activity(PlantedActivity planted, String id, String name, int extra, Wishes wishes,
            List<String> after) {
        double tightness = options.tightness();
        ActivityKind kind = planted.kind;
        int length = planted.durationMinutes / WeekSlots.SLOT_MINUTES;
        boolean[] template = kind.times == ActivityKind.Times.ANY ? null : kind.times.slots();
        boolean[] allowed;
        if (extra > 0) {
            allowed = around(planted.starts, length, 0, false, null);
        } else if (random.nextDouble() < Math.min(tightness, GeneratorOptions.DEFAULT_TIGHTNESS)) {
            // Beyond the default, tightness books the rooms out instead: the times stay as wide as at the default.
            allowed = around(planted.starts, length, slots((1 - Math.min(tightness, GeneratorOptions.DEFAULT_TIGHTNESS))
                    * 120), false, template);
        } else {
            allowed = template;
        }
        boolean[] preferred = random.nextDouble() < 0.3 + 0.4 * tightness
                ? around(planted.starts, length, slots((1 - tightness) * 90), true, null)
                : null;
        List<String> allowedSites = random.nextDouble() < 0.1 ? List.of(planted.room.site.id) : null;

        return new Plan.Activity(id, name, planted.organization.id, planted.durationMinutes,
                planted.starts.size() + extra, planted.participants, planted.audience,
                wishes.moreAudiences.get(planted), kind.noise, planted.requiredFeatures,
                planted.workers.stream().map(w -> w.id).toList(), allowed == null ? null : WeekSlots.hours(allowed),
                preferred == null ? null : WeekSlots.hours(preferred), allowedSites, planted.priority,
                wishes.minDays.get(planted), after);
    }

    private static int slots(double minutes) {
        return (int) Math.round(minutes / WeekSlots.SLOT_MINUTES);
    }

    /**
     * The planted sessions widened by {@code margin} slots on their own day, cut to {@code within}
     * when given; {@code halfHours} rounds outwards to the half hour, as people state preferences.
     */
    private static boolean[] around(List<Integer> starts, int length, int margin, boolean halfHours, boolean[] within) {
        boolean[] slots = WeekSlots.none();
        for (int start : starts) {
            int dayStart = start / WeekSlots.PER_DAY * WeekSlots.PER_DAY;
            int from = Math.max(dayStart, start - margin);
            int to = Math.min(dayStart + WeekSlots.PER_DAY, start + length + margin);
            if (halfHours) {
                from -= (from - dayStart) % 2;
                to = Math.min(dayStart + WeekSlots.PER_DAY, to + (to - dayStart) % 2);
            }
            for (int s = from; s < to; s++) {
                boolean planted = s >= start && s < start + length;
                slots[s] = planted || within == null || within[s];
            }
        }
        return slots;
    }

    private Plan.Worker worker(WorkerDraft draft, Planter planter, Plan.DayShape dayShape) {
        double tightness = options.tightness();
        int maxMinutesPerDay = draft.maxMinutesPerDay;
        int busiestDay = 0;
        for (int minutes : planter.workerDayMinutes[draft.index]) {
            busiestDay = Math.max(busiestDay, minutes);
        }
        if (busiestDay > 0 && random.nextDouble() < 0.5 * tightness) {
            // A daily limit no higher than the planted busiest day, rounded up to the half hour.
            maxMinutesPerDay = Math.min(maxMinutesPerDay, Math.max(120, (busiestDay + 29) / 30 * 30));
        }
        boolean[] unavailable = draft.unavailable.clone();
        if (random.nextDouble() < 0.5 * tightness) {
            blockFreeTime(draft, planter.workerBusy(draft), unavailable);
        }
        return new Plan.Worker(draft.id, draft.name, draft.organization.id,
                draft.sites.stream().map(site -> site.id).toList(), WeekSlots.hours(draft.working), maxMinutesPerDay,
                WeekSlots.hours(unavailable), dayShape);
    }

    /** Marks the longest free stretch of a random working day unavailable (an outreach visit, a training). */
    private void blockFreeTime(WorkerDraft worker, boolean[] busy, boolean[] unavailable) {
        int day = random.nextInt(7);
        int bestFrom = -1;
        int bestLength = 0;
        int base = day * WeekSlots.PER_DAY;
        for (int s = 0; s < WeekSlots.PER_DAY; ) {
            if (!worker.working[base + s] || busy[base + s]) {
                s++;
                continue;
            }
            int from = s;
            while (s < WeekSlots.PER_DAY && worker.working[base + s] && !busy[base + s]) {
                s++;
            }
            if (s - from > bestLength) {
                bestFrom = from;
                bestLength = s - from;
            }
        }
        if (bestLength >= 4) {
            WeekSlots.fill(unavailable, base + bestFrom, base + bestFrom + bestLength, true);
        }
    }

    private void pinsAndPrevious(List<PlantedActivity> activities, List<String> ids, List<Plan.Placement> pinned,
            List<Plan.Placement> previous) {
        List<int[]> sessions = new ArrayList<>();
        for (int a = 0; a < activities.size(); a++) {
            for (int n = 0; n < activities.get(a).starts.size(); n++) {
                sessions.add(new int[] { a, n });
            }
        }
        Community.shuffle(random, sessions);
        int pins = Math.max(1, (int) Math.round(sessions.size() * PINNED_SHARE));
        int published = Math.max(1, (int) Math.round(sessions.size() * PREVIOUS_SHARE));
        List<int[]> pinnedSessions = new ArrayList<>(sessions.subList(0, Math.min(pins, sessions.size())));
        List<int[]> previousSessions = new ArrayList<>(
                sessions.subList(Math.min(pins, sessions.size()), Math.min(pins + published, sessions.size())));
        Comparator<int[]> inPlanOrder = Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]);
        pinnedSessions.sort(inPlanOrder);
        previousSessions.sort(inPlanOrder);
        for (int[] session : pinnedSessions) {
            pinned.add(placement(activities.get(session[0]), ids.get(session[0]), session[1]));
        }
        for (int[] session : previousSessions) {
            previous.add(placement(activities.get(session[0]), ids.get(session[0]), session[1]));
        }
    }

    private static Plan.Placement placement(PlantedActivity activity, String id, int index) {
        int start = activity.starts.get(index);
        return new Plan.Placement(id, index + 1, activity.room.id, day(start), timeOfDay(start));
    }

    private static Day day(int slot) {
        return Day.values()[slot / WeekSlots.PER_DAY];
    }

    private static TimeOfDay timeOfDay(int slot) {
        return new TimeOfDay(slot % WeekSlots.PER_DAY * WeekSlots.SLOT_MINUTES);
    }

    private static Plan.Site site(SiteDraft site, LocalDate monday) {
        return new Plan.Site(site.id, site.name, WeekSlots.hours(site.opening), WeekSlots.hours(site.onRequest),
                WeekSlots.hours(site.quiet), site.closedDay < 0 ? null : List.of(monday.plusDays(site.closedDay)));
    }

    private static Plan.Room room(RoomDraft room) {
        return new Plan.Room(room.id, room.name, room.site.id, room.capacity, room.features,
                room.adjacent.stream().map(r -> r.id).toList(),
                room.hours == null ? null : WeekSlots.hours(room.hours), room.group);
    }

    /** The planted schedule as the engine would write it (docs/plan-format.md §6): its score is the optimum. */
    private static Schedule planted(Plan plan, List<PlantedActivity> activities, List<String> ids, int[] extra,
            List<Plan.Placement> pinned) {
        LocalDate monday = plan.week().startDate();
        Set<String> pinnedKeys = new HashSet<>();
        pinned.forEach(p -> pinnedKeys.add(SessionKey.of(p.activity(), p.session()).toString()));
        record Placed(int weekMinute, String room, String key, Schedule.PlacedSession session) {
        }
        List<Placed> placed = new ArrayList<>();
        List<Schedule.UnassignedSession> unassigned = new ArrayList<>();
        Map<String, Integer> minutes = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        long unplacedPriority = 0;
        for (int a = 0; a < activities.size(); a++) {
            PlantedActivity activity = activities.get(a);
            String id = ids.get(a);
            int[] count = counts.computeIfAbsent(activity.organization.id, o -> new int[2]);
            for (int n = 0; n < activity.starts.size(); n++) {
                int start = activity.starts.get(n);
                int startMinute = timeOfDay(start).minutes();
                String key = SessionKey.of(id, n + 1).toString();
                placed.add(new Placed(start * WeekSlots.SLOT_MINUTES, activity.room.id, key,
                        new Schedule.PlacedSession(id, n + 1, activity.room.id, day(start), new TimeOfDay(startMinute),
                                new TimeOfDay(startMinute + activity.durationMinutes),
                                monday.plusDays(start / WeekSlots.PER_DAY), pinnedKeys.contains(key))));
                for (WorkerDraft worker : activity.workers) {
                    minutes.merge(worker.id, activity.durationMinutes, Integer::sum);
                }
            }
            count[0] += activity.starts.size() + extra[a];
            count[1] += activity.starts.size();
            for (int n = activity.starts.size() + 1; n <= activity.starts.size() + extra[a]; n++) {
                unassigned.add(new Schedule.UnassignedSession(id, n, List.of(Text.of("schedule.unplaced.overfullWeek",
                        activity.starts.size()))));
                unplacedPriority += activity.priority;
            }
        }
        // The engine's order: by start, then room, then session id.
        placed.sort(Comparator.comparingInt(Placed::weekMinute).thenComparing(Placed::room).thenComparing(Placed::key));
        unassigned.sort(Comparator.comparing(u -> SessionKey.of(u.activity(), u.session()).toString()));

        HardMediumSoftLongScore score = HardMediumSoftLongScore.ofMedium(-unplacedPriority);
        List<Schedule.ConstraintResult> constraints = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            boolean unplaced = rule == Rule.UNASSIGNED_SESSION;
            constraints.add(new Schedule.ConstraintResult(rule.title(), rule.level(),
                    (unplaced ? score : HardMediumSoftLongScore.ZERO).toString(), unplaced ? unassigned.size() : 0,
                    null));
        }
        return new Schedule(plan.name(), score.toString(), true, placed.stream().map(Placed::session).toList(),
                unassigned, constraints,
                plan.workers().stream().map(w -> new Schedule.WorkerLoad(w.id(), minutes.getOrDefault(w.id(), 0), 0))
                        .toList(),
                plan.organizations().stream().map(o -> {
                    int[] count = counts.getOrDefault(o.id(), new int[2]);
                    return new Schedule.OrganizationCount(o.id(), count[0], count[1]);
                }).toList(),
                List.of());
    }
}
