package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.communityscheduler.data.CourseTimetable.Faculty;
import org.communityscheduler.data.CourseTimetable.Subject;
import org.communityscheduler.data.Community.SiteDraft;
import org.communityscheduler.data.Community.WorkerDraft;
import org.communityscheduler.data.Planter.PlantedActivity;

/**
 * The enrolment shape, after post-enrolment course timetabling: a seniors' college (老年大学) where every
 * student chooses their own electives, so that each student is a group of one. Electives are single
 * 45-minute lessons on the college's period grid, taught by the course shape's teachers, the lessons of a
 * subject in series whose parts follow each other in order. Lessons are planted first; then students enrol at
 * one campus each, each coming on two or three days for two or three lessons back to back (never one lesson
 * alone, never a day of one lesson), until most seats are taken; lessons nobody chose are taken out again. So every
 * student can ask for compact days, no single-session days and a longest run, and the planted week grants it.
 */
final class Electives {

    /** Enrolments stop when they fill this share of the planted lessons' seats. */
    private static final double SEATS_FILLED = 0.7;
    /** Students in a row who find no lessons left to take on any day before enrolment stops. */
    private static final int MAX_FAILURES = 50;
    /** A gap shorter than this joins two lessons into one run: the week's default break, in slots. */
    private static final int BREAK_SLOTS = Wishes.BREAK_SLOTS;

    private Electives() {
    }

    /**
     * What the students chose: each planted lesson's students (ids, in the order they enrolled), each
     * student's name, and the part of its series each lesson comes after.
     */
    record Enrolment(Map<PlantedActivity, List<String>> students, Map<String, String> names,
            Map<PlantedActivity, PlantedActivity> previousPart) {

        static final Enrolment NONE = new Enrolment(Map.of(), Map.of(), Map.of());
    }

    /** The college's electives, planted, and who enrolled in them. */
    record Planted(Planter planter, Enrolment enrolment) {
    }

    static Planted plant(Community college, InstanceSize size, double tightness, SplittableRandom random, Names names) {
        Faculty faculty = Faculty.of(college, size, random);
        Planter planter = new Planter(college, random, tightness);
        int wanted = CourseTimetable.wantedLessons(college, tightness);
        Map<PlantedActivity, Subject> subjectOf = new IdentityHashMap<>();
        Map<WorkerDraft, Integer> load = new HashMap<>();
        List<Subject> subjects = new ArrayList<>(faculty.subjects());
        boolean planted = true;
        // Round by round, every subject of every campus one lesson more, until the periods are taken or nothing fits.
        while (planted && planter.plantedSessions < wanted) {
            planted = false;
            Community.shuffle(random, subjects);
            for (SiteDraft campus : college.sites) {
                for (Subject subject : subjects) {
                    if (planter.plantedSessions >= wanted) {
                        break;
                    }
                    PlantedActivity lesson = planter.plantCourse(new String[] { subject.slug(), subject.name() },
                            subject.features(), null, Community.between(random, 15, 35),
                            faculty.teachers(campus, subject, load), 1);
                    if (lesson != null) {
                        planted = true;
                        subjectOf.put(lesson, subject);
                        load.merge(lesson.workers.get(0), 1, Integer::sum);
                    }
                }
            }
        }
        Map<PlantedActivity, List<String>> students = new IdentityHashMap<>();
        Map<String, String> studentNames = new LinkedHashMap<>();
        for (SiteDraft campus : college.sites) {
            enrol(planter.activities.stream().filter(lesson -> lesson.room.site == campus).toList(), students,
                    studentNames, random, names);
        }
        for (PlantedActivity lesson : new ArrayList<>(planter.activities)) {
            List<String> enrolled = students.get(lesson);
            if (enrolled == null) {
                planter.remove(lesson);
            } else {
                lesson.participants = enrolled.size();
            }
        }
        Map<PlantedActivity, PlantedActivity> previousPart = series(planter.activities, subjectOf, random);
        return new Planted(planter, new Enrolment(students, studentNames, previousPart));
    }

    /**
     * Students of one campus enrol one after another, each in runs of its lessons on a few days, until the seats
     * are mostly taken.
     */
    private static void enrol(List<PlantedActivity> lessons, Map<PlantedActivity, List<String>> students,
            Map<String, String> studentNames, SplittableRandom random, Names names) {
        List<List<PlantedActivity>> byDay = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            byDay.add(new ArrayList<>());
        }
        int seats = 0;
        for (PlantedActivity lesson : lessons) {
            byDay.get(lesson.starts.get(0) / WeekSlots.PER_DAY).add(lesson);
            seats += lesson.participants;
        }
        byDay.forEach(day -> day.sort(Comparator.comparingInt(lesson -> lesson.starts.get(0))));
        Map<PlantedActivity, Integer> taken = new IdentityHashMap<>();
        int enrolments = 0;
        int failures = 0;
        List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
        while (enrolments < seats * SEATS_FILLED && failures < MAX_FAILURES) {
            Community.shuffle(random, days);
            int wantedDays = Community.between(random, 2, 3);
            List<PlantedActivity> chosen = new ArrayList<>();
            for (int d = 0, got = 0; d < days.size() && got < wantedDays; d++) {
                List<PlantedActivity> run = run(byDay.get(days.get(d)), taken, random);
                if (!run.isEmpty()) {
                    chosen.addAll(run);
                    got++;
                }
            }
            if (chosen.isEmpty()) {
                failures++;
                continue;
            }
            failures = 0;
            String id = "student-" + (studentNames.size() + 1);
            studentNames.put(id, names.person(random.nextInt(Names.surnames()), random.nextInt(Names.givenNames()))[0]);
            for (PlantedActivity lesson : chosen) {
                students.computeIfAbsent(lesson, l -> new ArrayList<>()).add(id);
                taken.merge(lesson, 1, Integer::sum);
                enrolments++;
            }
        }
    }

    /**
     * Two lessons of the day with seats left, the second starting less than a break after the first ends,
     * and now and then a third after them; empty when the day has no such pair.
     */
    private static List<PlantedActivity> run(List<PlantedActivity> day, Map<PlantedActivity, Integer> taken,
            SplittableRandom random) {
        List<PlantedActivity[]> pairs = new ArrayList<>();
        for (PlantedActivity first : day) {
            if (full(first, taken)) {
                continue;
            }
            for (PlantedActivity second : day) {
                if (follows(first, second) && !full(second, taken)) {
                    pairs.add(new PlantedActivity[] { first, second });
                }
            }
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        PlantedActivity[] pair = pairs.get(random.nextInt(pairs.size()));
        List<PlantedActivity> run = new ArrayList<>(List.of(pair));
        if (random.nextInt(3) == 0) {
            List<PlantedActivity> thirds = day.stream().filter(third -> follows(pair[1], third) && !full(third, taken)).toList();
            if (!thirds.isEmpty()) {
                run.add(thirds.get(random.nextInt(thirds.size())));
            }
        }
        return run;
    }

    private static boolean full(PlantedActivity lesson, Map<PlantedActivity, Integer> taken) {
        return taken.getOrDefault(lesson, 0) >= lesson.participants;
    }

    /** Whether {@code later} starts after {@code earlier} ends, less than a break after it. */
    private static boolean follows(PlantedActivity earlier, PlantedActivity later) {
        int gap = later.starts.get(0) - end(earlier);
        return gap >= 0 && gap < BREAK_SLOTS;
    }

    private static int end(PlantedActivity lesson) {
        return lesson.starts.get(0) + lesson.durationMinutes / WeekSlots.SLOT_MINUTES;
    }

    /**
     * A subject's lessons at a campus, in the order of the week, form series of one to three parts, each part
     * after the one before it (a lesson that overlaps the one before starts a series of its own); the lessons
     * are named by their series and part.
     */
    private static Map<PlantedActivity, PlantedActivity> series(List<PlantedActivity> lessons,
            Map<PlantedActivity, Subject> subjectOf, SplittableRandom random) {
        Map<String, List<PlantedActivity>> bySubject = new LinkedHashMap<>();
        for (PlantedActivity lesson : lessons) {
            bySubject.computeIfAbsent(lesson.room.site.id + "/" + subjectOf.get(lesson).slug(), k -> new ArrayList<>())
                    .add(lesson);
        }
        Map<PlantedActivity, PlantedActivity> previousPart = new IdentityHashMap<>();
        for (List<PlantedActivity> subjectLessons : bySubject.values()) {
            subjectLessons.sort(Comparator.comparingInt(lesson -> lesson.starts.get(0)));
            Subject subject = subjectOf.get(subjectLessons.get(0));
            List<List<PlantedActivity>> allSeries = new ArrayList<>();
            List<PlantedActivity> current = new ArrayList<>();
            int length = 0;
            for (PlantedActivity lesson : subjectLessons) {
                boolean continues = !current.isEmpty() && current.size() < length
                        && end(current.get(current.size() - 1)) <= lesson.starts.get(0);
                if (!continues) {
                    current = new ArrayList<>();
                    allSeries.add(current);
                    length = Community.between(random, 1, 3);
                } else {
                    previousPart.put(lesson, current.get(current.size() - 1));
                }
                current.add(lesson);
            }
            for (int s = 0; s < allSeries.size(); s++) {
                List<PlantedActivity> parts = allSeries.get(s);
                String seriesName = subject.name() + "（" + Names.ordinal(s + 1) + "）";
                for (int p = 0; p < parts.size(); p++) {
                    parts.get(p).variant = parts.size() == 1
                            ? new String[] { subject.slug() + "-" + (s + 1), seriesName }
                            : new String[] { subject.slug() + "-" + (s + 1) + "-" + (p + 1), seriesName + "·第" + (p + 1) + "讲" };
                }
            }
        }
        return previousPart;
    }
}
