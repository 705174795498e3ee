package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How solves at once and cores per solve share the machine. */
class ServerSettingsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void byDefaultOneSolvePerCoreAndEveryCoreForASolveAlone() {
        ServerSettings settings = ServerSettings.defaults();

        assertThat(settings.parallelSolvers()).isEqualTo(CORES);
        assertThat(settings.threads()).isEqualTo(CORES);
    }

    @Test
    void givenOneOfTheTwoTheOtherFillsTheCores() {
        ServerSettings oneAtATime = ServerSettings.defaults().withCores(1, null);
        assertThat(oneAtATime.parallelSolvers()).isEqualTo(1);
        assertThat(oneAtATime.threads()).isEqualTo(CORES);

        ServerSettings onePerCore = ServerSettings.defaults().withCores(CORES, null);
        assertThat(onePerCore.threads()).isEqualTo(1);

        ServerSettings everyCore = ServerSettings.defaults().withCores(null, CORES);
        assertThat(everyCore.parallelSolvers()).isEqualTo(1);
        assertThat(everyCore.threads()).isEqualTo(CORES);

        ServerSettings both = ServerSettings.defaults().withCores(3, 5);
        assertThat(both.parallelSolvers()).isEqualTo(3);
        assertThat(both.threads()).isEqualTo(5);
    }

    @Test
    void aSolveNeedsAThread() {
        assertThatThrownBy(() -> ServerSettings.defaults().withThreads(0))
                .hasMessageContaining("at least one thread");
    }
}
