package org.communityscheduler.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;

/**
 * The benchmark from start to end: the configuration comparison (Timefold Benchmarker), the scaling
 * runs of the shipped configuration, and the files that report them. {@code ./scheduler benchmark}
 * calls {@link #run}; so can any test or tool.
 */
public final class Benchmarks {

    /** Everything one benchmark run found. */
    public record Results(LocalDate date, Machine machine, String loadBefore, String loadAfter, BenchmarkOptions options,
            List<RunResult> runs, List<Summary> summaries, Map<Dataset, Baseline> baselines,
            List<Scaling.Point> scaling, Path htmlReport) {
    }

    /** How far first come, first served gets on a dataset: what a coordinator would otherwise have. */
    public record Baseline(int sessions, int rooms, int placedByGreedy) {
    }

    private Benchmarks() {
    }

    public static Results run(BenchmarkOptions options, PrintStream progress) {
        String loadBefore = Machine.loadAverage();
        Machine machine = Machine.current();
        progress.println("Machine: " + machine.describe() + "; load average " + loadBefore);

        Map<Dataset, Baseline> baselines = new LinkedHashMap<>();
        for (Dataset dataset : options.datasets()) {
            baselines.put(dataset, baseline(dataset));
        }

        Comparison.Outcome comparison = Comparison.run(options.datasets(), options.configurations(),
                options.timeLimit(), options.runs(), options.warmUp(), options.report(), progress);
        List<Summary> summaries = Summary.of(comparison.runs(), options.checkpoints());
        progress.println("Benchmarker report: " + comparison.htmlReport().toAbsolutePath());

        List<Scaling.Point> scaling = List.of();
        if (!options.scalingDatasets().isEmpty()) {
            progress.printf(Locale.ROOT, "Scaling: the shipped configuration on %s, %d run(s) each, until complete%n",
                    options.scalingDatasets().stream().map(Dataset::name).toList(), options.runs());
            scaling = Scaling.run(options.scalingDatasets(), options.runs(), Configurations.named("shipped"), progress);
        }
        return new Results(LocalDate.now(), machine, loadBefore, Machine.loadAverage(), options, comparison.runs(),
                summaries, baselines, scaling, comparison.htmlReport());
    }

    static Baseline baseline(Dataset dataset) {
        WeeklySchedule week = ModelBuilder.build(dataset.generate().plan());
        FirstComeFirstServed.fill(week);
        return new Baseline(week.getSessions().size(), week.getRooms().size(), (int) week.assignedCount());
    }
}
