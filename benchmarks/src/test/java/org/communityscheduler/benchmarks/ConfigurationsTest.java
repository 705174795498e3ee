package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;

import ai.timefold.solver.core.api.solver.SolverFactory;

import org.communityscheduler.data.InstanceSize;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every configuration the benchmark offers builds and solves a small week. */
@Tag("slow") // every solver configuration, each solving for a second
class ConfigurationsTest {

    static Stream<String> names() {
        return Configurations.all().stream().map(Configuration::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void buildsAndSolvesForASecond(String name) {
        WeeklySchedule week = ModelBuilder.build(new Dataset(InstanceSize.S, 1).generate().plan());

        WeeklySchedule solved = SolverFactory.<WeeklySchedule> create(Configurations.named(name).build()
                .withTerminationConfig(Comparison.termination(Duration.ofSeconds(1))))
                .buildSolver().solve(week);

        assertThat(solved.getScore()).isNotNull();
        assertThat(solved.assignedCount()).isPositive();
    }

    @Test
    void theStandardComparisonHasTheShippedConfigurationAndBothBaselines() {
        assertThat(Configurations.STANDARD).contains("shipped", "default", "greedy", "tabu", "simulated-annealing",
                "late-acceptance", "great-deluge");
        Configurations.STANDARD.forEach(name -> assertThat(Configurations.named(name).description()).isNotBlank());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Configurations.parse("shipped,tabbu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tabbu").hasMessageContaining("great-deluge");
    }
}
