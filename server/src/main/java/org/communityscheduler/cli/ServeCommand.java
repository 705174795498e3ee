package org.communityscheduler.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communityscheduler.server.DataDirectoryLock;
import org.communityscheduler.server.SchedulerServer;
import org.communityscheduler.server.ServerSettings;
import org.communityscheduler.solve.TimeLimit;

/**
 * {@code ./scheduler serve [--port 7070] [--data-dir DIR] ...}: the HTTP API until the process is stopped.
 * Jobs are kept in the data directory, which one server holds at a time, and found again after a restart. Ctrl-C
 * or SIGTERM stops it gracefully, with exit code 0: no new jobs, solves stopped early with their best on disk, to
 * go on when the server is back.
 */
final class ServeCommand {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,6})d");
    /** The API token, when the --token option does not give one. */
    static final String TOKEN_VARIABLE = "SCHEDULER_API_TOKEN";

    private final PrintStream err;

    ServeCommand(PrintStream err) {
        this.err = err;
    }

    int run(Arguments arguments) {
        arguments.allowing("port", "data-dir", "solvers", "threads", "max-time-limit", "max-request-size", "max-jobs",
                "max-sessions", "keep-finished", "keep-for", "token", "cors-origin");
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("serve takes no PLAN; send plans to POST /api/schedules");
        }
        ServerSettings settings = settings(arguments);
        // Requests and solves are logged at info, with the time, as a server log should be.
        Logging.configure(true);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");

        SchedulerServer server = new SchedulerServer(settings);
        try {
            server.start();
        } catch (DataDirectoryLock.Unavailable e) {
            err.println("error: " + e.getMessage());
            server.stop();
            return Main.BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("error: cannot serve on port " + settings.port() + ": " + e.getMessage());
            server.stop();
            return Main.BAD_INPUT;
        }
        // SIGTERM or Ctrl-C: a graceful stop is a clean exit (0), not the JVM's 143 or 130 for a signal.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            err.flush();
            Runtime.getRuntime().halt(Main.OK);
        }, "graceful-stop"));
        err.println("Serving on http://localhost:" + server.port() + "/ — API docs at /api-docs. Ctrl-C stops.");
        err.println(settings.dataDir() == null ? "Jobs are kept in memory only (--data-dir none)."
                : "Jobs are kept in " + settings.dataDir() + ".");
        if (settings.apiToken() != null) {
            err.println("The API needs its token: Authorization: Bearer <token>.");
        }
        server.awaitStop();
        return Main.OK;
    }

    static ServerSettings settings(Arguments arguments) {
        ServerSettings settings = ServerSettings.defaults();
        settings = settings.withPort(Arguments.integer(arguments.option("port", Integer.toString(settings.port())), "--port"));
        String dataDir = arguments.option("data-dir", null);
        settings = settings.withDataDir(dataDir == null ? ServerSettings.DEFAULT_DATA_DIR
                : dataDir.equals("none") ? null : Path.of(dataDir));
        if (arguments.options().containsKey("solvers") || arguments.options().containsKey("threads")) {
            settings = settings.withCores(
                    arguments.options().containsKey("solvers") ? Arguments.integer(arguments.option("solvers", null), "--solvers") : null,
                    arguments.options().containsKey("threads") ? Arguments.integer(arguments.option("threads", null), "--threads") : null);
        }
        if (arguments.options().containsKey("max-time-limit")) {
            settings = settings.withMaxTimeLimit(TimeLimit.parse(arguments.option("max-time-limit", null)));
        }
        if (arguments.options().containsKey("max-request-size")) {
            settings = settings.withMaxRequestBytes(bytes(arguments.option("max-request-size", null)));
        }
        if (arguments.options().containsKey("max-jobs")) {
            settings = settings.withMaxOpenJobs(Arguments.integer(arguments.option("max-jobs", null), "--max-jobs"));
        }
        if (arguments.options().containsKey("max-sessions")) {
            settings = settings.withMaxSessions(Arguments.integer(arguments.option("max-sessions", null), "--max-sessions"));
        }
        if (arguments.options().containsKey("keep-finished") || arguments.options().containsKey("keep-for")) {
            int count = Arguments.integer(arguments.option("keep-finished", Integer.toString(settings.keepFinished())),
                    "--keep-finished");
            Duration age = arguments.options().containsKey("keep-for") ? age(arguments.option("keep-for", null))
                    : settings.keepFinishedFor();
            settings = settings.withKeepFinished(count, age);
        }
        String token = arguments.option("token", System.getenv(TOKEN_VARIABLE));
        if (token != null && !token.isBlank()) {
            settings = settings.withApiToken(token.strip());
        }
        if (arguments.options().containsKey("cors-origin")) {
            settings = settings.withCorsOrigins(List.of(arguments.option("cors-origin", null).split(",")).stream()
                    .map(String::strip).filter(origin -> !origin.isEmpty()).toList());
        }
        return settings;
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
            throw new IllegalArgumentException("\"" + text + "\" is not a size (for example 10MB, 512KB)");
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
