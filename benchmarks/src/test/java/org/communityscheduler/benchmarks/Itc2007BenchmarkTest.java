package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.communityscheduler.benchmarks.Itc2007Benchmark.Run;
import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.data.itc2007.Itc2007Penalty;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./scheduler benchmark --itc2007 DIR} on the smallest bundled instance, for a few seconds. */
@Tag("slow") // the benchmark solving for a few seconds
class Itc2007BenchmarkTest {

    /** The bundled instances, seen from this module's folder. */
    private static final Path BUNDLED = Path.of("itc2007");

    @TempDir
    Path folder;

    @Test
    void solvesComp01AndScoresItAsTheCompetitionDoes() throws Exception {
        Path instances = Files.createDirectory(folder.resolve("instances"));
        Files.copy(BUNDLED.resolve("comp01.ctt"), instances.resolve("comp01.ctt"));
        assertThat(PlanReader.read(Json.write(Itc2007.readPlan(instances.resolve("comp01.ctt")))).problems()).isEmpty();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Itc2007Benchmark.Results results = Itc2007Benchmark.run(new Itc2007Benchmark.Options(instances,
                Duration.ofSeconds(3), 1, folder.resolve("results")), new PrintStream(progress, true, StandardCharsets.UTF_8));
        Path markdown = Itc2007Benchmark.write(results, folder.resolve("results"));

        Run run = results.instances().get(0).runs().get(0);
        assertThat(run.lectures()).isEqualTo(160);
        assertThat(run.placed()).isGreaterThan(100);
        assertThat(run.hardViolations()).as("construction and search break no hard rule").isZero();
        assertThat(run.penalty().lectures()).as("the lectures left out").isEqualTo(160 - run.placed());
        assertThat(run.penalty().soft()).isPositive();
        assertThat(Files.readString(markdown)).contains("| comp01 | Fis0506-1 | 160 | " + run.placed() + " | 0 |");
        assertThat(Files.readAllLines(folder.resolve("results").resolve(Itc2007Benchmark.CSV))).hasSize(2);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("comp01 run 1: ");
    }

    @Test
    void aFolderWithoutInstancesIsBadInput() {
        assertThatThrownBy(() -> Itc2007Benchmark.instanceFiles(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no .ctt files in " + folder);
        assertThatThrownBy(() -> Itc2007Benchmark.instanceFiles(folder.resolve("missing")))
                .hasMessage("no such folder: " + folder.resolve("missing"));
    }

    @Test
    void theTableShowsMediansAndNeverCountsAsLongest() {
        Itc2007Benchmark.Instance instance = new Itc2007Benchmark.Instance("comp99", "X", 10, List.of(
                new Run("comp99", 1, 10, 10, "0hard/0medium/-5soft", -5, capacity(7), 900L, 3000),
                new Run("comp99", 2, 10, 9, "0hard/-1medium/-3soft", -3, capacity(3), null, 3000),
                new Run("comp99", 3, 10, 10, "0hard/0medium/-4soft", -4, capacity(5), 1200L, 3000)));

        assertThat(instance.placed()).isEqualTo(10);
        assertThat(instance.penalty()).isEqualTo(5);
        assertThat(instance.ourSoft()).isEqualTo(-4);
        assertThat(instance.completeMillis()).isEqualTo(1200L);
    }

    private static Itc2007Penalty capacity(int studentsOver) {
        return new Itc2007Penalty(0, 0, 0, 0, studentsOver, 0, 0, 0);
    }
}
