package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.workbook.PlanWorkbook;

/** Reads a plan file, JSON or a workbook ({@code .xlsx}) (or the bundled sample), and prints its problems and diagnostics. */
final class PlanInput {

    private PlanInput() {
    }

    /** The plan's intake, or null when the file itself could not be read (already reported). */
    private static PlanIntake read(String file, PrintStream err) {
        if (file == null) {
            return PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow().getBytes(StandardCharsets.UTF_8),
                    PlanLimits.NONE);
        }
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            return PlanWorkbook.isWorkbook(file) ? PlanWorkbook.read(bytes, PlanLimits.NONE).intake()
                    : PlanIntake.read(bytes, PlanLimits.NONE);
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + file);
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * The plan's intake when it is valid. Null when the file could not be read (said on {@code err}) or the plan
     * has problems: each problem and diagnostic, then how many problems and {@code consequence}, on
     * {@code problemsTo}.
     */
    static PlanIntake readValid(String file, PrintStream problemsTo, PrintStream err, String consequence) {
        PlanIntake reading = read(file, err);
        if (reading == null || reading.isValid()) {
            return reading;
        }
        reading.problems().forEach(problemsTo::println);
        reading.diagnostics().forEach(problemsTo::println);
        problemsTo.println(reading.problems().size() + " error(s): " + consequence);
        return null;
    }
}
