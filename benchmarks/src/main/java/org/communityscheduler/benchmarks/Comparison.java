package org.communityscheduler.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.ProblemBenchmarksConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.benchmark.config.statistic.ProblemStatisticType;
import ai.timefold.solver.benchmark.impl.DefaultPlannerBenchmark;
import ai.timefold.solver.benchmark.impl.result.SingleBenchmarkResult;
import ai.timefold.solver.benchmark.impl.result.SolverBenchmarkResult;
import ai.timefold.solver.benchmark.impl.result.SubSingleBenchmarkResult;
import ai.timefold.solver.benchmark.impl.statistic.SubSingleStatistic;
import ai.timefold.solver.benchmark.impl.statistic.bestscore.BestScoreStatisticPoint;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.communityscheduler.data.GeneratedInstance;

/**
 * The configuration comparison, run by the Timefold Benchmarker: every configuration on every dataset,
 * {@code runs} times each, one run at a time (the machines have two cores; a second run beside the
 * first would slow both). Writes the Benchmarker's HTML report (best score over time, move evaluation
 * speed, memory) and hands back every run's best-score history for the tables.
 */
public final class Comparison {

    /** The comparison's results, and where the Benchmarker's report is. */
    public record Outcome(List<RunResult> runs, Path htmlReport) {
    }

    private Comparison() {
    }

    public static Outcome run(List<Dataset> datasets, List<Configuration> configurations, Duration timeLimit, int runs,
            Duration warmUp, Path reportDirectory, PrintStream progress) {
        Map<String, Dataset> byName = new HashMap<>();
        Map<Dataset, GeneratedInstance> instances = new HashMap<>();
        List<File> planFiles = new ArrayList<>();
        Path plans = reportDirectory.resolve("plans");
        try {
            Files.createDirectories(plans);
            for (Dataset dataset : datasets) {
                GeneratedInstance instance = dataset.generate();
                Path file = plans.resolve(dataset.name() + ".json");
                Files.writeString(file, instance.planJson(), StandardCharsets.UTF_8);
                planFiles.add(file.toFile());
                byName.put(dataset.name(), dataset);
                instances.put(dataset, instance);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the plans to " + plans, e);
        }

        List<SolverBenchmarkConfig> solvers = new ArrayList<>();
        for (Configuration configuration : configurations) {
            solvers.add(new SolverBenchmarkConfig()
                    .withName(configuration.name())
                    .withSolverConfig(configuration.build().withTerminationConfig(termination(timeLimit))));
        }
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig()
                .withName("community-scheduler configurations")
                .withBenchmarkDirectory(reportDirectory.toFile())
                .withParallelBenchmarkCount("1")
                .withWarmUpMillisecondsSpentLimit(warmUp.toMillis())
                .withInheritedSolverBenchmarkConfig(new SolverBenchmarkConfig()
                        .withSubSingleCount(runs)
                        .withProblemBenchmarksConfig(new ProblemBenchmarksConfig()
                                .withSolutionFileIOClass(PlanFileIO.class)
                                .withInputSolutionFileList(planFiles)
                                .withProblemStatisticTypes(ProblemStatisticType.BEST_SCORE,
                                        ProblemStatisticType.MOVE_EVALUATION_SPEED, ProblemStatisticType.MEMORY_USE)))
                .withSolverBenchmarkConfigList(solvers);

        DefaultPlannerBenchmark benchmark = (DefaultPlannerBenchmark) PlannerBenchmarkFactory.create(config)
                .buildPlannerBenchmark();
        Progress ticker = new Progress(progress, warmUp.plus(timeLimit.multipliedBy(
                (long) datasets.size() * configurations.size() * runs)));
        Path htmlReport;
        try {
            benchmark.benchmark();
            htmlReport = benchmark.getBenchmarkReport().getHtmlOverviewFile().toPath();
        } catch (RuntimeException e) {
            Integer failures = benchmark.getPlannerBenchmarkResult().getFailureCount();
            if (failures == null || failures != 0) {
                throw e;
            }
            // Every run finished, but the report did not: its speed charts divide by the slowest configuration's
            // move evaluation speed, which is 0 for a custom phase that runs over a second (cpsat).
            progress.println("The Benchmarker's HTML report is incomplete (" + e.getMessage() + "); the tables "
                    + "do not need it");
            htmlReport = reportDirectory;
        } finally {
            ticker.stop();
        }

        List<RunResult> results = new ArrayList<>();
        for (SolverBenchmarkResult solver : benchmark.getPlannerBenchmarkResult().getSolverBenchmarkResultList()) {
            for (SingleBenchmarkResult single : solver.getSingleBenchmarkResultList()) {
                Dataset dataset = byName.get(single.getProblemBenchmarkResult().getName());
                GeneratedInstance instance = instances.get(dataset);
                for (SubSingleBenchmarkResult sub : single.getSubSingleBenchmarkResultList()) {
                    results.add(result(dataset, instance, solver.getName(), sub, timeLimit));
                }
            }
        }
        return new Outcome(results, htmlReport);
    }

    /** The same for every configuration: the time limit, or the known optimum, whichever comes first. */
    static TerminationConfig termination(Duration timeLimit) {
        return new TerminationConfig().withSpentLimit(timeLimit).withBestScoreLimit("0hard/0medium/0soft");
    }

    @SuppressWarnings("unchecked")
    private static RunResult result(Dataset dataset, GeneratedInstance instance, String configuration,
            SubSingleBenchmarkResult sub, Duration timeLimit) {
        if (!Boolean.TRUE.equals(sub.getSucceeded())) {
            throw new IllegalStateException("The run " + sub.getName() + " failed; see the Benchmarker's log");
        }
        SubSingleStatistic<?, BestScoreStatisticPoint> statistic =
                sub.getEffectiveSubSingleStatisticMap().get(ProblemStatisticType.BEST_SCORE);
        boolean hibernated = statistic.getPointList() == null;
        if (hibernated) {
            statistic.unhibernatePointList();
        }
        List<RunResult.ScorePoint> points = new ArrayList<>();
        for (BestScoreStatisticPoint point : statistic.getPointList()) {
            points.add(new RunResult.ScorePoint(point.getTimeMillisSpent(), (HardMediumSoftLongScore) point.getScore()));
        }
        if (hibernated) {
            statistic.hibernatePointList();
        }
        HardMediumSoftLongScore finalScore = (HardMediumSoftLongScore) sub.getScore();
        if (points.isEmpty() || !points.get(points.size() - 1).score().equals(finalScore)) {
            points.add(new RunResult.ScorePoint(sub.getTimeMillisSpent(), finalScore));
        }
        // Scorings, not Timefold's move count: that leaves out the custom phases (chains, SoftAnnealing).
        Long speed = sub.getScoreCalculationSpeed();
        return new RunResult(dataset, instance.requestedSessions(), configuration, sub.getSubSingleBenchmarkIndex() + 1,
                points, finalScore, sub.getTimeMillisSpent(), timeLimit.toMillis(), speed == null ? 0 : speed,
                HardMediumSoftLongScore.parseScore(instance.planted().score()));
    }

    /** A line now and then while the Benchmarker works, which says nothing until it is done. */
    private static final class Progress {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "benchmark-progress");
            thread.setDaemon(true);
            return thread;
        });

        Progress(PrintStream out, Duration atMost) {
            long started = System.nanoTime();
            out.printf(Locale.ROOT, "Comparing configurations: at most %s (runs stop early at the optimum)%n",
                    minutes(atMost.toMillis()));
            timer.scheduleAtFixedRate(() -> out.printf(Locale.ROOT, "  %s of at most %s%n",
                    minutes((System.nanoTime() - started) / 1_000_000), minutes(atMost.toMillis())), 1, 1, TimeUnit.MINUTES);
        }

        private static String minutes(long millis) {
            return String.format(Locale.ROOT, "%d:%02d", millis / 60_000, millis / 1000 % 60);
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
