package org.communityscheduler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

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
}
