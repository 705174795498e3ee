package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.itc2007.Itc2007Solution;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.ScheduleReader;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./scheduler export-itc2007 PLAN.json SCHEDULE.json [--output FILE.sol]}: a schedule of an imported ITC2007
 * plan in the competition's solution format, for the competition's validator.
 */
@Command(name = "export-itc2007", description = { "A schedule of an ITC2007 plan as a competition solution (.sol).",
        "One line per placed lecture (course room day period), on stdout or to FILE. Exit 0, 2 bad input." })
final class ExportItc2007Command implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private Language language;

    @Mixin
    HelpOption help;

    @Mixin
    LanguageOption languageOption;

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan import-itc2007 wrote.")
    String planFile;

    @Parameters(index = "1", paramLabel = "SCHEDULE.json", description = "Its schedule (solve --output).")
    Path scheduleFile;

    @Option(names = "--output", paramLabel = "FILE.sol", description = "Write the solution to FILE.sol instead of stdout.")
    Path output;

    ExportItc2007Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        language = languageOption.language();
        PlanIntake intake = PlanInput.readValid(planFile, err, err, Text.of("cli.nothingWritten"), language);
        JsonNode scheduleJson = PlanInput.readSchedule(scheduleFile, err, language);
        if (intake == null || scheduleJson == null) {
            return Main.BAD_INPUT;
        }
        ScheduleReader.Reading schedule = ScheduleReader.read(scheduleJson, "");
        if (!schedule.isValid()) {
            return scheduleProblems(schedule.problems());
        }
        Plan plan = intake.plan();
        String solution;
        try {
            solution = Itc2007Solution.write(plan, schedule.sessions());
        } catch (InvalidPlanException e) {
            return scheduleProblems(e.problems());
        }
        Object[] summary = { plan.name(), schedule.sessions().size(), String.valueOf(output) };
        if (output == null) {
            out.print(solution);
            err.println(Text.of("cli.itc2007Exported", summary).in(language));
            return Main.OK;
        }
        try {
            Files.writeString(output, solution, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(Text.of("cli.error", Text.of("cli.cannotWrite", output.toString(), String.valueOf(e.getMessage())))
                    .in(language));
            return Main.BAD_INPUT;
        }
        err.println(Text.of("cli.itc2007ExportWritten", summary).in(language));
        return Main.OK;
    }

    /** Every problem of the schedule at its JSON path, then how many; bad input. */
    private int scheduleProblems(List<Problem> problems) {
        problems.forEach(problem -> err.println(scheduleFile + ": " + problem.path() + ": " + problem.message(language)));
        err.println(Text.of("cli.scheduleErrorCount", problems.size(), scheduleFile.toString(),
                Text.of("cli.nothingWritten")).in(language));
        return Main.BAD_INPUT;
    }
}
