package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.workbook.PlanWorkbook;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * Reads a plan file, JSON or a workbook ({@code .xlsx}) (or the bundled sample), and prints its problems and
 * diagnostics; reads a schedule file as JSON for the commands that take one.
 */
final class PlanInput {

    private PlanInput() {
    }

    /** The plan's intake, or null when the file itself could not be read (already reported). */
    private static PlanIntake read(String file, PrintStream err, Language language) {
        if (file == null) {
            return PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow().getBytes(StandardCharsets.UTF_8),
                    PlanLimits.NONE);
        }
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            return PlanWorkbook.isWorkbook(file) ? PlanWorkbook.read(bytes, PlanLimits.NONE).intake()
                    : PlanIntake.read(bytes, PlanLimits.NONE);
        } catch (NoSuchFileException e) {
            err.println(Text.of("cli.error", Text.of("cli.noSuchFile", file)).in(language));
        } catch (IOException e) {
            err.println(Text.of("cli.error", Text.of("cli.cannotRead", file, String.valueOf(e.getMessage())))
                    .in(language));
        }
        return null;
    }

    /**
     * The plan's intake when it is valid. Null when the file could not be read (said on {@code err}) or the plan
     * has problems: each problem and diagnostic, then how many problems and {@code consequence}, on
     * {@code problemsTo}, all in the language asked for.
     */
    static PlanIntake readValid(String file, PrintStream problemsTo, PrintStream err, Text consequence,
            Language language) {
        PlanIntake reading = read(file, err, language);
        if (reading == null || reading.isValid()) {
            return reading;
        }
        reading.problems().forEach(problem -> problemsTo.println(problem.path() + ": " + problem.message(language)));
        reading.diagnostics().forEach(diagnostic -> problemsTo.println(line(diagnostic, language)));
        problemsTo.println(Text.of("cli.errorCount", reading.problems().size(), consequence).in(language));
        return null;
    }

    /** A schedule file as JSON, or null when it cannot be read (said on {@code err}). */
    static JsonNode readSchedule(Path file, PrintStream err, Language language) {
        Text error;
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            error = Text.of("cli.noSuchFile", file.toString());
        } catch (JsonProcessingException e) {
            error = Text.of("cli.scheduleNotJson", file.toString(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
        } catch (IOException e) {
            error = Text.of("cli.cannotRead", file.toString(), String.valueOf(e.getMessage()));
        }
        err.println(Text.of("cli.error", error).in(language));
        return null;
    }

    /** "warning activities[2]: ..." in the language asked for. */
    static String line(Diagnostic diagnostic, Language language) {
        return Text.of("plan.severity." + diagnostic.severity()).in(language) + " " + diagnostic.path() + ": "
                + diagnostic.message(language);
    }
}
