package org.communityscheduler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** What a command-line test needs: a folder of its own, and the command's exit code, stdout and stderr. */
abstract class CommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** As {@link #run}, in the given environment instead of this process's. */
    int runIn(Map<String, String> environment, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    /** The command, its options read from args (and serve's from the environment) but not run. */
    static <T> T parsed(Map<String, String> environment, String command, String... args) {
        CommandLine root = Main.commandLine(System.out, System.err, environment);
        root.parseArgs(Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new));
        return root.getSubcommands().get(command).getCommand();
    }

    static <T> T parsed(String command, String... args) {
        return parsed(Map.of(), command, args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what earlier commands printed on stdout, so the next one's output can be read alone. */
    void clearStdout() {
        out.reset();
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what earlier commands printed on stderr. */
    void clearStderr() {
        err.reset();
    }
}
