package org.communityscheduler.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.WeeklySchedule;

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

    @Parameters(paramLabel = "PLAN", description = "The plan's JSON file or workbook (.xlsx).")
    String file;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        PlanIntake reading = PlanInput.readValid(file, out, err, "the plan is not valid.");
        if (reading == null) {
            return Main.BAD_INPUT;
        }
        WeeklySchedule week = reading.model();
        week.getDiagnostics().forEach(out::println);
        out.println("The plan is valid: " + count(week.getSessions().size(), "session") + " of "
                + count(week.getActivities().size(), "activity") + ", " + count(week.getRooms().size(), "room") + ", "
                + count(week.getWorkers().size(), "worker") + ".");
        return Main.OK;
    }

    private static String count(int n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
