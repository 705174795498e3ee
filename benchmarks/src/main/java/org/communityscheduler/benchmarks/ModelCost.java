package org.communityscheduler.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.PlanReading;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.plan.WeeklyHours;

/**
 * What reading, validating and building the model of a plan costs against its size in candidate placements
 * ({@link Plan#candidatePlacements()}: rooms × starts summed over activities): the benchmark weeks, which must
 * stay within {@link Plan#MAX_CANDIDATE_PLACEMENTS}, and wide weeks on a 1-minute grid, up to twice it.
 */
public final class ModelCost {

    public static final String MARKDOWN = "model-cost.md";
    /** Wide weeks beyond the limit are still built, to show what the limit saves, up to this many placements. */
    private static final long LARGEST_BUILT = 200_000_000;

    /**
     * @param validateMillis reading and validating the JSON, as {@code POST /api/plans/validate} starts
     * @param modelMillis building the model; for a plan beyond the limit, what it would have cost (null: not tried)
     */
    public record Row(String week, long jsonBytes, long sessions, int rooms, int slotMinutes, long placements,
            boolean accepted, long validateMillis, Long modelMillis) {
    }

    private ModelCost() {
    }

    /** The weeks, then the ITC2007 instances, then wide weeks of 20 activities and 100 to 2 000 rooms. */
    public static List<Row> measure(List<Dataset> datasets, List<Path> itc2007, PrintStream progress) {
        List<Row> rows = new ArrayList<>();
        measure("warm-up", wideWeek(50, 20, 15, true));
        for (Dataset dataset : datasets) {
            rows.add(report(progress, measure(dataset.name(), dataset.generate().plan())));
        }
        for (Path file : itc2007) {
            rows.add(report(progress, measure(file.getFileName().toString(), Itc2007.readPlan(file))));
        }
        for (int rooms : new int[] { 100, 250, 500, 1_000, 2_000 }) {
            rows.add(report(progress, measure("wide-" + rooms + "-rooms", wideWeek(rooms, 20, 1, false))));
            rows.add(report(progress, measure("wide-" + rooms + "-rooms-own-hours", wideWeek(rooms, 20, 1, true))));
        }
        return rows;
    }

    private static Row report(PrintStream progress, Row row) {
        progress.printf(Locale.ROOT, "%s: %,d placements, validated in %d ms%n", row.week(), row.placements(),
                row.validateMillis());
        return row;
    }

    static Row measure(String week, Plan plan) {
        String json = Json.write(plan);
        long started = System.nanoTime();
        PlanReading reading = PlanReader.read(json);
        long validateMillis = (System.nanoTime() - started) / 1_000_000;
        long placements = plan.candidatePlacements();
        Long modelMillis = null;
        if (reading.isValid() || placements <= LARGEST_BUILT) {
            started = System.nanoTime();
            ModelBuilder.build(plan);
            modelMillis = (System.nanoTime() - started) / 1_000_000;
        }
        return new Row(week, json.getBytes(StandardCharsets.UTF_8).length, plan.sessionCount(), plan.rooms().size(),
                plan.week().slotMinutes(), placements, reading.isValid(), validateMillis, modelMillis);
    }

    /**
     * The shape of the plan in issue 11: one site open all week, many rooms, a few activities, a 1-minute grid.
     * With {@code ownHours} each room closes at its own minute of the day, so no two rooms share their hours.
     */
    static Plan wideWeek(int rooms, int activities, int slotMinutes, boolean ownHours) {
        WeeklyHours always = WeeklyHours.NONE;
        for (Day day : Day.values()) {
            always = always.with(day, "00:00-24:00");
        }
        List<Plan.Room> roomList = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            WeeklyHours hours = null;
            if (ownHours) {
                hours = WeeklyHours.NONE;
                for (Day day : Day.values()) {
                    hours = hours.with(day, "00:00-" + TimeOfDay.format(Day.MINUTES_PER_DAY - i % 1_300));
                }
            }
            roomList.add(new Plan.Room("r" + i, null, null, 10, null, null, hours, null));
        }
        List<Plan.Activity> activityList = new ArrayList<>();
        for (int i = 0; i < activities; i++) {
            activityList.add(new Plan.Activity("a" + i, null, null, 60, 1, 5, null, null, null, null, null, null, null,
                    null));
        }
        return new Plan("wide week", new Plan.Week(null, slotMinutes, null),
                List.of(new Plan.Site("s", null, always, null, null, null)), roomList, null, null, null, activityList,
                null, null, null);
    }

    public static String markdown(List<Row> rows, Machine machine, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder("# What a plan's model costs, by its candidate placements\n\n");
        md.append(ResultFiles.conditions(machine, loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "%nA plan may ask for at most %,d candidate placements (rooms × starts on "
                + "its slot grid, summed over activities); one beyond is refused by validation, before any model is "
                + "built. **validate**: reading and validating the JSON; **model**: building the model (for a refused "
                + "plan, what it would have cost; beyond %,d placements, not tried).%n%n", Plan.MAX_CANDIDATE_PLACEMENTS, LARGEST_BUILT));
        md.append("| week | JSON | sessions | rooms | slot | candidate placements | accepted | validate | model |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %,d KB | %,d | %,d | %d min | %,d | %s | %s | %s |%n",
                    row.week(), Math.max(1, row.jsonBytes() / 1024), row.sessions(), row.rooms(), row.slotMinutes(),
                    row.placements(), row.accepted() ? "yes" : "**refused**", ResultFiles.seconds(row.validateMillis()),
                    row.modelMillis() == null ? "–" : ResultFiles.seconds(row.modelMillis())));
        }
        return md.toString();
    }

    public static Path write(List<Row> rows, Machine machine, String loadBefore, String loadAfter, Path directory) {
        return ResultFiles.writeMarkdown(directory, MARKDOWN, markdown(rows, machine, loadBefore, loadAfter));
    }
}
