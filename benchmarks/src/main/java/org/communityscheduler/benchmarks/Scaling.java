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
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;

/**
 * How the shipped configuration grows with the week: for each size, how long building the model takes,
 * when the first feasible and the first complete schedule come, and how much heap the solve holds.
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
            long timeSpentMillis) {
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
                progress.printf(Locale.ROOT, "  %s run %d: model %.1f s, complete %s, heap %.1f MB, %,d moves/s%n",
                        dataset.name(), run, point.buildMillis() / 1000.0,
                        point.completeAt() == null ? "never (" + point.finalScore() + ")"
                                : String.format(Locale.ROOT, "at %.1f s", point.completeAt() / 1000.0),
                        point.heapBytes() / (1024.0 * 1024.0), point.moveEvaluationSpeed());
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

        Solver<WeeklySchedule> solver = SolverFactory.<WeeklySchedule> create(configuration.build()
                .withTerminationConfig(Comparison.termination(cap))).buildSolver();
        long[] reached = { -1, -1 };
        long[] heap = { -1 };
        solver.addEventListener(event -> {
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            if (reached[0] < 0 && score.hardScore() >= optimum.hardScore()) {
                reached[0] = event.getTimeMillisSpent();
            }
            if (reached[1] < 0 && score.hardScore() >= optimum.hardScore()
                    && score.mediumScore() >= optimum.mediumScore()) {
                reached[1] = event.getTimeMillisSpent();
                synchronized (heap) {
                    heap[0] = liveHeap();
                }
                solver.terminateEarly();
            }
        });
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
        long started = System.nanoTime();
        WeeklySchedule best;
        try {
            best = solver.solve(week);
        } finally {
            watchdog.shutdownNow();
        }
        long timeSpent = (System.nanoTime() - started) / 1_000_000;
        long speed = solver instanceof DefaultSolver<WeeklySchedule> defaultSolver ? defaultSolver.getMoveEvaluationSpeed() : 0;
        long heapUsed;
        synchronized (heap) {
            heapUsed = heap[0] < 0 ? liveHeap() : heap[0];
        }
        return new Point(dataset, week.getSessions().size(), week.getRooms().size(), run, buildMillis,
                reached[0] < 0 ? null : reached[0], reached[1] < 0 ? null : reached[1],
                Math.max(0, heapUsed - heapBefore), speed, best.getScore(), timeSpent);
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
                    speeds.get(speeds.size() / 2), middle.finalScore(), middle.timeSpentMillis()));
        }
        return medians;
    }
}
