package org.communityscheduler.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster on a free loopback port, from Debian's {@code postgresql} package (which
 * {@code .ci/run} installs): started, stopped and started again as an operator would, and deleted at the end. As
 * root, it runs as the package's {@code postgres} user (PostgreSQL refuses to run as root). Without the package the
 * tests that need it are skipped, except in CI ({@code CI=true}), where they fail.
 */
final class TestPostgres implements AutoCloseable {

    private static final String USER = "scheduler";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path directory;
    final int port;
    /** Stops the cluster if the test process is stopped before {@link #close()}. */
    private final Thread leftOver = new Thread(this::stopImmediately, "test-postgres-stop");

    private TestPostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** A new cluster, running. */
    static TestPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path directory = Files.createTempDirectory("scheduler-postgres");
        if (ROOT) {
            run(List.of("chown", "postgres:postgres", directory.toString()), false);
        }
        TestPostgres postgres = new TestPostgres(bin, directory, freePort());
        postgres.command("initdb", "-D", postgres.data().toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-sync", "--no-instructions");
        postgres.startServer();
        Runtime.getRuntime().addShutdownHook(postgres.leftOver);
        return postgres;
    }

    /** A fresh, empty database in the cluster: its JDBC URL (user and password not needed). */
    String newDatabase() throws SQLException {
        String name = "scheduler_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** Stops the server as a restart would ({@code pg_ctl stop -m fast}: every connection is cut). */
    void stopServer() throws IOException, InterruptedException {
        command("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
    }

    void startServer() throws IOException, InterruptedException {
        command("pg_ctl", "-D", data().toString(), "-l", directory.resolve("postgres.log").toString(), "-w", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c max_connections=100", "start");
    }

    @Override
    public void close() throws IOException {
        Runtime.getRuntime().removeShutdownHook(leftOver);
        stopImmediately();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void stopImmediately() {
        try {
            command("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException | IOException alreadyStopped) {
            // Nothing to stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void command(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command, true);
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** The newest installed PostgreSQL's programs; skips the test without them (fails it in CI). */
    private static Path binaries() throws IOException {
        Path installed = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(installed)) {
            try (Stream<Path> entries = Files.list(installed)) {
                entries.filter(version -> Files.isExecutable(version.resolve("bin/pg_ctl"))).forEach(versions::add);
            }
        }
        versions.sort(Comparator.comparingInt(version -> majorVersion(version.getFileName().toString())));
        if (versions.isEmpty()) {
            String missing = "PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        return versions.get(versions.size() - 1).resolve("bin");
    }

    private static int majorVersion(String folder) {
        return folder.matches("\\d{1,3}") ? Integer.parseInt(folder) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
