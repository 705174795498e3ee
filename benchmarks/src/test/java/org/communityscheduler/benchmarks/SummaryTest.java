package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.data.InstanceSize;
import org.junit.jupiter.api.Test;

/** What a run's best-score history says, and how runs become the medians of the tables. */
class SummaryTest {

    private static final Dataset M = new Dataset(InstanceSize.M, 1);
    private static final HardMediumSoftLongScore OPTIMUM = HardMediumSoftLongScore.ZERO;

    private static RunResult run(int number, long timeSpent, Object... timeAndScore) {
        List<RunResult.ScorePoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < timeAndScore.length; i += 2) {
            points.add(new RunResult.ScorePoint(((Number) timeAndScore[i]).longValue(),
                    HardMediumSoftLongScore.parseScore((String) timeAndScore[i + 1])));
        }
        return new RunResult(M, 500, "shipped", number, points, points.get(points.size() - 1).score(), timeSpent,
                60_000, 20_000 + number, OPTIMUM);
    }

    @Test
    void readsTheMilestonesFromTheBestScores() {
        RunResult run = run(1, 60_000, 0, "-30hard/-200medium/0soft", 800, "0hard/-12medium/-900soft",
                7_500, "0hard/0medium/-4000soft", 42_000, "0hard/0medium/-1200soft");

        assertThat(run.feasibleAt()).isEqualTo(800);
        assertThat(run.completeAt()).isEqualTo(7_500);
        assertThat(run.optimumAt()).isNull();
        assertThat(run.scoreAt(10_000)).hasToString("0hard/0medium/-4000soft");
        assertThat(run.scoreAt(60_000)).hasToString("0hard/0medium/-1200soft");
        assertThat(run.scoreAt(90_000)).as("not measured: the run stopped at its limit, 60 s").isNull();
        assertThat(run.gap()).hasToString("0hard/0medium/1200soft");
    }

    @Test
    void aRunStoppedAtTheOptimumKeepsItsScoreForLaterCheckpoints() {
        RunResult run = run(1, 4_000, 100, "0hard/-3medium/-90soft", 4_000, "0hard/0medium/0soft");

        assertThat(run.optimumAt()).isEqualTo(4_000);
        assertThat(run.scoreAt(60_000)).isEqualTo(OPTIMUM);
    }

    @Test
    void aRunThatEndsByItselfKeepsItsScoreForLaterCheckpoints() {
        RunResult greedy = run(1, 30, 30, "0hard/-23medium/-2856soft");

        assertThat(greedy.scoreAt(10_000)).hasToString("0hard/-23medium/-2856soft");
        assertThat(greedy.scoreAt(60_000)).hasToString("0hard/-23medium/-2856soft");
        assertThat(greedy.completeAt()).isNull();
    }

    @Test
    void takesTheMiddleRunAndCountsNeverAsWorst() {
        List<RunResult> runs = List.of(
                run(1, 60_000, 0, "0hard/-5medium/-100soft"),
                run(2, 60_000, 0, "0hard/-5medium/-100soft", 9_000, "0hard/0medium/-800soft"),
                run(3, 60_000, 0, "0hard/-5medium/-100soft", 3_000, "0hard/0medium/-500soft"));

        Summary summary = Summary.of(runs, List.of(10, 30)).get(0);

        assertThat(summary.runs()).isEqualTo(3);
        assertThat(summary.completeAt()).isEqualTo(9_000);
        assertThat(summary.finalScore()).hasToString("0hard/0medium/-800soft");
        assertThat(summary.scoresAt().get(10)).hasToString("0hard/0medium/-800soft");
        assertThat(summary.moveEvaluationSpeed()).isEqualTo(20_002);
    }

    @Test
    void comparesGapsAtTheFirstLevelThatDiffers() {
        HardMediumSoftLongScore shipped = HardMediumSoftLongScore.of(0, 0, 500);
        HardMediumSoftLongScore byDefault = HardMediumSoftLongScore.of(0, 0, 2000);
        HardMediumSoftLongScore greedy = HardMediumSoftLongScore.of(0, 80, 9000);

        assertThat(Summary.ratio(shipped, byDefault)).isEqualTo("0.25× soft");
        assertThat(Summary.ratio(shipped, greedy)).isEqualTo("0.00× medium");
        assertThat(Summary.ratio(greedy, shipped)).isEqualTo("worse (medium)");
        assertThat(Summary.ratio(OPTIMUM, OPTIMUM)).isEqualTo("both optimal");
    }
}
