package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.communityscheduler.data.Community.OrganizationDraft;
import org.communityscheduler.data.Community.RoomDraft;
import org.communityscheduler.data.Community.SiteDraft;
import org.communityscheduler.data.Community.WorkerDraft;

/**
 * The course shape, after university course timetabling (curricula, few rooms, a period grid): a
 * seniors' college (老年大学) whose classes each follow a curriculum of subjects, one weekly course per
 * subject of one to three 45-minute lessons on different days, in one room, taught by a teacher who
 * teaches two or three subjects to several classes. A class is the audience of all its courses, so
 * its lessons never overlap. Courses are planted (by the {@link Planter}, free of every hard rule and
 * cost) until the rooms' periods are {@code 80 % + 15 % × tightness} taken or nothing more fits.
 */
final class CourseTimetable {

    /** {department id, name}, then its subjects: {slug, name, required feature or ""}. */
    private static final String[][][] DEPARTMENTS = {
            { { "arts", "书画系" }, { "calligraphy", "书法", "" }, { "painting", "国画", "" },
                    { "photography", "摄影", "projector" }, { "crafts", "手工艺", "" } },
            { { "music-sports", "文体系" }, { "singing", "声乐", "" }, { "dance", "舞蹈", "mats" },
                    { "taichi", "太极拳", "mats" }, { "yoga", "瑜伽", "mats" } },
            { { "living", "生活系" }, { "cooking", "烹饪", "kitchen" }, { "health", "养生保健", "projector" },
                    { "tea", "茶艺", "" } },
            { { "general-studies", "综合系" }, { "smartphone", "智能手机", "projector" }, { "english", "英语", "projector" },
                    { "poetry", "诗词鉴赏", "" } } };

    record Subject(String slug, String name, List<String> features) {
    }

    /**
     * The college's departments and their subjects, and who may teach each subject on each campus: every
     * teacher two or three subjects of their department, every subject of a campus someone of its department.
     */
    record Faculty(List<List<Subject>> departments, Map<String, List<WorkerDraft>> teachers) {

        static Faculty of(Community college, InstanceSize size, SplittableRandom random) {
            List<List<Subject>> departments = new ArrayList<>();
            List<OrganizationDraft> organizations = new ArrayList<>();
            for (String[][] department : DEPARTMENTS) {
                organizations.add(college.department(department[0][0], department[0][1]));
                List<Subject> subjects = new ArrayList<>();
                for (int i = 1; i < department.length; i++) {
                    String feature = department[i][2];
                    subjects.add(new Subject(department[i][0], department[i][1],
                            feature.isEmpty() ? List.of() : List.of(feature)));
                }
                departments.add(subjects);
            }
            Map<String, List<WorkerDraft>> teachers = new HashMap<>();
            int teacherCount = switch (size) {
                case S -> 8;
                case M -> 20;
                default -> 60;
            };
            int campuses = college.sites.size();
            for (int i = 0; i < teacherCount; i++) {
                SiteDraft campus = college.sites.get(i % campuses);
                int department = i / campuses % departments.size();
                WorkerDraft teacher = college.teacher(organizations.get(department), campus);
                List<Subject> subjects = new ArrayList<>(departments.get(department));
                Community.shuffle(random, subjects);
                int taught = Community.between(random, 2, 3);
                for (Subject subject : subjects.subList(0, Math.min(taught, subjects.size()))) {
                    teachers.computeIfAbsent(key(campus, subject), k -> new ArrayList<>()).add(teacher);
                }
            }
            for (SiteDraft campus : college.sites) {
                for (int d = 0; d < departments.size(); d++) {
                    List<WorkerDraft> staff = organizations.get(d).workers.stream()
                            .filter(w -> w.sites.contains(campus)).toList();
                    for (Subject subject : departments.get(d)) {
                        teachers.computeIfAbsent(key(campus, subject), k -> new ArrayList<>(List.of(staff.get(0))));
                    }
                }
            }
            return new Faculty(departments, teachers);
        }

        List<Subject> subjects() {
            return departments.stream().flatMap(List::stream).toList();
        }

        /** Who may teach the subject on the campus, the least loaded first. */
        List<WorkerDraft> teachers(SiteDraft campus, Subject subject, Map<WorkerDraft, Integer> load) {
            List<WorkerDraft> candidates = new ArrayList<>(teachers.get(key(campus, subject)));
            candidates.sort(Comparator.comparingInt(t -> load.getOrDefault(t, 0)));
            return candidates;
        }

        private static String key(SiteDraft campus, Subject subject) {
            return campus.id + "/" + subject.slug();
        }
    }

    private record Course(SiteDraft campus, int classNumber, String audience, int size, Subject subject) {
    }

    /** A class with at most this many lessons standing alone in their day drops them and asks for compact days. */
    private static final int LONE_LESSONS_DROPPED = 2;

    private CourseTimetable() {
    }

    /** Plants the college's courses; the planter holds them and its teachers' days. */
    static Planter plant(Community college, InstanceSize size, double tightness, SplittableRandom random) {
        Faculty faculty = Faculty.of(college, size, random);
        List<Subject> allSubjects = faculty.subjects();
        int campuses = college.sites.size();

        // The classes and their curricula, in a random order of subjects each.
        int classesPerCampus = size == InstanceSize.S ? 6 : 15;
        List<List<Course>> curricula = new ArrayList<>();
        for (SiteDraft campus : college.sites) {
            for (int n = 1; n <= classesPerCampus; n++) {
                String audience = (campuses == 1 ? "" : campus.id + "-") + "class-" + n;
                int classSize = Community.between(random, 12, 30);
                List<Subject> subjects = new ArrayList<>(allSubjects);
                Community.shuffle(random, subjects);
                List<Course> curriculum = new ArrayList<>();
                for (Subject subject : subjects) {
                    curriculum.add(new Course(campus, n, audience, classSize, subject));
                }
                curricula.add(curriculum);
            }
        }

        Planter planter = new Planter(college, random, tightness);
        int wanted = wantedLessons(college, tightness);
        Map<WorkerDraft, Integer> load = new HashMap<>();
        // Round by round, each class takes its next subject, until the periods are taken or nothing fits.
        for (int round = 0; planter.plantedSessions < wanted && round < allSubjects.size(); round++) {
            for (List<Course> curriculum : curricula) {
                if (planter.plantedSessions >= wanted) {
                    break;
                }
                Course course = curriculum.get(round);
                List<WorkerDraft> candidates = faculty.teachers(course.campus(), course.subject(), load);
                int lessons = ActivityKind.LESSON.sessionsPerWeek[random.nextInt(ActivityKind.LESSON.sessionsPerWeek.length)];
                String className = Names.ordinal(course.classNumber()) + "班";
                Planter.PlantedActivity activity = planter.plantCourse(
                        new String[] { course.subject().slug() + "-class-" + course.classNumber(),
                                course.subject().name() + "·" + className },
                        course.subject().features(), course.audience(), course.size(), candidates,
                        Math.min(lessons, wanted - planter.plantedSessions));
                if (activity != null) {
                    load.merge(activity.workers.get(0), activity.starts.size(), Integer::sum);
                }
            }
        }
        planter.gather(Set.of(ActivityKind.LESSON));
        planter.dropAlone(Set.of(ActivityKind.LESSON), LONE_LESSONS_DROPPED);
        return planter;
    }

    /** How many lessons fill the college's rooms to {@code 80 % + 15 % × tightness} of their periods. */
    static int wantedLessons(Community college, double tightness) {
        int periods = 0;
        for (RoomDraft room : college.rooms) {
            periods += WeekSlots.count(WeekSlots.and(room.open, ActivityKind.LESSON.times.slots()))
                    / (ActivityKind.LESSON.durations[0] / WeekSlots.SLOT_MINUTES);
        }
        return (int) Math.round(periods * (0.8 + 0.15 * tightness));
    }
}
