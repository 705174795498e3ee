package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communityscheduler.server.ServerSettings;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.junit.jupiter.api.Test;

/** {@code serve}'s options (or their environment variables) become the server's settings, as the README states them. */
class ServeCommandTest extends CommandTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("SCHEDULER_PORT", "8081", "SCHEDULER_DATA_DIR", "none",
            "SCHEDULER_MAX_TIME_LIMIT", "2m", "SCHEDULER_API_TOKEN", "s3cret", "SCHEDULER_SOLVERS", "3");

    @Test
    void eightJobsPerSolverMayWaitOrSolveUnlessMaxJobsSaysOtherwise() {
        assertThat(settings("--solvers", "1").maxOpenJobs()).isEqualTo(8);
        assertThat(settings("--solvers", "2").maxOpenJobs()).isEqualTo(16);
        assertThat(settings("--max-jobs", "3", "--solvers", "4").maxOpenJobs()).isEqualTo(3);
    }

    @Test
    void eventStreamsAreCappedAsToldPerClientAndInAll() {
        assertThat(settings().maxEventStreamsPerClient()).isEqualTo(16);
        assertThat(settings().maxEventStreams()).isEqualTo(256);
        ServerSettings told = settings("--max-event-streams-per-client", "2", "--max-event-streams", "40");
        assertThat(told.maxEventStreamsPerClient()).isEqualTo(2);
        assertThat(told.maxEventStreams()).isEqualTo(40);
        assertThat(settings("--max-event-streams", "40").maxEventStreamsPerClient()).isEqualTo(16);
        assertThat(CommandTest.<ServeCommand>parsed(Map.of("SCHEDULER_MAX_EVENT_STREAMS", "9"), "serve").settings()
                .maxEventStreams()).isEqualTo(9);
    }

    @Test
    void theEnvironmentGivesWhatTheCommandLineDoesNotAndTheCommandLineWins() {
        ServerSettings fromEnvironment = CommandTest.<ServeCommand>parsed(ENVIRONMENT, "serve").settings();

        assertThat(fromEnvironment.port()).isEqualTo(8081);
        assertThat(fromEnvironment.dataDir()).isNull();
        assertThat(fromEnvironment.maxTimeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(fromEnvironment.apiToken()).isEqualTo("s3cret");
        assertThat(fromEnvironment.parallelSolvers()).isEqualTo(3);

        ServerSettings flagsWin = CommandTest.<ServeCommand>parsed(ENVIRONMENT, "serve", "--port", "9090", "--token", "other")
                .settings();
        assertThat(flagsWin.port()).isEqualTo(9090);
        assertThat(flagsWin.apiToken()).isEqualTo("other");
        assertThat(flagsWin.maxTimeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings().apiToken()).as("nothing in the environment").isNull();
        assertThat(settings("--port", "0", "--port", "9090").port()).as("the last of two").isEqualTo(9090);
    }

    @Test
    void theMetricsTokenComesFromItsOptionOrSchedulerMetricsToken() {
        assertThat(settings().metricsToken()).as("/metrics open by default").isNull();
        assertThat(settings("--metrics-token", "scrape-me").metricsToken()).isEqualTo("scrape-me");
        assertThat(CommandTest.<ServeCommand>parsed(Map.of("SCHEDULER_METRICS_TOKEN", "from-env"), "serve").settings()
                .metricsToken()).isEqualTo("from-env");
        assertThat(settings("--token", "api").metricsToken()).as("the API's token is not the metrics'").isNull();
    }

    @Test
    void theReadmesTakeoverTimeIsTheBoundTheDefaultLeaseAndHeartbeatGive() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher row = Pattern.compile("\\| a job of a replica killed with `kill -9` goes on on another \\| "
                + "(\\d+(?:\\.\\d+)?) to (\\d+(?:\\.\\d+)?) s after the kill").matcher(readme);
        assertThat(row.find()).as("the README's row of the takeover after kill -9").isTrue();

        Duration lease = DatabaseSettings.DEFAULT_LEASE;
        Duration heartbeat = DatabaseSettings.DEFAULT_HEARTBEAT;
        // The dead replica renewed its lease at most a heartbeat before the kill; the survivor claims the job at its
        // first heartbeat after the lease ran out.
        assertThat(Double.parseDouble(row.group(1))).isEqualTo(lease.minus(heartbeat).toSeconds());
        assertThat(Double.parseDouble(row.group(2))).isEqualTo(lease.plus(heartbeat).toSeconds());
    }

    @Test
    void thePublicUrlComesFromItsOptionOrSchedulerPublicUrl() {
        assertThat(settings().publicUrl()).isNull();
        assertThat(settings("--public-url", "https://plan.example.org/").publicUrl()).isEqualTo("https://plan.example.org");
        assertThat(CommandTest.<ServeCommand>parsed(Map.of("SCHEDULER_PUBLIC_URL", "https://lb.example.org"), "serve")
                .settings().publicUrl()).isEqualTo("https://lb.example.org");

        assertThat(runIn(Map.of(), "serve", "--public-url", "plan.example.org")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("the public URL must be http(s)://host[/path], not plan.example.org");
    }

    @Test
    void eachOptionsVariableIsItsNameInCapitalsAndABadValueIsBadInput() {
        assertThat(ServeCommand.Environment.variable("--max-time-limit")).isEqualTo("SCHEDULER_MAX_TIME_LIMIT");
        assertThat(ServeCommand.Environment.variable("--token")).isEqualTo("SCHEDULER_API_TOKEN");

        assertThat(runIn(Map.of("SCHEDULER_PORT", "seventy"), "serve")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("--port must be a whole number, not \"seventy\"");
    }

    @Test
    void theDatabaseComesFromItsOptionOrSchedulerDatabaseUrlAndItsUserAndPasswordFromTheEnvironmentOnly() {
        Map<String, String> environment = Map.of("SCHEDULER_DATABASE_URL", "jdbc:postgresql://db:5432/scheduler",
                "SCHEDULER_DATABASE_USER", "scheduler", "SCHEDULER_DATABASE_PASSWORD", "pw");
        DatabaseSettings fromEnvironment = CommandTest.<ServeCommand>parsed(environment, "serve")
                .databaseSettings(environment);
        assertThat(fromEnvironment.url()).isEqualTo("jdbc:postgresql://db:5432/scheduler");
        assertThat(fromEnvironment.user()).isEqualTo("scheduler");
        assertThat(fromEnvironment.password()).isEqualTo("pw");
        assertThat(fromEnvironment.lease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fromEnvironment.heartbeat()).isEqualTo(Duration.ofSeconds(3));

        DatabaseSettings told = CommandTest.<ServeCommand>parsed("serve", "--database",
                "jdbc:postgresql://other/jobs?password=secret", "--database-lease", "20s", "--database-heartbeat", "5s")
                .databaseSettings(Map.of());
        assertThat(told.lease()).isEqualTo(Duration.ofSeconds(20));
        assertThat(told.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(told.toString()).as("never the password").doesNotContain("secret");
        assertThat(settings().dataDir()).isNotNull();
        assertThat(CommandTest.<ServeCommand>parsed("serve").databaseSettings(Map.of())).as("files by default").isNull();

        assertThat(run("serve", "--database", "postgres://db/scheduler")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("jdbc:postgresql://");
        assertThat(run("serve", "--database", "jdbc:postgresql://db/s", "--database-lease", "4s",
                "--database-heartbeat", "3s")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: the lease (4s) must be at least twice the heartbeat (3s)");
        clearStderr();
        assertThat(run("serve", "--database", "postgres://db/scheduler", "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("错误：数据库 URL 必须是 PostgreSQL JDBC URL，例如"
                + " jdbc:postgresql://localhost:5432/scheduler，而不是 postgres://db/scheduler" + System.lineSeparator());
    }

    @Test
    void aBadSizeIsOneLineInTheLanguageAsked() {
        assertThat(run("serve", "--max-request-size", "lots")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("error: \"lots\" is not a size (for example 10MB, 512KB)" + System.lineSeparator());
        clearStderr();
        assertThat(run("serve", "--max-request-size", "lots", "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("错误：“lots”不是大小（例如 10MB、512KB）" + System.lineSeparator());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndBadInput() {
        assertThat(run("serve", "--port", "0", "--data-dir", "none", "--database",
                "jdbc:postgresql://127.0.0.1:1/scheduler?password=secret")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("error: cannot use the database jdbc:postgresql://127.0.0.1:1/scheduler")
                .doesNotContain("secret").doesNotContain("\tat ");
    }

    private static ServerSettings settings(String... options) {
        return CommandTest.<ServeCommand>parsed("serve", options).settings();
    }
}
