package org.communityscheduler.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param datasets the weeks the configurations are compared on
 * @param configurations the configurations compared, side by side
 * @param timeLimit each run's limit (a run also stops at the known optimum)
 * @param runs how many times each configuration solves each dataset; the tables show medians
 * @param warmUp the Benchmarker's JIT warm-up before the measured runs
 * @param scalingDatasets the weeks the shipped configuration is timed and weighed on, from small to large;
 *        empty for none
 * @param output where the results go: tables, CSV, JSON, the scaling chart
 * @param report where the Benchmarker's HTML report goes
 */
public record BenchmarkOptions(List<Dataset> datasets, List<Configuration> configurations, Duration timeLimit, int runs,
        Duration warmUp, List<Dataset> scalingDatasets, Path output, Path report) {

    public static final String DEFAULT_SIZES = "S,M,L";
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    public static final int DEFAULT_RUNS = 3;
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(30);
    public static final Path DEFAULT_OUTPUT = Path.of("local", "benchmarks");
    public static final Path DEFAULT_REPORT = Path.of("local", "benchmark-report");
    /** Checkpoints of the tables: the best score after this many seconds. */
    public static final List<Integer> CHECKPOINTS = List.of(10, 30, 60);

    public BenchmarkOptions {
        datasets = List.copyOf(datasets);
        configurations = List.copyOf(configurations);
        scalingDatasets = List.copyOf(scalingDatasets);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time per run must be longer than zero");
        }
    }

    /** The full comparison: S, M, L, the standard configurations, 60 s, 3 runs, scaling over the same sizes. */
    public static BenchmarkOptions standard() {
        List<Dataset> datasets = Dataset.parse(DEFAULT_SIZES, Dataset.DEFAULT_SEED);
        return new BenchmarkOptions(datasets, Configurations.parse(String.join(",", Configurations.STANDARD)),
                DEFAULT_TIME_LIMIT, DEFAULT_RUNS, DEFAULT_WARM_UP, datasets, DEFAULT_OUTPUT, DEFAULT_REPORT);
    }

    /** A look in well under a minute: S only, the shipped configuration against both baselines, 5 s, once. */
    public static BenchmarkOptions quick() {
        List<Dataset> datasets = Dataset.parse("S", Dataset.DEFAULT_SEED);
        return new BenchmarkOptions(datasets, Configurations.parse("shipped,default,greedy"), Duration.ofSeconds(5), 1,
                Duration.ZERO, datasets, DEFAULT_OUTPUT, DEFAULT_REPORT);
    }

    /** The score checkpoints that fall within the time limit. */
    public List<Integer> checkpoints() {
        List<Integer> within = new ArrayList<>();
        for (int seconds : CHECKPOINTS) {
            if (seconds * 1000L <= timeLimit.toMillis()) {
                within.add(seconds);
            }
        }
        return within;
    }

    public BenchmarkOptions withDatasets(List<Dataset> newDatasets) {
        return new BenchmarkOptions(newDatasets, configurations, timeLimit, runs, warmUp, scalingDatasets, output, report);
    }

    public BenchmarkOptions withConfigurations(List<Configuration> newConfigurations) {
        return new BenchmarkOptions(datasets, newConfigurations, timeLimit, runs, warmUp, scalingDatasets, output, report);
    }

    public BenchmarkOptions withTimeLimit(Duration newTimeLimit) {
        return new BenchmarkOptions(datasets, configurations, newTimeLimit, runs, warmUp, scalingDatasets, output, report);
    }

    public BenchmarkOptions withRuns(int newRuns) {
        return new BenchmarkOptions(datasets, configurations, timeLimit, newRuns, warmUp, scalingDatasets, output, report);
    }

    public BenchmarkOptions withWarmUp(Duration newWarmUp) {
        return new BenchmarkOptions(datasets, configurations, timeLimit, runs, newWarmUp, scalingDatasets, output, report);
    }

    public BenchmarkOptions withScalingDatasets(List<Dataset> newScalingDatasets) {
        return new BenchmarkOptions(datasets, configurations, timeLimit, runs, warmUp, newScalingDatasets, output, report);
    }

    public BenchmarkOptions withOutput(Path newOutput) {
        return new BenchmarkOptions(datasets, configurations, timeLimit, runs, warmUp, scalingDatasets, newOutput, report);
    }

    public BenchmarkOptions withReport(Path newReport) {
        return new BenchmarkOptions(datasets, configurations, timeLimit, runs, warmUp, scalingDatasets, output, newReport);
    }
}
