package org.communityscheduler.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.solve.SolverConfigs;

/**
 * How fast the constraints score a move, measured so that other work on the machine does not count: the moves
 * one solving thread evaluates per second of its own CPU time. From a complete week (a generated week's planted
 * schedule; an ITC2007 instance as the shipped chains place it), Timefold's late acceptance with its default moves
 * (a session's start or room changed, two sessions swapped) for a fixed number of moves: one round to warm up,
 * then three, of which the median counts. What the engine's own moves and chains cost on top is not in it; a
 * solve's log says that, in wall-clock time.
 */
public final class MoveSpeed {

    public static final String MARKDOWN = "move-speed.md";
    public static final long DEFAULT_MOVES = 100_000;
    private static final int ROUNDS = 3;
    private static final long SEED = 1;

    /** One week: its sessions, and the moves per CPU second of each measured round, the median first. */
    public record Row(String week, int sessions, long moves, long median, long[] rounds) {
    }

    private MoveSpeed() {
    }

    /** The weeks, then the ITC2007 instances, {@code moves} moves a round. */
    public static List<Row> measure(List<Dataset> datasets, List<Path> itc2007, long moves, PrintStream progress) {
        List<Row> rows = new ArrayList<>();
        for (Dataset dataset : datasets) {
            GeneratedInstance instance = dataset.generate();
            rows.add(report(progress, measure(dataset.name(), () -> planted(instance), moves)));
        }
        for (Path file : itc2007) {
            Plan plan = Itc2007.readPlan(file);
            rows.add(report(progress, measure(file.getFileName().toString(), () -> placed(ModelBuilder.build(plan)), moves)));
        }
        return rows;
    }

    private static Row measure(String name, Supplier<WeeklySchedule> week, long moves) {
        long[] rounds = new long[ROUNDS];
        WeeklySchedule first = week.get();
        int sessions = first.getSessions().size();
        run(first, moves);
        for (int round = 0; round < ROUNDS; round++) {
            rounds[round] = run(week.get(), moves);
        }
        long[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return new Row(name, sessions, moves, sorted[ROUNDS / 2], rounds);
    }

    /** Moves per second of this thread's CPU time (the solve runs on the calling thread). */
    private static long run(WeeklySchedule week, long moves) {
        SolverConfig config = SolverConfigs.base()
                .withRandomSeed(SEED)
                .withPhases(new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)))
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(moves));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        SolverFactory.<WeeklySchedule>create(config).buildSolver().solve(week);
        long nanos = Math.max(1, threads.getCurrentThreadCpuTime() - before);
        return Math.round(moves * 1e9 / nanos);
    }

    private static WeeklySchedule planted(GeneratedInstance instance) {
        WeeklySchedule week = ModelBuilder.build(instance.plan());
        List<?> problems = Assignments.apply(week, instance.planted().sessions(), "sessions");
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the planted schedule does not fit its plan: " + problems);
        }
        return week;
    }

    /** The week as the shipped solver's placing phases leave it. */
    private static WeeklySchedule placed(WeeklySchedule week) {
        SolverConfig config = SolverConfigs.base().withRandomSeed(SEED)
                .withPhases(SolverConfigs.placing().toArray(new PhaseConfig[0]));
        return SolverFactory.<WeeklySchedule>create(config).buildSolver().solve(week);
    }

    private static Row report(PrintStream progress, Row row) {
        progress.printf(Locale.ROOT, "%s: %,d moves per CPU second (rounds %s)%n", row.week(), row.median(),
                Arrays.toString(row.rounds()));
        return row;
    }

    public static String markdown(List<Row> rows, Machine machine, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder("# Move evaluation speed, per second of CPU time\n\n");
        md.append(ResultFiles.conditions(machine, loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "%nOne solving thread, Timefold's late acceptance with its default moves "
                + "from a complete week (generated weeks: their planted schedule; ITC2007: as the shipped chains place "
                + "it), %,d moves a round, one round to warm up and three measured; the median, in moves per second of "
                + "the thread's own CPU time, so that other work on the machine does not count.%n%n",
                rows.isEmpty() ? DEFAULT_MOVES : rows.get(0).moves()));
        md.append("| week | sessions | moves per CPU second (median) | rounds |\n|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s |%n", row.week(), row.sessions(), row.median(),
                    String.join(", ", Arrays.stream(row.rounds()).mapToObj(r -> String.format(Locale.ROOT, "%,d", r)).toList())));
        }
        return md.toString();
    }

    public static Path write(List<Row> rows, Machine machine, String loadBefore, String loadAfter, Path directory) {
        return ResultFiles.writeMarkdown(directory, MARKDOWN, markdown(rows, machine, loadBefore, loadAfter));
    }
}
