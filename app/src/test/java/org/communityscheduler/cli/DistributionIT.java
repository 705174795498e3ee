package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator unpacks it, after {@code mvn package}: {@code bin/scheduler} on nothing but a
 * Java runtime (no Maven, no class path from the build) solves the sample it ships and serves.
 */
class DistributionIT {

    private static final Path ZIP = Path.of(System.getProperty("distribution.zip", "target/missing.zip"));
    private static final Path TARBALL = Path.of(System.getProperty("distribution.tarball", "target/missing.tar.gz"));
    private static final String HOME = ZIP.getFileName().toString().replaceFirst("\\.zip$", "");
    /** The serving line, in either language: printed once the jobs are read back, after Javalin's own "Listening on". */
    private static final Pattern SERVING = Pattern.compile("(?:Serving on|服务地址) http://localhost:(\\d+)/");

    @TempDir
    Path folder;

    record Result(int exit, String stdout, String stderr) {
    }

    @Test
    void unpackedOnAPlainJavaRuntimeItSolvesTheSampleAndServes() throws Exception {
        // Where a Chinese user unpacks it: a folder named in Chinese, with a space.
        Path home = unzip(ZIP, Files.createDirectories(folder.resolve("下载/排期 文件"))).resolve(HOME);
        assertThat(home.resolve("bin/scheduler")).isExecutable();
        assertThat(home.resolve("bin/scheduler.bat")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("lib")).isDirectoryContaining("glob:**/picocli-*.jar")
                .isDirectoryContaining("glob:**/app-*.jar");

        Result help = run(home, "bin/scheduler", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).startsWith("Usage: scheduler").contains("solve", "serve");

        Result solve = run(home, "bin/scheduler", "solve", "samples/binzhou-huanghe.json", "--time-limit", "2s");
        assertThat(solve.exit()).as(solve.stderr()).isZero();
        assertThat(solve.stdout()).contains("all hard rules hold");

        Result workbook = run(home, "bin/scheduler", "validate", "samples/week.xlsx");
        assertThat(workbook.exit()).as(workbook.stderr()).isZero();

        Map<String, HttpResponse<String>> served = serve(home, "/health", "/", "/app.js");
        assertThat(served.values()).allSatisfy(response -> assertThat(response.statusCode()).as(response.uri().getPath())
                .isEqualTo(200));
        assertThat(served.get("/health").body()).contains("\"UP\"");
        assertThat(served.get("/").body()).contains("<script type=\"module\" src=\"/app.js\"></script>");
        assertThat(served.get("/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript");
    }

    @Test
    void theTarballHoldsTheSameFiles() throws Exception {
        Result tarball = run(folder, "tar", "tzf", TARBALL.toAbsolutePath().toString());
        List<String> zipped;
        try (FileSystem zip = FileSystems.newFileSystem(ZIP)) {
            try (Stream<Path> files = Files.walk(zip.getPath("/"))) {
                zipped = files.filter(Files::isRegularFile).map(file -> file.toString().substring(1)).sorted().toList();
            }
        }

        assertThat(tarball.exit()).isZero();
        assertThat(tarball.stdout().lines().filter(line -> !line.endsWith("/")).sorted().toList()).isEqualTo(zipped)
                .contains(HOME + "/bin/scheduler", HOME + "/samples/binzhou-huanghe.json", HOME + "/samples/week.xlsx");
    }

    /** Unpacks the zip as unzip would, file modes included (the JDK's zip file system reads them). */
    private static Path unzip(Path zip, Path into) throws IOException {
        try (FileSystem zipped = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true));
                Stream<Path> entries = Files.walk(zipped.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path target = into.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                }
            }
        }
        return into;
    }

    /** {@code bin/scheduler serve} on a free port, asked for each path, then stopped. */
    private Map<String, HttpResponse<String>> serve(Path home, String... paths) throws Exception {
        Path log = folder.resolve("serve.log");
        Process serve = process(home, "bin/scheduler", "serve", "--port", "0", "--data-dir", "none")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && serve.isAlive()) {
                Matcher serving = SERVING.matcher(Files.readString(log));
                if (serving.find()) {
                    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
                    for (String path : paths) {
                        answers.put(path, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + serving.group(1) + path)).build(),
                                HttpResponse.BodyHandlers.ofString()));
                    }
                    return answers;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the server did not start: " + Files.readString(log));
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** In {@code directory}, with only this runtime's java on the PATH: no JAVA_HOME, no Maven. */
    private static ProcessBuilder process(Path directory, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("JAVA") || name.startsWith("MAVEN")
                || name.equals("CLASSPATH") || name.startsWith("SCHEDULER_"));
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        environment.put("JAVA_OPTS", "-Xmx512m");
        return builder;
    }

    private Result run(Path directory, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = process(directory, command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(List.of(command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
