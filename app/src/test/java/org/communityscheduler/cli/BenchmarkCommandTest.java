package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.communityscheduler.benchmarks.BenchmarkOptions;
import org.communityscheduler.benchmarks.Configuration;
import org.communityscheduler.benchmarks.Dataset;
import org.junit.jupiter.api.Test;

/** How {@code ./scheduler benchmark} reads its options (the run itself is tested in the benchmarks module). */
class BenchmarkCommandTest {

    private static BenchmarkOptions options(String... args) {
        return CommandTest.<BenchmarkCommand>parsed("benchmark", args).options();
    }

    @Test
    void withoutOptionsRunsTheFullComparison() {
        BenchmarkOptions options = options();

        assertThat(options.datasets()).extracting(Dataset::name).containsExactly("S-seed1", "M-seed1", "L-seed1");
        assertThat(options.configurations()).extracting(Configuration::name)
                .contains("shipped", "default", "greedy", "tabu", "simulated-annealing", "late-acceptance", "great-deluge");
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.output()).isEqualTo(Path.of("local", "benchmarks"));
    }

    @Test
    void quickIsShortAndExplicitOptionsStillWin() {
        BenchmarkOptions options = options("--quick", "--configs", "shipped,tabu", "--time", "3s");

        assertThat(options.datasets()).extracting(Dataset::name).containsExactly("S-seed1");
        assertThat(options.runs()).isEqualTo(1);
        assertThat(options.configurations()).extracting(Configuration::name).containsExactly("shipped", "tabu");
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void readsSizesSeedScalingAndFolders() {
        BenchmarkOptions options = options("--sizes", "m,L", "--seed", "7", "--scaling", "S,M,L,XL", "--runs", "5",
                "--warm-up", "0", "--output", "benchmarks/results", "--report", "local/report");

        assertThat(options.datasets()).extracting(Dataset::name).containsExactly("M-seed7", "L-seed7");
        assertThat(options.scalingDatasets()).extracting(Dataset::name)
                .containsExactly("S-seed7", "M-seed7", "L-seed7", "XL-seed7");
        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.warmUp()).isZero();
        assertThat(options.output()).isEqualTo(Path.of("benchmarks/results"));
        assertThat(options.report()).isEqualTo(Path.of("local/report"));
        assertThat(options("--scaling", "none").scalingDatasets()).isEmpty();
    }

    @Test
    void namesTightWeeksAndCourseTimetables() {
        BenchmarkOptions options = options("--sizes", "S-tight,m-TIGHT,course-M,course-S-tight", "--seed", "2");

        assertThat(options.datasets()).extracting(Dataset::name)
                .containsExactly("S-tight-seed2", "M-tight-seed2", "course-M-seed2", "course-S-tight-seed2");
        assertThat(options("--sizes", "L-tight").datasets().get(0).generate().plan().name()).contains("tightness 1.0");
    }

    @Test
    void peerIsAFlagThatKeepsTheSizesAndTheTime() {
        BenchmarkCommand command = CommandTest.parsed("benchmark", "--peer", "--sizes", "M", "--time", "20s");

        BenchmarkOptions options = command.options();

        assertThat(command.peer).isTrue();
        assertThat(options.datasets()).extracting(Dataset::name).containsExactly("M-seed1");
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> options("--configs", "fastest")).hasMessageContaining("unknown configuration");
        assertThatThrownBy(() -> options("--sizes", "XXL")).hasMessageContaining("unknown size");
        assertThatThrownBy(() -> options("--sizes", "S-tite")).hasMessage("unknown size \"s-tite\"; the sizes are"
                + " S, M, L, XL, CITY (in the week \"S-tite\"; weeks are named like S, S-tight, course-M)");
        assertThatThrownBy(() -> options("--sizes", "course-XL")).hasMessageContaining("the shape course comes in sizes S, M and L");
        assertThatThrownBy(() -> options("--runs", "three")).hasMessageContaining("'--runs': must be a whole number, not \"three\"");
        assertThatThrownBy(() -> options("--runs", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> options("--tiem", "3s")).hasMessageContaining("'--tiem'");
        assertThatThrownBy(() -> CommandTest.<BenchmarkCommand>parsed("benchmark", "--model-cost", "--time", "3s").call())
                .hasMessage("--time does not go with benchmark --model-cost");
        assertThatThrownBy(() -> CommandTest.<BenchmarkCommand>parsed("benchmark", "--move-speed", "--runs", "3").call())
                .hasMessage("--runs does not go with benchmark --move-speed");
    }
}
