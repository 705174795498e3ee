package org.communityscheduler.data;

import java.util.Arrays;
import java.util.Locale;

import org.communityscheduler.text.TextException;

/** What kind of week is generated. */
public enum InstanceShape {
    /** Community centres: groups, counselling, trainings and events of many kinds, on their own habits. */
    COMMUNITY,
    /**
     * A course timetable, like university course timetabling: a seniors' college (老年大学) whose classes
     * (the audiences, like curricula) each take many 45-minute lessons on a fixed period grid, in few
     * rooms, taught by teachers who each teach several courses ({@link CourseTimetable}).
     */
    COURSE,
    /**
     * Post-enrolment timetabling: the seniors' college again, but every student chooses their own electives
     * (single lessons in series, each part after the one before), so that each student is a group of one with
     * a day shape ({@link Electives}).
     */
    ENROLMENT;

    /** {@code community}, {@code course}, {@code enrolment}; the message lists the shapes. */
    public static InstanceShape parse(String text) {
        for (InstanceShape shape : values()) {
            if (shape.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return shape;
            }
        }
        throw new TextException("generate.unknownShape", text,
                String.join(", ", Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** Refuses a size the shape does not come in. */
    void check(InstanceSize size) {
        if (this != COMMUNITY && size.compareTo(InstanceSize.L) > 0) {
            throw new TextException("generate.courseSizes", name().toLowerCase(Locale.ROOT), size.name());
        }
    }
}
