package org.communityscheduler.workbook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Language;

/**
 * A weekly plan as an Excel/WPS workbook ({@code .xlsx}), in and out. Reading builds the plan's JSON from the
 * sheets and takes it through {@link PlanIntake}, the one way in, so a workbook meets the same rules as a JSON
 * file; each problem and diagnostic is then said at its sheet and cell ({@code 活动!J5: unknown worker "wang"}).
 */
public final class PlanWorkbook {

    /** The media type of {@code .xlsx} files, for HTTP. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private PlanWorkbook() {
    }

    /** Whether a file is a workbook, by its name: {@code week.xlsx}. */
    public static boolean isWorkbook(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Reads a workbook into a plan: what the workbook itself gets wrong (not a workbook, a column twice) and
     * what the plan's reading finds, all at once, at their cells.
     */
    public static Reading read(byte[] xlsx, PlanLimits limits) {
        WorkbookReader.Result result = WorkbookReader.read(xlsx);
        Reading where = new Reading(null, result.plan(), result.cells());
        if (!result.opened()) {
            return new Reading(new PlanIntake(null, result.problems(), List.of()), result.plan(), result.cells());
        }
        PlanIntake intake = PlanIntake.read(result.plan(), limits);
        List<Problem> problems = new ArrayList<>(result.problems());
        problems.addAll(where.located(intake.problems()));
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        diagnostics.addAll(where.locatedDiagnostics(intake.diagnostics()));
        return new Reading(new PlanIntake(problems.isEmpty() ? intake.plan() : null, problems, diagnostics,
                where::cellOf), result.plan(), result.cells());
    }

    /** A valid plan as a workbook, its sheets and headers in the language asked for. */
    public static byte[] write(Plan plan, Language language) {
        return WorkbookWriter.write(plan, language);
    }

    /**
     * A workbook read: its intake (problems and diagnostics at their cells, and so the model's diagnostics too), the
     * plan JSON it made, and the way from a JSON path to its cell.
     */
    public record Reading(PlanIntake intake, ObjectNode planJson, Map<String, String> cells) {

        /** The plan as UTF-8 JSON, as it would have been sent: what a job keeps. */
        public byte[] json() {
            return Json.write(planJson).getBytes(StandardCharsets.UTF_8);
        }

        /** The cell a JSON path's value came from ({@code 活动!J5}), or the nearest one that holds it. */
        public String cellOf(String path) {
            String at = path;
            while (true) {
                String cell = cells.get(at);
                if (cell != null) {
                    return cell;
                }
                int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
                if (cut <= 0) {
                    return path;
                }
                at = at.substring(0, cut);
            }
        }

        public Diagnostic located(Diagnostic diagnostic) {
            return new Diagnostic(diagnostic.severity(), cellOf(diagnostic.path()), diagnostic.text());
        }

        public List<Diagnostic> locatedDiagnostics(List<Diagnostic> diagnostics) {
            return diagnostics.stream().map(this::located).toList();
        }

        List<Problem> located(List<Problem> problems) {
            return problems.stream().map(p -> new Problem(cellOf(p.path()), p.text())).toList();
        }
    }
}
