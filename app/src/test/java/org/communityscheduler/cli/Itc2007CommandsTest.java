package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.communityscheduler.benchmarks.Itc2007Benchmark;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.junit.jupiter.api.Test;

/**
 * {@code ./scheduler import-itc2007}, {@code ./scheduler export-itc2007} and {@code ./scheduler benchmark --itc2007}:
 * exit codes and what they write.
 */
class Itc2007CommandsTest extends CommandTest {

    /** The bundled comp01, seen from this module's folder. */
    private static final Path COMP01 = Path.of("..", "benchmarks", "itc2007", "comp01.ctt");

    @Test
    void importWritesAPlanThatValidatesToStdout() {
        assertThat(run("import-itc2007", COMP01.toString())).isEqualTo(Main.OK);

        PlanReading reading = PlanReader.read(stdout());
        assertThat(reading.problems()).isEmpty();
        Plan plan = reading.plan();
        assertThat(plan.activities()).hasSize(30);
        assertThat(plan.activities().stream().mapToInt(Plan.Activity::sessionsPerWeek).sum()).isEqualTo(160);
        assertThat(plan.rooms()).hasSize(6);
        assertThat(stderr()).isEqualTo("Fis0506-1: 30 courses, 160 lectures, 6 rooms, 14 curricula, 5 days of 6 periods"
                + System.lineSeparator());
    }

    @Test
    void importWritesToTheOutputFile() throws IOException {
        Path plan = folder.resolve("comp01.json");

        assertThat(run("import-itc2007", COMP01.toString(), "--output", plan.toString())).isEqualTo(Main.OK);

        assertThat(stdout()).isEmpty();
        assertThat(PlanReader.read(Files.readAllBytes(plan)).problems()).isEmpty();
        assertThat(stderr()).contains("plan written to " + plan);
    }

    @Test
    void aBadFileIsNamedWithItsLineAndExitsWithTwo() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.ctt"), Files.readString(COMP01).replace("Rooms: 6", "Rooms: 7"));

        assertThat(run("import-itc2007", bad.toString())).isEqualTo(Main.BAD_INPUT);

        assertThat(stderr()).startsWith("bad.ctt:49: the header says Rooms: 7, but ROOMS: lists 6")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void missingFilesAndArgumentsAreBadInput() {
        assertThat(run("import-itc2007", folder.resolve("missing.ctt").toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("missing.ctt: no such file");
        assertThat(run("import-itc2007")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: missing FILE.ctt; see ./scheduler import-itc2007 --help");
        assertThat(run("import-itc2007", COMP01.toString(), "--outptu", "x.json")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: unknown option --outptu");
    }

    @Test
    void exportWritesOneLinePerPlacedLectureToStdout() throws IOException {
        Path plan = importedComp01();
        Path schedule = schedule(session("c0001", 1, "rB", "MON", "08:00"), session("c0015", 8, "rC", "FRI", "13:00"));

        assertThat(run("export-itc2007", plan.toString(), schedule.toString())).isEqualTo(Main.OK);

        assertThat(stdout()).isEqualTo("c0001 rB 0 0\nc0015 rC 4 5\n");
        assertThat(stderr()).isEqualTo("Fis0506-1 (ITC2007 track 3): 2 lectures as an ITC2007 solution (.sol)"
                + System.lineSeparator());
    }

    @Test
    void exportWritesToTheOutputFile() throws IOException {
        Path plan = importedComp01();
        Path schedule = schedule(session("c0002", 6, "rS", "TUE", "10:00"));
        Path solution = folder.resolve("comp01.sol");

        assertThat(run("export-itc2007", plan.toString(), schedule.toString(), "--output", solution.toString()))
                .isEqualTo(Main.OK);

        assertThat(stdout()).isEmpty();
        assertThat(Files.readString(solution)).isEqualTo("c0002 rS 1 2\n");
        assertThat(stderr()).contains("1 lecture as an ITC2007 solution (.sol); written to " + solution);
    }

    @Test
    void exportNamesEveryBadSessionWithItsPathAndExitsWithTwo() throws IOException {
        Path plan = importedComp01();
        Path schedule = schedule(session("c0001", 1, "rB", "MON", "08:30"), session("c0001", 2, "attic", "SAT", "09:00"));

        assertThat(run("export-itc2007", plan.toString(), schedule.toString())).isEqualTo(Main.BAD_INPUT);

        assertThat(stderr().lines()).containsExactly(
                schedule + ": sessions[0].start: MON 08:30 is not the start of a period (periods of 60 minutes from"
                        + " 08:00, while the site is open)",
                schedule + ": sessions[1].room: unknown room \"attic\"",
                schedule + ": sessions[1].start: SAT 09:00 is not the start of a period (periods of 60 minutes from"
                        + " 08:00, while the site is open)",
                "3 error(s) in the schedule " + schedule + ": nothing was written.");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void exportRefusesMissingAndMalformedFilesInTheLanguageAsked() throws IOException {
        Path plan = importedComp01();

        assertThat(run("export-itc2007", plan.toString(), folder.resolve("missing.json").toString()))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: no such file: ").contains("missing.json");
        clearStderr();
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"sessions\": [");
        assertThat(run("export-itc2007", plan.toString(), broken.toString(), "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).startsWith("错误：" + broken + " 不是 JSON 排期表").doesNotContain("Exception");
        clearStderr();
        assertThat(run("export-itc2007", plan.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: missing SCHEDULE.json; see ./scheduler export-itc2007 --help");
        assertThat(stdout()).isEmpty();
    }

    /** comp01 imported to a plan file; what the import printed is forgotten. */
    private Path importedComp01() {
        Path plan = folder.resolve("comp01.json");
        assertThat(run("import-itc2007", COMP01.toString(), "--output", plan.toString())).isEqualTo(Main.OK);
        clearStderr();
        return plan;
    }

    private Path schedule(String... sessions) throws IOException {
        return Files.writeString(folder.resolve("schedule.json"), "{\"sessions\": [" + String.join(", ", sessions) + "]}");
    }

    private static String session(String course, int number, String room, String day, String start) {
        return "{\"activity\": \"%s\", \"session\": %d, \"room\": \"%s\", \"day\": \"%s\", \"start\": \"%s\"}"
                .formatted(course, number, room, day, start);
    }

    @Test
    void theItcBenchmarkDefaultsToTenSecondsAndThreeRuns() {
        Itc2007Benchmark.Options options = CommandTest.<BenchmarkCommand>parsed("benchmark",
                "--itc2007", "benchmarks/itc2007").itc2007Options();

        assertThat(options.directory()).isEqualTo(Path.of("benchmarks/itc2007"));
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.output()).isEqualTo(Path.of("local", "benchmarks"));
    }

    @Test
    void theItcBenchmarkRefusesBadFoldersAndFilesBeforeSolving() throws IOException {
        assertThat(run("benchmark", "--itc2007", folder.resolve("missing").toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: no such folder: ");
        Files.writeString(folder.resolve("comp99.ctt"), "Name: x\nCourses: many\n");
        assertThat(run("benchmark", "--itc2007", folder.toString(), "--time", "1s")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("comp99.ctt:2: Courses must be a whole number, not \"many\"");
        assertThat(run("benchmark", "--itc2007", folder.toString(), "--sizes", "S")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: --sizes does not go with benchmark --itc2007");
    }
}
