package org.communityscheduler.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./scheduler validate PLAN}: every error and diagnostic, nothing solved. */
@Command(name = "validate", description = { "Every error (path: message) and diagnostic of a plan; nothing solved.",
        "Exit 0 valid, 2 invalid." })
final class ValidateCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Mixin
    LanguageOption language;

    @Parameters(paramLabel = "PLAN", description = "The plan's JSON file or workbook (.xlsx).")
    String file;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Language language = this.language.language();
        PlanIntake reading = PlanInput.readValid(file, out, err, Text.of("cli.planNotValid"), language);
        if (reading == null) {
            return Main.BAD_INPUT;
        }
        WeeklySchedule week = reading.model();
        week.getDiagnostics().forEach(diagnostic -> out.println(PlanInput.line(diagnostic, language)));
        out.println(Text.of("cli.planValid", week.getSessions().size(), week.getActivities().size(),
                week.getRooms().size(), week.getWorkers().size()).in(language));
        return Main.OK;
    }
}
