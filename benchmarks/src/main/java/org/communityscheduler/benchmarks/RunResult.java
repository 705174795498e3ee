package org.communityscheduler.benchmarks;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One run of one configuration on one dataset: every new best score with the time it was found, and
 * what the run cost. Times are milliseconds of solving (model building excluded); {@code null} means
 * "never within this run".
 *
 * @param bestScores each new best score, in order of time
 * @param timeLimitMillis the limit the run was given; it may have stopped earlier (at the optimum, or a
 *        configuration that ends by itself, such as the greedy baseline)
 * @param optimum the best score that exists, known from the planted schedule
 */
public record RunResult(Dataset dataset, int sessions, String configuration, int run, List<ScorePoint> bestScores,
        HardMediumSoftLongScore finalScore, long timeSpentMillis, long timeLimitMillis, long moveEvaluationSpeed,
        HardMediumSoftLongScore optimum) {

    /** A run that ends this close to its limit was stopped by it. */
    private static final long LIMIT_TOLERANCE_MILLIS = 1000;

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
     * The best score after {@code millis} of solving. A run that stopped by itself keeps its final score
     * for later times; {@code null} when the time lies beyond the run's limit (it was not measured).
     */
    public HardMediumSoftLongScore scoreAt(long millis) {
        if (millis > timeSpentMillis) {
            boolean stoppedByItself = timeSpentMillis < timeLimitMillis - LIMIT_TOLERANCE_MILLIS;
            return stoppedByItself || millis <= timeLimitMillis ? finalScore : null;
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
