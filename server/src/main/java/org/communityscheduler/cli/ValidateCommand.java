package org.communityscheduler.cli;

import java.io.PrintStream;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.WeeklySchedule;

/** {@code ./scheduler validate PLAN}: every error and diagnostic, nothing solved. */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments arguments) {
        arguments.allowing();
        if (arguments.positional().size() != 1) {
            throw new IllegalArgumentException("validate needs one PLAN file");
        }
        PlanIntake reading = PlanInput.read(arguments.positional().get(0), err);
        if (reading == null) {
            return Main.BAD_INPUT;
        }
        if (!reading.isValid()) {
            PlanInput.report(reading, out);
            out.println(reading.problems().size() + " error(s): the plan is not valid.");
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
