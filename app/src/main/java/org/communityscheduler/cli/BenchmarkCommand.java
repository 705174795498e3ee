package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.communityscheduler.benchmarks.BenchmarkOptions;
import org.communityscheduler.benchmarks.Benchmarks;
import org.communityscheduler.benchmarks.Configurations;
import org.communityscheduler.benchmarks.Dataset;
import org.communityscheduler.benchmarks.Itc2007Benchmark;
import org.communityscheduler.benchmarks.Machine;
import org.communityscheduler.benchmarks.ModelCost;
import org.communityscheduler.benchmarks.MoveSpeed;
import org.communityscheduler.benchmarks.PeerComparison;
import org.communityscheduler.benchmarks.ResultFiles;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./scheduler benchmark [--quick | --peer] [--sizes S,M-tight,course-M] [--configs shipped,default,...]
 * [--time 60s] [--runs 3] [--warm-up 30s] [--scaling S,M,L,XL|none] [--seed 1] [--output DIR] [--report DIR]}, or
 * {@code ./scheduler benchmark --itc2007 DIR [--time 10s] [--runs 3] [--output DIR]};
 * {@code ./scheduler benchmark --model-cost [--sizes XL,CITY] [--itc2007 DIR] [--output DIR]};
 * {@code ./scheduler benchmark --move-speed [--sizes M,course-M] [--itc2007 DIR] [--output DIR]}.
 * Progress on stderr, the results tables on stdout, the files in the output folder. {@code --peer} puts
 * OR-Tools CP-SAT beside the shipped engine instead (peer.md, peer.csv).
 */
@Command(name = "benchmark", description = { "Solver configurations compared on generated weeks.",
        "The Timefold Benchmarker against the baselines and the planted optimum; tables on stdout, files in the"
                + " output folder.",
        "--peer: OR-Tools CP-SAT beside the shipped engine, the time to a complete placement on each of --sizes (and"
                + " with --itc2007 DIR each instance there) within --time (peer.md, peer.csv).",
        "--itc2007 DIR alone: the shipped solver on each ITC2007 track 3 instance in DIR (its .ctt files), scored as"
                + " the competition scores them (with --time, --runs, --output only; itc2007.md, itc2007.csv).",
        "--model-cost: what validating and building the model costs, no solving (with --sizes, --seed, --itc2007,"
                + " --output only).",
        "--move-speed: moves the constraints score per second of CPU time, from complete weeks (with --sizes, --seed,"
                + " --itc2007, --output only; move-speed.md)." })
final class BenchmarkCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "A short comparison: S, shipped,default,greedy, 5s, one run, no warm-up.")
    boolean quick;

    @Option(names = "--peer", description = "OR-Tools CP-SAT beside the shipped engine.")
    boolean peer;

    @Option(names = "--model-cost", description = "Measure building the model; no solving.")
    boolean modelCost;

    @Option(names = "--move-speed", description = "Measure moves per second of CPU time, which other work on the machine does not change.")
    boolean moveSpeed;

    @Option(names = "--itc2007", paramLabel = "DIR", description = "A folder of ITC2007 track 3 instances (.ctt).")
    Path itc2007;

    @Option(names = "--sizes", paramLabel = "WEEKS", description = "Weeks such as S,M-tight,course-M (S,M,L).")
    String sizes;

    @Option(names = "--configs", paramLabel = "NAMES", description = "Configurations by name: shipped,default,greedy,tabu,... (all eight).")
    String configs;

    @Option(names = "--time", paramLabel = "TIME", description = "Time limit per solve (60s; 10s with --itc2007).")
    String time;

    @Option(names = "--runs", paramLabel = "N", description = "Runs of each (3).")
    Integer runs;

    @Option(names = "--warm-up", paramLabel = "TIME", description = "The JIT's warm-up before measuring (30s; 0 for none).")
    String warmUp;

    @Option(names = "--scaling", paramLabel = "SIZES|none", description = "Weeks for the scaling table (the --sizes).")
    String scaling;

    @Option(names = "--seed", paramLabel = "N", description = "The generator's seed (1).")
    Long seed;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the results go (local/benchmarks).")
    Path output;

    @Option(names = "--report", paramLabel = "DIR", description = "Where the Benchmarker's HTML report goes (local/benchmark-report).")
    Path report;

    @Option(names = "--verbose", description = "The solver's log on stderr.")
    boolean verbose;

    BenchmarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (modelCost) {
            return modelCost();
        }
        if (moveSpeed) {
            return moveSpeed();
        }
        if (itc2007 != null && !peer) {
            return itc2007();
        }
        Logging.configure(verbose);
        BenchmarkOptions options = options();
        if (peer) {
            List<PeerComparison.Week> weeks = new ArrayList<>(options.datasets().stream().map(PeerComparison.Week::of).toList());
            if (itc2007 != null) {
                Itc2007Benchmark.instanceFiles(itc2007).stream()
                        .map(PeerComparison.Week::itc2007).forEach(weeks::add);
            }
            return peer(weeks, options);
        }

        Benchmarks.Results results = Benchmarks.run(options, err);
        Path markdown = ResultFiles.write(results, options.output());
        return printed(markdown, options.output());
    }

    /** {@code --itc2007 DIR [--time 10s] [--runs 3] [--output DIR]}: the shipped solver on ITC2007 track 3. */
    private int itc2007() {
        Itc2007Benchmark.Options options = itc2007Options();
        Logging.configure(verbose);
        Itc2007Benchmark.Results results;
        try {
            results = Itc2007Benchmark.run(options, err);
        } catch (InvalidPlanException e) {
            Language language = Language.fromEnvironment();
            e.problems().forEach(problem -> err.println(problem.path() + ": " + problem.message(language)));
            err.println(Text.of("cli.errorCount", e.problems().size(), Text.of("cli.nothingSolved")).in(language));
            return Main.BAD_INPUT;
        }
        Path markdown = Itc2007Benchmark.write(results, options.output());
        return printed(markdown, options.output());
    }

    /**
     * {@code --model-cost [--sizes XL,CITY] [--itc2007 DIR] [--output DIR]}: what validating and building the model
     * costs against a plan's candidate placements; no solving.
     */
    private int modelCost() {
        allowing("--model-cost", "--model-cost", "--sizes", "--seed", "--itc2007", "--output", "--verbose");
        Logging.configure(verbose);
        List<Dataset> datasets = Dataset.parse(sizes != null ? sizes : "S,M,L,XL,CITY",
                seed != null ? seed : Dataset.DEFAULT_SEED);
        List<Path> itc2007 = this.itc2007 != null ? Itc2007Benchmark.instanceFiles(this.itc2007) : List.of();
        Path output = this.output != null ? this.output : BenchmarkOptions.DEFAULT_OUTPUT;
        String loadBefore = Machine.loadAverage();
        List<ModelCost.Row> rows = ModelCost.measure(datasets, itc2007, err);
        Path markdown = ModelCost.write(rows, Machine.current(), loadBefore, Machine.loadAverage(), output);
        return printed(markdown, output);
    }

    /**
     * {@code --move-speed [--sizes M,course-M] [--itc2007 DIR] [--output DIR]}: how many moves the constraints
     * score per second of a thread's CPU time, from complete weeks.
     */
    private int moveSpeed() {
        allowing("--move-speed", "--move-speed", "--sizes", "--seed", "--itc2007", "--output", "--verbose");
        Logging.configure(verbose);
        List<Dataset> datasets = Dataset.parse(sizes != null ? sizes : "M,course-M,enrolment-M,M-tight",
                seed != null ? seed : Dataset.DEFAULT_SEED);
        List<Path> itc2007 = this.itc2007 != null ? Itc2007Benchmark.instanceFiles(this.itc2007) : List.of();
        Path output = this.output != null ? this.output : BenchmarkOptions.DEFAULT_OUTPUT;
        String loadBefore = Machine.loadAverage();
        List<MoveSpeed.Row> rows = MoveSpeed.measure(datasets, itc2007, MoveSpeed.DEFAULT_MOVES, err);
        Path markdown = MoveSpeed.write(rows, Machine.current(), loadBefore, Machine.loadAverage(), output);
        return printed(markdown, output);
    }

    /**
     * {@code --peer}: CP-SAT beside the shipped engine on the {@code --sizes} (and with {@code --itc2007 DIR} the
     * ITC2007 instances too), each for at most {@code --time}.
     */
    private int peer(List<PeerComparison.Week> weeks, BenchmarkOptions options) {
        PeerComparison.Results results = PeerComparison.run(weeks, options.timeLimit(), err);
        Path markdown = PeerComparison.write(results, options.output());
        return printed(markdown, options.output());
    }

    /** Refuses options the mode does not read, so a typo or a misplaced option is never silently ignored. */
    private void allowing(String mode, String... options) {
        Set<String> known = Set.of(options);
        for (OptionSpec given : spec.commandLine().getParseResult().matchedOptions()) {
            if (!known.contains(given.longestName())) {
                throw new TextException("cli.doesNotGoWith", given.longestName(), mode);
            }
        }
    }

    Itc2007Benchmark.Options itc2007Options() {
        allowing("--itc2007", "--itc2007", "--time", "--runs", "--output", "--verbose");
        return new Itc2007Benchmark.Options(itc2007,
                TimeLimit.parse(time != null ? time : TimeLimit.format(Itc2007Benchmark.DEFAULT_TIME_LIMIT)),
                runs != null ? runs : Itc2007Benchmark.DEFAULT_RUNS,
                output != null ? output : BenchmarkOptions.DEFAULT_OUTPUT);
    }

    BenchmarkOptions options() {
        BenchmarkOptions options = quick ? BenchmarkOptions.quick() : BenchmarkOptions.standard();
        long seed = this.seed != null ? this.seed : Dataset.DEFAULT_SEED;
        if (sizes != null || this.seed != null) {
            List<Dataset> datasets = Dataset.parse(sizes != null ? sizes
                    : String.join(",", options.datasets().stream().map(Dataset::week).toList()), seed);
            options = options.withDatasets(datasets).withScalingDatasets(datasets);
        }
        if (scaling != null) {
            options = options.withScalingDatasets(scaling.equalsIgnoreCase("none") ? List.of()
                    : Dataset.parse(scaling, seed));
        }
        if (configs != null) {
            options = options.withConfigurations(Configurations.parse(configs));
        }
        if (time != null) {
            options = options.withTimeLimit(TimeLimit.parse(time));
        }
        if (warmUp != null) {
            options = options.withWarmUp(warmUp.strip().equals("0") ? java.time.Duration.ZERO : TimeLimit.parse(warmUp));
        }
        if (runs != null) {
            options = options.withRuns(runs);
        }
        if (output != null) {
            options = options.withOutput(output);
        }
        if (report != null) {
            options = options.withReport(report);
        }
        return options;
    }

    /** Says where the files went and prints the tables. */
    private int printed(Path markdown, Path output) {
        err.println(Text.of("cli.resultsWritten", output.toAbsolutePath().toString()).in(Language.fromEnvironment()));
        try {
            out.print(Files.readString(markdown, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.OK;
    }
}
