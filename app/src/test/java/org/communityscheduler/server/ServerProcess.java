package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.workbook.PlanWorkbook;
import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.plan.Json;

/**
 * {@code scheduler serve} as a process of its own, as an operator runs it: started with the test class path,
 * its port read from what it prints, killed as a crash would (or stopped as SIGTERM does).
 */
final class ServerProcess implements AutoCloseable {

    static final String SAMPLE = DemoPlans.json(DemoPlans.DEFAULT).orElseThrow();
    /** The serving line, in either language: printed once the jobs are read back, after Javalin's own "Listening on". */
    private static final Pattern SERVING = Pattern.compile("(?:Serving on|服务地址) http://localhost:(\\d+)/");

    final Process process;
    final int port;
    /** From the start of the process until it answered its port. */
    final Duration startup;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, int port, Duration startup, Path log) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startup = startup;
    }

    /** What a server that would not start said, and its exit code. */
    record Refusal(int exitCode, String output) {
    }

    static ServerProcess start(Path dataDir, String... options) throws IOException {
        long started = System.nanoTime();
        Path log = Files.createTempFile("scheduler-serve", ".log");
        Process process = launch(dataDir, log, options);
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher serving = SERVING.matcher(Files.readString(log));
            if (serving.find()) {
                return new ServerProcess(process, Integer.parseInt(serving.group(1)),
                        Duration.ofNanos(System.nanoTime() - started), log);
            }
            ServerProcess.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start: " + Files.readString(log));
    }

    /** Starts {@code serve} expecting it to refuse to start: answers its exit code and what it printed. */
    static Refusal startRefused(Path dataDir, String... options) throws IOException, InterruptedException {
        Path log = Files.createTempFile("scheduler-serve", ".log");
        try {
            Process process = launch(dataDir, log, options);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("the server started: " + Files.readString(log));
            }
            return new Refusal(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Process launch(Path dataDir, Path log, String... options) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath, "org.communityscheduler.cli.Main", "serve", "--port", "0",
                "--data-dir", dataDir.toString(), "--solvers", "1"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("SCHEDULER_API_TOKEN"); // the test's own options decide
        return builder.start();
    }

    /** SIGSTOP: the process holds its port and its locks but writes nothing until {@link #resume()}. */
    void suspend() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed with " + exit);
        }
    }

    /** Opens a job's event stream in the background; its lines arrive as the server sends them. */
    CompletableFuture<HttpResponse<Stream<String>>> events(String id) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/schedules/" + id
                + "/events")).GET().build(), HttpResponse.BodyHandlers.ofLines());
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return send(client, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Submits a plan; the new job's id. */
    String submit(String plan, String timeLimit) {
        HttpResponse<String> response = send("POST", "/api/schedules?timeLimit=" + timeLimit, plan);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).get("id").asText();
    }

    /** Submits a plan workbook (.xlsx); the new job's id. */
    String submitWorkbook(byte[] workbook, String timeLimit) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/schedules?timeLimit=" + timeLimit))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", PlanWorkbook.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(workbook))
                .build();
        HttpResponse<String> response = send(client, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).get("id").asText();
    }

    /** A job as the server answers for it now. */
    JsonNode schedule(String id) {
        HttpResponse<String> response = send("GET", "/api/schedules/" + id, null);
        assertThat(response.statusCode()).as("%s%nThe server's log:%n%s", response.body(), output()).isEqualTo(200);
        return json(response.body());
    }

    /** Sends a request and waits for the answer; an I/O failure or an interrupt fails the test. */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and waits for the exit; answers the exit code. */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within " + within + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A temporary file.
        }
    }
}
