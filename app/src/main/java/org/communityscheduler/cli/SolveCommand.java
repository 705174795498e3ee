package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Json;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.schedule.ScheduleText;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.solve.SolverConfigs;
import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.Language;
import org.communityscheduler.workbook.PlanWorkbook;
import org.communityscheduler.workbook.ScheduleWorkbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./scheduler solve [PLAN] [--time-limit 30s] [--output FILE]}. */
@Command(name = "solve", description = { "Solves a plan: a readable schedule on stdout, progress on stderr.",
        "Without PLAN, the bundled sample. Exit 0 feasible, 1 hard rules still broken, 2 bad input." })
final class SolveCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..1", paramLabel = "PLAN", description = "The plan's JSON file or workbook (.xlsx); the bundled sample without one.")
    String file;

    @Option(names = "--time-limit", paramLabel = "TIME", description = "How long to solve: 30s, 2m, 1h (default ${DEFAULT-VALUE}).")
    String timeLimit = TimeLimit.format(SolverConfigs.DEFAULT_TIME_LIMIT);

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the schedule to FILE: JSON, or a workbook when FILE ends in .xlsx.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to solve on (all of them by default).")
    Integer threads;

    @Option(names = "--verbose", description = "The solver's log on stderr.")
    boolean verbose;

    SolveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        // Before anything that logs: slf4j-simple reads its level once.
        Logging.configure(verbose);
        int threads = this.threads != null ? this.threads : SchedulingEngine.availableCores();
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        Duration timeLimit = TimeLimit.parse(this.timeLimit);

        PlanIntake reading = PlanInput.readValid(file, err, err, "nothing was solved.");
        if (reading == null) {
            return Main.BAD_INPUT;
        }
        WeeklySchedule week = reading.model();
        week.getDiagnostics().forEach(err::println);
        err.printf("Solving %s: %d sessions, %d rooms, time limit %s, %d thread(s)%n", reading.plan().name(),
                week.getSessions().size(), week.getRooms().size(), TimeLimit.format(timeLimit), threads);

        Schedule schedule;
        try (SchedulingEngine engine = SchedulingEngine.shipped(threads)) {
            long started = System.nanoTime();
            SchedulingEngine.SolveRun run = engine.solve(week, timeLimit, best -> err.printf(Locale.ROOT,
                    "  %6.1f s  best %s  (%d of %d placed)%n", (System.nanoTime() - started) / 1e9,
                    best.getScore(), best.assignedCount(), best.getSessions().size()));
            err.printf(Locale.ROOT, "Solved in %.1f s at %,d moves/s%s%n", run.solvingTime().toMillis() / 1000.0,
                    run.moveEvaluationSpeed(), run.timeToFeasible() == null ? "; never feasible"
                            : String.format(Locale.ROOT, "; feasible after %.1f s", run.timeToFeasible().toMillis() / 1000.0));
            long describing = System.nanoTime();
            err.println("Explaining what is left out and scoring each constraint...");
            schedule = engine.describe(run.best(), false);
            err.printf(Locale.ROOT, "Schedule ready %.1f s after solving%n", (System.nanoTime() - describing) / 1e9);
        }
        if (output != null) {
            try {
                if (PlanWorkbook.isWorkbook(output.toString())) {
                    Files.write(output, ScheduleWorkbook.write(reading.plan(), schedule, Language.fromEnvironment()));
                } else {
                    Files.writeString(output, Json.write(schedule), StandardCharsets.UTF_8);
                }
                err.println("Schedule written to " + output);
            } catch (IOException e) {
                err.println("error: cannot write " + output + ": " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        out.print(ScheduleText.render(schedule, reading.plan()));
        return schedule.feasible() ? Main.OK : Main.HARD_RULES_BROKEN;
    }
}
