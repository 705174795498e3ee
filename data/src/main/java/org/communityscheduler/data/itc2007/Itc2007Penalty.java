package org.communityscheduler.data.itc2007;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communityscheduler.data.itc2007.Itc2007Instance.Course;
import org.communityscheduler.data.itc2007.Itc2007Instance.Curriculum;
import org.communityscheduler.data.itc2007.Itc2007Instance.Room;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.schedule.Schedule;

/**
 * The official ITC2007 track 3 evaluation of a timetable, so that results compare with the literature: the
 * rules of L. Di Gaspero, B. McCollum and A. Schaerf, "The Second International Timetabling Competition
 * (ITC-2007): Curriculum-based Course Timetabling (Track 3)", technical report, 2007 (formulation UD2), as
 * the competition's validator ({@code ctt-validator.cc}) applies them. {@code Itc2007ValidatorTest} checks
 * every figure against the validator's own output on solved instances.
 *
 * <p>A timetable holds at most one lecture of a course per period: a further one there is ignored, as the
 * validator ignores a repeated entry, so the course is a lecture short. Hard violations, each counted once:
 * {@code lectures} (lectures missing or extra), {@code conflicts} (per period, pairs of courses with one
 * teacher or one curriculum both there), {@code availability} (lectures in unavailable periods),
 * {@code roomOccupancy} (lectures beyond the first in one room and period). Soft costs, already weighted:
 * {@code roomCapacity} (1 per student over capacity, per lecture), {@code minimumWorkingDays} (5 per day
 * short of a course's minimum), {@code curriculumCompactness} (2 per lecture of a curriculum with no
 * lecture of that curriculum in the period before or after on the same day), {@code roomStability} (1 per
 * room beyond the first, per course).
 */
public record Itc2007Penalty(int lectures, int conflicts, int availability, int roomOccupancy, int roomCapacity,
        int minimumWorkingDays, int curriculumCompactness, int roomStability) {

    public static final int MINIMUM_WORKING_DAYS_WEIGHT = 5;
    public static final int CURRICULUM_COMPACTNESS_WEIGHT = 2;

    /** One lecture of a course in a room at a period; days and periods from 0. */
    public record Lecture(String course, String room, int day, int period) {
    }

    /** All hard violations: 0 for a feasible timetable. */
    public int hard() {
        return lectures + conflicts + availability + roomOccupancy;
    }

    /** The ITC2007 penalty (what the literature's tables list). */
    public int soft() {
        return roomCapacity + minimumWorkingDays + curriculumCompactness + roomStability;
    }

    @Override
    public String toString() {
        return "hard " + hard() + ", penalty " + soft() + " (capacity " + roomCapacity + ", working days "
                + minimumWorkingDays + ", compactness " + curriculumCompactness + ", stability " + roomStability + ")";
    }

    /**
     * Evaluates a schedule of the instance's plan ({@link Itc2007#plan}): each placed session is one
     * lecture of its activity's course; unplaced sessions are missing lectures.
     */
    public static Itc2007Penalty of(Itc2007Instance instance, Schedule schedule) {
        List<Lecture> lectures = new ArrayList<>();
        for (Schedule.PlacedSession session : schedule.sessions()) {
            int period = Itc2007.period(instance, session.start());
            if (period < 0 || session.day().ordinal() >= instance.days()) {
                throw new IllegalArgumentException(SessionKey.of(session.activity(), session.session()) + " at "
                        + session.day() + " " + session.start() + " is not at a period of " + instance.name());
            }
            lectures.add(new Lecture(session.activity(), session.room(), session.day().ordinal(), period));
        }
        return of(instance, lectures);
    }

    /**
     * Evaluates a timetable of the instance, lecture by lecture in the order given (the first lecture of a course
     * in a period counts; see the class comment).
     */
    public static Itc2007Penalty of(Itc2007Instance instance, List<Lecture> timetable) {
        int perDay = instance.periodsPerDay();
        int periods = instance.days() * perDay;
        Map<String, Course> courses = new HashMap<>();
        instance.courses().forEach(course -> courses.put(course.id(), course));
        Map<String, Room> rooms = new HashMap<>();
        instance.rooms().forEach(room -> rooms.put(room.id(), room));
        Map<String, int[]> atPeriod = new HashMap<>();
        instance.courses().forEach(course -> atPeriod.put(course.id(), new int[periods]));
        Map<String, Set<Integer>> days = new HashMap<>();
        Map<String, Set<String>> roomsUsed = new HashMap<>();
        Map<String, Integer> occupancy = new HashMap<>();
        Set<Integer> unavailable = new HashSet<>();
        Map<String, Integer> courseIndex = new HashMap<>();
        instance.courses().forEach(course -> courseIndex.put(course.id(), courseIndex.size()));
        instance.unavailable().forEach(u -> unavailable.add(courseIndex.get(u.course()) * periods + u.day() * perDay
                + u.period()));

        int availability = 0;
        int roomCapacity = 0;
        for (Lecture lecture : timetable) {
            Course course = courses.get(lecture.course());
            Room room = rooms.get(lecture.room());
            if (course == null || room == null) {
                throw new IllegalArgumentException("unknown " + (course == null ? "course " + lecture.course()
                        : "room " + lecture.room()) + " in the timetable of " + instance.name());
            }
            if (lecture.day() < 0 || lecture.day() >= instance.days() || lecture.period() < 0
                    || lecture.period() >= perDay) {
                throw new IllegalArgumentException("day " + lecture.day() + " period " + lecture.period() + " of "
                        + course.id() + " is not a period of " + instance.name());
            }
            int period = lecture.day() * perDay + lecture.period();
            if (atPeriod.get(course.id())[period] > 0) {
                continue; // the course is already there: the validator skips a repeated entry
            }
            atPeriod.get(course.id())[period] = 1;
            days.computeIfAbsent(course.id(), c -> new HashSet<>()).add(lecture.day());
            roomsUsed.computeIfAbsent(course.id(), c -> new HashSet<>()).add(room.id());
            occupancy.merge(room.id() + "@" + period, 1, Integer::sum);
            if (unavailable.contains(courseIndex.get(course.id()) * periods + period)) {
                availability++;
            }
            roomCapacity += Math.max(0, course.students() - room.capacity());
        }

        int lectures = 0;
        int minimumWorkingDays = 0;
        int roomStability = 0;
        for (Course course : instance.courses()) {
            int scheduled = 0;
            for (int count : atPeriod.get(course.id())) {
                scheduled += count;
            }
            lectures += Math.abs(course.lectures() - scheduled);
            int workingDays = days.getOrDefault(course.id(), Set.of()).size();
            minimumWorkingDays += MINIMUM_WORKING_DAYS_WEIGHT * Math.max(0, course.minimumWorkingDays() - workingDays);
            roomStability += Math.max(0, roomsUsed.getOrDefault(course.id(), Set.of()).size() - 1);
        }
        int roomOccupancy = occupancy.values().stream().mapToInt(count -> Math.max(0, count - 1)).sum();

        return new Itc2007Penalty(lectures, conflicts(instance, atPeriod), availability, roomOccupancy, roomCapacity,
                minimumWorkingDays, curriculumCompactness(instance, atPeriod), roomStability);
    }

    /** Per period, each pair of courses there that share a teacher or a curriculum. */
    private static int conflicts(Itc2007Instance instance, Map<String, int[]> atPeriod) {
        List<Course> courses = instance.courses();
        Map<String, List<String>> curricula = instance.curriculaByCourse();
        int conflicts = 0;
        for (int a = 0; a < courses.size(); a++) {
            for (int b = a + 1; b < courses.size(); b++) {
                Course first = courses.get(a);
                Course second = courses.get(b);
                boolean related = first.teacher().equals(second.teacher())
                        || curricula.get(first.id()).stream().anyMatch(curricula.get(second.id())::contains);
                if (!related) {
                    continue;
                }
                int[] firstAt = atPeriod.get(first.id());
                int[] secondAt = atPeriod.get(second.id());
                for (int period = 0; period < firstAt.length; period++) {
                    if (firstAt[period] > 0 && secondAt[period] > 0) {
                        conflicts++;
                    }
                }
            }
        }
        return conflicts;
    }

    /** Each lecture of a curriculum with no lecture of that curriculum just before or after it that day. */
    private static int curriculumCompactness(Itc2007Instance instance, Map<String, int[]> atPeriod) {
        int perDay = instance.periodsPerDay();
        int periods = instance.days() * perDay;
        int isolated = 0;
        for (Curriculum curriculum : instance.curricula()) {
            int[] busy = new int[periods];
            for (String course : new HashSet<>(curriculum.courses())) {
                int[] at = atPeriod.get(course);
                for (int period = 0; period < periods; period++) {
                    busy[period] += at[period];
                }
            }
            for (int period = 0; period < periods; period++) {
                boolean before = period % perDay > 0 && busy[period - 1] > 0;
                boolean after = period % perDay < perDay - 1 && busy[period + 1] > 0;
                if (busy[period] > 0 && !before && !after) {
                    isolated += busy[period];
                }
            }
        }
        return CURRICULUM_COMPACTNESS_WEIGHT * isolated;
    }
}
