package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.communityscheduler.benchmarks.BenchmarkOptions;
import org.communityscheduler.benchmarks.Benchmarks;
import org.communityscheduler.benchmarks.Configurations;
import org.communityscheduler.benchmarks.Dataset;
import org.communityscheduler.benchmarks.Itc2007Benchmark;
import org.communityscheduler.benchmarks.Machine;
import org.communityscheduler.benchmarks.ModelCost;
import org.communityscheduler.benchmarks.PeerComparison;
import org.communityscheduler.benchmarks.ResultFiles;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.solve.TimeLimit;

/**
 * {@code ./scheduler benchmark [--quick | --peer] [--sizes S,M-tight,course-M] [--configs shipped,default,...]
 * [--time 60s] [--runs 3] [--warm-up 30s] [--scaling S,M,L,XL|none] [--seed 1] [--output DIR] [--report DIR]}, or
 * {@code ./scheduler benchmark --itc2007 DIR [--time 10s] [--runs 3] [--output DIR]};
 * {@code ./scheduler benchmark --model-cost [--sizes XL,CITY] [--itc2007 DIR] [--output DIR]}.
 * Progress on stderr, the results tables on stdout, the files in the output folder. {@code --peer} puts
 * OR-Tools CP-SAT beside the shipped engine instead (peer.md, peer.csv).
 */
final class BenchmarkCommand {

    private final PrintStream out;
    private final PrintStream err;

    BenchmarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments arguments) {
        if (arguments.flag("model-cost")) {
            return modelCost(arguments);
        }
        if (arguments.options().containsKey("itc2007") && !arguments.flag("peer")) {
            return itc2007(arguments);
        }
        arguments.allowing("quick", "peer", "itc2007", "sizes", "configs", "time", "runs", "warm-up", "scaling", "seed", "output",
                "report", "verbose");
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("benchmark takes no PLAN; it generates its weeks (say --sizes)");
        }
        Logging.configure(arguments.flag("verbose"));
        BenchmarkOptions options = options(arguments);
        if (arguments.flag("peer")) {
            List<PeerComparison.Week> weeks = new ArrayList<>(options.datasets().stream().map(PeerComparison.Week::of).toList());
            if (arguments.options().containsKey("itc2007")) {
                Itc2007Benchmark.instanceFiles(Path.of(arguments.option("itc2007", ""))).stream()
                        .map(PeerComparison.Week::itc2007).forEach(weeks::add);
            }
            return peer(weeks, options);
        }

        Benchmarks.Results results = Benchmarks.run(options, err);
        Path markdown = ResultFiles.write(results, options.output());
        return printed(markdown, options.output());
    }

    /** {@code --itc2007 DIR [--time 10s] [--runs 3] [--output DIR]}: the shipped solver on ITC2007 track 3. */
    private int itc2007(Arguments arguments) {
        Itc2007Benchmark.Options options = itc2007Options(arguments);
        Logging.configure(arguments.flag("verbose"));
        Itc2007Benchmark.Results results;
        try {
            results = Itc2007Benchmark.run(options, err);
        } catch (InvalidPlanException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + " error(s): nothing was solved.");
            return Main.BAD_INPUT;
        }
        Path markdown = Itc2007Benchmark.write(results, options.output());
        return printed(markdown, options.output());
    }

    /**
     * {@code --model-cost [--sizes XL,CITY] [--itc2007 DIR] [--output DIR]}: what validating and building the model
     * costs against a plan's candidate placements; no solving.
     */
    private int modelCost(Arguments arguments) {
        arguments.allowing("model-cost", "sizes", "seed", "itc2007", "output", "verbose");
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("benchmark takes no PLAN; it generates its weeks (say --sizes)");
        }
        Logging.configure(arguments.flag("verbose"));
        long seed = number("seed", arguments.option("seed", Long.toString(Dataset.DEFAULT_SEED)));
        List<Dataset> datasets = Dataset.parse(arguments.option("sizes", "S,M,L,XL,CITY"), seed);
        List<Path> itc2007 = arguments.options().containsKey("itc2007")
                ? Itc2007Benchmark.instanceFiles(Path.of(arguments.option("itc2007", ""))) : List.of();
        Path output = Path.of(arguments.option("output", BenchmarkOptions.DEFAULT_OUTPUT.toString()));
        String loadBefore = Machine.loadAverage();
        List<ModelCost.Row> rows = ModelCost.measure(datasets, itc2007, err);
        Path markdown = ModelCost.write(rows, Machine.current(), loadBefore, Machine.loadAverage(), output);
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

    static Itc2007Benchmark.Options itc2007Options(Arguments arguments) {
        arguments.allowing("itc2007", "time", "runs", "output", "verbose");
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("benchmark takes no PLAN; say --itc2007 DIR");
        }
        return new Itc2007Benchmark.Options(Path.of(arguments.option("itc2007", "")),
                TimeLimit.parse(arguments.option("time", TimeLimit.format(Itc2007Benchmark.DEFAULT_TIME_LIMIT))),
                (int) number("runs", arguments.option("runs", Integer.toString(Itc2007Benchmark.DEFAULT_RUNS))),
                Path.of(arguments.option("output", BenchmarkOptions.DEFAULT_OUTPUT.toString())));
    }

    static BenchmarkOptions options(Arguments arguments) {
        BenchmarkOptions options = arguments.flag("quick") ? BenchmarkOptions.quick() : BenchmarkOptions.standard();
        long seed = number("seed", arguments.option("seed", Long.toString(Dataset.DEFAULT_SEED)));
        if (arguments.options().containsKey("sizes") || arguments.options().containsKey("seed")) {
            List<Dataset> datasets = Dataset.parse(arguments.option("sizes",
                    String.join(",", options.datasets().stream().map(Dataset::week).toList())), seed);
            options = options.withDatasets(datasets).withScalingDatasets(datasets);
        }
        if (arguments.options().containsKey("scaling")) {
            String scaling = arguments.option("scaling", "");
            options = options.withScalingDatasets(scaling.equalsIgnoreCase("none") ? List.of()
                    : Dataset.parse(scaling, seed));
        }
        if (arguments.options().containsKey("configs")) {
            options = options.withConfigurations(Configurations.parse(arguments.option("configs", "")));
        }
        if (arguments.options().containsKey("time")) {
            options = options.withTimeLimit(TimeLimit.parse(arguments.option("time", "")));
        }
        if (arguments.options().containsKey("warm-up")) {
            String warmUp = arguments.option("warm-up", "");
            options = options.withWarmUp(warmUp.strip().equals("0") ? java.time.Duration.ZERO : TimeLimit.parse(warmUp));
        }
        if (arguments.options().containsKey("runs")) {
            options = options.withRuns((int) number("runs", arguments.option("runs", "")));
        }
        if (arguments.options().containsKey("output")) {
            options = options.withOutput(Path.of(arguments.option("output", "")));
        }
        if (arguments.options().containsKey("report")) {
            options = options.withReport(Path.of(arguments.option("report", "")));
        }
        return options;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a whole number, not \"" + text + "\"");
        }
    }

    /** Says where the files went and prints the tables. */
    private int printed(Path markdown, Path output) {
        err.println("Results written to " + output.toAbsolutePath());
        try {
            out.print(Files.readString(markdown, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.OK;
    }
}
