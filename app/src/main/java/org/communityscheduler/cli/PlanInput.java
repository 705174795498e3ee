package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;

/** Reads a plan file (or the bundled sample) and prints its problems and diagnostics. */
final class PlanInput {

    private PlanInput() {
    }

    /** The plan's reading, or null when the file itself could not be read (already reported). */
    static PlanReading read(String file, PrintStream err) {
        if (file == null) {
            return PlanReader.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow());
        }
        try {
            return PlanReader.read(Files.readAllBytes(Path.of(file)));
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + file);
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
        }
        return null;
    }

    static void report(PlanReading reading, PrintStream stream) {
        reading.problems().forEach(stream::println);
        reading.diagnostics().forEach(stream::println);
    }
}
