package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Json;
import org.junit.jupiter.api.Test;

/** {@code ./scheduler next-week SCHEDULE.json PLAN.json}: next week's plan offline, as the server answers it. */
class NextWeekCommandTest extends CommandTest {

    private static final String PLAN = """
            {"name": "Huanghe, week of 2026-11-30",
             "week": {"startDate": "2026-11-30", "makeUpWorkdays": {"2026-12-05": "MON"}},
             "sites": [{"id": "huanghe", "openingHours": {"MON": ["09:00-12:00"]}, "closedDates": ["2026-12-01"]}],
             "rooms": [{"id": "hall", "capacity": 40}],
             "activities": [{"id": "meeting", "durationMinutes": 60}, {"id": "choir", "durationMinutes": 60}],
             "pinned": [{"activity": "meeting", "session": 1, "room": "hall", "day": "MON", "start": "09:00"}]}
            """;

    /** What solve --output wrote for the plan: the meeting where it is pinned, choir on the make-up Saturday. */
    private static final String SCHEDULE = """
            {"name": "Huanghe, week of 2026-11-30", "score": "0hard/0medium/0soft", "feasible": true,
             "sessions": [
               {"activity": "meeting", "session": 1, "room": "hall", "day": "MON", "start": "09:00", "end": "10:00",
                "date": "2026-11-30", "pinned": true},
               {"activity": "choir", "session": 1, "room": "hall", "day": "SAT", "start": "10:00", "end": "11:00",
                "date": "2026-12-05", "pinned": false}],
             "unassigned": []}
            """;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void writesNextWeeksPlanWithThisWeeksPlacementsAsPrevious() throws IOException {
        Path schedule = write("schedule.json", SCHEDULE);
        Path plan = write("plan.json", PLAN);
        Path output = folder.resolve("next.json");

        assertThat(run("next-week", schedule.toString(), plan.toString(), "--output", output.toString())).isZero();

        JsonNode next = Json.MAPPER.readTree(Files.readString(output));
        assertThat(next.get("name").asText()).isEqualTo("Huanghe, week of 2026-12-07");
        assertThat(next.get("week").get("startDate").asText()).isEqualTo("2026-12-07");
        assertThat(next.get("week").has("makeUpWorkdays")).isFalse();
        assertThat(next.get("sites").get(0).has("closedDates")).isFalse();
        assertThat(next.get("pinned")).hasSize(1);
        assertThat(next.get("previous")).extracting(session -> session.get("activity").asText() + " "
                + session.get("day").asText() + " " + session.get("start").asText())
                .containsExactly("meeting MON 09:00", "choir SAT 10:00");
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("week of 2026-12-07", "2 placed session(s)", "1 pinned", "Written to " + output);

        clearStderr();
        assertThat(run("next-week", schedule.toString(), plan.toString())).isZero();
        assertThat(Json.MAPPER.readTree(stdout())).isEqualTo(next);
    }

    @Test
    void theLastWeekOf2100HasNoNextWeekAPlanMayName() throws IOException {
        Path plan = write("plan.json", """
                {"week": {"startDate": "2100-12-27"},
                 "sites": [{"id": "huanghe", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "hall", "capacity": 40}],
                 "activities": [{"id": "meeting", "durationMinutes": 60}]}
                """);
        Path schedule = write("schedule.json", """
                {"sessions": [{"activity": "meeting", "session": 1, "room": "hall", "day": "MON", "start": "09:00"}],
                 "unassigned": []}
                """);
        Path output = folder.resolve("next.json");

        assertThat(run("next-week", schedule.toString(), plan.toString(), "--output", output.toString()))
                .isEqualTo(Main.BAD_INPUT);

        assertThat(stderr()).contains(plan + ": week.startDate: next week would start on 2101-01-03, after 2100-12-31")
                .contains("nothing was written.");
        assertThat(output).doesNotExist();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aScheduleOfAnotherPlanIsBadInputNamingWhatItDoesNotKnow() throws IOException {
        Path schedule = write("schedule.json", SCHEDULE.replace("\"room\": \"hall\", \"day\": \"SAT\"",
                "\"room\": \"attic\", \"day\": \"SAT\""));
        Path plan = write("plan.json", PLAN);

        assertThat(run("next-week", schedule.toString(), plan.toString())).isEqualTo(Main.BAD_INPUT);

        assertThat(stderr()).contains(schedule + ": sessions[1].room: unknown room \"attic\"")
                .contains("1 error(s) in the schedule: nothing was written.");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void missingAndMalformedFilesAreOneLineEach() throws IOException {
        Path plan = write("plan.json", PLAN);
        Path broken = write("broken.json", "{\"sessions\": [");

        assertThat(run("next-week", folder.resolve("nowhere.json").toString(), plan.toString()))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("error: no such file: " + folder.resolve("nowhere.json")
                + System.lineSeparator());

        clearStderr();
        assertThat(run("next-week", broken.toString(), plan.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).startsWith("error: " + broken + " is not a JSON schedule (malformed at line 1");
    }
}
