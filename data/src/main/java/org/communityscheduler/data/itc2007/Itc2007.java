package org.communityscheduler.data.itc2007;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communityscheduler.data.itc2007.Itc2007Instance.Course;
import org.communityscheduler.data.itc2007.Itc2007Instance.Curriculum;
import org.communityscheduler.data.itc2007.Itc2007Instance.Room;
import org.communityscheduler.data.itc2007.Itc2007Instance.Unavailability;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.plan.WeeklyHours;
import org.communityscheduler.text.Text;

/**
 * Reads ITC2007 track 3 instances ({@code .ctt}: Di Gaspero, McCollum and Schaerf's curriculum-based
 * course timetabling) and states them as weekly plans, so the shipped solver can be compared with the
 * literature. Bad files are refused with an {@link InvalidPlanException} whose problems name the
 * file and line ({@code comp01.ctt:12}).
 *
 * <p>The plan: one site open for the instance's days, each period {@value #PERIOD_MINUTES} minutes
 * from 08:00 (earlier only when the periods would not fit the day) and the slot grid one period, so
 * sessions start only on periods; each room with its capacity; each course an activity of one-period
 * sessions, one per lecture, with its students as participants, its teacher as its worker (Worker clash
 * is ITC's teacher conflicts) and its curricula as its audiences (Audience clash is ITC's curriculum
 * conflicts); unavailable periods are left out of its allowed times. The soft rules state ITC2007's whole
 * objective at its weights (see {@link #WEIGHTS}), so the plan's soft score of a timetable without hard
 * violations is the competition's cost.
 */
public final class Itc2007 {

    public static final int PERIOD_MINUTES = 60;
    public static final String SITE_ID = "itc2007";
    private static final int LATEST_FIRST_PERIOD = 8 * 60;

    /**
     * ITC2007's soft rules at ITC's weights: Room capacity 1 per student over, Too few days 5 per day short of
     * a course's minimum working days, Isolated session 2 per lecture of a curriculum (an audience asking for
     * compact days) with no lecture of it in the period before or after, Room stability 1 per extra room.
     * Everything else is off: it cannot fire here, or ITC2007 does not ask for it.
     */
    public static final Map<String, String> WEIGHTS = weights();

    private Itc2007() {
    }

    private static Map<String, String> weights() {
        Map<String, String> weights = new LinkedHashMap<>();
        weights.put("Room capacity", "0hard/0medium/1soft");
        weights.put("Room stability", "1");
        weights.put("Too few days", "5");
        weights.put("Isolated session", "2");
        for (String off : List.of("Noise beside quiet", "Noise during quiet hours", "Doors on request",
                "Overtime outside working hours", "Over daily limit", "Fair overtime", "Not preferred time",
                "Same-day repeat", "Long stretch", "Single-session day", "Worker site changes", "Disruption")) {
            weights.put(off, "0");
        }
        return Map.copyOf(weights);
    }

    /** The instance in a {@code .ctt} file; a missing or unreadable file is bad input too. */
    public static Itc2007Instance read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidPlanException(List.of(new Problem(file.toString(), Text.of("plan.noSuchFile"))));
        } catch (IOException e) {
            throw new InvalidPlanException(List.of(new Problem(file.toString(),
                    Text.of("plan.cannotRead", String.valueOf(e.getMessage())))));
        }
        return parse(text, String.valueOf(file.getFileName()));
    }

    /** The instance in a {@code .ctt} text; {@code source} names it in problems. */
    public static Itc2007Instance parse(String text, String source) {
        return new Parser(text, source).instance();
    }

    /** The plan of a {@code .ctt} file. */
    public static Plan readPlan(Path file) {
        return plan(read(file));
    }

    /** Minute of the day at which the first period of every day starts. */
    public static int firstPeriodStart(int periodsPerDay) {
        return Math.min(LATEST_FIRST_PERIOD, Day.MINUTES_PER_DAY - periodsPerDay * PERIOD_MINUTES);
    }

    public static Plan plan(Itc2007Instance instance) {
        int first = firstPeriodStart(instance.periodsPerDay());
        WeeklyHours opening = allowedTimes(instance, first, Set.of());
        Plan.Site site = new Plan.Site(SITE_ID, instance.name(), opening, null, null, null);
        List<Plan.Room> rooms = instance.rooms().stream()
                .map(room -> new Plan.Room(room.id(), null, null, room.capacity(), null, null, null, null))
                .toList();

        Set<String> teachers = new LinkedHashSet<>();
        instance.courses().forEach(course -> teachers.add(course.teacher()));
        List<Plan.Worker> workers = new ArrayList<>();
        teachers.forEach(teacher -> workers.add(new Plan.Worker(teacher, "teacher " + teacher, null, null, opening,
                Day.MINUTES_PER_DAY, null)));
        Plan.DayShape compact = new Plan.DayShape(null, null, false, true);
        List<Plan.Audience> audiences = instance.curricula().stream()
                .map(curriculum -> new Plan.Audience(curriculum.id(), "curriculum " + curriculum.id(), null, null,
                        compact))
                .toList();

        Map<String, List<String>> curricula = instance.curriculaByCourse();
        Map<String, Set<Integer>> unavailable = new LinkedHashMap<>();
        instance.unavailable().forEach(u -> unavailable.computeIfAbsent(u.course(), c -> new HashSet<>())
                .add(u.day() * instance.periodsPerDay() + u.period()));
        List<Plan.Activity> activities = new ArrayList<>();
        for (Course course : instance.courses()) {
            WeeklyHours allowed = unavailable.containsKey(course.id())
                    ? allowedTimes(instance, first, unavailable.get(course.id()))
                    : null;
            Integer minDays = course.minimumWorkingDays() > 1 ? course.minimumWorkingDays() : null;
            activities.add(new Plan.Activity(course.id(), null, null, PERIOD_MINUTES, course.lectures(),
                    course.students(), null, curricula.get(course.id()), null, null, List.of(course.teacher()),
                    allowed, null, null, Plan.DEFAULT_PRIORITY, minDays, null));
        }
        return new Plan(instance.name() + " (ITC2007 track 3)", new Plan.Week(null, PERIOD_MINUTES, null),
                List.of(site), rooms, List.of(), workers, audiences, activities, List.of(), List.of(), WEIGHTS);
    }

    /** Every period of the instance's days but the unavailable ones, periods next to each other merged into one range. */
    private static WeeklyHours allowedTimes(Itc2007Instance instance, int first, Set<Integer> unavailable) {
        WeeklyHours allowed = WeeklyHours.NONE;
        int perDay = instance.periodsPerDay();
        for (int day = 0; day < instance.days(); day++) {
            int period = 0;
            while (period < perDay) {
                if (unavailable.contains(day * perDay + period)) {
                    period++;
                    continue;
                }
                int from = period;
                while (period < perDay && !unavailable.contains(day * perDay + period)) {
                    period++;
                }
                allowed = allowed.with(Day.values()[day], new TimeRange(first + from * PERIOD_MINUTES,
                        first + period * PERIOD_MINUTES).toString());
            }
        }
        return allowed;
    }

    /** The period a start time of the plan falls in, or -1 when it is not the start of a period. */
    public static int period(Itc2007Instance instance, TimeOfDay start) {
        int offset = start.minutes() - firstPeriodStart(instance.periodsPerDay());
        if (offset < 0 || offset % PERIOD_MINUTES != 0 || offset / PERIOD_MINUTES >= instance.periodsPerDay()) {
            return -1;
        }
        return offset / PERIOD_MINUTES;
    }

    /** Reads the file top to bottom, collecting every problem of its lines; a broken structure stops it. */
    private static final class Parser {

        private static final int MAX_ITEMS = 100_000;

        private final String source;
        private final String[] lines;
        private final List<Problem> problems = new ArrayList<>();
        private int next;
        private int lineNumber;

        Parser(String text, String source) {
            this.source = source;
            this.lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        }

        Itc2007Instance instance() {
            String name = header("Name");
            int courseCount = count(header("Courses"), "Courses", 1, MAX_ITEMS);
            int roomCount = count(header("Rooms"), "Rooms", 1, MAX_ITEMS);
            int days = count(header("Days"), "Days", 1, 7);
            int periodsPerDay = count(header("Periods_per_day"), "Periods_per_day", 1,
                    Day.MINUTES_PER_DAY / PERIOD_MINUTES);
            int curriculumCount = count(header("Curricula"), "Curricula", 0, MAX_ITEMS);
            int constraintCount = count(header("Constraints"), "Constraints", 0, 10 * MAX_ITEMS);
            stopIfProblems();

            Map<String, Course> courses = new LinkedHashMap<>();
            for (Row row : section("COURSES:", courseCount, "Courses", 5)) {
                String[] fields = row.at();
                Course course = new Course(fields[0], fields[1], number(fields[2], "lectures", 1, 100),
                        number(fields[3], "minimum working days", 0, days), number(fields[4], "students", 0, 100_000));
                if (courses.putIfAbsent(course.id(), course) != null) {
                    problem(Text.of("plan.itc2007.courseTwice", course.id()));
                }
            }
            Map<String, Room> rooms = new LinkedHashMap<>();
            for (Row row : section("ROOMS:", roomCount, "Rooms", 2)) {
                String[] fields = row.at();
                Room room = new Room(fields[0], number(fields[1], "capacity", 1, 100_000));
                if (rooms.putIfAbsent(room.id(), room) != null) {
                    problem(Text.of("plan.itc2007.roomTwice", room.id()));
                }
            }
            List<Curriculum> curricula = new ArrayList<>();
            Set<String> curriculumIds = new HashSet<>();
            for (Row row : section("CURRICULA:", curriculumCount, "Curricula", -2)) {
                String[] fields = row.at();
                int size = number(fields[1], "course count", 1, MAX_ITEMS);
                List<String> members = List.of(fields).subList(2, fields.length);
                if (size != members.size()) {
                    problem(Text.of("plan.itc2007.curriculumCount", fields[0], fields[1], members.size()));
                }
                members.stream().filter(course -> !courses.containsKey(course))
                        .forEach(course -> problem(Text.of("plan.itc2007.unknownCourseInCurriculum", course,
                                fields[0])));
                if (!curriculumIds.add(fields[0])) {
                    problem(Text.of("plan.itc2007.curriculumTwice", fields[0]));
                }
                curricula.add(new Curriculum(fields[0], members));
            }
            List<Unavailability> unavailable = new ArrayList<>();
            for (Row row : section("UNAVAILABILITY_CONSTRAINTS:", constraintCount, "Constraints", 3)) {
                String[] fields = row.at();
                if (!courses.containsKey(fields[0])) {
                    problem(Text.of("plan.itc2007.unknownCourse", fields[0]));
                }
                unavailable.add(new Unavailability(fields[0], number(fields[1], "day", 0, days - 1),
                        number(fields[2], "period", 0, periodsPerDay - 1)));
            }
            String end = nextContent();
            if (end == null) {
                lineNumber = lines.length;
                problem(Text.of("plan.itc2007.noEnd"));
            } else if (!end.equals("END.")) {
                problem(Text.of("plan.itc2007.expectedEnd", shortened(end)));
            }
            stopIfProblems();
            return new Itc2007Instance(name, days, periodsPerDay, List.copyOf(courses.values()),
                    List.copyOf(rooms.values()), curricula, unavailable);
        }

        /** The value of {@code key: value} on the next line with content. */
        private String header(String key) {
            String line = nextContent();
            String prefix = key + ":";
            if (line == null || !line.startsWith(prefix) || line.length() == prefix.length()) {
                problem(Text.of("plan.itc2007.expectedHeader", key, found(line)));
                throw stop();
            }
            return line.substring(prefix.length()).strip();
        }

        /** A line of a section, split into fields; {@link #at} makes it the line problems name. */
        private final class Row {
            private final int line;
            private final String[] fields;

            Row(int line, String[] fields) {
                this.line = line;
                this.fields = fields;
            }

            String[] at() {
                lineNumber = line;
                return fields;
            }
        }

        /**
         * The {@code count} lines after {@code title}, split into fields ({@code fields} of them, or at
         * least {@code -fields}); a title or END. among them, or a further line after them, means the
         * header's count is wrong.
         */
        private List<Row> section(String title, int count, String key, int fields) {
            String line = nextContent();
            if (line == null || !line.equals(title)) {
                problem(Text.of("plan.itc2007.expectedSection", title, found(line)));
                throw stop();
            }
            List<Row> rows = new ArrayList<>();
            while (rows.size() < count) {
                line = nextContent();
                if (line == null || isTitle(line)) {
                    problem(Text.of("plan.itc2007.fewerThanHeader", key, count, title, rows.size()));
                    throw stop();
                }
                String[] split = line.split("\\s+");
                boolean fits = fields > 0 ? split.length == fields : split.length >= -fields;
                if (!fits) {
                    problem(fields > 0 ? Text.of("plan.itc2007.fieldCount", fields, split.length, shortened(line))
                            : Text.of("plan.itc2007.fieldCountAtLeast", -fields, split.length, shortened(line)));
                    continue;
                }
                rows.add(new Row(lineNumber, split));
            }
            int after = next;
            line = nextContent();
            if (line != null && !isTitle(line)) {
                problem(Text.of("plan.itc2007.moreThanHeader", key, count, title, shortened(line)));
                throw stop();
            }
            next = after;
            return rows;
        }

        private static boolean isTitle(String line) {
            return line.endsWith(":") || line.equals("END.");
        }

        private String nextContent() {
            while (next < lines.length) {
                lineNumber = next + 1;
                String line = lines[next++].strip();
                if (!line.isEmpty()) {
                    return line;
                }
            }
            return null;
        }

        private int count(String text, String key, int min, int max) {
            return number(text, key, min, max);
        }

        private int number(String text, String what, int min, int max) {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
                problem(Text.of("plan.itc2007.outOfRange", what, min, max, value));
            } catch (NumberFormatException e) {
                problem(Text.of("plan.itc2007.notAWholeNumber", what, shortened(text)));
            }
            return min;
        }

        private void problem(Text message) {
            problems.add(new Problem(source + ":" + lineNumber, message));
        }

        /** What stood where something else was expected: a line, or the end of the file. */
        private Text found(String line) {
            return line == null ? Text.of("plan.itc2007.endOfFile") : Text.of("plan.itc2007.line", shortened(line));
        }

        private void stopIfProblems() {
            if (!problems.isEmpty()) {
                throw stop();
            }
        }

        private InvalidPlanException stop() {
            return new InvalidPlanException(problems);
        }

        private static String shortened(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }
    }
}
