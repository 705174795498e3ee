package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityscheduler.server.ServerSettings;
import org.junit.jupiter.api.Test;

/** {@code serve}'s options become the server's settings, as the README states them. */
class ServeCommandTest {

    @Test
    void eightJobsPerSolverMayWaitOrSolveUnlessMaxJobsSaysOtherwise() {
        assertThat(settings("--solvers", "1").maxOpenJobs()).isEqualTo(8);
        assertThat(settings("--solvers", "2").maxOpenJobs()).isEqualTo(16);
        assertThat(settings("--max-jobs", "3", "--solvers", "4").maxOpenJobs()).isEqualTo(3);
    }

    private static ServerSettings settings(String... options) {
        return CommandTest.<ServeCommand>parsed("serve", options).settings();
    }
}
