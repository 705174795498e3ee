package org.communityscheduler.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.solve.SchedulingEngine;

/**
 * How the shipped configuration grows with the week: for each size, how long building the model takes,
 * when the first feasible and the first complete schedule come, how much heap the solve holds and how many
 * cores it kept busy (process CPU time over wall time). Solved through the engine on every core, as
 * {@code ./scheduler solve} does.
 * A run stops at the first complete schedule (that is what it measures) or at the size's time cap.
 *
 * <p>Memory is the heap still in use after a full garbage collection at the moment the first complete
 * schedule is found (the plan, the model, the solver's working copy and its best schedule are all
 * alive then), less what was in use before the plan was generated. A run that never completes is
 * measured the same way shortly before its cap.
 */
public final class Scaling {

    /** One measured run; times in milliseconds, null when never reached. */
    public record Point(Dataset dataset, int sessions, int rooms, int run, long buildMillis, Long feasibleAt,
            Long completeAt, long heapBytes, long moveEvaluationSpeed, HardMediumSoftLongScore finalScore,
            long timeSpentMillis, double coresBusy) {
    }

    private Scaling() {
    }

    /** The time cap for a size: the goal it is measured against, with room to miss it. */
    public static Duration cap(Dataset dataset) {
        return switch (dataset.size()) {
            case S -> Duration.ofSeconds(30);
            case M -> Duration.ofSeconds(60);
            case L -> Duration.ofSeconds(120);
            case XL -> Duration.ofMinutes(5);
            case CITY -> Duration.ofMinutes(15);
        };
    }

    public static List<Point> run(List<Dataset> datasets, int runs, Configuration configuration, PrintStream progress) {
        List<Point> points = new ArrayList<>();
        for (Dataset dataset : datasets) {
            for (int run = 1; run <= runs; run++) {
                Point point = measure(dataset, run, configuration, cap(dataset));
                progress.printf(Locale.ROOT, "  %s run %d: model %.1f s, complete %s, heap %.1f MB, %,d moves/s, %.2f cores busy%n",
                        dataset.name(), run, point.buildMillis() / 1000.0,
                        point.completeAt() == null ? "never (" + point.finalScore() + ")"
                                : String.format(Locale.ROOT, "at %.1f s", point.completeAt() / 1000.0),
                        point.heapBytes() / (1024.0 * 1024.0), point.moveEvaluationSpeed(), point.coresBusy());
                points.add(point);
            }
        }
        return points;
    }

    static Point measure(Dataset dataset, int run, Configuration configuration, Duration cap) {
        long heapBefore = liveHeap();
        GeneratedInstance instance = dataset.generate();
        long buildStarted = System.nanoTime();
        WeeklySchedule week = ModelBuilder.build(instance.plan());
        long buildMillis = (System.nanoTime() - buildStarted) / 1_000_000;
        HardMediumSoftLongScore optimum = HardMediumSoftLongScore.parseScore(instance.planted().score());

        long[] reached = { -1, -1 };
        long[] heap = { -1 };
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scaling-memory");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.schedule(() -> {
            synchronized (heap) {
                if (heap[0] < 0) {
                    heap[0] = liveHeap();
                }
            }
        }, cap.toMillis() - Math.min(2000, cap.toMillis() / 10), TimeUnit.MILLISECONDS);
        String id = dataset.name() + "-run" + run;
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        SchedulingEngine.SolveRun result;
        try (SchedulingEngine engine = new SchedulingEngine(configuration.build(), 1, SchedulingEngine.availableCores())) {
            result = engine.solve(id, week, cap, best -> {
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                HardMediumSoftLongScore score = best.getScore();
                if (reached[0] < 0 && score.hardScore() >= optimum.hardScore()) {
                    reached[0] = elapsed;
                }
                if (reached[1] < 0 && score.hardScore() >= optimum.hardScore()
                        && score.mediumScore() >= optimum.mediumScore()) {
                    reached[1] = elapsed;
                    synchronized (heap) {
                        heap[0] = liveHeap();
                    }
                    engine.terminateEarly(id);
                }
            });
        } finally {
            watchdog.shutdownNow();
        }
        long timeSpent = (System.nanoTime() - started) / 1_000_000;
        double coresBusy = (processCpuNanos() - cpuStarted) / 1e6 / Math.max(1, timeSpent);
        long heapUsed;
        synchronized (heap) {
            heapUsed = heap[0] < 0 ? liveHeap() : heap[0];
        }
        return new Point(dataset, week.getSessions().size(), week.getRooms().size(), run, buildMillis,
                reached[0] < 0 ? null : reached[0], reached[1] < 0 ? null : reached[1],
                Math.max(0, heapUsed - heapBefore), result.moveEvaluationSpeed(), result.best().getScore(), timeSpent,
                coresBusy);
    }

    /** CPU time of the whole process (every thread), for how many cores a solve kept busy. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Heap in use after a full collection. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The median run of each dataset (by time to complete, never last). */
    public static List<Point> medians(List<Point> points) {
        List<Point> medians = new ArrayList<>();
        List<Dataset> datasets = points.stream().map(Point::dataset).distinct().toList();
        for (Dataset dataset : datasets) {
            List<Point> runs = new ArrayList<>(points.stream().filter(p -> p.dataset().equals(dataset)).toList());
            runs.sort(Comparator.comparing(Point::completeAt, Comparator.nullsLast(Comparator.naturalOrder())));
            Point middle = runs.get(runs.size() / 2);
            List<Long> heaps = runs.stream().map(Point::heapBytes).sorted().toList();
            List<Long> builds = runs.stream().map(Point::buildMillis).sorted().toList();
            List<Long> speeds = runs.stream().map(Point::moveEvaluationSpeed).sorted().toList();
            List<Long> feasible = new ArrayList<>(runs.stream().map(Point::feasibleAt).toList());
            feasible.sort(Comparator.nullsLast(Comparator.naturalOrder()));
            medians.add(new Point(dataset, middle.sessions(), middle.rooms(), 0, builds.get(builds.size() / 2),
                    feasible.get(feasible.size() / 2), middle.completeAt(), heaps.get(heaps.size() / 2),
                    speeds.get(speeds.size() / 2), middle.finalScore(), middle.timeSpentMillis(), middle.coresBusy()));
        }
        return medians;
    }
}
