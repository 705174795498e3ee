package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.NextWeek;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./scheduler next-week SCHEDULE.json PLAN.json [--output FILE]}: next week's plan from this week's. */
@Command(name = "next-week", description = { "Next week's plan from this week's schedule and plan.",
        "The week a week later, this week's placements as previous (so Disruption keeps it steady), pins kept;",
        "on stdout or to FILE. Exit 0, 2 bad input." })
final class NextWeekCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private Language language;

    @Mixin
    HelpOption help;

    @Mixin
    LanguageOption languageOption;

    @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "This week's schedule (solve --output).")
    Path scheduleFile;

    @Parameters(index = "1", paramLabel = "PLAN.json", description = "This week's plan.")
    String planFile;

    @Option(names = "--output", paramLabel = "FILE", description = "Write next week's plan to FILE instead of stdout.")
    Path output;

    NextWeekCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        language = languageOption.language();
        PlanIntake intake = PlanInput.readValid(planFile, err, err, Text.of("nextWeek.nothingWritten"), language);
        JsonNode schedule = PlanInput.readSchedule(scheduleFile, err, language);
        if (intake == null || schedule == null) {
            return Main.BAD_INPUT;
        }
        Plan next;
        try {
            next = NextWeek.of(intake.plan(), schedule);
        } catch (InvalidPlanException e) {
            e.problems().forEach(problem -> err.println(scheduleFile + ": " + problem.path() + ": "
                    + problem.message(language)));
            err.println(say(Text.of("nextWeek.scheduleProblems", String.valueOf(e.problems().size()))));
            return Main.BAD_INPUT;
        } catch (NextWeek.PastLastDate e) {
            err.println(planFile + ": " + e.problem().path() + ": " + e.problem().message(language));
            err.println(say(Text.of("nextWeek.nothingWritten")));
            return Main.BAD_INPUT;
        }
        String json = Json.write(next);
        Text week = next.week().startDate() == null ? Text.of("nextWeek.abstractWeek")
                : Text.of("nextWeek.weekOf", next.week().startDate().toString());
        Text summary = Text.of("nextWeek.summary", week, String.valueOf(next.previous().size()),
                String.valueOf(next.pinned().size()));
        if (output == null) {
            out.print(json);
            err.println(say(summary));
            return Main.OK;
        }
        try {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(say(Text.of("nextWeek.cannotWrite", output.toString(), String.valueOf(e.getMessage()))));
            return Main.BAD_INPUT;
        }
        err.println(say(summary) + " " + say(Text.of("nextWeek.writtenTo", output.toString())));
        return Main.OK;
    }

    private String say(Text text) {
        return text.in(language);
    }
}
