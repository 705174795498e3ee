package org.communityscheduler.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Diagnostic;
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
     * Reads a workbook into a plan: what the workbook itself gets wrong (not a workbook, a column twice, an error
     * value) and what the plan's reading finds, all at once, at their cells. The plan is read from the very JSON
     * bytes a job keeps ({@link Reading#json()}), so that a plan taken from a workbook always reads back.
     */
    public static Reading read(byte[] xlsx, PlanLimits limits) {
        WorkbookReader.Result result = WorkbookReader.read(xlsx);
        byte[] json = result.json();
        Reading where = new Reading(null, json, result.cells());
        if (!result.complete()) { // a sheet that could not be read would make every reference to it a problem
            return new Reading(new PlanIntake(null, result.problems(), result.diagnostics()), json, result.cells());
        }
        PlanIntake intake = PlanIntake.read(json, limits);
        List<Problem> problems = new ArrayList<>(result.problems());
        for (Problem problem : intake.problems()) {
            if (isSaid(result.said(), problem.path())) {
                continue; // its cell said what is wrong with it
            }
            Problem located = missingColumn(result, problem);
            if (located == null) {
                problems.add(new Problem(where.cellOf(problem.path()), problem.text()));
            } else if (!problems.contains(located)) {
                problems.add(located); // once, not once a row
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        diagnostics.addAll(where.locatedDiagnostics(intake.diagnostics()));
        return new Reading(new PlanIntake(problems.isEmpty() ? intake.plan() : null, problems, diagnostics,
                where::cellOf), json, result.cells());
    }

    private static boolean isSaid(Set<String> said, String path) {
        for (String at = path; !at.isEmpty(); at = at.substring(0, Math.max(0, Math.max(at.lastIndexOf('.'),
                at.lastIndexOf('['))))) {
            if (said.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /** {@code rooms[3].capacity} is required: the rooms' sheet has no capacity column, said at its header row. */
    private static Problem missingColumn(WorkbookReader.Result result, Problem problem) {
        if (!problem.code().equals("plan.required") && !problem.code().equals("plan.sessionRequired")) {
            return null;
        }
        Matcher field = LIST_FIELD.matcher(problem.path());
        return field.matches() ? result.missingColumns().get(field.group(1) + "." + field.group(2)) : null;
    }

    private static final Pattern LIST_FIELD = Pattern.compile("(\\w+)\\[\\d+]\\.(\\w+)");

    /** A valid plan as a workbook, its sheets and headers in the language asked for. */
    public static byte[] write(Plan plan, Language language) {
        return WorkbookWriter.write(plan, language);
    }

    /**
     * A workbook read: its intake (problems and diagnostics at their cells, and so the model's diagnostics too), the
     * plan as UTF-8 JSON (what a job keeps; empty when the workbook could not be read), and the way from a JSON path
     * to its cell.
     */
    public record Reading(PlanIntake intake, byte[] json, Map<String, String> cells) {

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
    }
}
