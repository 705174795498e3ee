package org.communityscheduler.data.itc2007;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of ITC2007 track 3, curriculum-based course timetabling, as its {@code .ctt} file
 * states it. Days and periods count from 0, as in the file.
 *
 * @param unavailable the periods a course may not use
 */
public record Itc2007Instance(String name, int days, int periodsPerDay, List<Course> courses, List<Room> rooms,
        List<Curriculum> curricula, List<Unavailability> unavailable) {

    public Itc2007Instance {
        courses = List.copyOf(courses);
        rooms = List.copyOf(rooms);
        curricula = List.copyOf(curricula);
        unavailable = List.copyOf(unavailable);
    }

    /** A course: {@code lectures} lectures a week, by one teacher, to {@code students} students. */
    public record Course(String id, String teacher, int lectures, int minimumWorkingDays, int students) {
    }

    public record Room(String id, int capacity) {
    }

    /** Courses the same students follow: no two of their lectures in one period. */
    public record Curriculum(String id, List<String> courses) {
        public Curriculum {
            courses = List.copyOf(courses);
        }
    }

    public record Unavailability(String course, int day, int period) {
    }

    /** All lectures of all courses: what a complete timetable places. */
    public int lectures() {
        return courses.stream().mapToInt(Course::lectures).sum();
    }

    /** Each course's curricula, in file order; courses in none have an empty list. */
    public Map<String, List<String>> curriculaByCourse() {
        Map<String, List<String>> byCourse = new LinkedHashMap<>();
        courses.forEach(course -> byCourse.put(course.id(), new ArrayList<>()));
        for (Curriculum curriculum : curricula) {
            curriculum.courses().stream().distinct()
                    .forEach(course -> byCourse.get(course).add(curriculum.id()));
        }
        return byCourse;
    }
}
