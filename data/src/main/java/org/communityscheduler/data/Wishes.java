package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.communityscheduler.data.Community.WorkerDraft;
import org.communityscheduler.data.Planter.PlantedActivity;
import org.communityscheduler.plan.Plan;

/**
 * What workers and groups ask of their week (docs/plan-format.md §2.5), read off the planted schedule so
 * that it grants every wish: day shapes of social workers and of the groups, the days an activity spreads
 * over, the order of an organisation's trainings. A wish is stated only where the planted sessions already
 * keep it, so the planted schedule still costs nothing, while a solver that moves a session may break it.
 */
final class Wishes {

    /** A gap shorter than this joins two sessions into one run: the week's default break, in slots. */
    static final int BREAK_SLOTS = Plan.DEFAULT_MIN_BREAK_MINUTES / WeekSlots.SLOT_MINUTES;
    /** The longest runs people ask for, shortest first: the shortest one the planted runs keep is stated. */
    private static final int[] RUN_LIMITS = { 120, 150, 180 };
    /** Share of workers who state a day shape (what their planted days keep). */
    private static final double WORKER_SHARE = 0.6;
    /** Share of groups that state a longest run. */
    private static final double GROUP_RUN_SHARE = 0.5;
    /** Share of activities meeting on several days that say on how many at least. */
    private static final double MIN_DAYS_SHARE = 0.5;
    /** When children and teenagers can come: after school on weekdays, all day at the weekend. */
    private static final boolean[] AFTER_SCHOOL = WeekSlots.none();
    /** When elders come: the daytime, Monday to Saturday. */
    private static final boolean[] DAYTIME = WeekSlots.none();

    static {
        for (int day = 0; day < 7; day++) {
            WeekSlots.add(AFTER_SCHOOL, day, day < 5 ? "16:30-21:30" : "08:00-21:30");
            if (day < 6) {
                WeekSlots.add(DAYTIME, day, "08:00-18:00");
            }
        }
    }

    private final SplittableRandom random;
    final Map<WorkerDraft, Plan.DayShape> workerShapes = new IdentityHashMap<>();
    /** The groups, listed with their settings, in the order the plan first names them. */
    final List<Plan.Audience> audiences = new ArrayList<>();
    /** The groups an activity has beside its own {@code audience}: a club of children who want compact days. */
    final Map<PlantedActivity, List<String>> moreAudiences = new IdentityHashMap<>();
    final Map<PlantedActivity, Integer> minDays = new IdentityHashMap<>();
    /** The activities each must come after: the earlier trainings of its organisation at its centre. */
    final Map<PlantedActivity, List<PlantedActivity>> after = new IdentityHashMap<>();

    private Wishes(SplittableRandom random) {
        this.random = random;
    }

    /**
     * The wishes the planted {@code activities} (in plan order) grant, drawn with {@code random}; students who
     * chose their lessons ({@code enrolment}) are groups of one.
     */
    static Wishes of(List<PlantedActivity> activities, List<WorkerDraft> workers, boolean manySites,
            Electives.Enrolment enrolment, SplittableRandom random) {
        Wishes wishes = new Wishes(random);
        wishes.workers(activities, workers);
        wishes.audiences(activities, manySites);
        wishes.students(activities, enrolment);
        wishes.minDays(activities);
        wishes.trainingOrder(activities);
        enrolment.previousPart().forEach((later, earlier) -> wishes.after.put(later, List.of(earlier)));
        return wishes;
    }

    private void workers(List<PlantedActivity> activities, List<WorkerDraft> workers) {
        Map<WorkerDraft, List<int[]>> sessions = new IdentityHashMap<>();
        for (PlantedActivity activity : activities) {
            for (WorkerDraft worker : activity.workers) {
                addSessions(sessions.computeIfAbsent(worker, w -> new ArrayList<>()), activity);
            }
        }
        for (WorkerDraft worker : workers) {
            List<int[]> own = sessions.get(worker);
            if (own == null || random.nextDouble() >= WORKER_SHARE) {
                continue;
            }
            Runs runs = Runs.of(own);
            Plan.DayShape shape = new Plan.DayShape(runLimit(runs.longestMinutes()), null, runs.noSingleDays(),
                    runs.noneAlone());
            if (shape.isWanted()) {
                workerShapes.put(worker, shape);
            }
        }
    }

    /**
     * Every group the activities name becomes a listed audience: children and teenagers come after school,
     * elders in the daytime (where the planted sessions are); groups of children, teenagers and the college's
     * classes whose days are compact ask for compact days, and where only some of the children's activities
     * follow each other closely, those form a club that does; some groups ask for a longest run.
     */
    private void audiences(List<PlantedActivity> activities, boolean manySites) {
        Map<String, List<PlantedActivity>> byAudience = new LinkedHashMap<>();
        for (PlantedActivity activity : activities) {
            if (activity.audience != null) {
                byAudience.computeIfAbsent(activity.audience, a -> new ArrayList<>()).add(activity);
            }
        }
        for (Map.Entry<String, List<PlantedActivity>> entry : byAudience.entrySet()) {
            String id = entry.getKey();
            List<PlantedActivity> members = entry.getValue();
            PlantedActivity first = members.get(0);
            String kind = first.kind.audience;
            String name = (manySites ? first.room.site.shortName + (kind.equals("class") ? "校区" : "") : "")
                    + label(kind, id);
            List<int[]> sessions = new ArrayList<>();
            members.forEach(activity -> addSessions(sessions, activity));
            boolean[] available = switch (kind) {
                case "children", "teens" -> AFTER_SCHOOL;
                case "elders" -> DAYTIME;
                default -> null;
            };
            boolean covered = available != null && covers(available, sessions);
            boolean mayBeCompact = kind.equals("children") || kind.equals("teens") || kind.equals("class");
            List<PlantedActivity> club = mayBeCompact ? compactPart(members) : List.of();
            boolean compact = club.size() == members.size();
            Integer longest = kind.equals("volunteers") || kind.equals("residents")
                    || random.nextDouble() >= GROUP_RUN_SHARE ? null : runLimit(Runs.of(sessions).longestMinutes());
            audiences.add(new Plan.Audience(id, name, covered ? WeekSlots.hours(available) : null, null,
                    new Plan.DayShape(longest, null, false, compact)));
            if (!compact && !club.isEmpty() && !kind.equals("class")) {
                String clubId = id + "-club";
                audiences.add(new Plan.Audience(clubId, name + (kind.equals("children") ? "兴趣班" : "社团"),
                        covered ? WeekSlots.hours(available) : null, null, new Plan.DayShape(null, null, false, true)));
                club.forEach(activity -> moreAudiences.put(activity, List.of(clubId)));
            }
        }
    }

    /**
     * Every student who chose lessons is a listed audience of one with the day shape their lessons keep: the
     * longest run it holds, compact days and no single-session days (the enrolment plants days of runs).
     */
    private void students(List<PlantedActivity> activities, Electives.Enrolment enrolment) {
        Map<String, List<int[]>> sessions = new LinkedHashMap<>();
        enrolment.names().keySet().forEach(student -> sessions.put(student, new ArrayList<>()));
        for (PlantedActivity activity : activities) {
            List<String> students = enrolment.students().get(activity);
            if (students != null) {
                moreAudiences.put(activity, students);
                students.forEach(student -> addSessions(sessions.get(student), activity));
            }
        }
        sessions.forEach((student, own) -> {
            Runs runs = Runs.of(own);
            audiences.add(new Plan.Audience(student, enrolment.names().get(student), null, null,
                    new Plan.DayShape(runLimit(runs.longestMinutes()), null, runs.noSingleDays(), runs.noneAlone())));
        });
    }

    private static String label(String kind, String id) {
        return switch (kind) {
            case "children" -> "儿童";
            case "teens" -> "青少年";
            case "elders" -> "长者";
            case "volunteers" -> "志愿者";
            case "residents" -> "居民代表";
            case "class" -> Names.ordinal(Integer.parseInt(id.substring(id.lastIndexOf('-') + 1))) + "班";
            default -> id;
        };
    }

    /**
     * The largest part of a group's activities whose every session has another of the part within a break
     * on its day (the group's sessions never overlap): activities with a lone session are dropped until
     * none is left. Empty when no two follow each other closely.
     */
    private static List<PlantedActivity> compactPart(List<PlantedActivity> members) {
        List<PlantedActivity> part = new ArrayList<>(members);
        boolean dropped = true;
        while (dropped && !part.isEmpty()) {
            List<int[]> sessions = new ArrayList<>();
            for (int a = 0; a < part.size(); a++) {
                PlantedActivity activity = part.get(a);
                int length = activity.durationMinutes / WeekSlots.SLOT_MINUTES;
                for (int start : activity.starts) {
                    sessions.add(new int[] { start, start + length, a });
                }
            }
            sessions.sort(Comparator.comparingInt(s -> s[0]));
            boolean[] lonely = new boolean[part.size()];
            for (int i = 0; i < sessions.size(); i++) {
                int[] session = sessions.get(i);
                boolean before = i > 0 && closeAfter(sessions.get(i - 1), session);
                boolean next = i + 1 < sessions.size() && closeAfter(session, sessions.get(i + 1));
                lonely[session[2]] |= !before && !next;
            }
            List<PlantedActivity> kept = new ArrayList<>();
            for (int a = 0; a < part.size(); a++) {
                if (!lonely[a]) {
                    kept.add(part.get(a));
                }
            }
            dropped = kept.size() < part.size();
            part = kept;
        }
        return part;
    }

    /** Whether {@code later} starts on the day of {@code earlier} less than a break after it ends. */
    private static boolean closeAfter(int[] earlier, int[] later) {
        return later[0] / WeekSlots.PER_DAY == earlier[0] / WeekSlots.PER_DAY && later[0] - earlier[1] < BREAK_SLOTS;
    }

    /** Some activities that meet on several days say on how many at least: the planted days or fewer. */
    private void minDays(List<PlantedActivity> activities) {
        for (PlantedActivity activity : activities) {
            long days = activity.starts.stream().map(start -> start / WeekSlots.PER_DAY).distinct().count();
            if (days >= 2 && random.nextDouble() < MIN_DAYS_SHARE) {
                minDays.put(activity, Community.between(random, 2, (int) days));
            }
        }
    }

    /**
     * The trainings of one organisation at one centre follow each other as parts of a course: each comes after
     * the one before it, where every planted session of that one ends before any of this one starts.
     */
    private void trainingOrder(List<PlantedActivity> activities) {
        Map<String, List<PlantedActivity>> courses = new LinkedHashMap<>();
        for (PlantedActivity activity : activities) {
            if (activity.kind == ActivityKind.TRAINING && !activity.starts.isEmpty()) {
                courses.computeIfAbsent(activity.organization.id + "@" + activity.room.site.id, c -> new ArrayList<>())
                        .add(activity);
            }
        }
        for (List<PlantedActivity> parts : courses.values()) {
            parts.sort(Comparator.comparingInt(activity -> activity.starts.get(0)));
            for (int i = 1; i < parts.size(); i++) {
                PlantedActivity earlier = parts.get(i - 1);
                PlantedActivity later = parts.get(i);
                int earlierEnd = earlier.starts.get(earlier.starts.size() - 1)
                        + earlier.durationMinutes / WeekSlots.SLOT_MINUTES;
                if (earlierEnd <= later.starts.get(0)) {
                    after.put(later, List.of(earlier));
                }
            }
        }
    }

    /** The shortest of the usual limits that the longest planted run keeps; null when it is longer than all. */
    private static Integer runLimit(int longestMinutes) {
        for (int limit : RUN_LIMITS) {
            if (longestMinutes <= limit) {
                return limit;
            }
        }
        return null;
    }

    private static void addSessions(List<int[]> sessions, PlantedActivity activity) {
        int length = activity.durationMinutes / WeekSlots.SLOT_MINUTES;
        for (int start : activity.starts) {
            sessions.add(new int[] { start, start + length });
        }
    }

    private static boolean covers(boolean[] hours, List<int[]> sessions) {
        for (int[] session : sessions) {
            for (int slot = session[0]; slot < session[1]; slot++) {
                if (!hours[slot]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * How one person's or group's sessions fall into runs, as the engine counts them: sessions of a day less
     * than a break apart are one run, from its first start to its last end.
     */
    private record Runs(int longestMinutes, boolean noSingleDays, boolean noneAlone) {

        static Runs of(List<int[]> sessions) {
            List<int[]> sorted = new ArrayList<>(sessions);
            sorted.sort(Comparator.comparingInt(s -> s[0]));
            int longest = 0;
            boolean noSingleDays = true;
            boolean noneAlone = true;
            for (int i = 0; i < sorted.size(); ) {
                int day = sorted.get(i)[0] / WeekSlots.PER_DAY;
                int runStart = sorted.get(i)[0];
                int runEnd = sorted.get(i)[1];
                int runSize = 1;
                int next = i + 1;
                for (; next < sorted.size() && sorted.get(next)[0] / WeekSlots.PER_DAY == day; next++) {
                    int[] session = sorted.get(next);
                    if (session[0] - runEnd < BREAK_SLOTS) {
                        runEnd = Math.max(runEnd, session[1]);
                        runSize++;
                    } else {
                        longest = Math.max(longest, runEnd - runStart);
                        noneAlone &= runSize > 1;
                        runStart = session[0];
                        runEnd = session[1];
                        runSize = 1;
                    }
                }
                longest = Math.max(longest, runEnd - runStart);
                noneAlone &= runSize > 1;
                noSingleDays &= next - i > 1;
                i = next;
            }
            return new Runs(longest * WeekSlots.SLOT_MINUTES, noSingleDays, noneAlone);
        }
    }
}
