package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The medians over the runs of one configuration on one dataset. With an even number of runs the
 * worse of the two middle runs is taken; "never" (null) counts as worse than any time.
 *
 * @param scoresAt the median best score at each checkpoint (seconds), null when not measured
 */
public record Summary(Dataset dataset, int sessions, String configuration, int runs, Long feasibleAt,
        Long completeAt, Long optimumAt, Map<Integer, HardMediumSoftLongScore> scoresAt,
        HardMediumSoftLongScore finalScore, HardMediumSoftLongScore gap, long moveEvaluationSpeed) {

    /** One summary per (dataset, configuration), in the order the runs came. */
    public static List<Summary> of(List<RunResult> runs, List<Integer> checkpointSeconds) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult run : runs) {
            groups.computeIfAbsent(run.dataset().name() + "/" + run.configuration(), key -> new ArrayList<>()).add(run);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            RunResult first = group.get(0);
            Map<Integer, HardMediumSoftLongScore> scoresAt = new LinkedHashMap<>();
            for (int seconds : checkpointSeconds) {
                scoresAt.put(seconds, medianScore(group, run -> run.scoreAt(seconds * 1000L)));
            }
            HardMediumSoftLongScore finalScore = medianScore(group, RunResult::finalScore);
            summaries.add(new Summary(first.dataset(), first.sessions(), first.configuration(), group.size(),
                    medianTime(group, RunResult::feasibleAt), medianTime(group, RunResult::completeAt),
                    medianTime(group, RunResult::optimumAt), scoresAt, finalScore, first.optimum().subtract(finalScore),
                    (long) medianTime(group, run -> run.moveEvaluationSpeed())));
        }
        return summaries;
    }

    static Long medianTime(List<RunResult> runs, Function<RunResult, Long> time) {
        List<Long> times = new ArrayList<>();
        runs.forEach(run -> times.add(time.apply(run)));
        times.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        return times.get(times.size() / 2);
    }

    static HardMediumSoftLongScore medianScore(List<RunResult> runs,
            Function<RunResult, HardMediumSoftLongScore> score) {
        List<HardMediumSoftLongScore> scores = new ArrayList<>();
        runs.forEach(run -> scores.add(score.apply(run)));
        scores.sort(Comparator.nullsLast(Comparator.<HardMediumSoftLongScore>reverseOrder()));
        return scores.get(scores.size() / 2);
    }

    /**
     * This gap against a baseline's, at the first level where either is not zero: {@code 0.45× soft}
     * (less than half the baseline's soft penalty), {@code 0× medium} (places what the baseline leaves
     * out), {@code worse (medium)} when the baseline has nothing left at a level this has.
     */
    public static String ratio(HardMediumSoftLongScore gap, HardMediumSoftLongScore baselineGap) {
        long[] mine = { gap.hardScore(), gap.mediumScore(), gap.softScore() };
        long[] theirs = { baselineGap.hardScore(), baselineGap.mediumScore(), baselineGap.softScore() };
        String[] levels = { "hard", "medium", "soft" };
        for (int level = 0; level < 3; level++) {
            if (mine[level] == 0 && theirs[level] == 0) {
                continue;
            }
            if (theirs[level] == 0) {
                return "worse (" + levels[level] + ")";
            }
            return String.format(java.util.Locale.ROOT, "%.2f× %s", (double) mine[level] / theirs[level], levels[level]);
        }
        return "both optimal";
    }
}
