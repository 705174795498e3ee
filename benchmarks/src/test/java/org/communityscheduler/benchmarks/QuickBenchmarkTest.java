package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./scheduler benchmark --quick}: the whole pipeline, fast enough to try before a long run. */
@Tag("slow") // the Timefold Benchmarker, end to end
class QuickBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void comparesTheShippedConfigurationWithBothBaselinesInUnderAMinute() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.quick()
                .withOutput(folder.resolve("results"))
                .withReport(folder.resolve("report"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        long started = System.nanoTime();

        Benchmarks.Results results = Benchmarks.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        Path markdown = ResultFiles.write(results, options.output());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(results.runs()).extracting(RunResult::configuration)
                .containsExactlyInAnyOrder("shipped", "default", "greedy");
        assertThat(results.htmlReport()).exists();
        assertThat(Files.readString(markdown)).contains("## S-seed1").contains("| **shipped** |")
                .contains("| greedy |").contains("![");
        assertThat(options.output().resolve("runs.csv")).exists();
        assertThat(options.output().resolve("summary.csv")).exists();
        assertThat(options.output().resolve(ResultFiles.SCALING_CHART)).exists();
        JsonNode json = Json.MAPPER.readTree(options.output().resolve("results.json").toFile());
        assertThat(json.get("machine").get("processors").asInt()).isPositive();
        assertThat(json.get("medians")).hasSize(3);
        assertThat(json.get("scaling").get(0).get("completeSeconds").asDouble()).isLessThan(30);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Machine:").contains("S-seed1 run 1");
    }
}
