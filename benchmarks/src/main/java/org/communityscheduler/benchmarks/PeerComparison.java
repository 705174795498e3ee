package org.communityscheduler.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;

import com.google.ortools.sat.CpSolverStatus;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.solve.SolverConfigs;

/**
 * The CP-SAT peer beside the shipped engine: for each week, the time to a complete placement (every
 * placeable session placed, no hard rule broken) by OR-Tools CP-SAT ({@link CpSatPlacement}, hard rules
 * only) and by {@code SchedulingEngine.shipped()}, one after the other, each with the same time limit.
 * CP-SAT's answer is scored by the real constraints, so its soft score shows what ignoring the wishes costs.
 */
public final class PeerComparison {

    public static final String MARKDOWN = "peer.md";

    /**
     * One week, both solvers; times in milliseconds from the start of solving (CP-SAT's includes building its
     * model), null when never complete.
     */
    public record Row(String week, int sessions, long placeable, int candidates, int variables, int constraints,
            long cpSatBuildMillis, Long cpSatCompleteMillis, long cpSatMillis, CpSolverStatus cpSatStatus,
            HardMediumSoftLongScore cpSatScore, long cpSatPeakMegabytes, Long timefoldCompleteMillis,
            long timefoldMillis, HardMediumSoftLongScore timefoldScore) {
    }

    /** Everything one peer run found. */
    public record Results(LocalDate date, Machine machine, String loadBefore, String loadAfter, Duration timeLimit,
            int workers, List<Row> rows) {
    }

    /** A week both solvers get: a generated one, or an ITC2007 instance. */
    public record Week(String name, Supplier<Plan> plan) {

        public static Week of(Dataset dataset) {
            return new Week(dataset.name(), () -> dataset.generate().plan());
        }

        public static Week itc2007(Path file) {
            return new Week(file.getFileName().toString().replaceFirst("\\.ctt$", ""), () -> Itc2007.readPlan(file));
        }
    }

    private PeerComparison() {
    }

    public static Results run(List<Week> weeks, Duration timeLimit, PrintStream progress) {
        String loadBefore = Machine.loadAverage();
        Machine machine = Machine.current();
        progress.println("Machine: " + machine.describe() + "; load average " + loadBefore);
        CpSatPlacement.Options options = CpSatPlacement.Options.of(timeLimit);
        progress.printf(Locale.ROOT, "Warming up (CP-SAT's native library, both solvers on S for a few seconds)%n");
        warmUp(timeLimit);
        List<Row> rows = new ArrayList<>();
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            for (Week week : weeks) {
                Row row = measure(week, options, engine, timeLimit);
                progress.printf(Locale.ROOT, "  %s: CP-SAT complete %s (%s), Timefold complete %s%n", week.name(),
                        ResultFiles.time(row.cpSatCompleteMillis()), row.cpSatStatus(),
                        ResultFiles.time(row.timefoldCompleteMillis()));
                rows.add(row);
            }
        }
        return new Results(LocalDate.now(), machine, loadBefore, Machine.loadAverage(), timeLimit, options.workers(),
                rows);
    }

    private static void warmUp(Duration timeLimit) {
        Dataset small = new Dataset(org.communityscheduler.data.InstanceSize.S, Dataset.DEFAULT_SEED);
        Duration brief = timeLimit.compareTo(Duration.ofSeconds(5)) < 0 ? timeLimit : Duration.ofSeconds(5);
        CpSatPlacement.placeAll(ModelBuilder.build(small.generate().plan()), CpSatPlacement.Options.of(brief), () -> false);
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            engine.solve(ModelBuilder.build(small.generate().plan()), brief, best -> {
            });
        }
    }

    static Row measure(Week given, CpSatPlacement.Options options, SchedulingEngine engine, Duration timeLimit) {
        WeeklySchedule week = ModelBuilder.build(given.plan().get());
        long placeable = week.getSessions().stream().filter(Session::isPlaceable).count();
        long residentBefore = residentMegabytes();
        AtomicLong peak = new AtomicLong(residentBefore);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "peer-memory");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(residentMegabytes(), Math::max), 0, 50,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        CpSatPlacement.Result cpSat;
        try {
            cpSat = CpSatPlacement.placeAll(week, options, () -> false);
        } finally {
            sampler.shutdownNow();
        }
        long cpSatMillis = (System.nanoTime() - started) / 1_000_000;
        for (CpSatPlacement.Placement placement : cpSat.placements()) {
            placement.session().setStart(WeekTime.boxed(placement.start()));
            placement.session().setRoom(placement.room());
        }
        HardMediumSoftLongScore cpSatScore = SolutionManager.<WeeklySchedule, HardMediumSoftLongScore> create(
                SolverFactory.create(SolverConfigs.base())).update(week);

        SchedulingEngine.SolveRun timefold = engine.solve(ModelBuilder.build(given.plan().get()), timeLimit,
                best -> {
                });
        return new Row(given.name(), week.getSessions().size(), placeable, cpSat.candidates(), cpSat.variables(),
                cpSat.constraints(), cpSat.buildMillis(), cpSat.completeMillis(), cpSatMillis, cpSat.status(), cpSatScore,
                Math.max(0, peak.get() - residentBefore),
                timefold.timeToAllPlaced() == null ? null : timefold.timeToAllPlaced().toMillis(),
                timefold.solvingTime().toMillis(), timefold.best().getScore());
    }

    /** The process's resident memory (Java heap and CP-SAT's native memory together), from /proc. */
    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    public static Path write(Results results, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKDOWN), markdown(results), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("peer.csv"), csv(results), StandardCharsets.UTF_8);
            return directory.resolve(MARKDOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the peer results to " + directory, e);
        }
    }

    static String markdown(Results results) {
        StringBuilder md = new StringBuilder();
        md.append("# CP-SAT peer, ").append(results.date()).append("\n\n");
        md.append(ResultFiles.conditions(results.machine(), results.loadBefore(), results.loadAfter()));
        md.append(String.format(Locale.ROOT, "Each solver once per week, at most %s each; CP-SAT with %d worker(s). "
                + "**complete**: the first answer with every placeable session placed and no hard rule broken, in "
                + "seconds from the start of solving (CP-SAT's includes building its model, **model**). CP-SAT "
                + "models the hard rules only; its answer is scored by the real constraints. **memory**: the "
                + "process's peak resident memory during CP-SAT's solve, less what it was before.%n%n",
                ResultFiles.time(results.timeLimit().toMillis()), results.workers()));
        md.append("| week | sessions | CP-SAT complete | Timefold (shipped) complete | CP-SAT model | "
                + "candidates / variables / constraints | CP-SAT status | CP-SAT score | Timefold score at the end "
                + "| memory |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : results.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %,d / %,d / %,d | %s | %s | %s | %,d MB |%n",
                    row.week(), row.sessions(), ResultFiles.time(row.cpSatCompleteMillis()),
                    ResultFiles.time(row.timefoldCompleteMillis()), ResultFiles.time(row.cpSatBuildMillis()),
                    row.candidates(),
                    row.variables(), row.constraints(), row.cpSatStatus(), row.cpSatScore(), row.timefoldScore(),
                    row.cpSatPeakMegabytes()));
        }
        return md.toString();
    }

    static String csv(Results results) {
        StringBuilder csv = new StringBuilder("week,sessions,placeable,candidates,variables,constraints,"
                + "cpsat_build_ms,cpsat_complete_ms,cpsat_ms,cpsat_status,cpsat_score,cpsat_peak_mb,"
                + "timefold_complete_ms,timefold_ms,timefold_score\n");
        for (Row row : results.rows()) {
            csv.append(String.join(",", row.week(), Integer.toString(row.sessions()),
                    Long.toString(row.placeable()), Integer.toString(row.candidates()),
                    Integer.toString(row.variables()), Integer.toString(row.constraints()),
                    Long.toString(row.cpSatBuildMillis()), text(row.cpSatCompleteMillis()),
                    Long.toString(row.cpSatMillis()), row.cpSatStatus().name(), row.cpSatScore().toString(),
                    Long.toString(row.cpSatPeakMegabytes()), text(row.timefoldCompleteMillis()),
                    Long.toString(row.timefoldMillis()), row.timefoldScore().toString())).append('\n');
        }
        return csv.toString();
    }

    private static String text(Long millis) {
        return millis == null ? "" : millis.toString();
    }
}
