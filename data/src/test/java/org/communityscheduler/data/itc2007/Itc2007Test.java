package org.communityscheduler.data.itc2007;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityscheduler.plan.Day.MON;
import static org.communityscheduler.plan.Day.TUE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ITC2007 track 3 instances read from their {@code .ctt} files and stated as weekly plans. */
class Itc2007Test {

    static final Path BUNDLED = Path.of("..", "benchmarks", "itc2007");

    static String tiny() {
        try (InputStream in = Itc2007Test.class.getResourceAsStream("/itc2007/tiny.ctt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(String ctt) {
        try {
            Itc2007.parse(ctt, "bad.ctt");
        } catch (InvalidPlanException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void readsEverySectionOfTheFile() {
        Itc2007Instance instance = Itc2007.parse(tiny(), "tiny.ctt");

        assertThat(instance.name()).isEqualTo("Tiny");
        assertThat(instance.days()).isEqualTo(2);
        assertThat(instance.periodsPerDay()).isEqualTo(3);
        assertThat(instance.courses()).containsExactly(new Itc2007Instance.Course("math", "t1", 3, 2, 30),
                new Itc2007Instance.Course("physics", "t2", 2, 2, 20), new Itc2007Instance.Course("art", "t1", 1, 1, 10));
        assertThat(instance.rooms()).containsExactly(new Itc2007Instance.Room("big", 30),
                new Itc2007Instance.Room("small", 15));
        assertThat(instance.curricula()).containsExactly(
                new Itc2007Instance.Curriculum("science", List.of("math", "physics")),
                new Itc2007Instance.Curriculum("arts", List.of("math", "art")));
        assertThat(instance.unavailable()).containsExactly(new Itc2007Instance.Unavailability("physics", 0, 0),
                new Itc2007Instance.Unavailability("physics", 1, 2));
        assertThat(instance.lectures()).isEqualTo(6);
    }

    @Test
    void statesTheInstanceAsAPlanThatValidates() {
        Plan plan = Itc2007.plan(Itc2007.parse(tiny(), "tiny.ctt"));

        assertThat(plan.week().slotMinutes()).isEqualTo(60);
        assertThat(plan.sites()).singleElement().satisfies(site -> {
            assertThat(site.openingHours().days()).containsOnlyKeys(MON, TUE);
            assertThat(site.openingHours().on(MON)).containsExactly(TimeRange.parse("08:00-11:00"));
        });
        assertThat(plan.rooms()).extracting(Plan.Room::id, Plan.Room::capacity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("big", 30),
                        org.assertj.core.groups.Tuple.tuple("small", 15));
        assertThat(plan.workers()).extracting(Plan.Worker::id).containsExactly("t1", "t2");
        assertThat(plan.workers()).allSatisfy(worker -> assertThat(worker.maxMinutesPerDay()).isEqualTo(1440));
        assertThat(plan.audiences()).extracting(Plan.Audience::id).containsExactly("science", "arts");
        assertThat(plan.audiences()).allSatisfy(curriculum -> assertThat(curriculum.dayShape().compactDays())
                .as("curriculum compactness").isTrue());
        Plan.Activity math = plan.activities().get(0);
        assertThat(math.workers()).containsExactly("t1");
        assertThat(math.audiences()).containsExactly("science", "arts");
        assertThat(math.sessionsPerWeek()).isEqualTo(3);
        assertThat(math.durationMinutes()).isEqualTo(60);
        assertThat(math.participants()).isEqualTo(30);
        assertThat(math.allowedTimes()).as("no unavailable period: any time").isNull();
        Plan.Activity physics = plan.activities().get(1);
        assertThat(physics.allowedTimes().on(MON)).containsExactly(TimeRange.parse("09:00-11:00"));
        assertThat(physics.allowedTimes().on(TUE)).containsExactly(TimeRange.parse("08:00-10:00"));
        assertThat(plan.constraintWeights()).containsEntry("Room capacity", "0hard/0medium/1soft")
                .containsEntry("Room stability", "1").containsEntry("Too few days", "5")
                .containsEntry("Isolated session", "2").containsEntry("Noise beside quiet", "0");

        PlanReading reading = PlanReader.read(Json.write(plan));
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.diagnostics()).isEmpty();
    }

    @Test
    void theModelOffersRoomsTooSmallAndOnlyPeriodStarts() {
        WeeklySchedule week = ModelBuilder.build(Itc2007.plan(Itc2007.parse(tiny(), "tiny.ctt")));

        Session math = week.getSessions().get(0);
        assertThat(math.getRoomRange()).extracting(room -> room.getId()).containsExactly("big", "small");
        assertThat(math.getStartRange()).hasSize(6).allMatch(start -> (start % 1440 - 480) % 60 == 0);
        Session physics = week.getSessions().get(3);
        assertThat(physics.getActivity().getId()).isEqualTo("physics");
        assertThat(physics.getStartRange()).hasSize(4).doesNotContain(480, 1440 + 600);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "comp01, 30, 6, 14, 53, 160", "comp02, 82, 16, 70, 513, 283", "comp03, 72, 16, 68, 382, 251",
            "comp04, 79, 18, 57, 396, 286", "comp05, 54, 9, 139, 771, 152", "comp06, 108, 18, 70, 632, 361",
            "comp07, 131, 20, 77, 667, 434", "comp08, 86, 18, 61, 478, 324", "comp09, 76, 18, 75, 405, 279",
            "comp10, 115, 18, 67, 694, 370", "comp11, 30, 5, 13, 94, 162", "comp12, 88, 11, 150, 1368, 218",
            "comp13, 82, 19, 66, 468, 308", "comp14, 85, 17, 60, 486, 275", "comp15, 72, 16, 68, 382, 251",
            "comp16, 108, 20, 71, 518, 366", "comp17, 99, 17, 70, 548, 339", "comp18, 47, 9, 52, 594, 138",
            "comp19, 74, 16, 66, 475, 277", "comp20, 121, 19, 78, 691, 390", "comp21, 94, 18, 78, 463, 327" })
    void readsEveryBundledInstance(String name, int courses, int rooms, int curricula, int constraints, int lectures) {
        Itc2007Instance instance = Itc2007.read(BUNDLED.resolve(name + ".ctt"));

        assertThat(instance.courses()).hasSize(courses);
        assertThat(instance.rooms()).hasSize(rooms);
        assertThat(instance.curricula()).hasSize(curricula);
        assertThat(instance.unavailable()).hasSize(constraints);
        assertThat(instance.lectures()).isEqualTo(lectures);
        assertThat(PlanReader.read(Json.write(Itc2007.plan(instance))).problems()).isEmpty();
    }

    // Bad files

    @Test
    void aFileThatIsNotCttSaysWhatItExpected() {
        assertThat(problems("{\"sites\": []}")).containsExactly(problem("bad.ctt:1",
                "expected \"Name: ...\" (an ITC2007 track 3 .ctt header), found \"{\"sites\": []}\""));
        assertThat(problems(tiny().replace("Periods_per_day: 3", "Periods: 3"))).containsExactly(problem(
                "bad.ctt:5", "expected \"Periods_per_day: ...\" (an ITC2007 track 3 .ctt header), found \"Periods: 3\""));
        assertThat(problems(tiny().replace("Days: 2", "Days: two"))).containsExactly(
                problem("bad.ctt:4", "Days must be a whole number, not \"two\""));
    }

    @Test
    void countsThatDisagreeWithTheHeaderNameTheLine() {
        assertThat(problems(tiny().replace("Courses: 3", "Courses: 4"))).containsExactly(
                problem("bad.ctt:14", "the header says Courses: 4, but COURSES: lists 3"));
        assertThat(problems(tiny().replace("Rooms: 2", "Rooms: 1"))).containsExactly(
                problem("bad.ctt:16", "the header says Rooms: 1, but ROOMS: lists more: \"small 15\""));
        assertThat(problems(tiny().replace("Constraints: 2", "Constraints: 1"))).containsExactly(
                problem("bad.ctt:24",
                        "the header says Constraints: 1, but UNAVAILABILITY_CONSTRAINTS: lists more: \"physics 1 2\""));
        assertThat(problems(tiny().replace("science 2 math", "science 3 math"))).containsExactly(
                problem("bad.ctt:19", "curriculum science says 3 courses but lists 2"));
    }

    @Test
    void unknownCoursesAndBadValuesAreAllReported() {
        assertThat(problems(tiny().replace("arts 2 math art", "arts 2 math music")
                .replace("physics 1 2", "chemistry 1 2").replace("small 15", "small -1")))
                .containsExactly(
                        problem("bad.ctt:16", "capacity must be between 1 and 100000, not -1"),
                        problem("bad.ctt:20", "unknown course music in curriculum arts"),
                        problem("bad.ctt:24", "unknown course chemistry"));
        assertThat(problems(tiny().replace("physics 0 0", "physics 2 0"))).containsExactly(
                problem("bad.ctt:23", "day must be between 0 and 1, not 2"));
    }

    @Test
    void aMissingFileIsBadInputToo() {
        assertThatThrownBy(() -> Itc2007.read(Path.of("no-such.ctt"))).isInstanceOf(InvalidPlanException.class)
                .hasMessage("no-such.ctt: no such file");
    }

    /** A problem as the command line prints it in English: "path: message". */
    private static String problem(String path, String message) {
        return path + ": " + message;
    }
}
