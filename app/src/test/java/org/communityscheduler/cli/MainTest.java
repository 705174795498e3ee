package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The command line as a coordinator uses it: exit codes, what lands on stdout, stderr and disk. */
class MainTest extends CommandTest {

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Tag("slow") // solves for seconds
    @Test
    void solvesTheBundledSampleToAFeasibleScheduleWithEverySessionPlaced() throws IOException {
        Path output = folder.resolve("schedule.json");

        int exit = run("solve", "--time-limit", "8s", "--output", output.toString());

        assertThat(exit).isZero();
        assertThat(stdout()).contains("all hard rules hold").contains("40 of 40 sessions placed").contains("多功能厅");
        assertThat(stderr()).contains("best 0hard/0medium").contains("moves/s");
        JsonNode schedule = Json.MAPPER.readTree(Files.readString(output));
        assertThat(schedule.get("feasible").asBoolean()).isTrue();
        assertThat(schedule.get("sessions")).hasSize(40);
        assertThat(schedule.get("unassigned")).isEmpty();
        assertThat(schedule.get("sessions").get(0).get("date").asText()).startsWith("2026-1");
    }

    @Tag("slow") // solves for seconds
    @Test
    void exitsWithOneWhenHardRulesStayBroken() throws IOException {
        // Two sessions pinned into the same room at the same time: the solver may not move them.
        Path plan = write("clash.json", """
                {"sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60}, {"id": "b", "durationMinutes": 60}],
                 "pinned": [{"activity": "a", "session": 1, "room": "r", "day": "MON", "start": "09:00"},
                            {"activity": "b", "session": 1, "room": "r", "day": "MON", "start": "09:30"}]}
                """);

        assertThat(run("solve", plan.toString(), "--time-limit", "2s")).isEqualTo(Main.HARD_RULES_BROKEN);
        assertThat(stdout()).contains("HARD RULES BROKEN").contains("Room clash");
    }

    @Test
    void validateReportsEveryProblemWithItsPathAndNoStackTrace() throws IOException {
        Path plan = write("broken.json", """
                {"sites": [{"id": "s", "openingHours": {"MON": ["12:00-09:00"], "MOON": ["09:00-10:00"]}}],
                 "rooms": [{"id": "r", "site": "nowhere", "capacity": -3}],
                 "activities": [{"id": "a", "durationMinutes": "long", "workers": ["wang"]}]}
                """);

        int exit = run("validate", plan.toString());

        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(stdout()).contains("sites[0].openingHours.MON[0]: ")
                .contains("sites[0].openingHours.MOON: unknown day")
                .contains("rooms[0].site: unknown site \"nowhere\"")
                .contains("rooms[0].capacity: ")
                .contains("activities[0].durationMinutes: must be a whole number")
                .contains("activities[0].workers[0]: unknown worker \"wang\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateReportsMalformedJsonWithLineAndColumn() throws IOException {
        Path broken = write("truncated.json", "{\n  \"sites\": [\n");

        assertThat(run("validate", broken.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stdout()).contains("$: malformed JSON at line");
    }

    @Test
    void solvingABrokenPlanSolvesNothingAndExitsWithTwo() throws IOException {
        Path plan = write("broken.json", "{\"sites\": [], \"rooms\": []}");

        assertThat(run("solve", plan.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("sites: a plan needs at least one site").contains("nothing was solved");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void generatesATightWeekOrACourseTimetableWithItsPlantedSchedule() throws IOException {
        Path planted = folder.resolve("planted.json");

        assertThat(run("generate", "--size", "S", "--seed", "3", "--tightness", "1", "--planted", planted.toString()))
                .isEqualTo(Main.OK);
        assertThat(Json.MAPPER.readTree(stdout()).get("name").asText()).startsWith("Generated S instance, seed 3, tightness 1.0");
        assertThat(Json.MAPPER.readTree(Files.readString(planted)).get("score").asText()).isEqualTo("0hard/0medium/0soft");
        assertThat(stderr()).containsPattern("rooms 9\\d\\.\\d % occupied");
        clearStdout();
        assertThat(run("generate", "--size", "M", "--shape", "course")).isEqualTo(Main.OK);
        assertThat(Json.MAPPER.readTree(stdout()).get("name").asText()).startsWith("Generated course timetable M instance");
        assertThat(run("generate", "--size", "XL", "--shape", "course")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("the shape course comes in sizes S, M and L, not XL");
        assertThat(run("generate", "--shape", "school")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("unknown shape \"school\"; the shapes are community, course");
    }

    @Test
    void unknownFilesOptionsAndCommandsAreBadInput() {
        assertThat(run("solve", folder.resolve("missing.json").toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("no such file");
        assertThat(run("solve", "--time-limt", "3s")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("unknown option --time-limt");
        assertThat(run("solve", "--time-limit", "soon")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("not a time limit");
        assertThat(run("plan-my-week")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("unknown command");
        assertThat(run("solve", "--threads", "0")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("--threads must be at least 1");
        assertThat(run("solve", "--threads", "two")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: --threads must be a whole number, not \"two\"; see ./scheduler solve --help");
    }

    @Test
    void solvesOnTheCoresItIsGiven() {
        int exit = run("solve", "--time-limit", "3s", "--threads", "1");

        assertThat(exit).isZero();
        assertThat(stderr()).contains("1 thread(s)").contains("Schedule ready");
    }
}
