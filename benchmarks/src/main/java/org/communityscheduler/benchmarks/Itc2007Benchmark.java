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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.data.itc2007.Itc2007Instance;
import org.communityscheduler.data.itc2007.Itc2007Penalty;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Json;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.solve.SchedulingEngine;

/**
 * The shipped solver on ITC2007 track 3 instances ({@code .ctt}), scored as the competition scores
 * them: how many lectures it places, how fast every one is placed, and the ITC2007 penalty, next to
 * the best known penalties of the literature. {@code ./scheduler benchmark --itc2007 DIR} runs it.
 */
public final class Itc2007Benchmark {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    public static final int DEFAULT_RUNS = 3;
    public static final String MARKDOWN = "itc2007.md";
    public static final String CSV = "itc2007.csv";

    /**
     * Best known UD2 penalties of the 21 competition instances (Bettinelli, Cacchiani, Roberti and Toth,
     * "An overview of curriculum-based course timetabling", TOP 23, 2015); most are proven optimal.
     */
    static final Map<String, Integer> BEST_KNOWN = Map.ofEntries(Map.entry("comp01", 5), Map.entry("comp02", 24),
            Map.entry("comp03", 64), Map.entry("comp04", 35), Map.entry("comp05", 284), Map.entry("comp06", 27),
            Map.entry("comp07", 6), Map.entry("comp08", 37), Map.entry("comp09", 96), Map.entry("comp10", 4),
            Map.entry("comp11", 0), Map.entry("comp12", 298), Map.entry("comp13", 59), Map.entry("comp14", 51),
            Map.entry("comp15", 64), Map.entry("comp16", 18), Map.entry("comp17", 56), Map.entry("comp18", 61),
            Map.entry("comp19", 57), Map.entry("comp20", 4), Map.entry("comp21", 74));

    /** The {@code .ctt} files of {@code directory} solved {@code runs} times each for {@code timeLimit}. */
    public record Options(Path directory, Duration timeLimit, int runs, Path output) {
        public Options {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
            }
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("the time per run must be longer than zero");
            }
        }
    }

    /**
     * One solve: lectures placed, the engine's score, the ITC2007 evaluation, and when every lecture
     * was first placed (null when never).
     */
    public record Run(String instance, int run, int lectures, int placed, String score, long ourSoft,
            Itc2007Penalty penalty, Long completeMillis, long solvingMillis) {

        /** ITC2007's hard violations other than missing lectures: conflicts, room occupancy, availability. */
        public int hardViolations() {
            return penalty.conflicts() + penalty.roomOccupancy() + penalty.availability();
        }
    }

    /** An instance's runs; the tables show their medians. */
    public record Instance(String file, String name, int lectures, List<Run> runs) {

        public int placed() {
            return median(runs, Run::placed);
        }

        public int hardViolations() {
            return median(runs, Run::hardViolations);
        }

        public long ourSoft() {
            return median(runs, Run::ourSoft);
        }

        public int penalty() {
            return median(runs, run -> run.penalty().soft());
        }

        /** The median time to complete, counting "never" as longer than any time. */
        public Long completeMillis() {
            List<Long> times = runs.stream().map(Run::completeMillis)
                    .sorted(Comparator.nullsLast(Comparator.naturalOrder())).toList();
            return times.get((times.size() - 1) / 2);
        }

        private static <T extends Comparable<T>> T median(List<Run> runs, Function<Run, T> value) {
            List<T> sorted = runs.stream().map(value).sorted().toList();
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    public record Results(LocalDate date, Machine machine, String loadBefore, String loadAfter, Options options,
            List<Instance> instances) {
    }

    private Itc2007Benchmark() {
    }

    /** The {@code .ctt} files of a folder, by name; none is bad input. */
    public static List<Path> instanceFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no such folder: " + directory);
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> ctt = files.filter(file -> file.getFileName().toString().endsWith(".ctt")).sorted().toList();
            if (ctt.isEmpty()) {
                throw new IllegalArgumentException("no .ctt files in " + directory);
            }
            return ctt;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    public static Results run(Options options, PrintStream progress) {
        List<Path> files = instanceFiles(options.directory());
        // Every file is read first, so a bad one stops the benchmark before any solving time is spent.
        List<Itc2007Instance> instances = files.stream().map(Itc2007::read).toList();
        String loadBefore = Machine.loadAverage();
        Machine machine = Machine.current();
        progress.println("Machine: " + machine.describe() + "; load average " + loadBefore);
        List<Instance> results = new ArrayList<>();
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            for (int i = 0; i < files.size(); i++) {
                String file = files.get(i).getFileName().toString().replaceFirst("\\.ctt$", "");
                Itc2007Instance instance = instances.get(i);
                List<Run> runs = new ArrayList<>();
                for (int run = 1; run <= options.runs(); run++) {
                    Run result = solve(engine, file, instance, run, options.timeLimit());
                    progress.printf(Locale.ROOT, "%s run %d: %d of %d lectures placed%s, ITC2007 %s%n", file, run,
                            result.placed(), result.lectures(), result.completeMillis() == null ? ""
                                    : " (all after " + ResultFiles.seconds(result.completeMillis()) + ")",
                            result.penalty());
                    runs.add(result);
                }
                results.add(new Instance(file, instance.name(), instance.lectures(), runs));
            }
        }
        return new Results(LocalDate.now(), machine, loadBefore, Machine.loadAverage(), options, results);
    }

    /** One solve along the path the solve command takes: plan JSON, reader, model, shipped engine. */
    static Run solve(SchedulingEngine engine, String file, Itc2007Instance instance, int run, Duration timeLimit) {
        WeeklySchedule week = PlanIntake.read(Json.write(Itc2007.plan(instance)).getBytes(StandardCharsets.UTF_8), PlanLimits.NONE).model();
        SchedulingEngine.SolveRun solved = engine.solve(week, timeLimit, best -> {
        });
        Schedule schedule = engine.describe(solved.best(), false);
        return new Run(file, run, instance.lectures(), schedule.placedCount(), schedule.score(),
                solved.best().getScore().softScore(), Itc2007Penalty.of(instance, schedule),
                solved.timeToAllPlaced() == null ? null : solved.timeToAllPlaced().toMillis(),
                solved.solvingTime().toMillis());
    }

    /** Writes {@value #MARKDOWN} (medians) and {@value #CSV} (every run) to {@code directory}. */
    public static Path write(Results results, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKDOWN), markdown(results), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(CSV), csv(results), StandardCharsets.UTF_8);
            return directory.resolve(MARKDOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results to " + directory, e);
        }
    }

    static String markdown(Results results) {
        Options options = results.options();
        StringBuilder md = new StringBuilder();
        md.append("# ITC2007 track 3, ").append(results.date()).append("\n\n");
        md.append(ResultFiles.conditions(results.machine(), results.loadBefore(), results.loadAfter()));
        md.append(String.format(Locale.ROOT, "The shipped solver, %d run(s) of at most %s per instance, one at a time; "
                + "medians over the runs.%n%n", options.runs(), ResultFiles.seconds(options.timeLimit().toMillis())));
        md.append("- **placed**: lectures placed, of **lectures**;\n");
        md.append("- **hard**: ITC2007 hard violations besides missing lectures (conflicts, room occupancy, "
                + "unavailable periods);\n");
        md.append("- **our soft**: the engine's soft score; the plan states the competition's whole objective, so it is "
                + "the ITC2007 penalty, negated, wherever every lecture is placed without a hard violation;\n");
        md.append("- **ITC2007**: the competition's penalty of the placed lectures (room capacity, minimum working "
                + "days ×5, curriculum compactness ×2, room stability); **best known**: the literature's best;\n");
        md.append("- **complete**: seconds until every lecture was placed, or never.\n\n");
        md.append("| instance | name | lectures | placed | hard | our soft | ITC2007 | best known | complete |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Instance instance : results.instances()) {
            Integer best = BEST_KNOWN.get(instance.file());
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %s | %s |%n", instance.file(),
                    instance.name(), instance.lectures(), instance.placed(), instance.hardViolations(),
                    instance.ourSoft(), instance.penalty(), best == null ? "–" : best.toString(),
                    ResultFiles.time(instance.completeMillis())));
        }
        md.append(String.format(Locale.ROOT, "| **total** | | %d | %d | %d | %d | **%d** | %d | |%n",
                results.instances().stream().mapToInt(Instance::lectures).sum(),
                results.instances().stream().mapToInt(Instance::placed).sum(),
                results.instances().stream().mapToInt(Instance::hardViolations).sum(),
                results.instances().stream().mapToLong(Instance::ourSoft).sum(),
                results.instances().stream().mapToInt(Instance::penalty).sum(),
                results.instances().stream().mapToInt(instance -> BEST_KNOWN.getOrDefault(instance.file(), 0)).sum()));
        return md.toString();
    }

    static String csv(Results results) {
        StringBuilder csv = new StringBuilder("instance,name,run,lectures,placed,hardViolations,lectureViolations,score,"
                + "itc2007Penalty,roomCapacity,minimumWorkingDays,curriculumCompactness,roomStability,bestKnown,"
                + "completeSeconds,solvingSeconds\n");
        for (Instance instance : results.instances()) {
            for (Run run : instance.runs()) {
                Itc2007Penalty penalty = run.penalty();
                Integer best = BEST_KNOWN.get(instance.file());
                csv.append(String.join(",", instance.file(), instance.name(), Integer.toString(run.run()),
                        Integer.toString(run.lectures()), Integer.toString(run.placed()),
                        Integer.toString(run.hardViolations()), Integer.toString(penalty.lectures()), run.score(),
                        Integer.toString(penalty.soft()), Integer.toString(penalty.roomCapacity()),
                        Integer.toString(penalty.minimumWorkingDays()), Integer.toString(penalty.curriculumCompactness()),
                        Integer.toString(penalty.roomStability()), best == null ? "" : best.toString(),
                        run.completeMillis() == null ? "" : String.format(Locale.ROOT, "%.3f", run.completeMillis() / 1000.0),
                        String.format(Locale.ROOT, "%.3f", run.solvingMillis() / 1000.0))).append('\n');
            }
        }
        return csv.toString();
    }
}
