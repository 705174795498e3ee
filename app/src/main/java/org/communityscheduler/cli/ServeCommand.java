package org.communityscheduler.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communityscheduler.server.SchedulerServer;
import org.communityscheduler.server.ServerSettings;
import org.communityscheduler.server.storage.DataDirectoryLock;
import org.communityscheduler.server.storage.Database;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.communityscheduler.solve.TimeLimit;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code ./scheduler serve [--port 7070] [--data-dir DIR] ...}: the HTTP API until the process is stopped.
 * Jobs are kept in the data directory, which one server holds at a time, and found again after a restart. Ctrl-C
 * or SIGTERM stops it gracefully, with exit code 0: no new jobs, solves stopped early with their best on disk, to
 * go on when the server is back.
 */
@Command(name = "serve", description = { "The HTTP API and the web page, until stopped.",
        "Jobs are kept in the data directory and go on after a restart; one server holds it at a time (exit 2 if"
                + " another does). Ctrl-C or SIGTERM stops solves early with their best on disk and exits 0. API docs at"
                + " http://localhost:7070/api-docs.",
        "With --database, jobs and published weeks are kept in PostgreSQL instead, shared by several replicas: any"
                + " answers for any job or calendar feed, and a dead replica's jobs go on on another once its lease"
                + " runs out." },
        footer = { "", "Each option can come from the environment instead: SCHEDULER_ and its name in capitals"
                + " (SCHEDULER_PORT, SCHEDULER_DATA_DIR, SCHEDULER_MAX_TIME_LIMIT...), the token as SCHEDULER_API_TOKEN."
                + " An option on the command line wins." })
final class ServeCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,6})d");
    /** The API token, when the --token option does not give one. */
    static final String TOKEN_VARIABLE = "SCHEDULER_API_TOKEN";
    /** The database's JDBC URL, when --database does not give it; its user and password come only from these. */
    static final String DATABASE_VARIABLE = "SCHEDULER_DATABASE_URL";
    static final String DATABASE_USER_VARIABLE = "SCHEDULER_DATABASE_USER";
    static final String DATABASE_PASSWORD_VARIABLE = "SCHEDULER_DATABASE_PASSWORD";

    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Mixin
    LanguageOption language;

    @Option(names = "--port", paramLabel = "PORT", description = "The HTTP port (7070; 0 picks a free one).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR|none", description = "Where jobs are kept (~/.community-scheduler/jobs); none keeps them in memory only.")
    String dataDir;

    @Option(names = "--solvers", paramLabel = "N", description = "Solves at once (one per core by default).")
    Integer solvers;

    @Option(names = "--threads", paramLabel = "N", description = {
            "Cores a solve running alone uses (all by default); one started while k others run gets a (k+1)-th of them.",
            "Give only one of --solvers and --threads and the other fills the cores (--threads 2 on 8 cores: 4 at once)." })
    Integer threads;

    @Option(names = "--max-time-limit", paramLabel = "TIME", description = "The longest time limit a request may ask for (10m).")
    String maxTimeLimit;

    @Option(names = "--max-request-size", paramLabel = "SIZE", description = "The largest plan accepted, e.g. 10MB, 512KB (10MB).")
    String maxRequestSize;

    @Option(names = "--max-jobs", paramLabel = "N", description = "Jobs that may wait or solve at once (8 per solver).")
    Integer maxJobs;

    @Option(names = "--max-sessions", paramLabel = "N", description = "The most sessions a plan may ask for (5000).")
    Integer maxSessions;

    @Option(names = "--max-event-streams", paramLabel = "N", description = "Event streams open at once, all clients together (256).")
    Integer maxEventStreams;

    @Option(names = "--max-event-streams-per-client", paramLabel = "N", description = "Event streams one client (address) may hold open (16).")
    Integer maxEventStreamsPerClient;

    @Option(names = "--keep-finished", paramLabel = "N", description = "Finished jobs kept (500).")
    Integer keepFinished;

    @Option(names = "--keep-for", paramLabel = "AGE", description = "How long a finished job is kept: 30d, 12h (30d).")
    String keepFor;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Every /api request then needs Authorization: Bearer TOKEN.")
    String token;

    @Option(names = "--metrics-token", paramLabel = "TOKEN", description = "Every /metrics request then needs Authorization: Bearer TOKEN (open by default; not the API's token).")
    String metricsToken;

    @Option(names = "--cors-origin", paramLabel = "ORIGINS", description = "Origins (https://...) whose pages may call the API, comma-separated.")
    String corsOrigin;

    @Option(names = "--public-url", paramLabel = "URL", description = "Where people reach this server (https://example.org), for the calendar feed links; the address each request came to by default.")
    String publicUrl;

    @Option(names = "--database", paramLabel = "JDBC_URL", description = {
            "Keep jobs and published weeks in PostgreSQL, shared by several replicas:"
                    + " jdbc:postgresql://host:5432/scheduler (user and password"
                    + " in the URL, or SCHEDULER_DATABASE_USER and SCHEDULER_DATABASE_PASSWORD)." })
    String database;

    @Option(names = "--database-lease", paramLabel = "TIME", description = "With --database: how long a replica holds a job without a heartbeat; a dead replica's jobs go on elsewhere after it (10s).")
    String databaseLease;

    @Option(names = "--database-heartbeat", paramLabel = "TIME", description = "With --database: how often a replica renews its leases and claims waiting jobs (3s).")
    String databaseHeartbeat;

    ServeCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        Language language = this.language.language();
        ServerSettings settings = settings();
        DatabaseSettings databaseSettings = databaseSettings(System.getenv());
        // Requests and solves are logged at info, with the time, as a server log should be.
        Logging.configure(true);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // The pool's own warnings repeat, with stack traces, what the job database logs in a line.
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "error");

        SchedulerServer server = new SchedulerServer(settings, databaseSettings);
        try {
            server.start();
        } catch (Database.Unavailable e) {
            err.println(Text.of("cli.error", Text.of("database.unavailable", databaseSettings, e.getMessage()))
                    .in(language));
            server.stop();
            return Main.BAD_INPUT;
        } catch (DataDirectoryLock.Unavailable e) {
            err.println(Text.of("cli.error", e.text()).in(language));
            server.stop();
            return Main.BAD_INPUT;
        } catch (RuntimeException e) {
            err.println(Text.of("cli.error", Text.of("cli.cannotServe", settings.port(), String.valueOf(e.getMessage())))
                    .in(language));
            server.stop();
            return Main.BAD_INPUT;
        }
        // SIGTERM or Ctrl-C: a graceful stop is a clean exit (0), not the JVM's 143 or 130 for a signal.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            err.flush();
            Runtime.getRuntime().halt(Main.OK);
        }, "graceful-stop"));
        err.println(Text.of("cli.serving", server.port()).in(language));
        if (databaseSettings != null) {
            err.println(Text.of("database.serving", databaseSettings, settings.parallelSolvers(),
                    databaseSettings.lease().toMillis() / 1000.0).in(language));
        } else {
            err.println((settings.dataDir() == null ? Text.of("cli.jobsInMemory")
                    : Text.of("cli.jobsKeptIn", settings.dataDir().toString())).in(language));
        }
        if (settings.apiToken() != null) {
            err.println(Text.of("cli.tokenNeeded").in(language));
        }
        server.awaitStop();
        return Main.OK;
    }

    ServerSettings settings() {
        ServerSettings settings = ServerSettings.defaults();
        if (port != null) {
            settings = settings.withPort(port);
        }
        settings = settings.withDataDir(dataDir == null ? ServerSettings.DEFAULT_DATA_DIR
                : dataDir.equals("none") ? null : Path.of(dataDir));
        if (solvers != null || threads != null) {
            settings = settings.withCores(solvers, threads);
        }
        if (maxTimeLimit != null) {
            settings = settings.withMaxTimeLimit(TimeLimit.parse(maxTimeLimit));
        }
        if (maxRequestSize != null) {
            settings = settings.withMaxRequestBytes(bytes(maxRequestSize));
        }
        if (maxJobs != null) {
            settings = settings.withMaxOpenJobs(maxJobs);
        }
        if (maxSessions != null) {
            settings = settings.withMaxSessions(maxSessions);
        }
        if (maxEventStreams != null || maxEventStreamsPerClient != null) {
            settings = settings.withMaxEventStreams(
                    maxEventStreamsPerClient != null ? maxEventStreamsPerClient : settings.maxEventStreamsPerClient(),
                    maxEventStreams != null ? maxEventStreams : settings.maxEventStreams());
        }
        if (keepFinished != null || keepFor != null) {
            settings = settings.withKeepFinished(keepFinished != null ? keepFinished : settings.keepFinished(),
                    keepFor != null ? age(keepFor) : settings.keepFinishedFor());
        }
        if (token != null && !token.isBlank()) {
            settings = settings.withApiToken(token.strip());
        }
        if (metricsToken != null && !metricsToken.isBlank()) {
            settings = settings.withMetricsToken(metricsToken.strip());
        }
        if (corsOrigin != null) {
            settings = settings.withCorsOrigins(List.of(corsOrigin.split(",")).stream()
                    .map(String::strip).filter(origin -> !origin.isEmpty()).toList());
        }
        if (publicUrl != null && !publicUrl.isBlank()) {
            settings = settings.withPublicUrl(publicUrl.strip());
        }
        return settings;
    }

    /** The shared database, or null without {@code --database}; its user and password from the environment if given. */
    DatabaseSettings databaseSettings(Map<String, String> environment) {
        if (database == null || database.isBlank()) {
            return null;
        }
        DatabaseSettings settings = DatabaseSettings.of(database.strip(), blankToNull(environment.get(DATABASE_USER_VARIABLE)),
                blankToNull(environment.get(DATABASE_PASSWORD_VARIABLE)));
        if (databaseLease != null || databaseHeartbeat != null) {
            settings = settings.withLease(databaseLease != null ? TimeLimit.parse(databaseLease) : settings.lease(),
                    databaseHeartbeat != null ? TimeLimit.parse(databaseHeartbeat) : settings.heartbeat());
        }
        return settings;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Each option's value when the command line does not give it: {@code SCHEDULER_} and the option's name in
     * capitals ({@code --max-time-limit}: {@code SCHEDULER_MAX_TIME_LIMIT}), the token as {@code SCHEDULER_API_TOKEN}.
     */
    record Environment(Map<String, String> variables) implements IDefaultValueProvider {

        static String variable(String option) {
            return option.equals("--token") ? TOKEN_VARIABLE
                    : option.equals("--database") ? DATABASE_VARIABLE
                    : "SCHEDULER_" + option.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
        }

        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option) || option.usageHelp()) {
                return null;
            }
            String value = variables.get(variable(option.longestName()));
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** {@code 30d}, or a time limit such as {@code 12h}. */
    static Duration age(String text) {
        Matcher days = DAYS.matcher(text.strip().toLowerCase(Locale.ROOT));
        return days.matches() ? Duration.ofDays(Long.parseLong(days.group(1))) : TimeLimit.parse(text);
    }

    /** {@code 10MB}, {@code 512KB}, {@code 1048576}. */
    static long bytes(String text) {
        Matcher size = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!size.matches()) {
            throw new TextException("cli.notASize", text);
        }
        long amount = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "B" : size.group(2);
        return switch (unit) {
            case "KB" -> amount * 1024;
            case "MB" -> amount * 1024 * 1024;
            case "GB" -> amount * 1024 * 1024 * 1024;
            default -> amount;
        };
    }
}
