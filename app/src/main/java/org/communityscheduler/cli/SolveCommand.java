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
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;
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

    @Mixin
    LanguageOption language;

    SolveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        // Before anything that logs: slf4j-simple reads its level once.
        Logging.configure(verbose);
        Language language = this.language.language();
        int threads = this.threads != null ? this.threads : SchedulingEngine.availableCores();
        if (threads < 1) {
            throw new TextException("cli.threadsAtLeastOne", threads);
        }
        Duration timeLimit = TimeLimit.parse(this.timeLimit);

        PlanIntake reading = PlanInput.readValid(file, err, err, Text.of("cli.nothingSolved"), language);
        if (reading == null) {
            return Main.BAD_INPUT;
        }
        WeeklySchedule week = reading.model();
        week.getDiagnostics().forEach(diagnostic -> err.println(PlanInput.line(diagnostic, language)));
        err.println(Text.of("cli.solving", reading.plan().name(), week.getSessions().size(), week.getRooms().size(),
                TimeLimit.format(timeLimit), threads).in(language));

        Schedule schedule;
        try (SchedulingEngine engine = SchedulingEngine.shipped(threads)) {
            long started = System.nanoTime();
            SchedulingEngine.SolveRun run = engine.solve(week, timeLimit, best -> err.println(Text.of("cli.progress",
                    seconds(System.nanoTime() - started, "%6.1f"), best.getScore().toString(), best.assignedCount(),
                    best.getSessions().size()).in(language)));
            String solvingTime = seconds(run.solvingTime().toNanos(), "%.1f");
            err.println((run.timeToFeasible() == null
                    ? Text.of("cli.solvedNeverFeasible", solvingTime, run.moveEvaluationSpeed())
                    : Text.of("cli.solvedFeasible", solvingTime, run.moveEvaluationSpeed(),
                            seconds(run.timeToFeasible().toNanos(), "%.1f"))).in(language));
            long describing = System.nanoTime();
            err.println(Text.of("cli.explaining").in(language));
            schedule = engine.describe(run.best(), false);
            err.println(Text.of("cli.scheduleReady", seconds(System.nanoTime() - describing, "%.1f")).in(language));
        }
        if (output != null) {
            try {
                if (PlanWorkbook.isWorkbook(output.toString())) {
                    Files.write(output, ScheduleWorkbook.write(reading.plan(), schedule, language));
                } else {
                    Files.writeString(output, Json.write(schedule, language), StandardCharsets.UTF_8);
                }
                err.println(Text.of("cli.scheduleWritten", output.toString()).in(language));
            } catch (IOException e) {
                err.println(Text.of("cli.error", Text.of("cli.cannotWrite", output.toString(),
                        String.valueOf(e.getMessage()))).in(language));
                return Main.BAD_INPUT;
            }
        }
        out.print(ScheduleText.render(schedule, reading.plan(), language));
        return schedule.feasible() ? Main.OK : Main.HARD_RULES_BROKEN;
    }

    /** Nanoseconds as seconds with one decimal, a point in every language. */
    private static String seconds(long nanos, String format) {
        return String.format(Locale.ROOT, format, nanos / 1e9);
    }
}
