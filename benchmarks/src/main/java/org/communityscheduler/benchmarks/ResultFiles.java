package org.communityscheduler.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.plan.Json;

/**
 * The results on disk: {@code results.md} (the tables a person reads), {@code summary.csv} (the
 * medians), {@code runs.csv} (every run), {@code scaling.csv} and {@code scaling.svg} (the chart),
 * and {@code results.json} (all of it, with the machine and the options).
 */
public final class ResultFiles {

    public static final String MARKDOWN = "results.md";
    public static final String SCALING_CHART = "scaling.svg";

    private ResultFiles() {
    }

    public static Path write(Benchmarks.Results results, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKDOWN), markdown(results), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("summary.csv"), summaryCsv(results), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("runs.csv"), runsCsv(results), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("results.json"), Json.write(json(results)), StandardCharsets.UTF_8);
            if (!results.scaling().isEmpty()) {
                Files.writeString(directory.resolve("scaling.csv"), scalingCsv(results), StandardCharsets.UTF_8);
                Files.writeString(directory.resolve(SCALING_CHART), scalingChart(Scaling.medians(results.scaling())),
                        StandardCharsets.UTF_8);
            }
            return directory.resolve(MARKDOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results to " + directory, e);
        }
    }

    // ---- markdown

    static String markdown(Benchmarks.Results results) {
        BenchmarkOptions options = results.options();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results, ").append(results.date()).append("\n\n");
        md.append(conditions(results.machine(), results.loadBefore(), results.loadAfter()));
        md.append(String.format(Locale.ROOT,
                "Each configuration solved each week %d time(s) for at most %s (stopping early at the optimum), "
                        + "one run at a time, after a %s warm-up. Figures are medians over the runs; times are "
                        + "seconds of solving. Scores read hard/medium/soft; every week's optimum is 0/0/0 "
                        + "(its planted schedule).%n%n",
                options.runs(), seconds(options.timeLimit().toMillis()), seconds(options.warmUp().toMillis())));
        md.append("- **feasible**: the first best schedule that breaks no hard rule (a week with sessions left "
                + "out can be feasible: leaving a session out costs medium, not hard);\n");
        md.append("- **complete**: feasible with every session placed;\n");
        md.append("- **optimum**: as good as the planted schedule;\n");
        md.append("- **gap**: how far the final best score is from the optimum; **vs default** and **vs greedy**: "
                + "that gap divided by the baseline's, at the first level where either is not zero "
                + "(0.50× soft: half the soft penalty; 0.00× medium: places every session the baseline leaves out);\n");
        md.append("- **moves/s**: moves scored per second over the whole run, by every phase (the chains' tries, the annealing's moves).\n\n");

        for (Dataset dataset : options.datasets()) {
            Benchmarks.Baseline baseline = results.baselines().get(dataset);
            md.append("## ").append(dataset.name()).append(": ");
            if (baseline != null) {
                md.append(String.format(Locale.ROOT,
                        "%d sessions, %d rooms (first come, first served places %d of them)%n%n",
                        baseline.sessions(), baseline.rooms(), baseline.placedByGreedy()));
            } else {
                md.append("\n\n");
            }
            md.append(comparisonTable(results, dataset)).append('\n');
        }

        if (!results.scaling().isEmpty()) {
            md.append("## Scaling of the shipped configuration\n\n");
            md.append("Each size solved until the first complete schedule (or its cap: S 30 s, M 60 s, L 2 min, "
                    + "XL 5 min), medians of ").append(options.runs()).append(" run(s). Heap: in use after a full "
                    + "garbage collection when the first complete schedule is found, or shortly before the cap "
                    + "(plan, model, the solver's working copy and best schedule), less what was in use before.\n\n");
            md.append(scalingTable(Scaling.medians(results.scaling()))).append('\n');
            md.append("![Time to feasible and to complete, and heap, against plan size](").append(SCALING_CHART)
                    .append(")\n");
        }
        return md.toString();
    }

    static String comparisonTable(Benchmarks.Results results, Dataset dataset) {
        List<Integer> checkpoints = results.options().checkpoints();
        List<Summary> rows = results.summaries().stream().filter(s -> s.dataset().equals(dataset)).toList();
        Summary byDefault = rows.stream().filter(s -> s.configuration().equals("default")).findFirst().orElse(null);
        Summary byGreedy = rows.stream().filter(s -> s.configuration().equals("greedy")).findFirst().orElse(null);

        List<String> header = new ArrayList<>(List.of("configuration", "feasible", "complete", "optimum"));
        checkpoints.forEach(seconds -> header.add("best @ " + seconds + " s"));
        header.addAll(List.of("final (= gap)", "vs default", "vs greedy", "moves/s"));
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", header)).append(" |\n");
        table.append("|").append("---|".repeat(header.size())).append('\n');
        for (Summary row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.configuration().equals("shipped") ? "**shipped**" : row.configuration());
            cells.add(time(row.feasibleAt()));
            cells.add(time(row.completeAt()));
            cells.add(time(row.optimumAt()));
            checkpoints.forEach(seconds -> cells.add(score(row.scoresAt().get(seconds))));
            cells.add(score(row.finalScore()));
            cells.add(byDefault == null || row == byDefault ? "" : Summary.ratio(row.gap(), byDefault.gap()));
            cells.add(byGreedy == null || row == byGreedy ? "" : Summary.ratio(row.gap(), byGreedy.gap()));
            cells.add(row.moveEvaluationSpeed() == 0 ? "–" : String.format(Locale.ROOT, "%,d", row.moveEvaluationSpeed()));
            table.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return table.toString();
    }

    static String scalingTable(List<Scaling.Point> medians) {
        StringBuilder table = new StringBuilder();
        table.append("| size | sessions | rooms | model built | feasible | complete | score when stopped | heap | moves/s | cores busy |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Scaling.Point point : medians) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s | %,.1f MB | %,d | %.2f |%n",
                    point.dataset().name(), point.sessions(), point.rooms(), time(point.buildMillis()),
                    time(point.feasibleAt()), time(point.completeAt()), score(point.finalScore()),
                    megabytes(point.heapBytes()), point.moveEvaluationSpeed(), point.coresBusy()));
        }
        return table.toString();
    }

    static String scalingChart(List<Scaling.Point> medians) {
        List<String> sizes = medians.stream()
                .map(p -> p.dataset().week() + "\n" + String.format(Locale.ROOT, "%,d sessions", p.sessions()))
                .toList();
        SvgChart time = new SvgChart("Shipped configuration: time to", sizes, "seconds of solving", true)
                .series("feasible: no hard rule broken", medians.stream().map(p -> secondsOrNull(p.feasibleAt())).toList())
                .series("complete: every session placed", medians.stream()
                        .map(p -> secondsOrNull(p.completeAt())).toList())
                .series("model built", medians.stream().map(p -> Math.max(0.001, p.buildMillis() / 1000.0)).toList());
        SvgChart memory = new SvgChart("Heap in use while solving", sizes, "MB", false)
                .series("live heap", medians.stream().map(p -> megabytes(p.heapBytes())).toList());
        return SvgChart.row(List.of(time, memory));
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static Double secondsOrNull(Long millis) {
        return millis == null ? null : Math.max(0.001, millis / 1000.0);
    }

    // ---- CSV

    static String summaryCsv(Benchmarks.Results results) {
        List<Integer> checkpoints = results.options().checkpoints();
        StringBuilder csv = new StringBuilder("dataset,sessions,configuration,runs,feasibleSeconds,completeSeconds,"
                + "optimumSeconds");
        checkpoints.forEach(seconds -> csv.append(",scoreAt").append(seconds).append('s'));
        csv.append(",finalScore,gap,moveEvaluationSpeed\n");
        for (Summary row : results.summaries()) {
            csv.append(String.join(",", row.dataset().name(), Integer.toString(row.sessions()), row.configuration(),
                    Integer.toString(row.runs()), csvSeconds(row.feasibleAt()), csvSeconds(row.completeAt()),
                    csvSeconds(row.optimumAt())));
            checkpoints.forEach(seconds -> csv.append(',').append(csvScore(row.scoresAt().get(seconds))));
            csv.append(',').append(row.finalScore()).append(',').append(row.gap()).append(',')
                    .append(row.moveEvaluationSpeed()).append('\n');
        }
        return csv.toString();
    }

    static String runsCsv(Benchmarks.Results results) {
        List<Integer> checkpoints = results.options().checkpoints();
        StringBuilder csv = new StringBuilder("dataset,sessions,configuration,run,feasibleSeconds,completeSeconds,"
                + "optimumSeconds");
        checkpoints.forEach(seconds -> csv.append(",scoreAt").append(seconds).append('s'));
        csv.append(",finalScore,timeSpentSeconds,moveEvaluationSpeed,bestScoreChanges\n");
        for (RunResult run : results.runs()) {
            csv.append(String.join(",", run.dataset().name(), Integer.toString(run.sessions()), run.configuration(),
                    Integer.toString(run.run()), csvSeconds(run.feasibleAt()), csvSeconds(run.completeAt()),
                    csvSeconds(run.optimumAt())));
            checkpoints.forEach(seconds -> csv.append(',').append(csvScore(run.scoreAt(seconds * 1000L))));
            csv.append(',').append(run.finalScore()).append(',').append(csvSeconds(run.timeSpentMillis())).append(',')
                    .append(run.moveEvaluationSpeed()).append(',').append(run.bestScores().size()).append('\n');
        }
        return csv.toString();
    }

    static String scalingCsv(Benchmarks.Results results) {
        StringBuilder csv = new StringBuilder("dataset,sessions,rooms,run,buildSeconds,feasibleSeconds,completeSeconds,"
                + "heapMegabytes,moveEvaluationSpeed,finalScore,timeSpentSeconds,coresBusy\n");
        for (Scaling.Point point : results.scaling()) {
            csv.append(String.join(",", point.dataset().name(), Integer.toString(point.sessions()),
                    Integer.toString(point.rooms()), Integer.toString(point.run()), csvSeconds(point.buildMillis()),
                    csvSeconds(point.feasibleAt()), csvSeconds(point.completeAt()),
                    String.format(Locale.ROOT, "%.1f", megabytes(point.heapBytes())),
                    Long.toString(point.moveEvaluationSpeed()),
                    point.finalScore().toString(), csvSeconds(point.timeSpentMillis()),
                    String.format(Locale.ROOT, "%.2f", point.coresBusy()))).append('\n');
        }
        return csv.toString();
    }

    // ---- JSON

    static Map<String, Object> json(Benchmarks.Results results) {
        BenchmarkOptions options = results.options();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", results.date().toString());
        json.put("machine", results.machine());
        json.put("loadAverageBefore", results.loadBefore());
        json.put("loadAverageAfter", results.loadAfter());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("datasets", options.datasets().stream().map(Dataset::name).toList());
        settings.put("configurations", options.configurations().stream()
                .map(c -> Map.of("name", c.name(), "description", c.description())).toList());
        settings.put("timeLimitSeconds", options.timeLimit().toMillis() / 1000.0);
        settings.put("runs", options.runs());
        settings.put("warmUpSeconds", options.warmUp().toMillis() / 1000.0);
        settings.put("scalingDatasets", options.scalingDatasets().stream().map(Dataset::name).toList());
        json.put("options", settings);
        List<Object> baselines = new ArrayList<>();
        results.baselines().forEach((dataset, baseline) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataset", dataset.name());
            row.put("sessions", baseline.sessions());
            row.put("rooms", baseline.rooms());
            row.put("placedByGreedy", baseline.placedByGreedy());
            baselines.add(row);
        });
        json.put("datasets", baselines);
        List<Object> summaries = new ArrayList<>();
        for (Summary summary : results.summaries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataset", summary.dataset().name());
            row.put("configuration", summary.configuration());
            row.put("runs", summary.runs());
            row.put("feasibleSeconds", jsonSeconds(summary.feasibleAt()));
            row.put("completeSeconds", jsonSeconds(summary.completeAt()));
            row.put("optimumSeconds", jsonSeconds(summary.optimumAt()));
            Map<String, String> scores = new LinkedHashMap<>();
            summary.scoresAt().forEach((seconds, score) -> scores.put(seconds + "s", score == null ? null : score.toString()));
            row.put("scoreAt", scores);
            row.put("finalScore", summary.finalScore().toString());
            row.put("gap", summary.gap().toString());
            row.put("moveEvaluationSpeed", summary.moveEvaluationSpeed());
            summaries.add(row);
        }
        json.put("medians", summaries);
        List<Object> runs = new ArrayList<>();
        for (RunResult run : results.runs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataset", run.dataset().name());
            row.put("configuration", run.configuration());
            row.put("run", run.run());
            row.put("feasibleSeconds", jsonSeconds(run.feasibleAt()));
            row.put("completeSeconds", jsonSeconds(run.completeAt()));
            row.put("optimumSeconds", jsonSeconds(run.optimumAt()));
            row.put("finalScore", run.finalScore().toString());
            row.put("timeSpentSeconds", run.timeSpentMillis() / 1000.0);
            row.put("moveEvaluationSpeed", run.moveEvaluationSpeed());
            runs.add(row);
        }
        json.put("runs", runs);
        List<Object> scaling = new ArrayList<>();
        for (Scaling.Point point : results.scaling()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataset", point.dataset().name());
            row.put("sessions", point.sessions());
            row.put("run", point.run());
            row.put("buildSeconds", point.buildMillis() / 1000.0);
            row.put("feasibleSeconds", jsonSeconds(point.feasibleAt()));
            row.put("completeSeconds", jsonSeconds(point.completeAt()));
            row.put("heapMegabytes", Math.round(megabytes(point.heapBytes()) * 10) / 10.0);
            row.put("moveEvaluationSpeed", point.moveEvaluationSpeed());
            row.put("finalScore", point.finalScore().toString());
            row.put("coresBusy", Math.round(point.coresBusy() * 100) / 100.0);
            scaling.add(row);
        }
        json.put("scaling", scaling);
        return json;
    }

    // ---- formatting

    /** {@code 1.2 s}, or {@code never}. */
    /** The machine and its load average before and after a run: the first lines of every results page. */
    /** Writes one markdown file into {@code directory} (made if missing) and returns it. */
    static Path writeMarkdown(Path directory, String name, String markdown) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + directory, e);
        }
    }

    static String conditions(Machine machine, String loadBefore, String loadAfter) {
        return "Machine: " + machine.describe() + ".  \nLoad average (1/5/15 min): " + loadBefore + " before, "
                + loadAfter + " after.  \n";
    }

    static String time(Long millis) {
        return millis == null ? "never" : seconds(millis);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, millis < 100_000 ? "%.1f s" : "%.0f s", millis / 1000.0);
    }

    /** {@code 0/-3/-1200}: hard/medium/soft, short enough for a table. */
    static String score(HardMediumSoftLongScore score) {
        if (score == null) {
            return "–";
        }
        return score.hardScore() + "/" + score.mediumScore() + "/" + score.softScore();
    }

    private static String csvSeconds(Long millis) {
        return millis == null ? "" : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String csvScore(HardMediumSoftLongScore score) {
        return score == null ? "" : score.toString();
    }

    private static Double jsonSeconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }
}
