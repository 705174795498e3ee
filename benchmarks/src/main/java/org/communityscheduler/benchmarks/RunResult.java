package org.communityscheduler.benchmarks;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One run of one configuration on one dataset: every new best score with the time it was found, and
 * what the run cost. Times are milliseconds of solving (model building excluded); {@code null} means
 * "never within this run".
 *
 * @param bestScores each new best score, in order of time
 * @param optimum the best score that exists, known from the planted schedule
 */
public record RunResult(Dataset dataset, int sessions, String configuration, int run, List<ScorePoint> bestScores,
        HardMediumSoftLongScore finalScore, long timeSpentMillis, long moveEvaluationSpeed,
        HardMediumSoftLongScore optimum) {

    /** A new best score and when it was found. */
    public record ScorePoint(long millis, HardMediumSoftLongScore score) {
    }

    public RunResult {
        bestScores = List.copyOf(bestScores);
    }

    /** The first best schedule that breaks no hard rule. */
    public Long feasibleAt() {
        return firstTime(score -> score.hardScore() >= optimum.hardScore());
    }

    /** The first best schedule that breaks no hard rule and has every session placed that can be. */
    public Long completeAt() {
        return firstTime(score -> score.hardScore() >= optimum.hardScore() && score.mediumScore() >= optimum.mediumScore());
    }

    /** The first best schedule as good as the planted one. */
    public Long optimumAt() {
        return firstTime(score -> score.compareTo(optimum) >= 0);
    }

    /**
     * The best score after {@code millis} of solving; {@code null} when the run stopped earlier without
     * reaching the optimum (it was not measured).
     */
    public HardMediumSoftLongScore scoreAt(long millis) {
        if (millis > timeSpentMillis && finalScore.compareTo(optimum) < 0) {
            return null;
        }
        HardMediumSoftLongScore best = null;
        for (ScorePoint point : bestScores) {
            if (point.millis() <= millis) {
                best = point.score();
            }
        }
        return best;
    }

    /** How far the run ended from the optimum: {@code optimum - finalScore}, each level 0 or more. */
    public HardMediumSoftLongScore gap() {
        return optimum.subtract(finalScore);
    }

    private Long firstTime(java.util.function.Predicate<HardMediumSoftLongScore> reached) {
        for (ScorePoint point : bestScores) {
            if (reached.test(point.score())) {
                return point.millis();
            }
        }
        return null;
    }
}
